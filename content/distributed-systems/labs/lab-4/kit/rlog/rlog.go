// Package rlog 是 Lab 4 提供给你的复制日志（replicated log）：一组（通常 3 台）服务器在 labnet
// 上维护同一份有序日志。你在它之上写状态机（state machine），不需要修改它，但值得读一遍：
// 它是 Lab 3 的 Raft 去掉快照之后的一个紧凑版本。
//
// 用法（测试替你创建它，再交给你的参与者或协调者）：
//
//	l := rlog.Make(peers, me, persister, applyCh)
//	index, term, ok := l.Start(cmd) // 只有领导者（leader）接受命令；ok 为 false 表示"我不是领导者"
//	term, isLeader := l.State()
//	msg := <-applyCh                // 已提交（committed）的条目按索引顺序送到每个活着的副本
//
// 保证：
//   - 一个命令一旦在某个副本的 applyCh 上以索引 i 出现，所有副本的索引 i 都是同一个命令，
//     而且它永远不会丢失或改变位置（多数派 majority 存着它）。
//   - 每个副本的 applyCh 按索引 1、2、3……依次送出，不跳过、不重复。新领导者上任时先写一个
//     空条目（no-op，Command 为 nil），借它提交前任留下的条目；上层跳过这些空条目。
//   - 少数派（3 台里的 1 台）崩溃或被隔开（partition）时，其余两台继续工作；领导者死了，
//     几百毫秒内选出新的领导者。
//   - 一台服务器崩溃后用它的 Persister 重启：它从索引 1 开始把已提交的命令重新送一遍
//     （没有快照，日志从不截短），所以上层状态机只要按顺序重新执行日志，就回到崩溃前的状态。
//
// 不保证：Start 返回 ok 的命令一定提交。领导者可能在复制它之前失去领导权，这时索引 index
// 上最终提交的是别的命令（ApplyMsg.Term 与 Start 返回的 term 不同）。调用者要检查这一点。
//
// 命令经 encoding/gob 编码后写进 Persister，所以命令的具体类型必须先 gob.Register。
package rlog

import (
	"bytes"
	"encoding/gob"
	"math/rand"
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
)

const (
	heartbeatInterval  = 50 * time.Millisecond
	electionTimeoutMin = 300 * time.Millisecond
	electionTimeoutMax = 600 * time.Millisecond
	tickInterval       = 10 * time.Millisecond
)

// ApplyMsg 是一条已提交的条目：命令、它在日志中的索引（从 1 开始）和写入它的领导者的任期
// （term）。Command 为 nil 的是领导者上任时写的空条目（no-op），上层跳过它即可。
type ApplyMsg struct {
	Command interface{}
	Index   int
	Term    int
}

// Entry 是一个日志条目。log[0] 是一个哨兵（任期 0），真正的条目从索引 1 开始。
type Entry struct {
	Term    int
	Command interface{}
}

// Log 是复制日志的一个副本（replica）。
type Log struct {
	mu        sync.Mutex
	peers     []*labnet.Endpoint // peers[me] 不用
	me        int
	persister *Persister
	dead      int32
	done      chan struct{} // Kill 关闭它
	applyCh   chan ApplyMsg
	applyCond *sync.Cond

	// 持久化的状态：写进 Persister 之后才能回复 RPC。
	term     int
	votedFor int // 本任期投给了谁，-1 表示还没投
	log      []Entry

	// 内存里的状态。
	leader      bool
	commitIndex int
	lastApplied int
	deadline    time.Time // 到这时还没听到领导者，就发起选举
	nextBeat    time.Time // 领导者下一次发心跳的时间
	nextIndex   []int     // 领导者：下一个要发给各副本的索引
	matchIndex  []int     // 领导者：已知各副本与自己一致的最后索引
}

func (l *Log) lastIndex() int { return len(l.log) - 1 }
func (l *Log) lastTerm() int  { return l.log[len(l.log)-1].Term }

// State 返回当前任期，以及这个副本是否认为自己是领导者。
func (l *Log) State() (term int, isLeader bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.term, l.leader
}

// Start 把 cmd 追加到领导者的日志末尾并开始复制，立即返回它的索引和任期。
// 不是领导者时返回 ok == false。
func (l *Log) Start(cmd interface{}) (index int, term int, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.leader || l.killed() {
		return -1, l.term, false
	}
	l.log = append(l.log, Entry{Term: l.term, Command: cmd})
	l.matchIndex[l.me] = l.lastIndex()
	l.persistLog(l.lastIndex() - 1)
	l.broadcastLocked() // 立即发出去，不等下一次心跳
	return l.lastIndex(), l.term, true
}

// Kill 让这个副本停下：它的 goroutine 退出，不再送出 ApplyMsg，随后关闭 applyCh。
// 测试在模拟崩溃时调用。
func (l *Log) Kill() {
	if atomic.SwapInt32(&l.dead, 1) == 1 {
		return
	}
	close(l.done)
	l.mu.Lock()
	l.applyCond.Broadcast()
	l.mu.Unlock()
}

func (l *Log) killed() bool { return atomic.LoadInt32(&l.dead) == 1 }

type persistentState struct {
	Term     int
	VotedFor int
}

func encode(v interface{}) []byte {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		panic("rlog: encoding for the Persister (did you gob.Register your command type?): " + err.Error())
	}
	return buf.Bytes()
}

func decode(b []byte, v interface{}) {
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		panic("rlog: decoding what the Persister holds: " + err.Error())
	}
}

// persistState 把任期和投票写进稳定存储。
func (l *Log) persistState() {
	l.persister.SaveState(encode(persistentState{l.term, l.votedFor}))
}

// persistLog 把日志写进稳定存储：前 keep 个条目没有变，只写它们之后的。
func (l *Log) persistLog(keep int) {
	var entries [][]byte
	for _, e := range l.log[keep+1:] {
		entries = append(entries, encode(e))
	}
	l.persister.SaveEntries(keep, entries)
}

func (l *Log) resetTimerLocked() {
	span := int64(electionTimeoutMax - electionTimeoutMin)
	l.deadline = time.Now().Add(electionTimeoutMin + time.Duration(rand.Int63n(span)))
}

// stepDownLocked 进入更新的任期，做追随者（follower），本任期还没投票。
func (l *Log) stepDownLocked(term int) {
	l.term, l.votedFor, l.leader = term, -1, false
	l.persistState()
}

// ticker 在领导者沉默太久时发起选举；自己是领导者时按时发心跳（也就是 AppendEntries）。
func (l *Log) ticker() {
	for !l.killed() {
		l.mu.Lock()
		now := time.Now()
		if l.leader && !now.Before(l.nextBeat) {
			l.broadcastLocked()
		} else if !l.leader && !now.Before(l.deadline) {
			l.electLocked()
		}
		l.mu.Unlock()
		time.Sleep(tickInterval)
	}
}

// broadcastLocked 给每个追随者发一次 AppendEntries，并把下一次心跳推迟一个间隔。
func (l *Log) broadcastLocked() {
	l.nextBeat = time.Now().Add(heartbeatInterval)
	for p := range l.peers {
		if p != l.me {
			l.sendAppendLocked(p)
		}
	}
}

// applier 按索引顺序把已提交的命令送到 applyCh；送的时候不持锁，上层可以同时调用 Start。
// Kill 之后它关闭 applyCh，读 applyCh 的 goroutine 由此知道该退出了。
func (l *Log) applier() {
	defer close(l.applyCh)
	l.mu.Lock()
	defer l.mu.Unlock()
	for !l.killed() {
		if l.lastApplied >= l.commitIndex {
			l.applyCond.Wait()
			continue
		}
		var msgs []ApplyMsg
		for i := l.lastApplied + 1; i <= l.commitIndex; i++ {
			msgs = append(msgs, ApplyMsg{Command: l.log[i].Command, Index: i, Term: l.log[i].Term})
		}
		l.lastApplied = l.commitIndex
		l.mu.Unlock()
		for _, m := range msgs {
			select {
			case l.applyCh <- m:
			case <-l.done:
			}
		}
		l.mu.Lock()
	}
}

// Make 创建一个副本，从 persister 恢复任期、投票和日志，立即返回（它的 goroutine 在后台运行）。
// peers[i] 是到第 i 个副本的端点（RPC 服务名 "Log"）；applyCh 由调用者一直读，直到 Kill 之后它被关闭。
func Make(peers []*labnet.Endpoint, me int, persister *Persister, applyCh chan ApplyMsg) *Log {
	l := &Log{peers: peers, me: me, persister: persister, applyCh: applyCh, votedFor: -1, done: make(chan struct{}),
		log: []Entry{{}}, nextIndex: make([]int, len(peers)), matchIndex: make([]int, len(peers))}
	l.applyCond = sync.NewCond(&l.mu)
	if b := persister.ReadState(); len(b) > 0 {
		var st persistentState
		decode(b, &st)
		l.term, l.votedFor = st.Term, st.VotedFor
	}
	for _, b := range persister.ReadEntries() {
		var e Entry
		decode(b, &e)
		l.log = append(l.log, e)
	}
	l.resetTimerLocked()
	go l.ticker()
	go l.applier()
	return l
}

// Package replication 是第 7 讲和第 11 讲里领导者一侧 Raft 片段所在的完整程序：
// 复制器 replicateOnce、快速回退 backOff、提交规则 advanceCommitIndex、应用器 applier。
// 选举不在这里：测试直接把一台服务器设为某个任期的领导者。
// 网络由 Peer 接口代替（Lab 3 的 labnet.Endpoint 和 6.824 labrpc 的 ClientEnd 都有同样的 Call 方法），
// 测试用它制造迟到、乱序、重复和带着更高任期的回复。
package replication

import (
	"bytes"
	"encoding/gob"
	"sync"
	"sync/atomic"
)

type State int

const (
	Follower State = iota
	Candidate
	Leader
)

type LogEntry struct {
	Term    int
	Command interface{}
}

type AppendEntriesArgs struct {
	Term         int
	LeaderId     int
	PrevLogIndex int
	PrevLogTerm  int
	Entries      []LogEntry
	LeaderCommit int
}

type AppendEntriesReply struct {
	Term          int
	Success       bool
	ConflictTerm  int // 0：跟随者在 PrevLogIndex 处没有条目
	ConflictIndex int
}

type ApplyMsg struct {
	CommandValid bool
	Command      interface{}
	CommandIndex int
}

// Peer 是一台对等服务器的 RPC 端点。Call 返回 false 表示没有拿到回复。
type Peer interface {
	Call(svcMeth string, args interface{}, reply interface{}) bool
}

// Persister 模拟稳定存储：Save 之后的字节在“崩溃”后仍在。
type Persister struct {
	mu    sync.Mutex
	state []byte
}

func (p *Persister) Save(state []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.state = append([]byte(nil), state...)
}

func (p *Persister) Load() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]byte(nil), p.state...)
}

type Raft struct {
	mu        sync.Mutex
	applyCond *sync.Cond
	peers     []Peer
	persister *Persister
	me        int
	dead      int32
	done      chan struct{} // Kill 时关闭：唤醒阻塞在 applyCh 发送上的应用器
	applyCh   chan ApplyMsg

	state       State
	currentTerm int
	votedFor    int
	log         []LogEntry // log[0] 是哨兵，真实条目从索引 1 开始

	commitIndex int
	lastApplied int
	nextIndex   []int
	matchIndex  []int
}

// Make 创建一台跟随者，并启动它的应用器。
func Make(peers []Peer, me int, persister *Persister, applyCh chan ApplyMsg) *Raft {
	rf := &Raft{peers: peers, persister: persister, me: me, applyCh: applyCh,
		done: make(chan struct{}), votedFor: -1, log: []LogEntry{{Term: 0}}}
	rf.applyCond = sync.NewCond(&rf.mu)
	go rf.applier()
	return rf
}

func (rf *Raft) lastLogIndex() int { return len(rf.log) - 1 }
func (rf *Raft) termAt(i int) int  { return rf.log[i].Term }
func (rf *Raft) killed() bool      { return atomic.LoadInt32(&rf.dead) == 1 }
func (rf *Raft) GetState() (int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.currentTerm, rf.state == Leader
}

// Kill 让应用器退出：Broadcast 叫醒睡在 Wait 里的它，关闭 done 叫醒卡在发送上的它。
func (rf *Raft) Kill() {
	if !atomic.CompareAndSwapInt32(&rf.dead, 0, 1) {
		return // done 只能关闭一次
	}
	close(rf.done)
	rf.mu.Lock()
	rf.applyCond.Broadcast()
	rf.mu.Unlock()
}

// persist 把 currentTerm、votedFor、log 写进 Persister。调用时持有 rf.mu。
func (rf *Raft) persist() {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(rf.currentTerm); err != nil {
		panic(err)
	}
	if err := enc.Encode(rf.votedFor); err != nil {
		panic(err)
	}
	if err := enc.Encode(rf.log); err != nil {
		panic(err)
	}
	rf.persister.Save(buf.Bytes())
}

// becomeFollower 处理请求或回复里出现的更高任期。调用时持有 rf.mu。
func (rf *Raft) becomeFollower(term int) {
	rf.currentTerm = term
	rf.votedFor = -1
	rf.state = Follower
	rf.persist()
}

// becomeLeader 按 Figure 2 在当选时初始化 nextIndex 与 matchIndex。调用时持有 rf.mu。
func (rf *Raft) becomeLeader() {
	rf.state = Leader
	rf.nextIndex = make([]int, len(rf.peers))
	rf.matchIndex = make([]int, len(rf.peers))
	for i := range rf.peers {
		rf.nextIndex[i] = rf.lastLogIndex() + 1
	}
	rf.matchIndex[rf.me] = rf.lastLogIndex()
}

// Start 把命令追加到领导者的日志，立即返回，不等它提交。
func (rf *Raft) Start(command interface{}) (int, int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.state != Leader {
		return -1, rf.currentTerm, false
	}
	rf.log = append(rf.log, LogEntry{Term: rf.currentTerm, Command: command})
	rf.persist()
	rf.matchIndex[rf.me] = rf.lastLogIndex()
	return rf.lastLogIndex(), rf.currentTerm, true
}

// ANCHOR: replicate
func (rf *Raft) replicateOnce(peer int) {
	rf.mu.Lock()
	if rf.state != Leader {
		rf.mu.Unlock()
		return
	}
	prev := rf.nextIndex[peer] - 1
	args := AppendEntriesArgs{
		Term:         rf.currentTerm,
		LeaderId:     rf.me,
		PrevLogIndex: prev,
		PrevLogTerm:  rf.log[prev].Term,
		// 复制一份：Call 编码 args 时（labnet 或 6.824 的 labrpc 都一样），rf.log 可能正被别的 goroutine 修改
		Entries:      append([]LogEntry(nil), rf.log[prev+1:]...),
		LeaderCommit: rf.commitIndex,
	}
	rf.mu.Unlock()

	var reply AppendEntriesReply
	if !rf.peers[peer].Call("Raft.AppendEntries", &args, &reply) {
		return // 没有回复：下一次心跳会重试
	}

	rf.mu.Lock()
	defer rf.mu.Unlock()
	if reply.Term > rf.currentTerm {
		rf.becomeFollower(reply.Term) // 更新任期、votedFor = -1、persist()
		return
	}
	if rf.state != Leader || rf.currentTerm != args.Term {
		return // 过期回复：发出请求时的那个任期已经结束
	}
	if reply.Success {
		match := args.PrevLogIndex + len(args.Entries) // 用发出去的参数计算
		if match > rf.matchIndex[peer] {
			rf.matchIndex[peer] = match
		}
		rf.nextIndex[peer] = rf.matchIndex[peer] + 1
		rf.advanceCommitIndex() // 内部会在 commitIndex 前进时 rf.applyCond.Broadcast()
		return
	}
	// 同任期的拒绝也可能是乱序到达的旧回复：只有它拒绝的正是现在要发的位置，
	// 并且这个位置在对方已确认的范围之外，才据此回退。
	if args.PrevLogIndex != rf.nextIndex[peer]-1 || args.PrevLogIndex <= rf.matchIndex[peer] {
		return
	}
	rf.backOff(peer, &reply) // 回退 nextIndex（第 7 讲的快速回退）
}

// ANCHOR_END: replicate

// ANCHOR: backoff
// backOff 按第 7 讲的 ConflictTerm/ConflictIndex 规则回退 nextIndex。调用时持有 rf.mu。
func (rf *Raft) backOff(peer int, reply *AppendEntriesReply) {
	next := reply.ConflictIndex // 跟随者太短，或领导者没有 ConflictTerm 这个任期
	if reply.ConflictTerm != 0 {
		for i := rf.lastLogIndex(); i > 0 && rf.termAt(i) >= reply.ConflictTerm; i-- {
			if rf.termAt(i) == reply.ConflictTerm {
				next = i + 1 // 领导者也有这个任期：跳到它在该任期最后一条之后
				break
			}
		}
	}
	if next < 1 {
		next = 1
	}
	rf.nextIndex[peer] = next
}

// ANCHOR_END: backoff

// ANCHOR: commit
// advanceCommitIndex 在领导者更新了某个 matchIndex 之后调用，调用时持有 rf.mu。
func (rf *Raft) advanceCommitIndex() {
	for n := rf.lastLogIndex(); n > rf.commitIndex; n-- {
		if rf.termAt(n) != rf.currentTerm {
			// 日志里的任期单调不减：从这里往前都是旧任期的条目，
			// 它们只能随着某个本任期条目的提交而间接提交。
			break
		}
		count := 1 // 领导者自己
		for peer := range rf.peers {
			if peer != rf.me && rf.matchIndex[peer] >= n {
				count++
			}
		}
		if count > len(rf.peers)/2 {
			rf.commitIndex = n
			rf.applyCond.Broadcast() // 唤醒负责应用日志的 goroutine，不要在这里直接写 applyCh
			return
		}
	}
}

// ANCHOR_END: commit

// ANCHOR: applier
func (rf *Raft) applier() {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	for !rf.killed() {
		if rf.lastApplied >= rf.commitIndex {
			rf.applyCond.Wait() // 放锁睡眠，被 Broadcast 唤醒后重新拿锁
			continue
		}
		rf.lastApplied++
		msg := ApplyMsg{
			CommandValid: true,
			Command:      rf.log[rf.lastApplied].Command,
			CommandIndex: rf.lastApplied,
		}
		rf.mu.Unlock()
		select {
		case rf.applyCh <- msg: // 读者可能很慢，也可能回头调用 rf 的方法：绝不能持锁
		case <-rf.done: // 已被 Kill，上层可能再也不接收：放弃这条消息，回到循环检查 dead
		}
		rf.mu.Lock()
	}
}

// ANCHOR_END: applier

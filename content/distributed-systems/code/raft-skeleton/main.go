package main

import (
	"fmt"
	"sync"
	"time"
)

type Entry struct {
	Term    int
	Command string
}

type ApplyMsg struct {
	CommandIndex int
	Command      string
}

type AppendEntriesArgs struct {
	Term         int
	PrevLogIndex int
	Entries      []Entry
}

// Peer 是对一个跟随者的 AppendEntries RPC：返回 false 表示没有收到回复（超时）。
type Peer interface {
	AppendEntries(args *AppendEntriesArgs) bool
}

// follower 是一个极简的假跟随者，down 为 true 时模拟它不可达。
type follower struct {
	mu   sync.Mutex
	down bool
	log  []Entry
}

func (f *follower) AppendEntries(args *AppendEntriesArgs) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return false // 模拟 RPC 失败（超时）
	}
	// 演示用的捷径：不检查任期，也没有 PrevLogTerm 可查，不管有没有冲突都截断。真正的跟随者只在
	// 冲突处截断（图 2 的第 3 条规则），否则一个迟到的旧 RPC 会删掉已经追加的条目（第 7、11 讲）。
	f.log = append(f.log[:args.PrevLogIndex], args.Entries...)
	return true
}

// Raft 只保留领导者一侧与本讲有关的部分：一把锁、每个跟随者一个复制 goroutine、一个 applier。
type Raft struct {
	mu          sync.Mutex
	currentTerm int
	log         []Entry // log[0] 是占位，真正的条目从下标 1 开始
	commitIndex int
	lastApplied int
	matchIndex  []int
	peers       []Peer       // 下标 0 是自己（nil）
	replCond    []*sync.Cond // 每个跟随者一个：有新条目要发时唤醒它的复制 goroutine
	applyCond   *sync.Cond   // commitIndex 前进时唤醒 applier
	applyCh     chan ApplyMsg
	dead        bool
	done        chan struct{}  // Kill 时关闭：唤醒阻塞在 applyCh 发送上的 applier
	wg          sync.WaitGroup // 跟踪后台 goroutine，Kill 之后用来确认它们都退出了
}

func Make(peers []Peer, applyCh chan ApplyMsg) *Raft {
	rf := &Raft{currentTerm: 1, log: []Entry{{}}, peers: peers, applyCh: applyCh, done: make(chan struct{})}
	rf.matchIndex = make([]int, len(peers))
	rf.replCond = make([]*sync.Cond, len(peers))
	rf.applyCond = sync.NewCond(&rf.mu)
	for i := 1; i < len(peers); i++ {
		rf.replCond[i] = sync.NewCond(&rf.mu)
		rf.wg.Add(1)
		go rf.replicator(i)
	}
	rf.wg.Add(1)
	go rf.applier()
	return rf
}

// Start 只在锁内修改状态、唤醒复制 goroutine，然后立刻返回；它从不等待网络。
func (rf *Raft) Start(cmd string) int {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	rf.log = append(rf.log, Entry{Term: rf.currentTerm, Command: cmd})
	index := len(rf.log) - 1
	rf.matchIndex[0] = index
	for i := 1; i < len(rf.peers); i++ {
		rf.replCond[i].Signal()
	}
	return index
}

func (rf *Raft) replicator(peer int) {
	defer rf.wg.Done()
	rf.mu.Lock()
	defer rf.mu.Unlock()
	for !rf.dead {
		last := len(rf.log) - 1
		if rf.matchIndex[peer] >= last {
			rf.replCond[peer].Wait() // 没有新条目：睡觉，Wait 期间锁是放开的
			continue
		}
		// 在锁内把要发的东西复制出来（简化：从 matchIndex+1 开始发，nextIndex 回退见第 7 讲）。
		prev := rf.matchIndex[peer]
		args := &AppendEntriesArgs{
			Term:         rf.currentTerm,
			PrevLogIndex: prev,
			Entries:      append([]Entry(nil), rf.log[prev+1:]...),
		}
		rf.mu.Unlock()
		ok := rf.peers[peer].AppendEntries(args) // 发 RPC 时绝不持锁
		rf.mu.Lock()
		if !ok {
			rf.mu.Unlock()
			time.Sleep(10 * time.Millisecond) // 失败后稍等再试，同样不持锁
			rf.mu.Lock()
			continue
		}
		// 重新拿到锁后，世界可能已经变了：任期变了就丢弃这个过时的回复。
		if rf.currentTerm != args.Term {
			continue
		}
		if m := args.PrevLogIndex + len(args.Entries); m > rf.matchIndex[peer] {
			rf.matchIndex[peer] = m
		}
		rf.advanceCommit()
	}
}

// advanceCommit 在持锁时调用：找最大的、被多数派复制且属于当前任期的下标。
func (rf *Raft) advanceCommit() {
	for n := len(rf.log) - 1; n > rf.commitIndex; n-- {
		count := 0
		for _, m := range rf.matchIndex {
			if m >= n {
				count++
			}
		}
		if count > len(rf.peers)/2 && rf.log[n].Term == rf.currentTerm {
			rf.commitIndex = n
			rf.applyCond.Signal()
			return
		}
	}
}

// applier 按顺序把已提交的条目交给上层服务。向 applyCh 发送时不持锁。
func (rf *Raft) applier() {
	defer rf.wg.Done()
	rf.mu.Lock()
	defer rf.mu.Unlock()
	for !rf.dead {
		if rf.lastApplied >= rf.commitIndex {
			rf.applyCond.Wait()
			continue
		}
		rf.lastApplied++
		msg := ApplyMsg{CommandIndex: rf.lastApplied, Command: rf.log[rf.lastApplied].Command}
		rf.mu.Unlock()
		select {
		case rf.applyCh <- msg: // 上层可能很慢，甚至会回头调用 Start（需要 rf.mu）
		case <-rf.done: // 已被 Kill，上层可能再也不接收：放弃这条消息，回到循环检查 dead
		}
		rf.mu.Lock()
	}
}

// Kill 让所有后台 goroutine 退出：Broadcast 叫醒睡在条件变量上的，关闭 done 叫醒卡在发送上的。
func (rf *Raft) Kill() {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.dead {
		return // done 只能关闭一次
	}
	rf.dead = true
	close(rf.done)
	rf.applyCond.Broadcast()
	for i := 1; i < len(rf.peers); i++ {
		rf.replCond[i].Broadcast()
	}
}

func main() {
	peers := []Peer{nil, &follower{}, &follower{down: true}} // 三台服务器：自己、S1、S2（S2 不可达）
	applyCh := make(chan ApplyMsg)
	rf := Make(peers, applyCh)

	for _, cmd := range []string{"x=1", "y=2", "x=3"} {
		fmt.Printf("Start(%s) -> index %d\n", cmd, rf.Start(cmd))
	}
	for i := 0; i < 3; i++ {
		msg := <-applyCh
		fmt.Printf("applied %d: %s\n", msg.CommandIndex, msg.Command)
	}

	rf.mu.Lock()
	fmt.Println("commitIndex:", rf.commitIndex, "matchIndex:", rf.matchIndex)
	rf.mu.Unlock()

	rf.Kill()
	rf.wg.Wait()
	fmt.Println("all background goroutines exited")
}

// Output:
// Start(x=1) -> index 1
// Start(y=2) -> index 2
// Start(x=3) -> index 3
// applied 1: x=1
// applied 2: y=2
// applied 3: x=3
// commitIndex: 3 matchIndex: [3 3 0]
// all background goroutines exited

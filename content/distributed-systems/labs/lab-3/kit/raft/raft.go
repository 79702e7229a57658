package raft

// 这是你要完成的文件。测试只通过下面这些导出的函数和方法使用 Raft：
//
//	rf := Make(peers, me, persister, applyCh) // 创建一个节点，必须立即返回
//	rf.Start(command) (index, term, isLeader) // 请领导者把 command 追加到日志，不等它提交
//	rf.GetState() (term, isLeader)            // 当前任期，以及它是否认为自己是领导者
//	rf.Snapshot(index, snapshot)              // 服务已把 index 及之前的状态存进快照（3D）
//	rf.Kill()                                 // 测试让这个实例"死去"
//
// 每条提交的日志条目都要按顺序作为 ApplyMsg 送到 applyCh（见 api.go）。
// 节点之间只能通过 labnet 的 RPC 通信：rf.peers[i].Call("Raft.方法名", &args, &reply)。
// RPC 的参数和回复结构体的字段必须大写开头（导出），否则 gob 不会发送它们。

import (
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
)

// Raft 是一个 Raft 节点的全部状态。
type Raft struct {
	mu        sync.Mutex         // 保护下面所有字段
	peers     []*labnet.Endpoint // 到每个节点的 RPC 端点（包括自己，peers[me] 不要用）
	persister *Persister         // 这个节点的稳定存储
	me        int                // 自己在 peers 中的下标
	dead      int32              // Kill() 把它置为 1

	// 在这里加入你的状态（3A、3B、3C、3D）。论文图 2 列出了每台服务器需要的状态。
}

// GetState 返回当前任期，以及这个节点是否认为自己是领导者。
func (rf *Raft) GetState() (int, bool) {
	var term int
	var isleader bool
	// 你的代码（3A）。
	return term, isleader
}

// persist 把必须在崩溃后保留的状态写入稳定存储（3C）。
// 用 encoding/gob 把状态编码成 []byte，然后调用 rf.persister.Save(raftstate, snapshot)；
// 3D 之前 snapshot 传 nil。
func (rf *Raft) persist() {
	// 你的代码（3C）。
}

// readPersist 从 Make 收到的存储中恢复之前持久化的状态（3C）。
func (rf *Raft) readPersist(data []byte) {
	if len(data) == 0 {
		return // 第一次启动，没有任何状态
	}
	// 你的代码（3C）。
}

// Snapshot 由服务调用：服务已经创建了一个快照，包含直到 index（含）的所有状态，
// Raft 不再需要 index 及之前的日志，应当丢弃它们来缩短日志（3D）。
func (rf *Raft) Snapshot(index int, snapshot []byte) {
	// 你的代码（3D）。
}

// RequestVoteArgs 是 RequestVote RPC 的参数。字段名必须大写开头。
type RequestVoteArgs struct {
	// 你的字段（3A、3B）。
}

// RequestVoteReply 是 RequestVote RPC 的回复。字段名必须大写开头。
type RequestVoteReply struct {
	// 你的字段（3A）。
}

// RequestVote 是 RequestVote RPC 的处理函数（handler），由 labnet 在收到请求时调用。
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	// 你的代码（3A、3B）。
}

// sendRequestVote 向 peers[server] 发送一个 RequestVote RPC，并等待回复。
// 返回 true 表示收到了回复；返回 false 表示请求或回复丢失、对方不可达或已经崩溃。
// false 并不说明对方没有执行处理函数。没有回复时 Call 可能要等一段时间才返回，
// 所以不要在持有 rf.mu 时调用它，也不要让选举的计时等它返回。
func (rf *Raft) sendRequestVote(server int, args *RequestVoteArgs, reply *RequestVoteReply) bool {
	return rf.peers[server].Call("Raft.RequestVote", args, reply)
}

// Start 请求 Raft 把 command 追加到复制日志中。如果这个节点不是领导者，返回 false。
// 否则开始复制并立即返回，不等条目提交：它可能提交，也可能因为领导者失去地位而永远不提交。
// 返回值依次是：这条命令提交后的索引、当前任期、这个节点是否认为自己是领导者。
func (rf *Raft) Start(command interface{}) (int, int, bool) {
	index := -1
	term := -1
	isLeader := false
	// 你的代码（3B）。
	return index, term, isLeader
}

// Kill 由测试在"关掉"一个节点时调用。Kill 之后这个实例不应再做任何事：
// 长期运行的 goroutine 应当检查 rf.killed() 并退出，以免干扰后来的测试。
func (rf *Raft) Kill() {
	atomic.StoreInt32(&rf.dead, 1)
	// 你的代码（如有需要）。
}

func (rf *Raft) killed() bool {
	return atomic.LoadInt32(&rf.dead) == 1
}

// ticker 周期性地检查是否该发起选举。
func (rf *Raft) ticker() {
	for !rf.killed() {
		// 你的代码（3A）：检查是否该发起领导者选举：距最后一次听到当前领导者（或投出一票、
		// 自己发起选举）是否已经超过这个节点的随机选举超时。随机性在选举超时里，不在这里的
		// 睡眠里；睡的时间短，超时到了才能及时发现。

		time.Sleep(10 * time.Millisecond)
	}
}

// Make 创建一个 Raft 节点。所有节点的 peers 顺序相同，peers[me] 是自己。persister 里是
// 这个节点最近一次持久化的状态（如果有）。applyCh 是 Raft 交付已提交条目的通道。
// Make 必须很快返回，所以长时间运行的工作要放在 goroutine 里。
func Make(peers []*labnet.Endpoint, me int,
	persister *Persister, applyCh chan ApplyMsg) *Raft {
	rf := &Raft{}
	rf.peers = peers
	rf.persister = persister
	rf.me = me

	// 你的初始化代码（3A、3B、3C）。

	// 从崩溃前持久化的状态恢复。
	rf.readPersist(persister.ReadRaftState())

	// 启动 ticker goroutine 来发起选举。
	go rf.ticker()

	return rf
}

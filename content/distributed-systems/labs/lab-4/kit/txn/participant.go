package txn

// 这是你要完成的两个文件之一。一个分片由一组（3 台）服务器负责，它们共用一份复制日志
// （dslabs/rlog，套件提供）；Participant 是组里一台服务器上的状态机（state machine）。
// 测试只通过下面这些导出的函数和方法使用它：
//
//	p := MakeParticipant(shard, coord, log, applyCh) // 创建分片 shard 的组里的一台服务器，必须立即返回
//	p.Prepare(args, reply)                           // RPC "Participant.Prepare"：投票
//	p.Decide(args, reply)                            // RPC "Participant.Decide"：执行决定
//	p.Get(args, reply)                               // RPC "Participant.Get"：读已提交值
//	p.Kill()                                         // 测试让这台服务器"崩溃"
//
// 测试已经用这台服务器的 Persister 创建了 log；已提交的日志条目按顺序从 applyCh 送来
// （重启后从索引 1 重新送一遍）。你不能直接写稳定存储：必须在崩溃后保留的东西，都要写进日志。
// 不是领导者时，RPC 回复 WrongLeader。
//
// 参与者只能通过 coord[i].Call("Coordinator.Status", &args, &reply) 与协调者组通信
// （coord[i] 是协调者组的第 i 台服务器）。

import (
	"sync"
	"sync/atomic"

	"dslabs/labnet"
	"dslabs/rlog"
)

// Participant 是一个分片组里的一台服务器。
type Participant struct {
	mu    sync.Mutex
	shard int                // 分片号
	coord []*labnet.Endpoint // 到协调者组各服务器的 RPC 端点
	log   *rlog.Log          // 这个分片组的复制日志
	dead  int32              // Kill() 把它置为 1

	// 在这里加入你的状态（4A、4B）。
}

// Prepare 处理协调者的准备请求（4A）。args.Txn 只含这个分片的键。
func (p *Participant) Prepare(args *PrepareArgs, reply *PrepareReply) {
	// 你的代码（4A、4B）。
}

// Decide 处理协调者的决定（4A）。同一个决定可能到达多次。
func (p *Participant) Decide(args *DecideArgs, reply *DecideReply) {
	// 你的代码（4A、4B）。
}

// Get 返回 args.Key 的已提交值，以及它是否被一个已准备的事务锁住（4A）。
func (p *Participant) Get(args *GetArgs, reply *GetReply) {
	// 你的代码（4A）。
}

// Kill 由测试在让这台服务器崩溃时调用（测试同时 Kill 它的 log）。之后这个实例不应再做任何事。
func (p *Participant) Kill() {
	atomic.StoreInt32(&p.dead, 1)
}

func (p *Participant) killed() bool {
	return atomic.LoadInt32(&p.dead) == 1
}

// MakeParticipant 创建分片 shard 的组里的一台服务器。必须很快返回；读 applyCh 和其他长时间
// 运行的工作放在 goroutine 里，并在 killed() 之后退出。
func MakeParticipant(shard int, coord []*labnet.Endpoint, log *rlog.Log, applyCh chan rlog.ApplyMsg) *Participant {
	p := &Participant{shard: shard, coord: coord, log: log}
	// 你的初始化代码（4A、4B）。
	go func() {
		for range applyCh { // 骨架只是把日志读掉；你要按顺序执行其中的命令
		}
	}()
	return p
}

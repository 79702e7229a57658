package txn

// 这是你要完成的两个文件之一。协调者（coordinator）也是一组（3 台）服务器，共用一份复制日志；
// Coordinator 是组里一台服务器上的状态机，由领导者对客户端提交的每个事务运行两阶段提交。
// 测试只通过下面这些导出的函数和方法使用它：
//
//	c := MakeCoordinator(shards, log, applyCh) // 创建协调者组的一台服务器，必须立即返回
//	c.Submit(args, reply)                      // RPC "Coordinator.Submit"：客户端提交事务
//	c.Status(args, reply)                      // RPC "Coordinator.Status"：参与者询问决定
//	c.Kill()                                   // 测试让这台服务器"崩溃"
//
// shards[s][i] 是到分片 s 的组里第 i 台服务器的端点：
// shards[s][i].Call("Participant.Prepare", &args, &reply)；回复 WrongLeader 时换下一台。
// 用 Txn.Split(len(shards)) 把事务拆给各分片。决定必须先提交到 log，再告诉任何人。

import (
	"sync"
	"sync/atomic"

	"dslabs/labnet"
	"dslabs/rlog"
)

// Coordinator 是协调者组里的一台服务器。
type Coordinator struct {
	mu     sync.Mutex
	shards [][]*labnet.Endpoint
	log    *rlog.Log // 协调者组的复制日志
	dead   int32     // Kill() 把它置为 1

	// 在这里加入你的状态（4A、4B）。
}

// Submit 对 args.Txn 运行两阶段提交，把决定提交到日志后回复（4A）。
func (c *Coordinator) Submit(args *SubmitArgs, reply *SubmitReply) {
	// 你的代码（4A、4B）。
}

// Status 回答参与者：这个事务的决定是什么（4B）。
func (c *Coordinator) Status(args *StatusArgs, reply *StatusReply) {
	// 你的代码（4B）。
}

// Kill 由测试在让这台服务器崩溃时调用（测试同时 Kill 它的 log）。之后这个实例不应再做任何事。
func (c *Coordinator) Kill() {
	atomic.StoreInt32(&c.dead, 1)
}

func (c *Coordinator) killed() bool {
	return atomic.LoadInt32(&c.dead) == 1
}

// MakeCoordinator 创建协调者组的一台服务器。必须很快返回；读 applyCh 和其他长时间运行的
// 工作放在 goroutine 里，并在 killed() 之后退出。
func MakeCoordinator(shards [][]*labnet.Endpoint, log *rlog.Log, applyCh chan rlog.ApplyMsg) *Coordinator {
	c := &Coordinator{shards: shards, log: log}
	// 你的初始化代码（4A、4B）。
	go func() {
		for range applyCh { // 骨架只是把日志读掉；你要按顺序执行其中的命令
		}
	}()
	return c
}

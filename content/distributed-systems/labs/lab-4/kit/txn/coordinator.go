package txn

// 这是你要完成的两个文件之一。协调者（coordinator）对客户端提交的每个事务运行两阶段提交。
// 测试只通过下面这些导出的函数和方法使用它：
//
//	c := MakeCoordinator(shards, persister) // 创建协调者，必须立即返回
//	c.Submit(args, reply)                   // RPC "Coordinator.Submit"：客户端提交事务
//	c.Status(args, reply)                   // RPC "Coordinator.Status"：参与者询问决定
//	c.Kill()                                // 测试让这个实例"崩溃"
//
// shards[i] 是到第 i 个分片参与者的端点：shards[i].Call("Participant.Prepare", &args, &reply)。
// 用 Txn.Split(len(shards)) 把事务拆给各分片。必须在崩溃后保留的状态写进 persister。

import (
	"sync"
	"sync/atomic"

	"dslabs/labnet"
)

// Coordinator 是事务协调者。
type Coordinator struct {
	mu        sync.Mutex
	shards    []*labnet.Endpoint
	persister *Persister
	dead      int32 // Kill() 把它置为 1

	// 在这里加入你的状态（4A、4B）。
}

// Submit 对 args.Txn 运行两阶段提交，把决定写进稳定存储后回复（4A）。
func (c *Coordinator) Submit(args *SubmitArgs, reply *SubmitReply) {
	// 你的代码（4A、4B）。
}

// Status 回答参与者：这个事务的决定是什么（4B）。
func (c *Coordinator) Status(args *StatusArgs, reply *StatusReply) {
	// 你的代码（4B）。
}

// Kill 由测试在让协调者崩溃时调用。之后这个实例不应再做任何事。
func (c *Coordinator) Kill() {
	atomic.StoreInt32(&c.dead, 1)
}

func (c *Coordinator) killed() bool {
	return atomic.LoadInt32(&c.dead) == 1
}

// MakeCoordinator 创建协调者。persister 里是它崩溃前保存的状态（如果有）。
// 必须很快返回；长时间运行的工作放在 goroutine 里，并在 killed() 之后退出。
func MakeCoordinator(shards []*labnet.Endpoint, persister *Persister) *Coordinator {
	c := &Coordinator{shards: shards, persister: persister}
	// 你的初始化代码（4A、4B）。
	return c
}

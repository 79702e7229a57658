package txn

// 这是你要完成的两个文件之一。参与者（participant）管理一个分片的键值数据。测试只通过
// 下面这些导出的函数和方法使用它：
//
//	p := MakeParticipant(me, coord, persister) // 创建第 me 个分片的参与者，必须立即返回
//	p.Prepare(args, reply)                     // RPC "Participant.Prepare"：投票
//	p.Decide(args, reply)                      // RPC "Participant.Decide"：执行决定
//	p.Get(args, reply)                         // RPC "Participant.Get"：读已提交值
//	p.Kill()                                   // 测试让这个实例"崩溃"
//
// 参与者只能通过 coord.Call("Coordinator.Status", &args, &reply) 和协调者通信。
// 必须在崩溃后保留的状态写进 persister（用 encoding/gob 编码）。

import (
	"sync"
	"sync/atomic"

	"dslabs/labnet"
)

// Participant 是一个分片的参与者。
type Participant struct {
	mu        sync.Mutex
	me        int              // 分片号
	coord     *labnet.Endpoint // 到协调者的 RPC 端点
	persister *Persister
	dead      int32 // Kill() 把它置为 1

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

// Kill 由测试在让参与者崩溃时调用。之后这个实例不应再做任何事。
func (p *Participant) Kill() {
	atomic.StoreInt32(&p.dead, 1)
}

func (p *Participant) killed() bool {
	return atomic.LoadInt32(&p.dead) == 1
}

// MakeParticipant 创建第 me 个分片的参与者。persister 里是这个分片崩溃前保存的状态（如果有）。
// 必须很快返回；长时间运行的工作放在 goroutine 里，并在 killed() 之后退出。
func MakeParticipant(me int, coord *labnet.Endpoint, persister *Persister) *Participant {
	p := &Participant{me: me, coord: coord, persister: persister}
	// 你的初始化代码（4A、4B）。
	return p
}

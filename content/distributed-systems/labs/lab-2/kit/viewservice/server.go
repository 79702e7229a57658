package viewservice

// 这是 2A 你要完成的文件：视图服务（view service）。测试只通过下面这些导出的名字使用它：
//
//	vs := StartServer("vs")   // 启动视图服务，必须立即返回
//	vs.Ping(args, reply)      // RPC "ViewServer.Ping"
//	vs.Get(args, reply)       // RPC "ViewServer.Get"
//	vs.Kill()                 // 测试结束时调用
//
// 规则（详见实验说明）：
//   - 主确认（用当前 Viewnum 发 Ping）当前视图之前，视图服务不能进入下一个视图；
//   - 连续 DeadPings 个 PingInterval 没有 Ping 的服务器算死；用 Viewnum 0 Ping 的主或从算重启过（也算死）；
//   - 主死了就让从接任主；从死了就去掉它；有空闲服务器而没有从时，让空闲服务器当从；
//   - 从来没当过从的服务器（没有数据）不能成为主。

import (
	"sync"
	"sync/atomic"
	"time"
)

// ViewServer 是视图服务。
type ViewServer struct {
	mu   sync.Mutex
	me   string
	dead int32 // Kill() 把它置为 1

	// 在这里加入你的状态（2A）。
}

// Ping 记录 args.Me 还活着、它知道第 args.Viewnum 个视图，并回复当前视图（2A）。
func (vs *ViewServer) Ping(args *PingArgs, reply *PingReply) {
	// 你的代码（2A）。
}

// Get 回复当前视图，不改变任何状态（2A）。
func (vs *ViewServer) Get(args *GetArgs, reply *GetReply) {
	// 你的代码（2A）。
}

// tick 每个 PingInterval 被调用一次：判断谁死了，必要时进入下一个视图（2A）。
func (vs *ViewServer) tick() {
	// 你的代码（2A）。
}

// Kill 由测试在结束时调用。之后 ticker 退出。
func (vs *ViewServer) Kill() {
	atomic.StoreInt32(&vs.dead, 1)
}

func (vs *ViewServer) killed() bool {
	return atomic.LoadInt32(&vs.dead) == 1
}

func (vs *ViewServer) ticker() {
	for !vs.killed() {
		vs.tick()
		time.Sleep(PingInterval)
	}
}

// StartServer 创建名为 me 的视图服务，并启动 ticker。
func StartServer(me string) *ViewServer {
	vs := &ViewServer{me: me}
	// 你的初始化代码（2A）。
	go vs.ticker()
	return vs
}

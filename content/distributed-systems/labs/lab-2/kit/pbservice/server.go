package pbservice

// 这是 2B 你要完成的文件：主从复制的键值服务器。测试只通过下面这些导出的名字使用它：
//
//	pb := StartServer(me, vs, peers) // 启动名为 me 的服务器，必须立即返回
//	pb.Get(args, reply)              // RPC "PBServer.Get"
//	pb.PutAppend(args, reply)        // RPC "PBServer.PutAppend"
//	pb.Kill()                        // 测试让这个实例"崩溃"
//
// 服务器用 vs.Ping(viewnum) 向视图服务报告自己还活着，并从回复得知当前视图；用
// peers[name].Call("PBServer.方法名", &args, &reply) 调用别的服务器（比如把操作转发给从、
// 把全部状态传给新的从）。这些服务器之间的 RPC 由你在本文件里定义：参数和回复的字段必须大写开头。
//
// 规则（详见实验说明）：
//   - 只有视图里的主回答客户端；主先把操作转发给从，从确认之后才执行并回复；
//   - 每个 (ClientID, Seq) 至多执行一次（at-most-once），主从切换之后也是；
//   - 视图里出现新的从时，主先把全部状态传给它，再用这个视图号 Ping（确认视图）；
//   - 一个与视图服务失联的旧主不能再回答客户端。

import (
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
	"dslabs/viewservice"
)

// PBServer 是一台键值服务器。
type PBServer struct {
	mu    sync.Mutex
	me    string
	vs    *viewservice.Clerk
	peers map[string]*labnet.Endpoint // 其他服务器名 -> 到它的端点
	dead  int32                       // Kill() 把它置为 1

	// 在这里加入你的状态（2B）。
}

// Get 处理客户端的 Get（2B）。
func (pb *PBServer) Get(args *GetArgs, reply *GetReply) {
	// 你的代码（2B）。
}

// PutAppend 处理客户端的 Put 和 Append（2B）。
func (pb *PBServer) PutAppend(args *PutAppendArgs, reply *PutAppendReply) {
	// 你的代码（2B）。
}

// tick 每个 PingInterval 被调用一次：Ping 视图服务，处理视图的变化（2B）。
func (pb *PBServer) tick() {
	// 你的代码（2B）。
}

// Kill 由测试在让服务器崩溃时调用。之后这个实例不应再做任何事。
func (pb *PBServer) Kill() {
	atomic.StoreInt32(&pb.dead, 1)
}

func (pb *PBServer) killed() bool {
	return atomic.LoadInt32(&pb.dead) == 1
}

func (pb *PBServer) ticker() {
	for !pb.killed() {
		pb.tick()
		time.Sleep(viewservice.PingInterval)
	}
}

// StartServer 创建名为 me 的服务器，并启动 ticker。一台刚启动的服务器没有任何数据。
func StartServer(me string, vs *viewservice.Clerk, peers map[string]*labnet.Endpoint) *PBServer {
	pb := &PBServer{me: me, vs: vs, peers: peers}
	// 你的初始化代码（2B）。
	go pb.ticker()
	return pb
}

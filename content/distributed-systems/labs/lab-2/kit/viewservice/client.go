package viewservice

// 视图服务的客户端 Clerk：键值服务器用它发 Ping，客户端用它找主。不要修改这个文件。

import "dslabs/labnet"

// Clerk 通过一个 labnet 端点调用视图服务 "ViewServer.Ping" 和 "ViewServer.Get"。
type Clerk struct {
	me  string
	end *labnet.Endpoint
}

// MakeClerk 返回名为 me 的服务器（或客户端）使用的 Clerk。
func MakeClerk(me string, end *labnet.Endpoint) *Clerk {
	return &Clerk{me: me, end: end}
}

// Ping 发一次 Ping(viewnum)，返回视图服务的当前视图。消息丢失时 ok 为 false（不重试）。
func (ck *Clerk) Ping(viewnum uint) (v View, ok bool) {
	var reply PingReply
	if !ck.end.Call("ViewServer.Ping", &PingArgs{Me: ck.me, Viewnum: viewnum}, &reply) {
		return View{}, false
	}
	return reply.View, true
}

// Get 读视图服务的当前视图而不 Ping。消息丢失时 ok 为 false（不重试）。
func (ck *Clerk) Get() (v View, ok bool) {
	var reply GetReply
	if !ck.end.Call("ViewServer.Get", &GetArgs{}, &reply) {
		return View{}, false
	}
	return reply.View, true
}

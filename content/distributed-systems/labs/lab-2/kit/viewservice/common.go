package viewservice

// 视图服务的公共定义：视图、RPC 的参数与回复、时间常数。不要修改这个文件。

import "time"

// View 是一个视图（view）：第 Viewnum 个视图里谁是主（Primary）、谁是从（Backup）。
// 空字符串表示没有。视图服务从第 0 个视图开始（没有主也没有从），每次改变视图 Viewnum 加 1。
type View struct {
	Viewnum uint
	Primary string
	Backup  string
}

// 键值服务器每隔 PingInterval 向视图服务发一次 Ping。视图服务如果连续 DeadPings 个
// PingInterval 没有收到一台服务器的 Ping，就认为它已经死了（失效）。
const (
	PingInterval = 100 * time.Millisecond
	DeadPings    = 5
)

// PingArgs 是 Ping 的参数。Me 是发送者的名字；Viewnum 是它所知道的最新视图号。
// 主用 Viewnum 确认（acknowledge）当前视图；一台刚启动（或崩溃后重启）的服务器发 Viewnum 0，
// 视图服务由此知道它丢失了全部状态。
type PingArgs struct {
	Me      string
	Viewnum uint
}

// PingReply 带回视图服务的当前视图。
type PingReply struct {
	View View
}

// GetArgs 是 Get 的参数：不改变任何状态，只读当前视图（客户端用它找到主）。
type GetArgs struct{}

// GetReply 带回视图服务的当前视图。
type GetReply struct {
	View View
}

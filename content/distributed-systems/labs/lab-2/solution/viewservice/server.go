package viewservice

// 参考实现：视图服务。

import (
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// ViewServer 是视图服务。
type ViewServer struct {
	mu   sync.Mutex
	me   string
	dead int32 // Kill() 把它置为 1

	view      View
	acked     bool                 // 主已经用 view.Viewnum Ping 过
	lastPing  map[string]time.Time // 每台服务器最近一次 Ping 的时间
	known     map[string]bool      // 服务器用非 0 的视图号 Ping 过：它知道某个视图，可能有数据
	restarted map[string]bool      // 视图里的成员知道视图之后又用 Viewnum 0 Ping：它重启过、丢了状态，算死
}

// Ping 记录 args.Me 还活着、它知道第 args.Viewnum 个视图，并回复当前视图。
func (vs *ViewServer) Ping(args *PingArgs, reply *PingReply) {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	vs.lastPing[args.Me] = time.Now()
	// 新服务器在收到第一个回复之前一直发 0（回复可能丢了），那不算重启；
	// 用过非 0 视图号之后又发 0，才说明它重启过。
	wasKnown := vs.known[args.Me]
	vs.known[args.Me] = args.Viewnum != 0
	v := &vs.view
	switch {
	case v.Viewnum == 0:
		// 第一台 Ping 的服务器成为第一个视图的主。
		vs.change(args.Me, "")
	case args.Me == v.Primary && args.Viewnum == v.Viewnum:
		vs.acked = true
	case (args.Me == v.Primary || args.Me == v.Backup) && args.Viewnum == 0 && wasKnown:
		vs.restarted[args.Me] = true
	}
	reply.View = *v
}

// Get 回复当前视图。
func (vs *ViewServer) Get(args *GetArgs, reply *GetReply) {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	reply.View = vs.view
}

// change 进入下一个视图；新视图要等主确认。
func (vs *ViewServer) change(primary, backup string) {
	delete(vs.restarted, vs.view.Primary)
	delete(vs.restarted, vs.view.Backup)
	vs.view = View{Viewnum: vs.view.Viewnum + 1, Primary: primary, Backup: backup}
	vs.acked = false
}

func (vs *ViewServer) failed(s string, now time.Time) bool {
	return vs.restarted[s] || now.Sub(vs.lastPing[s]) > DeadPings*PingInterval
}

// idle 返回一台活着、不在视图里的服务器（名字最小的那台），没有则返回 ""。
func (vs *ViewServer) idle(now time.Time) string {
	var names []string
	for s := range vs.lastPing {
		if s != vs.view.Primary && s != vs.view.Backup && !vs.failed(s, now) {
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	return names[0]
}

// tick 判断谁死了，必要时进入下一个视图。主没有确认当前视图时什么都不能改：
// 否则主可能不知道新视图，两台服务器会同时以为自己是主。
func (vs *ViewServer) tick() {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	v := vs.view
	if v.Primary == "" || !vs.acked {
		return
	}
	now := time.Now()
	switch {
	case vs.failed(v.Primary, now):
		// 只有从有数据，才能接任主；没有从就只能等（服务不可用，但不会丢数据）。
		if v.Backup != "" && !vs.failed(v.Backup, now) {
			vs.change(v.Backup, vs.idle(now))
		}
	case v.Backup != "" && vs.failed(v.Backup, now):
		vs.change(v.Primary, vs.idle(now))
	case v.Backup == "":
		if s := vs.idle(now); s != "" {
			vs.change(v.Primary, s)
		}
	}
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
	vs := &ViewServer{me: me, lastPing: map[string]time.Time{}, known: map[string]bool{}, restarted: map[string]bool{}}
	go vs.ticker()
	return vs
}

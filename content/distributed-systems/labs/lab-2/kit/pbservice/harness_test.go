package pbservice

// 2B 的测试框架：在 labnet 上启动视图服务和键值服务器，让服务器崩溃、重启、与视图服务失联，
// 记录客户端的历史并用 linz 检查它是否线性一致。不要修改这个文件。

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"dslabs/labnet"
	"dslabs/linz"
	"dslabs/viewservice"
)

// viewWait 是等待视图变化的上限：视图服务判定死亡需要 DeadPings 个间隔，再加几个 tick。
const viewWait = 6 * viewservice.DeadPings * viewservice.PingInterval

type config struct {
	t       *testing.T
	net     *labnet.Network
	vs      *viewservice.ViewServer
	names   []string
	mu      sync.Mutex
	servers map[string]*PBServer
	ends    map[string][]*labnet.Endpoint          // 每台服务器当前实例发出的端点（崩溃时切断）
	peers   map[string]map[string]*labnet.Endpoint // 每台服务器当前实例到其他服务器的端点
	nends   int
	start   time.Time
	hist    []linz.Op
	clerks  []*Clerk
	vck     *viewservice.Clerk // 测试读视图用
	spy     *vsSpy
}

// vsSpy 包在视图服务外面，记下每台服务器最近一次 Ping 的视图号，让测试知道主是否确认了视图。
type vsSpy struct {
	vs     *viewservice.ViewServer
	mu     sync.Mutex
	pinged map[string]uint
}

func (s *vsSpy) Ping(args *viewservice.PingArgs, reply *viewservice.PingReply) {
	s.mu.Lock()
	s.pinged[args.Me] = args.Viewnum
	s.mu.Unlock()
	s.vs.Ping(args, reply)
}

func (s *vsSpy) Get(args *viewservice.GetArgs, reply *viewservice.GetReply) {
	s.vs.Get(args, reply)
}

func (s *vsSpy) lastPing(name string) uint {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pinged[name]
}

func makeConfig(t *testing.T, n int, reliable bool) *config {
	cfg := &config{t: t, net: labnet.NewNetwork(labnet.Seed(t)), servers: map[string]*PBServer{},
		ends: map[string][]*labnet.Endpoint{}, peers: map[string]map[string]*labnet.Endpoint{}, start: time.Now()}
	cfg.net.SetReliable(reliable)
	cfg.vs = viewservice.StartServer("vs")
	cfg.spy = &vsSpy{vs: cfg.vs, pinged: map[string]uint{}}
	srv := labnet.NewServer()
	srv.Register("ViewServer", cfg.spy)
	cfg.net.AddServer("vs", srv)
	cfg.vck = viewservice.MakeClerk("test", cfg.link("test", "vs"))
	for i := 1; i <= n; i++ {
		cfg.names = append(cfg.names, fmt.Sprintf("s%d", i))
	}
	t.Cleanup(cfg.cleanup)
	return cfg
}

func (cfg *config) cleanup() {
	cfg.mu.Lock()
	for _, ck := range cfg.clerks {
		ck.Stop()
	}
	for _, pb := range cfg.servers {
		pb.Kill()
	}
	cfg.mu.Unlock()
	cfg.vs.Kill()
	cfg.net.Close()
}

// link 建一个新端点；调用者持有 mu（makeConfig 除外：那时还没有别的 goroutine）。
func (cfg *config) link(from, to string) *labnet.Endpoint {
	cfg.nends++
	end := cfg.net.NewEndpoint(fmt.Sprintf("%s->%s#%d", from, to, cfg.nends))
	cfg.net.Connect(end.Name(), to)
	cfg.net.Enable(end.Name(), true)
	return end
}

// startServer 启动（或在崩溃后重启）名为 name 的服务器：一个没有任何数据的新实例。
func (cfg *config) startServer(name string) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	vsEnd := cfg.link(name, "vs")
	ends := []*labnet.Endpoint{vsEnd}
	peers := map[string]*labnet.Endpoint{}
	for _, other := range cfg.names {
		if other != name {
			peers[other] = cfg.link(name, other)
			ends = append(ends, peers[other])
		}
	}
	pb := StartServer(name, viewservice.MakeClerk(name, vsEnd), peers)
	cfg.servers[name], cfg.ends[name], cfg.peers[name] = pb, ends, peers
	srv := labnet.NewServer()
	srv.Register("PBServer", pb)
	cfg.net.AddServer(name, srv)
}

// crash 让服务器崩溃：它收不到也发不出任何消息，内存中的状态随之丢失。
func (cfg *config) crash(name string) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.net.RemoveServer(name)
	for _, e := range cfg.ends[name] {
		cfg.net.Enable(e.Name(), false)
	}
	if pb := cfg.servers[name]; pb != nil {
		pb.Kill()
	}
	delete(cfg.servers, name)
}

// isolateFromVS 切断服务器到视图服务的链路（它的 Ping 全部丢失），其他链路不变。
func (cfg *config) isolateFromVS(name string) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.net.Enable(cfg.ends[name][0].Name(), false)
}

// cutLink 切断服务器 from 到服务器 to 的链路（from 发给 to 的请求全部丢失），其他链路不变。
func (cfg *config) cutLink(from, to string) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.net.Enable(cfg.peers[from][to].Name(), false)
}

// view 读视图服务的当前视图（重试到拿到回复）。
func (cfg *config) view() viewservice.View {
	cfg.t.Helper()
	for i := 0; i < 50; i++ {
		if v, ok := cfg.vck.Get(); ok {
			return v
		}
		time.Sleep(10 * time.Millisecond)
	}
	cfg.t.Fatalf("ViewServer.Get: no reply in 50 tries")
	return viewservice.View{}
}

// waitView 等到视图满足 want，最多 viewWait。
func (cfg *config) waitView(what string, want func(viewservice.View) bool) viewservice.View {
	cfg.t.Helper()
	deadline := time.Now().Add(viewWait)
	var v viewservice.View
	for time.Now().Before(deadline) {
		if v = cfg.view(); want(v) {
			return v
		}
		time.Sleep(viewservice.PingInterval / 2)
	}
	cfg.t.Fatalf("waited %v for %s; the view service's view is still {%d, primary %q, backup %q}",
		viewWait, what, v.Viewnum, v.Primary, v.Backup)
	return v
}

// waitAcked 等到视图 v 的主用 v.Viewnum Ping 视图服务（确认视图），最多 viewWait。
// 有从时，主应当先把全部状态传给从，再确认。
func (cfg *config) waitAcked(v viewservice.View) {
	cfg.t.Helper()
	deadline := time.Now().Add(viewWait)
	for time.Now().Before(deadline) {
		if cfg.spy.lastPing(v.Primary) == v.Viewnum {
			return
		}
		time.Sleep(viewservice.PingInterval / 2)
	}
	cfg.t.Fatalf("waited %v for the primary %s to acknowledge view %d (Ping with Viewnum %d after sending "+
		"its state to the backup %q); its last Ping carried Viewnum %d",
		viewWait, v.Primary, v.Viewnum, v.Viewnum, v.Backup, cfg.spy.lastPing(v.Primary))
}

// client 是一个记录历史的客户端。
type client struct {
	cfg *config
	id  int
	ck  *Clerk
}

func (cfg *config) client() *client {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	servers := map[string]*labnet.Endpoint{}
	k := len(cfg.clerks)
	for _, s := range cfg.names {
		servers[s] = cfg.link(fmt.Sprintf("client%d", k), s)
	}
	ck := MakeClerk(viewservice.MakeClerk(fmt.Sprintf("client%d", k), cfg.link(fmt.Sprintf("client%d", k), "vs")), servers)
	cfg.clerks = append(cfg.clerks, ck)
	return &client{cfg: cfg, id: k, ck: ck}
}

func (cfg *config) now() int64 { return int64(time.Since(cfg.start)) }

func (cfg *config) record(op linz.Op) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.hist = append(cfg.hist, op)
}

// 下面三个方法执行一个操作并把它记进历史。操作超时（Clerk.Timeout）返回 false，
// 这时它作为"没有回复"的操作记录：可能生效了，也可能没有。
func (c *client) get(key string) (string, bool) {
	op := linz.Op{Client: c.id, Kind: linz.Get, Key: key, Call: c.cfg.now()}
	v, ok := c.ck.Get(key)
	op.Output, op.Return = v, c.cfg.now()
	if !ok {
		op.Return = linz.Pending
	}
	c.cfg.record(op)
	return v, ok
}

func (c *client) put(key, value string) bool {
	return c.write(linz.Put, key, value, c.ck.Put)
}

func (c *client) append(key, value string) bool {
	return c.write(linz.Append, key, value, c.ck.Append)
}

func (c *client) write(kind linz.Kind, key, value string, do func(k, v string) bool) bool {
	op := linz.Op{Client: c.id, Kind: kind, Key: key, Value: value, Call: c.cfg.now()}
	ok := do(key, value)
	op.Return = c.cfg.now()
	if !ok {
		op.Return = linz.Pending
	}
	c.cfg.record(op)
	return ok
}

// mustGet、mustPut、mustAppend 要求操作在 Clerk.Timeout 之内完成。
func (c *client) mustGet(key, want string) {
	c.cfg.t.Helper()
	v, ok := c.get(key)
	if !ok {
		c.cfg.t.Fatalf("Get(%q) got no answer within %v: is there a primary that serves?", key, c.ck.Timeout)
	}
	if v != want {
		c.cfg.t.Fatalf("Get(%q) = %q, want %q", key, v, want)
	}
}

func (c *client) mustPut(key, value string) {
	c.cfg.t.Helper()
	if !c.put(key, value) {
		c.cfg.t.Fatalf("Put(%q, %q) got no answer within %v: is there a primary that serves?", key, value, c.ck.Timeout)
	}
}

func (c *client) mustAppend(key, value string) {
	c.cfg.t.Helper()
	if !c.append(key, value) {
		c.cfg.t.Fatalf("Append(%q, %q) got no answer within %v: is there a primary that serves?", key, value, c.ck.Timeout)
	}
}

// checkHistory 检查记录下来的全部历史是否线性一致。
func (cfg *config) checkHistory() {
	cfg.t.Helper()
	cfg.mu.Lock()
	hist := append([]linz.Op(nil), cfg.hist...)
	cfg.mu.Unlock()
	r := linz.Check(hist, 5*time.Second)
	switch r.Verdict {
	case linz.Illegal:
		cfg.t.Fatalf("the history of %d operations is not linearizable:\n%s", len(hist), r.Explain())
	case linz.Unknown:
		cfg.t.Logf("%s (not counted as a failure)", r.Explain())
	}
}

// startPair 启动 s1 和 s2，等到 s1 是主、s2 是从，并给主时间把状态传给从。
func (cfg *config) startPair() {
	cfg.t.Helper()
	cfg.startServer("s1")
	cfg.waitView("s1 to become the first primary (does the server Ping the view service?)",
		func(v viewservice.View) bool { return v.Primary == "s1" })
	cfg.startServer("s2")
	cfg.waitAcked(cfg.waitView("s2 to become the backup", func(v viewservice.View) bool { return v.Backup == "s2" }))
}

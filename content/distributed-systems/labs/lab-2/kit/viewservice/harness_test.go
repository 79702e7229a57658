package viewservice

// 2A 的测试框架：在 labnet 上启动视图服务，测试扮演键值服务器发 Ping。不要修改这个文件。

import (
	"fmt"
	"testing"
	"time"

	"dslabs/labnet"
)

type config struct {
	t     *testing.T
	net   *labnet.Network
	vs    *ViewServer
	nends int
}

func makeConfig(t *testing.T, reliable bool) *config {
	cfg := &config{t: t, net: labnet.NewNetwork(labnet.Seed(t))}
	cfg.net.SetReliable(reliable)
	cfg.vs = StartServer("vs")
	srv := labnet.NewServer()
	srv.Register("ViewServer", cfg.vs)
	cfg.net.AddServer("vs", srv)
	t.Cleanup(func() {
		cfg.vs.Kill()
		cfg.net.Close()
	})
	return cfg
}

// server 是测试扮演的一台键值服务器：它像真正的服务器一样，用上一次回复里的视图号 Ping。
type server struct {
	name string
	ck   *Clerk
	vn   uint // 下一次 Ping 发的视图号
	hold bool // true：一直发 vn，不确认新视图

	lastOK time.Time     // 最近一次 Ping 得到回复的时刻
	maxGap time.Duration // 自 resetGaps 以来，相邻两次得到回复的 Ping 之间最长的间隔
}

func (cfg *config) server(name string) *server {
	cfg.nends++
	end := cfg.net.NewEndpoint(fmt.Sprintf("%s->vs#%d", name, cfg.nends))
	cfg.net.Connect(end.Name(), "vs")
	cfg.net.Enable(end.Name(), true)
	return &server{name: name, ck: MakeClerk(name, end)}
}

// restart 让 s 像刚重启的服务器一样，下一次用 Viewnum 0 Ping。
func (s *server) restart() { s.vn, s.hold = 0, false }

// ping 发一次 Ping；消息丢失时立即重发，最多三次（像一台及时重试的服务器）。
func (s *server) ping() (View, bool) {
	for try := 0; try < 3; try++ {
		if v, ok := s.ck.Ping(s.vn); ok {
			if !s.hold {
				s.vn = v.Viewnum
			}
			now := time.Now()
			if gap := now.Sub(s.lastOK); !s.lastOK.IsZero() && gap > s.maxGap {
				s.maxGap = gap
			}
			s.lastOK = now
			return v, true
		}
	}
	return View{}, false
}

// tooSlow 报告 alive 里是否有服务器在 resetGaps 之后，两次送达的 Ping 相隔接近 DeadPings 个
// 间隔：机器太忙时测试自己的 Ping 就会迟到，视图服务这时判定它死了并没有错。
func tooSlow(alive ...*server) bool {
	for _, s := range alive {
		if s.maxGap >= (DeadPings-1)*PingInterval {
			return true
		}
	}
	return false
}

func resetGaps(alive ...*server) {
	for _, s := range alive {
		s.maxGap = 0
	}
}

// waitFor 让 alive 里的服务器每个 PingInterval Ping 一次（其余的服务器保持沉默，
// 视图服务应当判定它们死了），直到视图服务的视图满足 want；最多等 4*DeadPings 个 PingInterval。
func (cfg *config) waitFor(alive []*server, what string, want func(View) bool) View {
	cfg.t.Helper()
	var v View
	for i := 0; i < 4*DeadPings; i++ {
		for _, s := range alive {
			s.ping()
		}
		if got, ok := cfg.get(alive[0]); ok {
			v = got
			if want(v) {
				return v
			}
		}
		time.Sleep(PingInterval)
	}
	cfg.t.Fatalf("waited %v for %s; the view is still %s", 4*DeadPings*PingInterval, what, show(v))
	return v
}

// pingRounds 让 alive 里的服务器 Ping rounds 轮（每轮隔一个 PingInterval），返回最后读到的视图。
func (cfg *config) pingRounds(alive []*server, rounds int) View {
	var v View
	for i := 0; i < rounds; i++ {
		for _, s := range alive {
			s.ping()
		}
		if got, ok := cfg.get(alive[0]); ok {
			v = got
		}
		time.Sleep(PingInterval)
	}
	return v
}

// get 用 Get 读视图，消息丢失时重试几次。
func (cfg *config) get(s *server) (View, bool) {
	for i := 0; i < 10; i++ {
		if v, ok := s.ck.Get(); ok {
			return v, true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return View{}, false
}

// check 用 Get 读视图，要求它正好是 (viewnum, primary, backup)。
func (cfg *config) check(s *server, viewnum uint, primary, backup string) {
	cfg.t.Helper()
	v, ok := s.ck.Get()
	if !ok {
		cfg.t.Fatalf("ViewServer.Get: no reply on a reliable network")
	}
	want := View{viewnum, primary, backup}
	if v != want {
		cfg.t.Fatalf("view is %s, want %s", show(v), show(want))
	}
}

func show(v View) string {
	name := func(s string) string {
		if s == "" {
			return "none"
		}
		return s
	}
	return fmt.Sprintf("{Viewnum %d, Primary %s, Backup %s}", v.Viewnum, name(v.Primary), name(v.Backup))
}

// primaryAndBackup 建立视图 {2, s1, s2}，并让 s1 确认它。
func (cfg *config) primaryAndBackup(s1, s2 *server) {
	cfg.t.Helper()
	cfg.waitFor([]*server{s1}, s1.name+" to become the first primary", func(v View) bool { return v.Primary == s1.name })
	cfg.waitFor([]*server{s1, s2}, s2.name+" to become the backup", func(v View) bool { return v.Backup == s2.name })
	cfg.check(s1, 2, s1.name, s2.name)
	// 视图 2 可能是在 s1 这一轮 Ping 之后才出现的：第一次 Ping 让 s1 得知视图 2，第二次确认它。
	s1.ping()
	s1.ping()
	s2.ping()
}

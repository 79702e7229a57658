package txn

// 测试框架：创建分片组和协调者组、让其中的服务器崩溃和重启、以客户端身份提交事务、
// 检查结果。不要修改这个文件。

import (
	"fmt"
	"math/rand"
	"sync"
	"testing"
	"time"

	"dslabs/labnet"
	"dslabs/rlog"
)

// 各种等待的上限。正确的实现远远用不到它们；到了上限，测试以一条说明失败。
const (
	submitDeadline = 8 * time.Second // 一次 Submit（含重试、换领导者）得到回复
	settleDeadline = 8 * time.Second // 一个被锁住的键得知决定、解锁
	groupSize      = 3               // 每个组的服务器数
)

// server 是组里的一台服务器的当前实例（崩溃后 log 为 nil）。
type server struct {
	log   *rlog.Log
	part  *Participant
	co    *Coordinator
	svc   *shardSvc
	store *rlog.Persister
	ends  []*labnet.Endpoint // 这个实例发消息用的全部端点，崩溃时断开
	coord []*labnet.Endpoint // 参与者：到协调者组的端点（muteStatus 断开它们）
	peers []*labnet.Endpoint // 到组内各服务器的日志端点（isolate 断开它们）
}

type config struct {
	t      *testing.T
	net    *labnet.Network
	rng    *rand.Rand
	n      int // 分片数；组 0…n-1 是分片，组 n 是协调者
	start  time.Time
	mu     sync.Mutex
	groups [][]*server
	traps  []*trap              // 每个分片组一个
	tests  [][]*labnet.Endpoint // 测试到每个组每台服务器的端点
	leader []int                // 测试记得的每个组的领导者
	muted  []bool               // 分片组到协调者组的消息（Status）是否被断开
	hist   *history
	nends  int
}

func serverName(g, j int) string { return fmt.Sprintf("g%d-%d", g, j) }

// makeConfig 建立 n 个分片组和一个协调者组（withCoord 为 false 时不启动协调者组：测试自己扮演它）。
func makeConfig(t *testing.T, n int, reliable bool, withCoord bool) *config {
	seed := labnet.Seed(t)
	cfg := &config{t: t, net: labnet.NewNetwork(seed), rng: rand.New(rand.NewSource(seed)), n: n,
		start: time.Now(), groups: make([][]*server, n+1), leader: make([]int, n+1), muted: make([]bool, n), hist: &history{}}
	cfg.net.SetReliable(reliable)
	for g := 0; g <= n; g++ {
		var tes []*labnet.Endpoint
		for j := 0; j < groupSize; j++ {
			cfg.groups[g] = append(cfg.groups[g], &server{store: rlog.MakePersister()})
			tes = append(tes, cfg.link("test", g, j))
		}
		cfg.tests = append(cfg.tests, tes)
		if g < n {
			cfg.traps = append(cfg.traps, &trap{})
		}
	}
	for g := 0; g < n; g++ {
		cfg.startGroup(g)
	}
	if withCoord {
		cfg.startGroup(n)
	}
	t.Cleanup(cfg.cleanup)
	return cfg
}

func (cfg *config) cleanup() {
	for g := range cfg.groups {
		cfg.crashGroup(g)
	}
	cfg.net.Close()
}

// link 新建一个从 from 到服务器 (g, j) 的端点。每个实例有自己的端点：实例崩溃时测试断开它们，
// 所以一个"死去"的实例即使还有 goroutine 在跑，也发不出任何消息。
func (cfg *config) link(from string, g, j int) *labnet.Endpoint {
	cfg.nends++
	end := cfg.net.NewEndpoint(fmt.Sprintf("%s->%s#%d", from, serverName(g, j), cfg.nends))
	cfg.net.Connect(end.Name(), serverName(g, j))
	cfg.net.Enable(end.Name(), true)
	return end
}

// startServer 用服务器 (g, j) 的 Persister 启动它的一个新实例。
func (cfg *config) startServer(g, j int) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	s := cfg.groups[g][j]
	if s.log != nil {
		return
	}
	me := serverName(g, j)
	var peers []*labnet.Endpoint
	for k := 0; k < groupSize; k++ {
		peers = append(peers, cfg.link(me, g, k))
	}
	s.ends = append([]*labnet.Endpoint(nil), peers...)
	s.peers = peers
	applyCh := make(chan rlog.ApplyMsg)
	s.log = rlog.Make(peers, j, s.store, applyCh)
	srv := labnet.NewServer()
	srv.Register("Log", s.log)
	if g < cfg.n {
		var coord []*labnet.Endpoint
		for k := 0; k < groupSize; k++ {
			coord = append(coord, cfg.link(me, cfg.n, k))
		}
		s.ends = append(s.ends, coord...)
		s.coord = coord
		for _, e := range coord {
			cfg.net.Enable(e.Name(), !cfg.muted[g])
		}
		s.part = MakeParticipant(g, coord, s.log, applyCh)
		s.svc = &shardSvc{p: s.part, trap: cfg.traps[g], dead: make(chan struct{})}
		srv.Register("Participant", s.svc)
	} else {
		shards := make([][]*labnet.Endpoint, cfg.n)
		for sh := 0; sh < cfg.n; sh++ {
			for k := 0; k < groupSize; k++ {
				shards[sh] = append(shards[sh], cfg.link(me, sh, k))
			}
			s.ends = append(s.ends, shards[sh]...)
		}
		s.co = MakeCoordinator(shards, s.log, applyCh)
		srv.Register("Coordinator", s.co)
	}
	cfg.net.AddServer(me, srv)
}

// crashServer 让服务器 (g, j) 崩溃：从网络上拿掉、断开它的端点、Kill，
// 并把它的 Persister 换成副本（崩溃之后旧实例写的东西不算数）。
func (cfg *config) crashServer(g, j int) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	s := cfg.groups[g][j]
	if s.log == nil {
		return
	}
	cfg.net.RemoveServer(serverName(g, j))
	for _, e := range s.ends {
		cfg.net.Enable(e.Name(), false)
	}
	if s.svc != nil {
		close(s.svc.dead)
		s.part.Kill()
	}
	if s.co != nil {
		s.co.Kill()
	}
	s.log.Kill()
	*s = server{store: s.store.Copy()}
}

// muteStatus 断开（on 为 true）或接回分片组 g 到协调者组的全部消息：断开时这个分片
// 问不了 Coordinator.Status，只能等协调者把决定送来。
func (cfg *config) muteStatus(g int, on bool) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.muted[g] = on
	for _, s := range cfg.groups[g] {
		for _, e := range s.coord {
			cfg.net.Enable(e.Name(), !on)
		}
	}
}

// isolate 切断（cut 为 true）或接回服务器 (g, j) 与组内其他服务器之间的日志复制消息
// （两个方向）；它和别的组之间的消息不受影响。被切断的领导者仍以为自己是领导者，
// 但它写进日志的东西再也不能提交。
func (cfg *config) isolate(g, j int, cut bool) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	for k, s := range cfg.groups[g] {
		for i, e := range s.peers {
			if (k == j) != (i == j) {
				cfg.net.Enable(e.Name(), !cut)
			}
		}
	}
}

func (cfg *config) startGroup(g int) {
	for j := 0; j < groupSize; j++ {
		cfg.startServer(g, j)
	}
}

func (cfg *config) crashGroup(g int) {
	for j := 0; j < groupSize; j++ {
		cfg.crashServer(g, j)
	}
}

// leaderOf 等组 g 的活着的服务器里有一个自认为领导者（任期最高的那个），返回它。
func (cfg *config) leaderOf(g int) int {
	cfg.t.Helper()
	for end := time.Now().Add(submitDeadline); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		best, bestTerm := -1, -1
		cfg.mu.Lock()
		for j, s := range cfg.groups[g] {
			if s.log != nil {
				if term, ok := s.log.State(); ok && term > bestTerm {
					best, bestTerm = j, term
				}
			}
		}
		cfg.mu.Unlock()
		if best >= 0 {
			return best
		}
	}
	cfg.t.Fatalf("group %d has no leader after %v", g, submitDeadline)
	return -1
}

// ask 把一个调用依次发给组 g 的服务器（先试上次的领导者），直到有一台以领导者身份回答。
// call 返回 (是否收到回复, 回复是否 WrongLeader)。每台都试过一遍仍没有回答时返回 false。
func (cfg *config) ask(g int, call func(end *labnet.Endpoint) (bool, bool)) bool {
	cfg.mu.Lock()
	first := cfg.leader[g]
	cfg.mu.Unlock()
	for k := 0; k < groupSize; k++ {
		j := (first + k) % groupSize
		if ok, wrong := call(cfg.tests[g][j]); ok && !wrong {
			cfg.mu.Lock()
			cfg.leader[g] = j
			cfg.mu.Unlock()
			return true
		}
	}
	return false
}

// trap 让测试把崩溃放在协议的某一步之间：一个分片组的所有服务器都扣住某个事务的 Prepare
// 或 Decide，不转发给参与者，一直挂着，直到测试放开（untrap）或那台服务器崩溃。
type trap struct {
	mu      sync.Mutex
	kind    string // "Prepare" 或 "Decide"
	id      string
	held    chan struct{} // 第一次扣住调用时关闭
	release chan struct{} // 关闭时放开所有扣住的调用（它们不转发，直接返回）
}

func (cfg *config) setTrap(g int, kind, id string) {
	tr := cfg.traps[g]
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.kind, tr.id = kind, id
	tr.held, tr.release = make(chan struct{}), make(chan struct{})
}

// untrap 放开扣住的调用，以后的调用照常转发。
func (cfg *config) untrap(g int) {
	tr := cfg.traps[g]
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.release != nil {
		close(tr.release)
	}
	tr.kind, tr.id, tr.release = "", "", nil
}

// waitHeld 等陷阱扣住第一个调用。
func (cfg *config) waitHeld(g int, why string) {
	cfg.t.Helper()
	tr := cfg.traps[g]
	tr.mu.Lock()
	held := tr.held
	tr.mu.Unlock()
	select {
	case <-held:
	case <-time.After(submitDeadline):
		cfg.t.Fatalf("shard %d never received the %s it was waiting for: %s", g, tr.kind, why)
	}
}

// shardSvc 把陷阱放在一台参与者服务器前面，其余调用原样转给参与者。
type shardSvc struct {
	p    *Participant
	trap *trap
	dead chan struct{} // 这台服务器崩溃时关闭
}

func (s *shardSvc) hold(kind, id string) bool {
	tr := s.trap
	tr.mu.Lock()
	h := tr.kind == kind && tr.id == id
	held, release := tr.held, tr.release
	tr.mu.Unlock()
	if !h {
		return false
	}
	select {
	case <-held:
	default:
		tr.mu.Lock()
		select {
		case <-held:
		default:
			close(held)
		}
		tr.mu.Unlock()
	}
	select {
	case <-release:
	case <-s.dead:
	}
	return true
}

func (s *shardSvc) Prepare(args *PrepareArgs, reply *PrepareReply) {
	if s.hold("Prepare", args.Txn.ID) {
		reply.WrongLeader = true
		return
	}
	s.p.Prepare(args, reply)
}

func (s *shardSvc) Decide(args *DecideArgs, reply *DecideReply) {
	if s.hold("Decide", args.ID) {
		reply.WrongLeader = true
		return
	}
	s.p.Decide(args, reply)
}

func (s *shardSvc) Get(args *GetArgs, reply *GetReply) { s.p.Get(args, reply) }

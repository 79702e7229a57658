package txn

// 测试框架：创建协调者和参与者、让它们崩溃和重启、以客户端身份提交事务、检查结果。
// 不要修改这个文件。

import (
	"fmt"
	"math/rand"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dslabs/labnet"
)

// 各种等待的上限。正确的实现远远用不到它们；到了上限，测试以一条说明失败。
const (
	submitDeadline = 5 * time.Second // 一次 Submit（含重试）得到回复
	settleDeadline = 5 * time.Second // 一个被锁住的键得知决定、解锁
)

type config struct {
	t      *testing.T
	net    *labnet.Network
	rng    *rand.Rand
	n      int // 分片数
	start  time.Time
	mu     sync.Mutex
	parts  []*Participant
	svcs   []*shardSvc // 包在参与者外面、能扣住消息的服务
	pstore []*Persister
	coord  *Coordinator
	cstore *Persister
	tests  []*labnet.Endpoint   // 测试到各分片的端点
	pends  [][]*labnet.Endpoint // 各分片当前实例的端点
	cends  []*labnet.Endpoint   // 协调者当前实例的端点
	nends  int64                // 已建的端点数（原子读写）
	hist   *history
}

func coordName() string      { return "coord" }
func shardName(i int) string { return fmt.Sprintf("shard%d", i) }

// makeConfig 建立 n 个分片和一个协调者（withCoord 为 false 时不启动协调者：测试自己扮演它）。
func makeConfig(t *testing.T, n int, reliable bool, withCoord bool) *config {
	seed := labnet.Seed(t)
	cfg := &config{t: t, net: labnet.NewNetwork(seed), rng: rand.New(rand.NewSource(seed)), n: n,
		start: time.Now(), parts: make([]*Participant, n), svcs: make([]*shardSvc, n), pstore: make([]*Persister, n), pends: make([][]*labnet.Endpoint, n),
		cstore: MakePersister(), hist: &history{}}
	cfg.net.SetReliable(reliable)
	for i := 0; i < n; i++ {
		cfg.pstore[i] = MakePersister()
		te := cfg.net.NewEndpoint("test->" + shardName(i))
		cfg.net.Connect(te.Name(), shardName(i))
		cfg.net.Enable(te.Name(), true)
		cfg.tests = append(cfg.tests, te)
		cfg.startParticipant(i)
	}
	if withCoord {
		cfg.startCoordinator()
	}
	t.Cleanup(cfg.cleanup)
	return cfg
}

func (cfg *config) cleanup() {
	cfg.mu.Lock()
	for i, p := range cfg.parts {
		if p != nil {
			cfg.svcs[i].free()
			p.Kill()
		}
	}
	if cfg.coord != nil {
		cfg.coord.Kill()
	}
	cfg.mu.Unlock()
	cfg.net.Close()
}

// link 为一个实例新建一个端点。每个实例有自己的端点：实例崩溃时测试断开它们，
// 所以一个"死去"的实例即使还有 goroutine 在跑，也发不出任何消息。
func (cfg *config) link(from, to string) *labnet.Endpoint {
	k := atomic.AddInt64(&cfg.nends, 1)
	end := cfg.net.NewEndpoint(fmt.Sprintf("%s->%s#%d", from, to, k))
	cfg.net.Connect(end.Name(), to)
	cfg.net.Enable(end.Name(), true)
	return end
}

func (cfg *config) cut(ends []*labnet.Endpoint) {
	for _, e := range ends {
		cfg.net.Enable(e.Name(), false)
	}
}

func (cfg *config) startParticipant(i int) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	end := cfg.link(shardName(i), coordName())
	cfg.pends[i] = []*labnet.Endpoint{end}
	p := MakeParticipant(i, end, cfg.pstore[i])
	cfg.parts[i] = p
	cfg.svcs[i] = &shardSvc{p: p, held: make(chan struct{}), release: make(chan struct{})}
	srv := labnet.NewServer()
	srv.Register("Participant", cfg.svcs[i])
	cfg.net.AddServer(shardName(i), srv)
}

func (cfg *config) crashParticipant(i int) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.net.RemoveServer(shardName(i))
	cfg.cut(cfg.pends[i])
	if cfg.parts[i] != nil {
		cfg.svcs[i].free()
		cfg.parts[i].Kill()
		cfg.parts[i] = nil
	}
	cfg.pstore[i] = cfg.pstore[i].Copy()
}

func (cfg *config) startCoordinator() {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	var ends []*labnet.Endpoint
	for i := 0; i < cfg.n; i++ {
		ends = append(ends, cfg.link(coordName(), shardName(i)))
	}
	cfg.cends = ends
	c := MakeCoordinator(ends, cfg.cstore)
	cfg.coord = c
	srv := labnet.NewServer()
	srv.Register("Coordinator", c)
	cfg.net.AddServer(coordName(), srv)
}

func (cfg *config) crashCoordinator() {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.net.RemoveServer(coordName())
	cfg.cut(cfg.cends)
	if cfg.coord != nil {
		cfg.coord.Kill()
		cfg.coord = nil
	}
	cfg.cstore = cfg.cstore.Copy()
}

// shardSvc 把测试的"陷阱"放在参与者前面：它把 RPC 原样转给参与者，除了测试要扣住的那一个
// （某个事务的 Prepare 或 Decide）：那个调用不转发，一直挂着，直到测试放开它或这个分片崩溃，
// 这样测试能确定地把崩溃放在协议的某一步之间。
type shardSvc struct {
	p        *Participant
	mu       sync.Mutex
	holdKind string // "Prepare" 或 "Decide"
	holdID   string
	held     chan struct{} // 第一次扣住调用时关闭
	heldOnce sync.Once
	release  chan struct{} // 关闭时放开所有扣住的调用（它们不转发，直接返回）
	freeOnce sync.Once
}

func (s *shardSvc) trap(kind, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.holdKind, s.holdID = kind, id
}

func (s *shardSvc) hold(kind, id string) bool {
	s.mu.Lock()
	h := s.holdKind == kind && s.holdID == id
	s.mu.Unlock()
	if h {
		s.heldOnce.Do(func() { close(s.held) })
		<-s.release
	}
	return h
}

func (s *shardSvc) free() { s.freeOnce.Do(func() { close(s.release) }) }

func (s *shardSvc) Prepare(args *PrepareArgs, reply *PrepareReply) {
	if !s.hold("Prepare", args.Txn.ID) {
		s.p.Prepare(args, reply)
	}
}

func (s *shardSvc) Decide(args *DecideArgs, reply *DecideReply) {
	if !s.hold("Decide", args.ID) {
		s.p.Decide(args, reply)
	}
}

func (s *shardSvc) Get(args *GetArgs, reply *GetReply) { s.p.Get(args, reply) }

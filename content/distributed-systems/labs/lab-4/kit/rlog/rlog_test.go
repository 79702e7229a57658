package rlog

// 复制日志自己的测试。它们不计分（名字不以 4A、4B 结尾），在骨架和参考实现里都应当通过；
// 如果它们失败，说明套件被改坏了。运行：go test -race ./rlog/

import (
	"fmt"
	"math/rand"
	"sync"
	"testing"
	"time"

	"dslabs/labnet"
)

const waitFor = 5 * time.Second

type group struct {
	t       *testing.T
	net     *labnet.Network
	rng     *rand.Rand
	mu      sync.Mutex
	logs    []*Log
	stores  []*Persister
	ends    [][]*labnet.Endpoint // 每个实例自己的端点，崩溃时断开
	applied [][]interface{}      // 每个实例按顺序收到的命令
	global  map[int]interface{}  // 索引 → 第一次被哪个副本应用的命令
	nends   int
}

func name(i int) string { return fmt.Sprintf("r%d", i) }

func makeGroup(t *testing.T, n int, reliable bool) *group {
	seed := labnet.Seed(t)
	g := &group{t: t, net: labnet.NewNetwork(seed), rng: rand.New(rand.NewSource(seed)),
		logs: make([]*Log, n), stores: make([]*Persister, n), ends: make([][]*labnet.Endpoint, n),
		applied: make([][]interface{}, n), global: map[int]interface{}{}}
	g.net.SetReliable(reliable)
	for i := 0; i < n; i++ {
		g.stores[i] = MakePersister()
		g.start(i)
	}
	t.Cleanup(func() {
		for i := range g.logs {
			g.crash(i)
		}
		g.net.Close()
	})
	return g
}

func (g *group) start(i int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var ends []*labnet.Endpoint
	for j := range g.logs {
		g.nends++
		e := g.net.NewEndpoint(fmt.Sprintf("%s->%s#%d", name(i), name(j), g.nends))
		g.net.Connect(e.Name(), name(j))
		g.net.Enable(e.Name(), true)
		ends = append(ends, e)
	}
	g.ends[i] = ends
	g.applied[i] = nil
	ch := make(chan ApplyMsg)
	l := Make(ends, i, g.stores[i], ch)
	g.logs[i] = l
	srv := labnet.NewServer()
	srv.Register("Log", l)
	g.net.AddServer(name(i), srv)
	go g.collect(i, l, ch)
}

// collect 记下实例 i 收到的每条命令，并检查顺序和各副本之间的一致。
func (g *group) collect(i int, l *Log, ch chan ApplyMsg) {
	for m := range ch {
		g.mu.Lock()
		if g.logs[i] != l {
			g.mu.Unlock()
			return
		}
		if m.Index != len(g.applied[i])+1 {
			g.t.Errorf("replica %d applied index %d after %d entries: out of order", i, m.Index, len(g.applied[i]))
		}
		if c, ok := g.global[m.Index]; ok && c != m.Command {
			g.t.Errorf("index %d: replica %d applied %v, another replica applied %v", m.Index, i, m.Command, c)
		}
		g.global[m.Index] = m.Command
		g.applied[i] = append(g.applied[i], m.Command)
		g.mu.Unlock()
	}
}

func (g *group) crash(i int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.logs[i] == nil {
		return
	}
	g.net.RemoveServer(name(i))
	for _, e := range g.ends[i] {
		g.net.Enable(e.Name(), false)
	}
	g.logs[i].Kill()
	g.logs[i] = nil
	g.stores[i] = g.stores[i].Copy()
}

// leader 等到活着的副本里恰好有一个（任期最高的）领导者，返回它。
func (g *group) leader() int {
	g.t.Helper()
	for end := time.Now().Add(waitFor); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		best, bestTerm := -1, -1
		g.mu.Lock()
		for i, l := range g.logs {
			if l == nil {
				continue
			}
			if term, ok := l.State(); ok && term > bestTerm {
				best, bestTerm = i, term
			}
		}
		g.mu.Unlock()
		if best >= 0 {
			return best
		}
	}
	g.t.Fatalf("no leader elected in %v", waitFor)
	return -1
}

// commit 提交 cmd，必要时换领导者重试，直到 want 个活着的副本都应用了它。
func (g *group) commit(cmd int, want int) {
	g.t.Helper()
	for end := time.Now().Add(waitFor); time.Now().Before(end); {
		g.mu.Lock()
		var l *Log
		if i := g.rng.Intn(len(g.logs)); g.logs[i] != nil {
			l = g.logs[i]
		}
		g.mu.Unlock()
		index := -1
		if l != nil {
			index, _, _ = l.Start(cmd)
		}
		if index < 0 {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		for t := time.Now().Add(time.Second); time.Now().Before(t); time.Sleep(10 * time.Millisecond) {
			if n, c := g.count(index); n >= want && c == cmd {
				return
			} else if n > 0 && c != cmd {
				break // 这个索引上提交了别的命令：领导者换了，重试
			}
		}
	}
	g.t.Fatalf("command %d was not applied by %d replicas in %v", cmd, want, waitFor)
}

// count 返回有多少个活着的副本应用了索引 index，以及那里的命令。
func (g *group) count(index int) (int, interface{}) {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	for i, l := range g.logs {
		if l != nil && len(g.applied[i]) >= index {
			n++
		}
	}
	return n, g.global[index]
}

// caughtUp 等每个活着的副本都应用了 global 里的全部条目。
func (g *group) caughtUp() {
	g.t.Helper()
	for end := time.Now().Add(waitFor); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		g.mu.Lock()
		ok := true
		for i, l := range g.logs {
			if l != nil && len(g.applied[i]) < len(g.global) {
				ok = false
			}
		}
		g.mu.Unlock()
		if ok {
			return
		}
	}
	g.t.Fatalf("a live replica did not catch up with the %d committed entries in %v", len(g.global), waitFor)
}

func TestElectAndReplicate(t *testing.T) {
	g := makeGroup(t, 3, true)
	g.leader()
	for c := 1; c <= 20; c++ {
		g.commit(c, 3)
	}
	g.caughtUp()
}

func TestLeaderCrashAndRestart(t *testing.T) {
	g := makeGroup(t, 3, true)
	g.commit(1, 3)
	old := g.leader()
	g.crash(old)
	for c := 2; c <= 10; c++ {
		g.commit(c, 2) // 剩下两台是多数派，继续工作
	}
	g.start(old) // 从 Persister 重启：重放旧条目，再追上缺的
	g.commit(11, 3)
	g.caughtUp()
}

func TestPartitionedLeaderCannotCommit(t *testing.T) {
	g := makeGroup(t, 3, true)
	g.commit(1, 3)
	old := g.leader()
	for _, e := range g.ends[old] {
		g.net.Enable(e.Name(), false) // 旧领导者发不出消息
	}
	g.mu.Lock()
	idx, _, _ := g.logs[old].Start(99)
	g.mu.Unlock()
	for c := 2; c <= 5; c++ {
		g.commit(c, 2)
	}
	if n, c := g.count(idx); c == 99 {
		t.Fatalf("index %d: the partitioned old leader's command 99 was applied by %d replicas", idx, n)
	}
	for _, e := range g.ends[old] {
		g.net.Enable(e.Name(), true)
	}
	g.commit(6, 3) // 旧领导者的 99 被覆盖，它追上新的日志
	g.caughtUp()
}

func TestWholeGroupRestart(t *testing.T) {
	g := makeGroup(t, 3, true)
	for c := 1; c <= 5; c++ {
		g.commit(c, 3)
	}
	for i := 0; i < 3; i++ {
		g.crash(i)
	}
	for i := 0; i < 3; i++ {
		g.start(i)
	}
	g.commit(6, 3)
	g.caughtUp()
	g.mu.Lock()
	defer g.mu.Unlock()
	for i := range g.logs {
		var cmds []interface{}
		for _, c := range g.applied[i] {
			if c != nil { // 领导者上任时的空条目
				cmds = append(cmds, c)
			}
		}
		if fmt.Sprint(cmds) != "[1 2 3 4 5 6]" {
			t.Fatalf("after a restart replica %d replayed the commands %v, want [1 2 3 4 5 6]", i, cmds)
		}
	}
}

func TestUnreliableChurn(t *testing.T) {
	g := makeGroup(t, 3, false)
	c := 0
	for round := 0; round < 4; round++ {
		victim := g.rng.Intn(3)
		g.crash(victim)
		for k := 0; k < 5; k++ {
			c++
			g.commit(c, 2)
		}
		g.start(victim)
	}
	c++
	g.commit(c, 3)
	g.caughtUp()
}

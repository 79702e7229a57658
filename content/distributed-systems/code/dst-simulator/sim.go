// Package dstsim is the skeleton of a deterministic simulator from lecture 15: every node,
// the network and the clock run in one goroutine, and every random choice comes from one
// seeded generator, so a seed replays a run exactly.
package dstsim

import (
	"container/heap"
	"fmt"
	"math/rand"
)

// Message is what nodes send each other.
type Message struct {
	From, To int
	Body     string
}

// Node is a single-threaded state machine. It sends through send; it never starts a goroutine
// or reads the real clock.
type Node interface {
	Handle(m Message, send func(Message))
}

// ANCHOR: types
// 确定性模拟器的骨架：所有不确定性都来自 sim.rng，所有并发都变成事件队列里的顺序。
type Event struct {
	At      int64   // 虚拟时间（微秒）
	Seq     int64   // 同一时刻的事件按插入顺序处理，保证确定性
	Msg     Message // 待投递的消息
	Node    int
	Restart bool // 重启事件：节点只凭“磁盘”上的状态重建
}

type Sim struct {
	rng     *rand.Rand // rand.New(rand.NewSource(seed))
	now     int64
	seq     int64
	queue   eventHeap        // 按 (At, Seq) 排序的最小堆
	nodes   []Node           // 每个节点只暴露 Handle 这样的单线程接口
	crashed []bool           // 崩溃到重启之间为 true：这段时间里发给它的消息全部丢失
	reboot  func(n int) Node // 从节点 n 的“磁盘”状态重建它，内存状态全部丢失

	CrashProb float64 // 每处理一个事件，让某个节点崩溃的概率
}

// ANCHOR_END: types

// New builds a simulator over the nodes. reboot(n) must rebuild node n from its durable
// state only.
func New(seed int64, nodes []Node, reboot func(n int) Node) *Sim {
	return &Sim{
		rng:     rand.New(rand.NewSource(seed)),
		nodes:   nodes,
		crashed: make([]bool, len(nodes)),
		reboot:  reboot,
	}
}

// Now is the virtual time in microseconds.
func (s *Sim) Now() int64 { return s.now }

// Crashed reports whether node n is down.
func (s *Sim) Crashed(n int) bool { return s.crashed[n] }

// Inject queues a message for delivery at virtual time at (a client request, a timer).
func (s *Sim) Inject(m Message, at int64) { s.push(Event{At: at, Msg: m, Node: m.To}) }

// ANCHOR: send
func (s *Sim) Send(m Message) {
	if s.rng.Float64() < 0.05 { // 5% 丢包
		return
	}
	delay := 100 + s.rng.Int63n(5000) // 0.1ms 到 5.1ms 的网络延迟
	s.push(Event{At: s.now + delay, Msg: m, Node: m.To})
	if s.rng.Float64() < 0.01 { // 1% 重复投递
		s.push(Event{At: s.now + delay + s.rng.Int63n(5000), Msg: m, Node: m.To})
	}
}

// ANCHOR_END: send

// ANCHOR: crash
// Crash 让节点 n 立即停机，并安排 downFor 微秒之后的一个重启事件。
// 崩溃和重启是两个事件：中间这段时间，发给它的消息都丢失。
func (s *Sim) Crash(n int, downFor int64) {
	if s.crashed[n] {
		return
	}
	s.crashed[n] = true
	s.push(Event{At: s.now + downFor, Node: n, Restart: true})
}

// ANCHOR_END: crash

// ANCHOR: run
func (s *Sim) Run(steps int, check func() error) error {
	for i := 0; i < steps && s.queue.Len() > 0; i++ {
		e := heap.Pop(&s.queue).(Event)
		s.now = e.At
		if s.rng.Float64() < s.CrashProb { // 偶尔让一个节点崩溃，1 到 2 秒后重启
			s.Crash(s.rng.Intn(len(s.nodes)), 1_000_000+s.rng.Int63n(1_000_000))
		}
		switch {
		case e.Restart:
			s.nodes[e.Node] = s.reboot(e.Node) // 只剩“磁盘”上的状态
			s.crashed[e.Node] = false
		case !s.crashed[e.Node]:
			s.nodes[e.Node].Handle(e.Msg, s.Send)
		} // 发给已崩溃节点的消息在这里被丢弃
		if err := check(); err != nil { // 每一步之后检查不变式
			return fmt.Errorf("seed 复现，第 %d 步，虚拟时间 %d: %w", i, s.now, err)
		}
	}
	return nil
}

// ANCHOR_END: run

func (s *Sim) push(e Event) {
	s.seq++
	e.Seq = s.seq
	heap.Push(&s.queue, e)
}

type eventHeap []Event

func (h eventHeap) Len() int { return len(h) }
func (h eventHeap) Less(i, j int) bool {
	if h[i].At != h[j].At {
		return h[i].At < h[j].At
	}
	return h[i].Seq < h[j].Seq
}
func (h eventHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *eventHeap) Push(x interface{}) { *h = append(*h, x.(Event)) }
func (h *eventHeap) Pop() interface{} {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

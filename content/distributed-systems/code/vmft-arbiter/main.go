package main

import (
	"errors"
	"fmt"
	"sync"
)

var errUnreachable = errors.New("storage unreachable")

// Arbiter 模拟共享存储上的原子标志：每一代（generation）至多有一个副本能上线。
type Arbiter struct {
	mu     sync.Mutex
	winner map[int]string // 代号 -> 已经上线的副本
}

// TestAndSet 原子地检查并设置第 gen 代的标志；只有第一个调用者得到 true。
func (a *Arbiter) TestAndSet(gen int, who string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, taken := a.winner[gen]; taken {
		return false
	}
	a.winner[gen] = who
	return true
}

// Replica 是主或备；linkUp 模拟它第 attempt 次尝试时到共享存储的链路是否连通。
type Replica struct {
	name    string
	gen     int
	storage *Arbiter
	linkUp  func(attempt int) bool
}

// onPeerSilent 在心跳超时后被调用。超时只是怀疑，裁决交给共享存储。
func (r *Replica) onPeerSilent(maxTries int) string {
	for attempt := 1; attempt <= maxTries; attempt++ {
		if !r.linkUp(attempt) {
			// 连不上存储：等待后重试（真实系统里会 sleep），绝不自作主张上线
			fmt.Printf("  %s: attempt %d: %v, wait\n", r.name, attempt, errUnreachable)
			continue
		}
		if r.storage.TestAndSet(r.gen, r.name) {
			fmt.Printf("  %s: test-and-set(gen %d) won -> go live\n", r.name, r.gen)
			return "live"
		}
		fmt.Printf("  %s: test-and-set(gen %d) lost -> halt\n", r.name, r.gen)
		return "halted"
	}
	fmt.Printf("  %s: still cannot reach storage, not going live\n", r.name)
	return "waiting"
}

func always(int) bool { return true }
func never(int) bool  { return false }

func main() {
	storage := &Arbiter{winner: map[int]string{}}

	fmt.Println("case 1: logging channel down, both reach storage")
	a := &Replica{name: "A", gen: 1, storage: storage, linkUp: always}
	b := &Replica{name: "B", gen: 1, storage: storage, linkUp: always}
	fmt.Println("  =>", a.onPeerSilent(3), b.onPeerSilent(3))

	fmt.Println("case 2: gen 2 (A primary, C new backup), link A-C down, A cut off from storage")
	a.gen = 2
	a.linkUp = never
	c := &Replica{name: "C", gen: 2, storage: storage, linkUp: func(attempt int) bool { return attempt >= 2 }}
	fmt.Println("  =>", a.onPeerSilent(3), c.onPeerSilent(3))
}

// Output:
// case 1: logging channel down, both reach storage
//   A: test-and-set(gen 1) won -> go live
//   B: test-and-set(gen 1) lost -> halt
//   => live halted
// case 2: gen 2 (A primary, C new backup), link A-C down, A cut off from storage
//   A: attempt 1: storage unreachable, wait
//   A: attempt 2: storage unreachable, wait
//   A: attempt 3: storage unreachable, wait
//   A: still cannot reach storage, not going live
//   C: attempt 1: storage unreachable, wait
//   C: test-and-set(gen 2) won -> go live
//   => waiting live

// 每个后端一个熔断器：连续失败达到阈值就断开（Open），冷却期后放行一个探测请求（HalfOpen）。
// 用假时钟驱动，输出确定。负载均衡器会并发调用它，所以所有方法都加锁。
package main

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

func (s State) String() string {
	return [...]string{"closed", "open", "half-open"}[s]
}

var ErrOpen = errors.New("circuit open")

// ANCHOR: breaker
type Breaker struct {
	maxFailures int
	cooldown    time.Duration
	now         func() time.Time

	mu       sync.Mutex
	state    State
	failures int
	openedAt time.Time
	probing  bool // half-open 时是否已有一个探测请求在途
}

// Allow 在发请求之前调用：返回 ErrOpen 表示应当快速失败（或换一个后端）。
// 返回 nil 之后，调用方必须恰好调用一次 Record 或 Abandon。
func (b *Breaker) Allow() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case Open:
		if b.now().Sub(b.openedAt) < b.cooldown {
			return ErrOpen
		}
		b.state = HalfOpen
		b.probing = false
		fallthrough
	case HalfOpen:
		if b.probing {
			return ErrOpen // 只放行一个探测请求
		}
		b.probing = true
	}
	return nil
}

// Ready 只读：筛选候选后端时用，不改变状态、不占用探测名额。
func (b *Breaker) Ready() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case Open:
		return b.now().Sub(b.openedAt) >= b.cooldown
	case HalfOpen:
		return !b.probing
	}
	return true
}

// Record 在请求结束后调用，报告后端成功或失败。
func (b *Breaker) Record(ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case ok && b.state == HalfOpen:
		b.state, b.failures, b.probing = Closed, 0, false
	case ok:
		b.failures = 0
	case b.state == HalfOpen:
		b.trip()
	default:
		b.failures++
		if b.failures >= b.maxFailures {
			b.trip()
		}
	}
}

// Abandon：请求结束了，但结果说明不了后端的好坏（比如客户端自己取消了）。
// 如果它是半开状态的探测请求，必须交还探测名额；否则 probing 永远为 true，
// Allow 永远返回 ErrOpen，这个后端再也回不来。
func (b *Breaker) Abandon() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.state == HalfOpen {
		b.probing = false
	}
}

func (b *Breaker) trip() {
	b.state, b.openedAt, b.probing = Open, b.now(), false
}

// ANCHOR_END: breaker

// ANCHOR: attempt
// Outcome 是一次转发的结果，由 ReverseProxy 的 ErrorHandler / ModifyResponse 填写。
type Outcome int

const (
	Succeeded Outcome = iota // 后端给出了正常响应
	Failed                   // 连接失败、超时或 5xx：算后端的错
	Cancelled                // 客户端放弃了：不算后端的错
)

// tryBackend 包住一次转发。记账全部放在 defer 里：httputil.ReverseProxy 在复制响应体
// 失败时（后端中途断开，或者客户端中途断开）会 panic(http.ErrAbortHandler)，
// 不用 defer 的话 active 永远少减一次，熔断器的探测名额也永远不还。
// active 是这个后端的在途请求数（least_conn 用），br 是它的熔断器。
func tryBackend(active *atomic.Int64, br *Breaker, forward func() Outcome) (out Outcome) {
	active.Add(1)
	out = Failed // forward panic 时，就按失败记账
	defer func() {
		active.Add(-1)
		switch out {
		case Succeeded:
			br.Record(true)
		case Failed:
			br.Record(false)
		case Cancelled:
			br.Abandon()
		}
	}()
	return forward()
}

// ANCHOR_END: attempt

func main() {
	clock := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	start := clock
	b := &Breaker{maxFailures: 3, cooldown: 5 * time.Second, now: func() time.Time { return clock }}
	var active atomic.Int64

	// 每一步：经过多少秒、这次请求的结果
	steps := []struct {
		after time.Duration
		out   Outcome
	}{
		{0, Succeeded}, {1 * time.Second, Failed}, {1 * time.Second, Failed}, {1 * time.Second, Failed},
		{1 * time.Second, Succeeded}, {4 * time.Second, Failed}, {1 * time.Second, Succeeded},
		{5 * time.Second, Cancelled}, {0, Succeeded}, {1 * time.Second, Succeeded},
	}
	names := [...]string{"ok", "failed", "cancelled"}
	for _, s := range steps {
		clock = clock.Add(s.after)
		t := clock.Sub(start).Seconds()
		if err := b.Allow(); err != nil {
			fmt.Printf("t=%2.0fs  rejected fast (%v)\n", t, err)
			continue
		}
		out := s.out
		tryBackend(&active, b, func() Outcome { return out })
		fmt.Printf("t=%2.0fs  sent, %-9s -> state=%v\n", t, names[out], b.state)
	}

	// 转发中途 panic（ReverseProxy 的 http.ErrAbortHandler）：记账照样完成。
	func() {
		defer func() { recover() }()
		b.Allow()
		tryBackend(&active, b, func() Outcome { panic(http.ErrAbortHandler) })
	}()
	fmt.Printf("after a panic: active=%d failures=%d\n", active.Load(), b.failures)
}

// Output:
// t= 0s  sent, ok        -> state=closed
// t= 1s  sent, failed    -> state=closed
// t= 2s  sent, failed    -> state=closed
// t= 3s  sent, failed    -> state=open
// t= 4s  rejected fast (circuit open)
// t= 8s  sent, failed    -> state=open
// t= 9s  rejected fast (circuit open)
// t=14s  sent, cancelled -> state=half-open
// t=14s  sent, ok        -> state=closed
// t=15s  sent, ok        -> state=closed
// after a panic: active=0 failures=1

// Package breaker 是第 22 讲的单机熔断器（circuit breaker）：Closed、Open、HalfOpen 三个状态，
// 半开时只放行一个试探请求。每次状态变化都让“代数”（generation）加 1，
// 每个被放行的调用记下自己开始时的代数，结束时代数已变的结果一律丢弃：
// 一个在 Closed 时放行、很慢的请求，不能在 HalfOpen 时用它迟到的成功把熔断器关上。
package breaker

import (
	"errors"
	"sync"
	"time"
)

// ANCHOR: types
// State 是熔断器的状态。
type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

func (s State) String() string {
	return [...]string{"Closed", "Open", "HalfOpen"}[s]
}

// ErrOpen：熔断器打开（或半开且已有试探在途），请求被快速失败，没有发出去。
var ErrOpen = errors.New("circuit open: failing fast")

// errPanicked 把 f 的 panic 记作一次失败。
var errPanicked = errors.New("call panicked")

// Breaker 的零值不可用，请用 New。只有“表明下游有问题”的错误（超时、5xx、连接失败）
// 才应作为 f 的错误返回；4xx 之类调用方自己的错误不应让熔断器跳闸。
type Breaker struct {
	mu         sync.Mutex
	state      State
	generation uint64           // 每次状态变化加 1；用来识别“过时”的结果
	failures   int              // Closed 状态下的连续失败次数
	threshold  int              // 连续失败多少次后跳闸
	cooldown   time.Duration    // Open 状态持续多久后允许试探
	openedAt   time.Time        // 最近一次跳闸的时刻
	probing    bool             // HalfOpen 状态下是否已有一个试探请求在途
	probeStart time.Time        // 这个试探请求开始的时刻
	now        func() time.Time // 注入时钟，便于确定性测试
}

// ANCHOR_END: types

// New 返回一个处于 Closed 状态的熔断器。threshold 至少为 1。
func New(threshold int, cooldown time.Duration, now func() time.Time) *Breaker {
	if threshold < 1 {
		threshold = 1
	}
	return &Breaker{threshold: threshold, cooldown: cooldown, now: now}
}

// State 返回当前状态（Open 的冷却期是否已过，要等下一个请求到来时才判断）。
func (b *Breaker) State() State {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.state
}

// ANCHOR: call
// Call 在熔断器允许时调用 f，并把结果记到 f 开始时的那一代上。
// f panic 时记作一次失败再继续 panic，否则半开状态会永远以为试探还在途。
func (b *Breaker) Call(f func() error) error {
	gen, err := b.before()
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			b.after(gen, errPanicked)
		}
	}()
	err = f()
	done = true
	b.after(gen, err)
	return err
}

// ANCHOR_END: call

// ANCHOR: before
// before 决定放不放行，并返回这次调用所属的代数。
// 试探请求可能挂起、永远不返回（下游调用没有截止时间时），所以试探也有期限：
// 超过一个冷却期仍在途，下一个到来的请求就把它记作失败、让熔断器重新跳闸。
func (b *Breaker) before() (uint64, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case Open:
		if b.now().Sub(b.openedAt) < b.cooldown {
			return 0, ErrOpen
		}
		b.setState(HalfOpen) // 冷却结束：转入半开，并让这个请求成为试探者
		fallthrough
	case HalfOpen:
		if b.probing {
			if b.now().Sub(b.probeStart) >= b.cooldown {
				b.trip() // 试探挂起超过一个冷却期：记作失败，开始新的一代，它迟到的结果将被丢弃
			}
			return 0, ErrOpen // 已经有一个试探请求在途，或刚因试探超时而重新跳闸
		}
		b.probing, b.probeStart = true, b.now()
	}
	return b.generation, nil
}

// ANCHOR_END: before

// ANCHOR: after
// after 记录结果。开始于旧一代的调用，结果与当前状态无关，直接丢弃。
func (b *Breaker) after(gen uint64, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if gen != b.generation {
		return // 过时的结果：不能关上半开的熔断器，也不能让它重新计时
	}
	switch b.state {
	case HalfOpen: // 这一代只放行了一个请求，所以它就是试探者
		if err != nil {
			b.trip()
			return
		}
		b.setState(Closed)
	case Closed:
		if err == nil {
			b.failures = 0
			return
		}
		b.failures++
		if b.failures >= b.threshold {
			b.trip()
		}
	}
}

func (b *Breaker) trip() {
	b.setState(Open)
	b.openedAt = b.now()
}

// setState 切换状态，开始新的一代，并清掉只属于上一代的计数。
func (b *Breaker) setState(s State) {
	b.state = s
	b.generation++
	b.failures = 0
	b.probing = false
}

// ANCHOR_END: after

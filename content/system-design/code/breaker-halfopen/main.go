// 本周项目二：Hystrix 风格的熔断器。
// 滑动窗口（10 个 1 秒的桶）统计错误率；请求量达到阈值且错误率超标才断开；
// 断开后等待 sleepWindow，进入半开，只放行一个探测请求；另有超时、舱壁与降级。
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

func (s State) String() string { return [...]string{"closed", "open", "half-open"}[s] }

type Settings struct {
	Buckets         int           // 滑动窗口的桶数，每桶 1 秒
	VolumeThreshold int           // 窗口内请求数达到它才评估错误率
	ErrorPercent    int           // 错误率达到它就断开
	SleepWindow     time.Duration // 断开多久后允许探测
	Timeout         time.Duration // 单次调用的超时
	MaxConcurrent   int           // 舱壁：同时在途的调用上限
}

type bucket struct {
	sec              int64 // 这个桶属于哪一秒；过期的桶在复用前清零
	success, failure int
}

var (
	ErrOpen         = errors.New("circuit open")
	ErrBulkheadFull = errors.New("bulkhead full")
)

type Breaker struct {
	mu         sync.Mutex
	s          Settings
	now        func() time.Time
	state      State
	generation uint64 // 每次状态变化加一，迟到的结果不再计入新状态
	openedAt   time.Time
	probing    bool
	buckets    []bucket
	sem        chan struct{}
}

func NewBreaker(s Settings, now func() time.Time) *Breaker {
	return &Breaker{s: s, now: now, buckets: make([]bucket, s.Buckets), sem: make(chan struct{}, s.MaxConcurrent)}
}

func (b *Breaker) setState(st State) {
	b.state = st
	b.generation++
	if st == Open {
		b.openedAt = b.now()
	}
	if st == Closed {
		b.buckets = make([]bucket, b.s.Buckets) // 闭合时清空统计，从头再来
	}
	b.probing = false
}

// Counts 在锁内汇总窗口，供监控和测试读取。
func (b *Breaker) Counts() (total, failed int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.counts()
}

// counts 汇总窗口内仍然有效的桶；调用方必须持有 b.mu。
func (b *Breaker) counts() (total, failed int) {
	sec := b.now().Unix()
	for _, bk := range b.buckets {
		if sec-bk.sec < int64(b.s.Buckets) {
			total += bk.success + bk.failure
			failed += bk.failure
		}
	}
	return
}

// allow 决定这次请求能否发出；返回的 generation 用于之后记录结果。
func (b *Breaker) allow() (uint64, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case Open:
		if b.now().Sub(b.openedAt) < b.s.SleepWindow {
			return 0, ErrOpen
		}
		b.setState(HalfOpen)
		fallthrough
	case HalfOpen:
		if b.probing {
			return 0, ErrOpen // 已有一个探测在途，其余照旧快速失败
		}
		b.probing = true
	}
	return b.generation, nil
}

// ANCHOR: record
func (b *Breaker) record(gen uint64, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if gen != b.generation {
		return // 请求发出后状态已经变了：这个结果属于过去
	}
	if b.state == HalfOpen {
		if ok {
			b.setState(Closed)
		} else {
			b.setState(Open)
		}
		return
	}
	sec := b.now().Unix()
	bk := &b.buckets[sec%int64(b.s.Buckets)]
	if bk.sec != sec {
		*bk = bucket{sec: sec}
	}
	if ok {
		bk.success++
	} else {
		bk.failure++
	}
	total, failed := b.counts()
	if !ok && total >= b.s.VolumeThreshold && failed*100 >= b.s.ErrorPercent*total {
		b.setState(Open)
	}
}

// abandon：调用方自己取消了，结果说明不了依赖的好坏，不计数；
// 但如果它是半开状态的探测，必须交还名额，否则 probing 永远为真。
func (b *Breaker) abandon(gen uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if gen == b.generation && b.state == HalfOpen {
		b.probing = false
	}
}

// ANCHOR_END: record

// ANCHOR: execute
// Execute：舱壁 → 熔断判断 → 带超时的调用 → 记录结果；失败或被拒绝时走降级。
// 调用方取消（caller 的 context.Canceled）不计为失败：一波用户取消不该熔断一个健康的依赖。
// run 在自己的 goroutine 里执行：即使它不理会 ctx（例如没有 context 的阻塞 I/O），
// 调用方也会在超时时脱身，并把这次调用记为失败——否则半开状态下的探测永远不结束，
// probing 一直为真，熔断器会无限期地拒绝一切请求。
// 舱壁的名额要等 run 真正返回才归还：它限制的是仍在下游占着资源的调用数。
func (b *Breaker) Execute(ctx context.Context, run func(context.Context) (string, error), fallback func(error) string) string {
	select {
	case b.sem <- struct{}{}:
	default:
		return fallback(ErrBulkheadFull) // 舱壁满：不排队，立即降级
	}
	gen, err := b.allow()
	if err != nil {
		<-b.sem
		return fallback(err)
	}
	caller := ctx
	ctx, cancel := context.WithTimeout(ctx, b.s.Timeout)
	defer cancel()
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1) // 有缓冲：调用方走了，迟到的 run 也能写入并退出
	go func() {
		defer func() { <-b.sem }()
		out, err := run(ctx)
		done <- result{out, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		r = result{err: ctx.Err()} // 超时或调用方取消：不再等 run
	}
	switch {
	case r.err == nil:
		b.record(gen, true)
	case errors.Is(caller.Err(), context.Canceled):
		b.abandon(gen) // 调用方走了（用户关掉页面、上游取消）：不怪依赖
	default:
		b.record(gen, false) // 失败，包括熔断器自己的超时
	}
	if r.err != nil {
		return fallback(r.err)
	}
	return r.out
}

// ANCHOR_END: execute
func (b *Breaker) State() State {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.state
}

// drain 等到没有调用占着舱壁名额：把名额全部占满再全部交还。超时的调用要等 run 返回才交还名额。
func drain(b *Breaker) {
	for i := 0; i < cap(b.sem); i++ {
		b.sem <- struct{}{}
	}
	for i := 0; i < cap(b.sem); i++ {
		<-b.sem
	}
}

func main() {
	start := time.Unix(1_700_000_000, 0)
	var mu sync.Mutex
	now := start
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	at := func(ms int) { mu.Lock(); now = start.Add(time.Duration(ms) * time.Millisecond); mu.Unlock() }

	b := NewBreaker(Settings{Buckets: 10, VolumeThreshold: 20, ErrorPercent: 50,
		SleepWindow: 5 * time.Second, Timeout: 20 * time.Millisecond, MaxConcurrent: 2}, clock)
	ctx := context.Background()
	fallback := func(err error) string { return "fallback(" + err.Error() + ")" }
	succeed := func(context.Context) (string, error) { return "ok", nil }
	fail := func(context.Context) (string, error) { return "", errors.New("503") }
	hang := func(ctx context.Context) (string, error) { // 下游不回应：只能靠超时脱身
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(time.Second):
			return "late", nil
		}
	}

	// t=0~1.9s：12 个成功、8 个失败，20 个请求里 40% 失败，低于 50%，保持闭合。
	for i := 0; i < 20; i++ {
		at(i * 100)
		if i%5 < 2 {
			b.Execute(ctx, fail, fallback)
		} else {
			b.Execute(ctx, succeed, fallback)
		}
	}
	total, failed := b.Counts()
	fmt.Printf("t=1.9s  window total=%d failed=%d state=%s\n", total, failed, b.State())

	// t=2.0s 起下游开始超时：每个超时都是一次失败，第 4 个让错误率达到 50%。
	for i := 0; i < 4; i++ {
		at(2000 + i*100)
		out := b.Execute(ctx, hang, fallback)
		total, failed = b.Counts()
		fmt.Printf("t=%.1fs  %s total=%d failed=%d state=%s\n", 2.0+float64(i)/10, out, total, failed, b.State())
	}
	at(2500)
	fmt.Printf("t=2.5s  %s (no call made)\n", b.Execute(ctx, succeed, fallback))

	// t=7.3s：睡眠窗口已过，进入半开；探测仍然失败，重新断开并重新计时。
	at(7300)
	fmt.Printf("t=7.3s  probe: %s state=%s\n", b.Execute(ctx, fail, fallback), b.State())
	at(9000)
	fmt.Printf("t=9.0s  %s\n", b.Execute(ctx, succeed, fallback))

	// t=12.3s：再次半开。探测在途时，其他请求照样被拒绝；探测成功后闭合。
	// 先等早先超时的调用都真正返回、交还舱壁名额，输出才不取决于 goroutine 的调度。
	drain(b)
	at(12300)
	inProbe, release := make(chan struct{}), make(chan struct{})
	done := make(chan string)
	go func() {
		done <- b.Execute(ctx, func(context.Context) (string, error) {
			close(inProbe)
			<-release
			return "ok", nil
		}, fallback)
	}()
	<-inProbe
	fmt.Printf("t=12.3s during probe (%s): %s\n", b.State(), b.Execute(ctx, succeed, fallback))
	close(release)
	fmt.Printf("t=12.3s probe: %s state=%s\n", <-done, b.State())
	total, failed = b.Counts()
	fmt.Printf("t=12.3s window reset: total=%d failed=%d\n", total, failed)

	// 舱壁：两个调用卡在慢下游里，第三个不排队，立刻降级。
	var wg sync.WaitGroup
	entered, unblock := make(chan struct{}, 2), make(chan struct{})
	slow := func(context.Context) (string, error) { entered <- struct{}{}; <-unblock; return "ok", nil }
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); b.Execute(ctx, slow, fallback) }()
	}
	<-entered
	<-entered
	fmt.Printf("t=12.3s third concurrent call: %s\n", b.Execute(ctx, succeed, fallback))
	close(unblock)
	wg.Wait()
}

// Output:
// t=1.9s  window total=20 failed=8 state=closed
// t=2.0s  fallback(context deadline exceeded) total=21 failed=9 state=closed
// t=2.1s  fallback(context deadline exceeded) total=22 failed=10 state=closed
// t=2.2s  fallback(context deadline exceeded) total=23 failed=11 state=closed
// t=2.3s  fallback(context deadline exceeded) total=24 failed=12 state=open
// t=2.5s  fallback(circuit open) (no call made)
// t=7.3s  probe: fallback(503) state=open
// t=9.0s  fallback(circuit open)
// t=12.3s during probe (half-open): fallback(circuit open)
// t=12.3s probe: ok state=closed
// t=12.3s window reset: total=0 failed=0
// t=12.3s third concurrent call: fallback(bulkhead full)

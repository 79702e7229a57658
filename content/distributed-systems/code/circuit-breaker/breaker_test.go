package breaker

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// clock 是测试用的手动时钟；熔断器在持锁时读它，测试在另一个 goroutine 里拨它。
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var errDown = errors.New("503 from upstream")

func fail() error { return errDown }
func ok() error   { return nil }

// held 在另一个 goroutine 里发起一次调用，f 在 release 之前不返回。
// 返回时这次调用已被放行（或已被拒绝），result 收到 Call 的返回值。
type held struct {
	release chan error
	result  chan error
}

func start(t *testing.T, b *Breaker) *held {
	t.Helper()
	h := &held{release: make(chan error), result: make(chan error, 1)}
	admitted := make(chan struct{})
	go func() {
		h.result <- b.Call(func() error {
			close(admitted)
			return <-h.release
		})
	}()
	select {
	case <-admitted:
	case err := <-h.result:
		t.Fatalf("call was not admitted: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("call neither admitted nor rejected after 5 s")
	}
	return h
}

func (h *held) finish(err error) error {
	h.release <- err
	return <-h.result
}

func newBreaker(threshold int) (*Breaker, *clock) {
	c := &clock{t: time.Unix(1000, 0)}
	return New(threshold, 10*time.Second, c.now), c
}

func TestTripsAfterConsecutiveFailures(t *testing.T) {
	b, _ := newBreaker(3)
	b.Call(fail)
	b.Call(fail)
	b.Call(ok) // 成功清零：失败必须是连续的
	b.Call(fail)
	b.Call(fail)
	if got := b.State(); got != Closed {
		t.Fatalf("after fail,fail,ok,fail,fail: state %v, want Closed", got)
	}
	b.Call(fail)
	if got := b.State(); got != Open {
		t.Fatalf("after 3 consecutive failures: state %v, want Open", got)
	}
	called := false
	if err := b.Call(func() error { called = true; return nil }); err != ErrOpen || called {
		t.Fatalf("open breaker: err %v, called %v; want ErrOpen without calling", err, called)
	}
}

func TestProbeSuccessClosesProbeFailureReopens(t *testing.T) {
	b, c := newBreaker(1)
	b.Call(fail)
	c.advance(10 * time.Second)
	if err := b.Call(fail); err != errDown {
		t.Fatalf("probe after cooldown: err %v, want the upstream error", err)
	}
	if got := b.State(); got != Open {
		t.Fatalf("failed probe: state %v, want Open", got)
	}
	c.advance(9 * time.Second) // 冷却期从试探失败时重新计时
	if err := b.Call(ok); err != ErrOpen {
		t.Fatalf("9 s after a failed probe: err %v, want ErrOpen", err)
	}
	c.advance(time.Second)
	if err := b.Call(ok); err != nil {
		t.Fatalf("probe after the new cooldown: err %v", err)
	}
	if got := b.State(); got != Closed {
		t.Fatalf("successful probe: state %v, want Closed", got)
	}
}

func TestHalfOpenAdmitsOneProbe(t *testing.T) {
	b, c := newBreaker(1)
	b.Call(fail)
	c.advance(10 * time.Second)
	probe := start(t, b)
	for i := 0; i < 5; i++ {
		if err := b.Call(ok); err != ErrOpen {
			t.Fatalf("request %d while the probe is in flight: err %v, want ErrOpen", i, err)
		}
	}
	if err := probe.finish(nil); err != nil {
		t.Fatal(err)
	}
	if got := b.State(); got != Closed {
		t.Fatalf("state %v, want Closed", got)
	}
}

// 评审复现的 bug：A 在 Closed 时放行、迟迟不返回；B 失败让熔断器跳闸；冷却后 C 成为试探者；
// 这时 A 成功返回。旧版本把 A 的成功记到当前的 HalfOpen 上，关上熔断器、清掉 probing，
// 于是 C 还在途时 D 就被放行。这个测试在旧版本上失败。
func TestStaleSuccessDoesNotCloseHalfOpen(t *testing.T) {
	b, c := newBreaker(1)
	a := start(t, b)
	if err := b.Call(fail); err != errDown {
		t.Fatal(err)
	}
	c.advance(10 * time.Second)
	probe := start(t, b)
	if err := a.finish(nil); err != nil {
		t.Fatalf("slow call A: %v", err)
	}
	if got := b.State(); got != HalfOpen {
		t.Fatalf("after a stale success: state %v, want HalfOpen (probe still in flight)", got)
	}
	if err := b.Call(ok); err != ErrOpen {
		t.Fatalf("request D while the probe is in flight: err %v, want ErrOpen", err)
	}
	probe.finish(errDown)
	if got := b.State(); got != Open {
		t.Fatalf("failed probe: state %v, want Open", got)
	}
}

// 一个在 Closed 时开始、在 Open 期间才失败的慢请求，不能让冷却期重新计时。
func TestStaleFailureDoesNotRestartCooldown(t *testing.T) {
	b, c := newBreaker(1)
	a := start(t, b)
	b.Call(fail) // 跳闸，冷却期从这一刻算
	c.advance(6 * time.Second)
	a.finish(errDown) // 迟到的失败
	c.advance(4 * time.Second)
	if err := b.Call(ok); err != nil {
		t.Fatalf("10 s after tripping: err %v, want the probe to be admitted", err)
	}
	if got := b.State(); got != Closed {
		t.Fatalf("state %v, want Closed", got)
	}
}

// 试探请求 panic：必须记作失败并释放试探名额，否则熔断器永远卡在“已有试探在途”。
func TestPanickingProbeCountsAsFailure(t *testing.T) {
	b, c := newBreaker(1)
	b.Call(fail)
	c.advance(10 * time.Second)
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic was swallowed; Call must re-panic")
			}
		}()
		b.Call(func() error { panic("boom") })
	}()
	if got := b.State(); got != Open {
		t.Fatalf("after a panicking probe: state %v, want Open", got)
	}
	c.advance(10 * time.Second)
	if err := b.Call(ok); err != nil {
		t.Fatalf("next probe: err %v, want admitted", err)
	}
}

// 试探请求挂起、永远不返回（下游调用没有截止时间，连接一直不断）：熔断器不能因此永远卡在
// “已有试探在途”。试探超过一个冷却期仍未返回，就记作失败、重新跳闸；再过一个冷却期，
// 下一个请求成为新的试探者。那个挂起的试探最后返回时，它的结果属于旧的一代，被丢弃。
// 没有试探截止时间的版本在这里失败：下游恢复之后，每个请求仍然 ErrOpen。
func TestHungProbeTimesOut(t *testing.T) {
	b, c := newBreaker(1)
	b.Call(fail)
	c.advance(10 * time.Second)
	hung := start(t, b)
	c.advance(9 * time.Second)
	if err := b.Call(ok); err != ErrOpen {
		t.Fatalf("9 s into the probe: err %v, want ErrOpen (probe still within its deadline)", err)
	}
	c.advance(time.Second)
	if err := b.Call(ok); err != ErrOpen {
		t.Fatalf("probe past its deadline: err %v, want ErrOpen (the hung probe counts as a failure)", err)
	}
	if got := b.State(); got != Open {
		t.Fatalf("after the probe deadline: state %v, want Open", got)
	}
	c.advance(10 * time.Second)
	if err := b.Call(ok); err != nil {
		t.Fatalf("downstream recovered, new probe after the cooldown: err %v, want admitted", err)
	}
	if got := b.State(); got != Closed {
		t.Fatalf("successful new probe: state %v, want Closed", got)
	}
	hung.finish(errDown) // 旧一代的结果：不能让已经关上的熔断器跳闸
	if got := b.State(); got != Closed {
		t.Fatalf("late failure of the hung probe: state %v, want Closed", got)
	}
}

// 许多 goroutine 同时撞上冷却结束的时刻：恰好一个成为试探者（用 -race 运行）。
// 每个调用报告一次：被放行的在 f 里报告 true 并停在 gate 上，被拒绝的返回 ErrOpen 后报告 false。
func TestConcurrentCallersOneProbe(t *testing.T) {
	b, c := newBreaker(1)
	b.Call(fail)
	c.advance(10 * time.Second)
	const n = 50
	gate := make(chan struct{})
	events := make(chan bool, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := b.Call(func() error {
				events <- true
				<-gate
				return nil
			})
			if err == ErrOpen {
				events <- false
			}
		}()
	}
	admitted := 0
	for i := 0; i < n; i++ {
		if <-events {
			admitted++
		}
	}
	close(gate)
	wg.Wait()
	if admitted != 1 {
		t.Fatalf("%d calls admitted in HalfOpen, want exactly 1", admitted)
	}
}

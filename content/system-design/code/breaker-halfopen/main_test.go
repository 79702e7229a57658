package main

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeClock is a manually advanced clock shared by the breaker and the test.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newTestBreaker(timeout time.Duration) (*Breaker, *fakeClock) {
	clk := &fakeClock{now: time.Unix(1_700_000_000, 0)}
	b := NewBreaker(Settings{Buckets: 10, VolumeThreshold: 4, ErrorPercent: 50,
		SleepWindow: 5 * time.Second, Timeout: timeout, MaxConcurrent: 10}, clk.Now)
	return b, clk
}

func fb(err error) string { return "fallback(" + err.Error() + ")" }

func succeed(context.Context) (string, error) { return "ok", nil }
func fail(context.Context) (string, error)    { return "", errors.New("503") }

// openBreaker drives b to Open with four failures at the current time.
func openBreaker(t *testing.T, b *Breaker) {
	t.Helper()
	for i := 0; i < 4; i++ {
		b.Execute(context.Background(), fail, fb)
	}
	if b.State() != Open {
		t.Fatalf("state after 4/4 failures = %s, want open", b.State())
	}
}

// A call admitted while Closed returns success only after the breaker has opened and
// moved to HalfOpen with a probe in flight. Fails on the version without the
// generation check: it lets the stale success close the breaker.
func TestStaleSuccessDoesNotCloseHalfOpenBreaker(t *testing.T) {
	b, clk := newTestBreaker(time.Hour)
	ctx := context.Background()

	oldIn, oldRelease, oldDone := make(chan struct{}), make(chan struct{}), make(chan string)
	go func() {
		oldDone <- b.Execute(ctx, func(context.Context) (string, error) {
			close(oldIn)
			<-oldRelease
			return "late ok", nil
		}, fb)
	}()
	<-oldIn // admitted in generation 0 (Closed)

	openBreaker(t, b)
	clk.Advance(6 * time.Second)

	probeIn, probeRelease, probeDone := make(chan struct{}), make(chan struct{}), make(chan string)
	go func() {
		probeDone <- b.Execute(ctx, func(context.Context) (string, error) {
			close(probeIn)
			<-probeRelease
			return "", errors.New("still down")
		}, fb)
	}()
	<-probeIn
	if got := b.State(); got != HalfOpen {
		t.Fatalf("state with probe in flight = %s, want half-open", got)
	}

	close(oldRelease)
	if got := <-oldDone; got != "late ok" {
		t.Fatalf("stale call returned %q, want its own result", got)
	}
	if got := b.State(); got != HalfOpen {
		t.Fatalf("stale success changed the state to %s; it belongs to an older generation", got)
	}
	close(probeRelease)
	<-probeDone
	if got := b.State(); got != Open {
		t.Fatalf("state after failed probe = %s, want open", got)
	}
}

// The probe's run ignores its context. Fails (hangs until the guard fires) on the
// version that called run inline: the probe never ends and probing stays true.
func TestProbeThatIgnoresContextStillEnds(t *testing.T) {
	b, clk := newTestBreaker(10 * time.Millisecond)
	openBreaker(t, b)
	clk.Advance(6 * time.Second)

	stuck := make(chan struct{})
	defer close(stuck)
	done := make(chan string, 1)
	go func() {
		done <- b.Execute(context.Background(), func(context.Context) (string, error) {
			<-stuck // blocking I/O without a context
			return "ok", nil
		}, fb)
	}()
	select {
	case got := <-done:
		if got != "fallback(context deadline exceeded)" {
			t.Fatalf("probe returned %q, want a timeout fallback", got)
		}
	case <-time.After(10 * time.Second): // guard only; the timeout is 10ms
		t.Fatal("Execute did not return: the half-open probe is stuck")
	}
	if got := b.State(); got != Open {
		t.Fatalf("state after timed-out probe = %s, want open", got)
	}
	clk.Advance(6 * time.Second)
	if got := b.Execute(context.Background(), succeed, fb); got != "ok" {
		t.Fatalf("next probe after the sleep window returned %q, want ok", got)
	}
	if got := b.State(); got != Closed {
		t.Fatalf("state after successful probe = %s, want closed", got)
	}
}

// A cancelled caller context counts as a failure and does not wait for run.
func TestCancelledContextIsAFailure(t *testing.T) {
	b, _ := newTestBreaker(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	block := make(chan struct{})
	defer close(block)
	got := b.Execute(ctx, func(context.Context) (string, error) { <-block; return "ok", nil }, fb)
	if got != "fallback(context canceled)" {
		t.Fatalf("Execute = %q, want fallback(context canceled)", got)
	}
	if total, failed := b.Counts(); total != 1 || failed != 1 {
		t.Fatalf("counts = %d/%d, want 1 total 1 failed", total, failed)
	}
}

// Below the volume threshold even 100% failures keep the breaker closed; failures
// older than the window no longer count.
func TestVolumeThresholdAndWindowExpiry(t *testing.T) {
	b, clk := newTestBreaker(time.Hour)
	for i := 0; i < 3; i++ {
		b.Execute(context.Background(), fail, fb)
	}
	if b.State() != Closed {
		t.Fatalf("3 failures below the threshold of 4 opened the breaker")
	}
	clk.Advance(10 * time.Second)
	if total, failed := b.Counts(); total != 0 || failed != 0 {
		t.Fatalf("counts after the window = %d/%d, want 0/0", total, failed)
	}
	b.Execute(context.Background(), fail, fb)
	if b.State() != Closed {
		t.Fatalf("an expired failure still counted toward the threshold")
	}
}

// 100 goroutines call Execute at once; run under -race.
func TestConcurrentExecute(t *testing.T) {
	b, _ := newTestBreaker(time.Hour)
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i%2 == 0 {
				b.Execute(context.Background(), succeed, fb)
			} else {
				b.Execute(context.Background(), fail, fb)
			}
			b.Counts()
		}(i)
	}
	wg.Wait()
}

package main

import (
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func openBreaker(clock *fakeClock) *Breaker {
	b := &Breaker{maxFailures: 1, cooldown: time.Second, now: clock.now}
	t, err := b.Allow()
	if err != nil {
		panic("closed breaker refused")
	}
	b.Record(t, false)
	return b
}

// Fails on the version where a cancelled half-open probe returned before Record:
// probing stayed true and the backend was rejected for ever.
func TestCancelledProbeDoesNotWedgeHalfOpen(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := openBreaker(clock)
	var active atomic.Int64
	clock.t = clock.t.Add(time.Second)
	probe, err := b.Allow()
	if err != nil {
		t.Fatalf("probe after cooldown: %v", err)
	}
	tryBackend(&active, b, probe, func() Outcome { return Cancelled })
	if !b.Ready() {
		t.Fatal("after a cancelled probe the breaker is not ready for a new probe")
	}
	probe, err = b.Allow()
	if err != nil {
		t.Fatalf("second probe refused: %v", err)
	}
	tryBackend(&active, b, probe, func() Outcome { return Succeeded })
	if b.state != Closed {
		t.Fatalf("state = %v, want closed", b.state)
	}
}

// Fails on the version that did active.Add(-1) and Record after ServeHTTP without
// defer: the ReverseProxy's panic(http.ErrAbortHandler) skipped both.
func TestPanicInForwardStillDoesBookkeeping(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := openBreaker(clock)
	var active atomic.Int64
	clock.t = clock.t.Add(time.Second)
	probe, err := b.Allow()
	if err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			if r := recover(); r != http.ErrAbortHandler {
				t.Fatalf("recovered %v, want http.ErrAbortHandler re-panicked", r)
			}
		}()
		tryBackend(&active, b, probe, func() Outcome { panic(http.ErrAbortHandler) })
	}()
	if n := active.Load(); n != 0 {
		t.Fatalf("active = %d after a panicking request, want 0", n)
	}
	if b.state != Open || b.probing {
		t.Fatalf("state=%v probing=%v, want the failed probe to re-open the breaker", b.state, b.probing)
	}
}

// Only one probe at a time in half-open, even with concurrent callers.
func TestHalfOpenAdmitsOneProbe(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := openBreaker(clock)
	clock.t = clock.t.Add(time.Second)
	var wg sync.WaitGroup
	var mu sync.Mutex
	admitted := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := b.Allow(); err == nil {
				mu.Lock()
				admitted++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if admitted != 1 {
		t.Fatalf("%d probes admitted, want 1", admitted)
	}
}

// tripWithStragglers admits two requests while Closed, fails the first (the breaker
// opens with the second still in flight), waits out the cooldown and admits the real
// half-open probe. It returns the straggler's ticket.
func tripWithStragglers(t *testing.T, clock *fakeClock) (*Breaker, Ticket) {
	t.Helper()
	b := &Breaker{maxFailures: 1, cooldown: time.Second, now: clock.now}
	first, _ := b.Allow()
	straggler, _ := b.Allow()
	b.Record(first, false)
	clock.t = clock.t.Add(2 * time.Second)
	if _, err := b.Allow(); err != nil {
		t.Fatalf("probe after cooldown: %v", err)
	}
	return b, straggler
}

// Fails on the version without tickets: the cancelled straggler handed back the
// probe slot, so a second probe was admitted while the first was in flight.
func TestStaleCancelDoesNotAdmitSecondProbe(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	b, straggler := tripWithStragglers(t, clock)
	var active atomic.Int64
	tryBackend(&active, b, straggler, func() Outcome { return Cancelled })
	if _, err := b.Allow(); err == nil {
		t.Fatal("a stale cancellation admitted a second half-open probe")
	}
}

// Fails on the version without tickets: a success from before the outage closed the
// breaker while the real probe was still in flight.
func TestStaleSuccessDoesNotCloseHalfOpen(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	b, straggler := tripWithStragglers(t, clock)
	b.Record(straggler, true)
	if b.state != HalfOpen {
		t.Fatalf("state = %v after a stale success, want half-open", b.state)
	}
}

// Fails on the version without tickets: a late failure re-tripped the Open breaker
// and restarted its cooldown.
func TestStaleFailureDoesNotRestartCooldown(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := &Breaker{maxFailures: 1, cooldown: time.Second, now: clock.now}
	first, _ := b.Allow()
	straggler, _ := b.Allow()
	b.Record(first, false)
	clock.t = clock.t.Add(900 * time.Millisecond)
	b.Record(straggler, false)
	clock.t = clock.t.Add(200 * time.Millisecond)
	if _, err := b.Allow(); err != nil {
		t.Fatalf("probe refused 1.1 s after the trip: %v (stale failure restarted the cooldown)", err)
	}
}

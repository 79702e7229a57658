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
	if b.Allow() != nil {
		panic("closed breaker refused")
	}
	b.Record(false)
	return b
}

// Fails on the version where a cancelled half-open probe returned before Record:
// probing stayed true and the backend was rejected for ever.
func TestCancelledProbeDoesNotWedgeHalfOpen(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := openBreaker(clock)
	var active atomic.Int64
	clock.t = clock.t.Add(time.Second)
	if err := b.Allow(); err != nil {
		t.Fatalf("probe after cooldown: %v", err)
	}
	tryBackend(&active, b, func() Outcome { return Cancelled })
	if !b.Ready() {
		t.Fatal("after a cancelled probe the breaker is not ready for a new probe")
	}
	if err := b.Allow(); err != nil {
		t.Fatalf("second probe refused: %v", err)
	}
	tryBackend(&active, b, func() Outcome { return Succeeded })
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
	if err := b.Allow(); err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			if r := recover(); r != http.ErrAbortHandler {
				t.Fatalf("recovered %v, want http.ErrAbortHandler re-panicked", r)
			}
		}()
		tryBackend(&active, b, func() Outcome { panic(http.ErrAbortHandler) })
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
			if b.Allow() == nil {
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

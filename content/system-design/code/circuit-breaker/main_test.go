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
	ticket, err := b.Allow()
	if err != nil {
		panic("closed breaker refused")
	}
	b.Record(ticket, false)
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

// A request admitted while the breaker was still closed can come back while the half-open
// probe is in flight. Its result describes the backend before the outage: it must neither
// hand back the probe's slot (a second concurrent probe), nor close the breaker, nor re-open
// it and restart the cooldown. Fails on the version without tickets, where Record and
// Abandon applied every late result to the current state: late cancel -> probing=false,
// late success -> closed, late failure -> open.
func TestLateResultFromBeforeTheTripIsIgnored(t *testing.T) {
	name := map[Outcome]string{Succeeded: "success", Failed: "failure", Cancelled: "cancel"}
	for _, late := range []Outcome{Cancelled, Succeeded, Failed} {
		clock := &fakeClock{t: time.Unix(0, 0)}
		b := &Breaker{maxFailures: 1, cooldown: time.Second, now: clock.now}
		var active atomic.Int64
		first, _ := b.Allow()
		old, _ := b.Allow()    // admitted while closed, still in flight
		b.Record(first, false) // trips the breaker
		clock.t = clock.t.Add(2 * time.Second)
		if _, err := b.Allow(); err != nil { // the real probe, in flight
			t.Fatal(err)
		}
		tryBackend(&active, b, old, func() Outcome { return late })
		if b.state != HalfOpen || !b.probing {
			t.Errorf("late %s: state=%v probing=%v, want half-open with the probe in flight", name[late], b.state, b.probing)
		}
		if _, err := b.Allow(); err == nil {
			t.Errorf("late %s: a second probe was admitted while the first is in flight", name[late])
		}
	}
}

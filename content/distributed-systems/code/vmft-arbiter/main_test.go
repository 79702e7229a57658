package main

import (
	"fmt"
	"sync"
	"testing"
)

// After a split of the logging channel every replica of one generation asks the arbiter at
// once (run with -race): exactly one goes live. Fails on a TestAndSet that checks and sets
// the flag without holding the lock (the race detector reports it, and two can win).
func TestOneReplicaGoesLivePerGeneration(t *testing.T) {
	storage := &Arbiter{winner: map[int]string{}}
	results := make([]string, 6)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := &Replica{name: fmt.Sprintf("R%d", i), gen: 1, storage: storage, linkUp: always}
			results[i] = r.onPeerSilent(3)
		}(i)
	}
	wg.Wait()
	live := 0
	for _, res := range results {
		switch res {
		case "live":
			live++
		case "halted":
		default:
			t.Fatalf("a replica that reached storage ended %q, want live or halted", res)
		}
	}
	if live != 1 {
		t.Fatalf("%d replicas of generation 1 went live, want exactly 1 (results %v)", live, results)
	}
}

// Fails on a replica that goes live when it cannot reach storage after its last try:
// its peer may have won the test-and-set, and then two primaries run.
func TestCutOffReplicaNeverGoesLive(t *testing.T) {
	storage := &Arbiter{winner: map[int]string{}}
	a := &Replica{name: "A", gen: 2, storage: storage, linkUp: never}
	if got := a.onPeerSilent(5); got != "waiting" {
		t.Fatalf("A cut off from storage ended %q, want waiting", got)
	}
	if w, taken := storage.winner[2]; taken {
		t.Fatalf("generation 2's flag was set by %s although nobody reached storage", w)
	}
	c := &Replica{name: "C", gen: 2, storage: storage, linkUp: func(attempt int) bool { return attempt >= 3 }}
	if got := c.onPeerSilent(5); got != "live" {
		t.Fatalf("C, reaching storage on its third try, ended %q, want live", got)
	}
}

// A flag left from an earlier pair does not stop the next generation from electing a primary,
// and a late replica of the earlier generation still loses.
func TestGenerationsAreIndependent(t *testing.T) {
	storage := &Arbiter{winner: map[int]string{}}
	a1 := &Replica{name: "A", gen: 1, storage: storage, linkUp: always}
	b1 := &Replica{name: "B", gen: 1, storage: storage, linkUp: always}
	c2 := &Replica{name: "C", gen: 2, storage: storage, linkUp: always}
	if got := []string{a1.onPeerSilent(1), c2.onPeerSilent(1), b1.onPeerSilent(1)}; fmt.Sprint(got) != "[live live halted]" {
		t.Fatalf("A(gen 1), C(gen 2), B(gen 1) ended %v, want [live live halted]", got)
	}
}

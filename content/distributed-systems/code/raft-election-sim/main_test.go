package main

import (
	"io"
	"math/rand"
	"testing"
)

// newSim builds the lecture's cluster: S1, leader of term 1, crashes at t=0 and S2..S5
// start their election timers with the given timeout sequences.
func newSim(draws [][]int, end int) *sim {
	s := &sim{servers: make([]*server, 6), end: end, out: io.Discard, elected: map[int][]int{}}
	for id := 1; id <= 5; id++ {
		s.servers[id] = &server{id: id, alive: id != 1, currentTerm: 1, votedFor: 1, timeouts: draws[id]}
	}
	for id := 2; id <= 5; id++ {
		s.resetTimer(s.servers[id])
	}
	return s
}

func TestLectureTimelineElectsS5InTerm3(t *testing.T) {
	s := newSim([][]int{nil, {200}, {150, 230, 240, 185}, {210, 280, 260, 175}, {290, 260, 250, 205}, {152, 170, 280, 265}}, 500)
	s.run()
	if len(s.elected) != 1 || len(s.elected[3]) != 1 || s.elected[3][0] != 5 {
		t.Fatalf("elected %v, want only S5 in term 3", s.elected)
	}
}

// The lecture's suggested edit: S5's second timeout 231 ms, one after S2's 230.
func TestNearlyEqualTimeoutsSplitAgainThenRecover(t *testing.T) {
	s := newSim([][]int{nil, {200}, {150, 230, 240, 185}, {210, 280, 260, 175}, {290, 260, 250, 205}, {152, 231, 280, 265}}, 1500)
	s.run()
	if len(s.elected[2]) != 0 || len(s.elected[3]) != 0 {
		t.Fatalf("elected %v, want split votes in terms 2 and 3", s.elected)
	}
	if len(s.elected) == 0 {
		t.Fatal("no leader by t=1500 ms")
	}
}

// Election Safety (Figure 3) over 300 seeded timeout tables drawn from [150, 300):
// at most one leader per term. Fails on a voter that grants without checking votedFor
// (two candidates of one term both reach 3 votes).
func TestAtMostOneLeaderPerTerm(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	electedSomewhere := 0
	for n := 0; n < 300; n++ {
		draws := [][]int{nil, {200}}
		for id := 2; id <= 5; id++ {
			d := make([]int, 4)
			for i := range d {
				d[i] = 150 + r.Intn(150)
			}
			draws = append(draws, d)
		}
		s := newSim(draws, 2000)
		s.run()
		for term, ids := range s.elected {
			if len(ids) > 1 {
				t.Fatalf("table %d %v: term %d has leaders %v", n, draws, term, ids)
			}
		}
		if len(s.elected) > 0 {
			electedSomewhere++
		}
	}
	if electedSomewhere == 0 {
		t.Fatal("no table elected any leader: the test would pass vacuously")
	}
}

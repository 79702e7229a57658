package raft

// Part 3C: persistence. Run with: go test -race -run 3C ./raft/

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestPersist13C: servers that crash and restart remember their term, vote and log.
func TestPersist13C(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3C): basic persistence")

	cfg.one(11, servers, true)

	// Crash and restart all of them.
	for i := 0; i < servers; i++ {
		cfg.start1(i)
	}
	for i := 0; i < servers; i++ {
		cfg.disconnect(i)
		cfg.connect(i)
	}
	cfg.one(12, servers, true)

	leader1 := cfg.checkOneLeader()
	cfg.disconnect(leader1)
	cfg.start1(leader1)
	cfg.connect(leader1)

	cfg.one(13, servers, true)

	leader2 := cfg.checkOneLeader()
	cfg.disconnect(leader2)
	cfg.one(14, servers-1, true)
	cfg.start1(leader2)
	cfg.connect(leader2)

	cfg.wait(4, servers, -1) // wait for leader2 to join before killing i3

	i3 := (cfg.checkOneLeader() + 1) % servers
	cfg.disconnect(i3)
	cfg.one(15, servers-1, true)
	cfg.start1(i3)
	cfg.connect(i3)

	cfg.one(16, servers, true)
}

// TestPersist23C: repeated crashes of a majority; what was committed must survive.
func TestPersist23C(t *testing.T) {
	servers := 5
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3C): more persistence")

	index := 1
	for iters := 0; iters < 2; iters++ {
		cfg.one(10+index, servers, true)
		index++

		leader1 := cfg.checkOneLeader()

		cfg.disconnect((leader1 + 1) % servers)
		cfg.disconnect((leader1 + 2) % servers)

		cfg.one(10+index, servers-2, true)
		index++

		cfg.disconnect((leader1 + 0) % servers)
		cfg.disconnect((leader1 + 3) % servers)
		cfg.disconnect((leader1 + 4) % servers)

		cfg.start1((leader1 + 1) % servers)
		cfg.start1((leader1 + 2) % servers)
		cfg.connect((leader1 + 1) % servers)
		cfg.connect((leader1 + 2) % servers)

		time.Sleep(RaftElectionTimeout)

		cfg.start1((leader1 + 3) % servers)
		cfg.connect((leader1 + 3) % servers)

		cfg.one(10+index, servers-2, true)
		index++

		cfg.connect((leader1 + 4) % servers)
		cfg.connect((leader1 + 0) % servers)
	}

	cfg.one(1000, servers, true)
}

// TestPersist33C: a partitioned leader and a follower crash; the survivors and the restarted
// servers agree.
func TestPersist33C(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3C): partitioned leader and one follower crash, leader restarts")

	cfg.one(101, 3, true)

	leader := cfg.checkOneLeader()
	cfg.disconnect((leader + 2) % servers)

	cfg.one(102, 2, true)

	cfg.crash1((leader + 0) % servers)
	cfg.crash1((leader + 1) % servers)
	cfg.connect((leader + 2) % servers)
	cfg.start1((leader + 0) % servers)
	cfg.connect((leader + 0) % servers)

	cfg.one(103, 2, true)

	cfg.start1((leader + 1) % servers)
	cfg.connect((leader + 1) % servers)

	cfg.one(104, servers, true)
}

// TestFigure83C plays the scenario of the Raft paper's figure 8 many times over: leaders crash
// right after accepting commands, and servers restart with logs that disagree. An entry from an
// earlier term must never be counted as committed by replication alone.
func TestFigure83C(t *testing.T) {
	servers := 5
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3C): Figure 8")

	cfg.one(cfg.randInt(10000), 1, true)

	nup := servers
	for iters := 0; iters < 200; iters++ {
		leader := -1
		rafts, _ := cfg.raftsNow()
		for i, rf := range rafts {
			if rf != nil {
				if _, _, ok := rf.Start(cfg.randInt(10000)); ok {
					leader = i
				}
			}
		}

		if cfg.randInt(1000) < 100 {
			time.Sleep(time.Duration(cfg.randInt(RaftElectionTimeoutMs()/2)) * time.Millisecond)
		} else {
			time.Sleep(time.Duration(cfg.randInt(13)) * time.Millisecond)
		}

		if leader != -1 {
			cfg.crash1(leader)
			nup--
		}

		if nup < 3 {
			s := cfg.randInt(servers)
			if rafts, _ := cfg.raftsNow(); rafts[s] == nil {
				cfg.start1(s)
				cfg.connect(s)
				nup++
			}
		}
	}

	for i := 0; i < servers; i++ {
		if rafts, _ := cfg.raftsNow(); rafts[i] == nil {
			cfg.start1(i)
			cfg.connect(i)
		}
	}

	cfg.one(cfg.randInt(10000), servers, true)
}

// RaftElectionTimeoutMs is RaftElectionTimeout in milliseconds.
func RaftElectionTimeoutMs() int { return int(RaftElectionTimeout / time.Millisecond) }

// TestUnreliableAgree3C: agreement on a network that loses and delays messages.
func TestUnreliableAgree3C(t *testing.T) {
	servers := 5
	cfg := makeConfig(t, servers, true, false)
	cfg.begin("Test (3C): unreliable agreement")

	// The concurrent clients may not fail the test from their own goroutines; they report
	// their first error here, and the test fails with it once they are done.
	var wg sync.WaitGroup
	errs := make(chan string, 4*29)
	for iters := 1; iters < 30; iters++ {
		for j := 0; j < 4; j++ {
			wg.Add(1)
			go func(iters, j int) {
				defer wg.Done()
				if _, err := cfg.oneErr((100*iters)+j, 1, true); err != "" {
					errs <- err
				}
			}(iters, j)
		}
		cfg.one(iters, 1, true)
	}

	cfg.setUnreliable(false)
	wg.Wait()
	close(errs)
	if err, failed := <-errs; failed {
		t.Fatalf("a concurrent client failed: %s", err)
	}
	cfg.one(100, servers, true)
}

// TestFigure8Unreliable3C: the figure 8 scenario on an unreliable network with long reordering:
// replies can arrive seconds late, after the sender has moved on.
func TestFigure8Unreliable3C(t *testing.T) {
	servers := 5
	cfg := makeConfig(t, servers, true, false)
	cfg.begin("Test (3C): Figure 8 (unreliable)")

	cfg.one(cfg.randInt(10000), 1, true)

	nup := servers
	for iters := 0; iters < 200; iters++ {
		if iters == 70 {
			cfg.net.SetLongReordering(true)
		}
		leader := -1
		rafts, connected := cfg.raftsNow()
		for i, rf := range rafts {
			if _, _, ok := rf.Start(cfg.randInt(10000)); ok && connected[i] {
				leader = i
			}
		}

		if cfg.randInt(1000) < 100 {
			time.Sleep(time.Duration(cfg.randInt(RaftElectionTimeoutMs()/2)) * time.Millisecond)
		} else {
			time.Sleep(time.Duration(cfg.randInt(13)) * time.Millisecond)
		}

		if leader != -1 && cfg.randInt(1000) < RaftElectionTimeoutMs()/2 {
			cfg.disconnect(leader)
			nup--
		}

		if nup < 3 {
			s := cfg.randInt(servers)
			if _, connected := cfg.raftsNow(); !connected[s] {
				cfg.connect(s)
				nup++
			}
		}
	}

	for i := 0; i < servers; i++ {
		if _, connected := cfg.raftsNow(); !connected[i] {
			cfg.connect(i)
		}
	}

	cfg.one(cfg.randInt(10000), servers, true)
}

// churn crashes, restarts, disconnects and reconnects servers at random while clients submit
// commands, then checks that every command a client saw commit is in the final log.
func churn(t *testing.T, unreliable bool) {
	servers := 5
	cfg := makeConfig(t, servers, unreliable, false)
	if unreliable {
		cfg.begin("Test (3C): unreliable churn")
	} else {
		cfg.begin("Test (3C): churn")
	}

	cfg.one(cfg.randInt(1<<30), servers, true)

	var stop int32

	// client submits commands and reports the ones it saw committed.
	client := func(me int, ch chan []int) {
		var ret []int
		defer func() { ch <- ret }()
		for atomic.LoadInt32(&stop) == 0 {
			x := cfg.randInt(1 << 30)
			index := -1
			ok := false
			for i := 0; i < servers; i++ {
				rafts, _ := cfg.raftsNow()
				if rafts[i] != nil {
					if index1, _, ok1 := rafts[i].Start(x); ok1 {
						ok = ok1
						index = index1
					}
				}
			}
			if ok {
				// Maybe leader will commit our value, maybe not; wait a bit to see.
				for _, to := range []int{10, 20, 50, 100, 200} {
					if nd, cmd := cfg.nCommittedNoFail(index); nd > 0 {
						if xx, ok := cmd.(int); ok && xx == x {
							ret = append(ret, x)
						}
						break
					}
					time.Sleep(time.Duration(to) * time.Millisecond)
				}
			} else {
				time.Sleep(time.Duration(79+me*17) * time.Millisecond)
			}
		}
	}

	ncli := 3
	cha := make([]chan []int, ncli)
	for i := 0; i < ncli; i++ {
		cha[i] = make(chan []int, 1)
		go client(i, cha[i])
	}

	for iters := 0; iters < 7; iters++ {
		if cfg.randInt(1000) < 200 {
			i := cfg.randInt(servers)
			cfg.disconnect(i)
		}

		if cfg.randInt(1000) < 500 {
			i := cfg.randInt(servers)
			if rafts, _ := cfg.raftsNow(); rafts[i] == nil {
				cfg.start1(i)
			}
			cfg.connect(i)
		}

		if cfg.randInt(1000) < 200 {
			i := cfg.randInt(servers)
			if rafts, _ := cfg.raftsNow(); rafts[i] != nil {
				cfg.crash1(i)
			}
		}

		// Make crash/restart infrequent enough that the servers can make progress.
		time.Sleep(time.Duration(RaftElectionTimeoutMs()*7/10) * time.Millisecond)
	}

	time.Sleep(RaftElectionTimeout)
	cfg.setUnreliable(false)
	for i := 0; i < servers; i++ {
		if rafts, _ := cfg.raftsNow(); rafts[i] == nil {
			cfg.start1(i)
		}
		cfg.connect(i)
	}

	atomic.StoreInt32(&stop, 1)

	var values []int
	for i := 0; i < ncli; i++ {
		vv := <-cha[i]
		values = append(values, vv...)
	}

	time.Sleep(RaftElectionTimeout)

	lastIndex := cfg.one(cfg.randInt(1<<30), servers, true)

	var really []int
	for index := 1; index <= lastIndex; index++ {
		v := cfg.wait(index, servers, -1)
		if vi, ok := v.(int); ok {
			really = append(really, vi)
		} else {
			t.Fatalf("value %v at index %d is not an int", v, index)
		}
	}

	for _, v1 := range values {
		found := false
		for _, v2 := range really {
			if v1 == v2 {
				found = true
			}
		}
		if !found {
			t.Fatalf("command %d was seen committed by a client but is missing from the final log", v1)
		}
	}
}

func TestReliableChurn3C(t *testing.T) {
	churn(t, false)
}

func TestUnreliableChurn3C(t *testing.T) {
	churn(t, true)
}

package raft

// Part 3B: log replication. Run with: go test -race -run 3B ./raft/

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestBasicAgree3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): basic agreement")

	for index := 1; index <= 3; index++ {
		if nd, _ := cfg.nCommitted(index); nd > 0 {
			t.Fatalf("%d servers applied index %d before Start was called", nd, index)
		}
		xindex := cfg.one(index*100, servers, false)
		if xindex != index {
			t.Fatalf("Start returned index %d; the command should be at index %d (log indices "+
				"start at 1 and increase by one per command)", xindex, index)
		}
	}
}

// TestRPCBytes3B checks that each command is sent to each follower about once.
func TestRPCBytes3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): RPC byte count")

	cfg.one(99, servers, false)
	bytes0 := cfg.bytesTotal()

	iters := 10
	var sent int64
	for index := 2; index < iters+2; index++ {
		cmd := strings.Repeat(string(rune('a'+cfg.randInt(26))), 5000)
		xindex := cfg.one(cmd, servers, false)
		if xindex != index {
			t.Fatalf("got index %d, expected %d", xindex, index)
		}
		sent += int64(len(cmd))
	}

	got := cfg.bytesTotal() - bytes0
	expected := int64(servers-1) * sent // each follower needs each command once
	if got > expected+50000 {
		t.Fatalf("too many RPC bytes: %d for %d bytes of commands to %d followers (expected "+
			"at most %d); is every command sent over and over?", got, sent, servers-1,
			expected+50000)
	}
}

// TestFollowerFailure3B: agreement survives losing one follower, and stops without a majority.
func TestFollowerFailure3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): progressive failure of followers")

	cfg.one(101, servers, false)

	// Disconnect one follower.
	leader1 := cfg.checkOneLeader()
	cfg.disconnect((leader1 + 1) % servers)

	// The leader and the remaining follower should still agree.
	cfg.one(102, servers-1, false)
	time.Sleep(RaftElectionTimeout)
	cfg.one(103, servers-1, false)

	// Disconnect the remaining follower.
	leader2 := cfg.checkOneLeader()
	cfg.disconnect((leader2 + 1) % servers)
	cfg.disconnect((leader2 + 2) % servers)

	index, _, ok := cfg.rafts[leader2].Start(104)
	if !ok {
		t.Fatalf("leader %d rejected Start", leader2)
	}
	if index != 4 {
		t.Fatalf("expected index 4, got %d", index)
	}

	time.Sleep(2 * RaftElectionTimeout)

	// Check that command 104 did not commit.
	if n, _ := cfg.nCommitted(index); n > 0 {
		t.Fatalf("%d servers applied index %d, but the leader had no majority", n, index)
	}
}

// TestLeaderFailure3B: a new leader carries on; without a majority nothing commits.
func TestLeaderFailure3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): failure of leaders")

	cfg.one(101, servers, false)

	// Disconnect the first leader; the other two elect a new one and agree.
	leader1 := cfg.checkOneLeader()
	cfg.disconnect(leader1)
	cfg.one(102, servers-1, false)
	time.Sleep(RaftElectionTimeout)
	cfg.one(103, servers-1, false)

	// Disconnect the new leader too.
	leader2 := cfg.checkOneLeader()
	cfg.disconnect(leader2)

	// Submit a command to every server; none has a majority.
	rafts, _ := cfg.raftsNow()
	for _, rf := range rafts {
		rf.Start(104)
	}
	time.Sleep(2 * RaftElectionTimeout)

	if n, _ := cfg.nCommitted(4); n > 0 {
		t.Fatalf("%d servers applied index 4, but no server had a majority", n)
	}
}

// TestFailAgree3B: a follower that was cut off catches up when it returns.
func TestFailAgree3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): agreement after follower reconnects")

	cfg.one(101, servers, false)

	// Disconnect one follower from the network.
	leader := cfg.checkOneLeader()
	cfg.disconnect((leader + 1) % servers)

	// The leader and the remaining follower should agree without it.
	cfg.one(102, servers-1, false)
	cfg.one(103, servers-1, false)
	time.Sleep(RaftElectionTimeout)
	cfg.one(104, servers-1, false)
	cfg.one(105, servers-1, false)

	// Reconnect: all three must agree, and the returning follower must get 102–105.
	cfg.connect((leader + 1) % servers)
	cfg.one(106, servers, true)
	time.Sleep(RaftElectionTimeout)
	cfg.one(107, servers, true)
}

// TestFailNoAgree3B: no commit without a majority; after healing, the log moves on correctly.
func TestFailNoAgree3B(t *testing.T) {
	servers := 5
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): no agreement if too many followers disconnect")

	cfg.one(10, servers, false)

	// Three of five followers disconnect.
	leader := cfg.checkOneLeader()
	cfg.disconnect((leader + 1) % servers)
	cfg.disconnect((leader + 2) % servers)
	cfg.disconnect((leader + 3) % servers)

	index, _, ok := cfg.rafts[leader].Start(20)
	if !ok {
		t.Fatalf("leader %d rejected Start", leader)
	}
	if index != 2 {
		t.Fatalf("expected index 2, got %d", index)
	}

	time.Sleep(2 * RaftElectionTimeout)

	if n, _ := cfg.nCommitted(index); n > 0 {
		t.Fatalf("%d servers applied index %d, but only 2 of 5 servers were connected", n, index)
	}

	// Repair.
	cfg.connect((leader + 1) % servers)
	cfg.connect((leader + 2) % servers)
	cfg.connect((leader + 3) % servers)

	// The disconnected majority may have chosen a leader from among their own ranks, forgetting
	// index 2; or the old leader may still be leader and commit it.
	leader2 := cfg.checkOneLeader()
	index2, _, ok2 := cfg.rafts[leader2].Start(30)
	if !ok2 {
		t.Fatalf("leader %d rejected Start", leader2)
	}
	if index2 < 2 || index2 > 3 {
		t.Fatalf("unexpected index %d (expected 2 or 3)", index2)
	}

	cfg.one(1000, servers, true)
}

// TestConcurrentStarts3B: many Starts at once all land in the log, each at its own index.
func TestConcurrentStarts3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): concurrent Start()s")

	success := false
loop:
	for try := 0; try < 5; try++ {
		if try > 0 {
			time.Sleep(3 * time.Second) // give the solution some time to settle
		}
		leader := cfg.checkOneLeader()
		_, term, ok := cfg.rafts[leader].Start(1)
		if !ok {
			continue // leader moved on really quickly
		}

		iters := 5
		var wg sync.WaitGroup
		indices := make(chan int, iters)
		for ii := 0; ii < iters; ii++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				i1, term1, ok := cfg.rafts[leader].Start(100 + i)
				if term1 != term || !ok {
					return
				}
				indices <- i1
			}(ii)
		}
		wg.Wait()
		close(indices)

		rafts, _ := cfg.raftsNow()
		for _, rf := range rafts {
			if t, _ := rf.GetState(); t != term {
				continue loop // the term moved on; the commands may not commit, so retry
			}
		}

		failed := false
		var cmds []int
		for index := range indices {
			cmd := cfg.wait(index, servers, term)
			if ix, ok := cmd.(int); ok {
				if ix == -1 {
					failed = true // a peer moved on to a later term while we waited
					break
				}
				cmds = append(cmds, ix)
			} else {
				t.Fatalf("value %v at index %d is not an int", cmd, index)
			}
		}
		if failed {
			continue
		}

		for ii := 0; ii < iters; ii++ {
			x := 100 + ii
			found := false
			for _, c := range cmds {
				if c == x {
					found = true
				}
			}
			if !found {
				t.Fatalf("command %d was started concurrently but is missing from the log %v", x, cmds)
			}
		}
		success = true
		break
	}
	if !success {
		t.Fatalf("the term changed too often in 5 tries of concurrent Starts")
	}
}

// TestRejoin3B: a partitioned leader with uncommitted entries rejoins and must discard them.
func TestRejoin3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): rejoin of partitioned leader")

	cfg.one(101, servers, true)

	// The leader is cut off.
	leader1 := cfg.checkOneLeader()
	cfg.disconnect(leader1)

	// It accepts some commands that can never commit.
	cfg.rafts[leader1].Start(102)
	cfg.rafts[leader1].Start(103)
	cfg.rafts[leader1].Start(104)

	// The other two elect a new leader and commit index 2.
	cfg.one(103, 2, true)

	// The new leader is cut off too; the old one returns.
	leader2 := cfg.checkOneLeader()
	cfg.disconnect(leader2)
	cfg.connect(leader1)

	cfg.one(104, 2, true)

	// Everyone together.
	cfg.connect(leader2)
	cfg.one(105, servers, true)
}

// TestBackup3B: a leader brings a follower whose log diverges by many entries back in line
// quickly (the follower must help the leader skip back more than one entry per RPC).
func TestBackup3B(t *testing.T) {
	servers := 5
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): leader backs up quickly over incorrect follower logs")

	const batch = 30
	cfg.one(cfg.randInt(10000), servers, true)

	// The leader and one follower end up in a partition of two.
	leader1 := cfg.checkOneLeader()
	cfg.disconnect((leader1 + 2) % servers)
	cfg.disconnect((leader1 + 3) % servers)
	cfg.disconnect((leader1 + 4) % servers)

	// Commands that will not commit.
	for i := 0; i < batch; i++ {
		cfg.rafts[leader1].Start(cfg.randInt(10000))
	}
	time.Sleep(RaftElectionTimeout / 2)

	cfg.disconnect((leader1 + 0) % servers)
	cfg.disconnect((leader1 + 1) % servers)

	// The other three form a majority and commit their own commands.
	cfg.connect((leader1 + 2) % servers)
	cfg.connect((leader1 + 3) % servers)
	cfg.connect((leader1 + 4) % servers)
	for i := 0; i < batch; i++ {
		cfg.one(cfg.randInt(10000), 3, true)
	}

	// The new leader loses one follower and gets commands that will not commit.
	leader2 := cfg.checkOneLeader()
	other := (leader1 + 2) % servers
	if leader2 == other {
		other = (leader2 + 1) % servers
	}
	cfg.disconnect(other)
	for i := 0; i < batch; i++ {
		cfg.rafts[leader2].Start(cfg.randInt(10000))
	}
	time.Sleep(RaftElectionTimeout / 2)

	// Bring the original leader back, with the follower it had and the one just cut off.
	for i := 0; i < servers; i++ {
		cfg.disconnect(i)
	}
	cfg.connect((leader1 + 0) % servers)
	cfg.connect((leader1 + 1) % servers)
	cfg.connect(other)

	// They must settle on one history and commit new commands.
	for i := 0; i < batch; i++ {
		cfg.one(cfg.randInt(10000), 3, true)
	}

	// Now everyone.
	for i := 0; i < servers; i++ {
		cfg.connect(i)
	}
	cfg.one(cfg.randInt(10000), servers, true)
}

// TestCount3B checks that elections and agreement use a sensible number of RPCs.
func TestCount3B(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3B): RPC counts aren't too high")

	rpcs := func() int {
		n := 0
		for j := 0; j < servers; j++ {
			n += cfg.net.RPCCount(serverName(j))
		}
		return n
	}

	leader := cfg.checkOneLeader()
	total1 := rpcs()
	if total1 > 30 || total1 < 1 {
		t.Fatalf("%d RPCs for one leader election; expected between 1 and 30", total1)
	}

	var total2 int
	success := false
loop:
	for try := 0; try < 5; try++ {
		if try > 0 {
			time.Sleep(3 * time.Second) // give the solution some time to settle
		}
		leader = cfg.checkOneLeader()
		total1 = rpcs()

		iters := 10
		starti, term, ok := cfg.rafts[leader].Start(1)
		if !ok {
			continue // leader moved on really quickly
		}
		var cmds []int
		for i := 1; i < iters+2; i++ {
			x := cfg.randInt(1 << 30)
			cmds = append(cmds, x)
			index1, term1, ok := cfg.rafts[leader].Start(x)
			if term1 != term || !ok {
				continue loop // the term changed while starting
			}
			if starti+i != index1 {
				t.Fatalf("Start() returned index %d, expected %d (indices must be consecutive)",
					index1, starti+i)
			}
		}
		for i := 1; i < iters+1; i++ {
			cmd := cfg.wait(starti+i, servers, term)
			if ix, ok := cmd.(int); !ok || ix != cmds[i-1] {
				if ix == -1 {
					continue loop // the term changed; try again
				}
				t.Fatalf("wrong value %v committed for index %d; expected %v", cmd, starti+i, cmds)
			}
		}

		rafts, _ := cfg.raftsNow()
		for _, rf := range rafts {
			if t, _ := rf.GetState(); t != term {
				continue loop // the term changed; the RPC count is not meaningful
			}
		}

		total2 = rpcs()
		if total2-total1 > (iters+1+3)*3 {
			t.Fatalf("too many RPCs (%d) for %d entries", total2-total1, iters)
		}
		success = true
		break
	}
	if !success {
		t.Fatalf("the term changed too often in 5 tries")
	}

	time.Sleep(RaftElectionTimeout)
	total3 := rpcs()
	if total3-total2 > 3*20 {
		t.Fatalf("too many RPCs (%d) for 1 second of idleness; heartbeats should go out about "+
			"10 times a second", total3-total2)
	}
}

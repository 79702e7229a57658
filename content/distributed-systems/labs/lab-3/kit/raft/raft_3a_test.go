package raft

// Part 3A: leader election. Run with: go test -race -run 3A ./raft/

import (
	"testing"
	"time"
)

func TestInitialElection3A(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3A): initial election")

	// Is a leader elected?
	cfg.checkOneLeader()

	// Wait a little for the followers to learn the leader's term, then check they agree.
	time.Sleep(50 * time.Millisecond)
	term1 := cfg.checkTerms()
	if term1 < 1 {
		t.Fatalf("term is %d, but an election must move every server to term 1 or later", term1)
	}

	// With no failures, the leader's heartbeats keep everyone in the same term.
	time.Sleep(2 * RaftElectionTimeout)
	term2 := cfg.checkTerms()
	if term1 != term2 {
		t.Logf("warning: the term changed from %d to %d with no failures; are heartbeats "+
			"sent often enough (every 100 ms or so)?", term1, term2)
	}

	// There should still be a leader.
	cfg.checkOneLeader()
}

func TestReElection3A(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3A): election after network failure")

	leader1 := cfg.checkOneLeader()

	// If the leader disconnects, a new one should be elected.
	cfg.disconnect(leader1)
	cfg.checkOneLeader()

	// If the old leader rejoins, that must not disturb the new leader; either may lead after.
	cfg.connect(leader1)
	leader2 := cfg.checkOneLeader()

	// With no quorum, no new leader may be elected.
	cfg.disconnect(leader2)
	cfg.disconnect((leader2 + 1) % servers)
	time.Sleep(2 * RaftElectionTimeout)
	cfg.checkNoLeader()

	// If a quorum arises, it should elect a leader.
	cfg.connect((leader2 + 1) % servers)
	cfg.checkOneLeader()

	// Rejoining the last server must not prevent a leader from existing.
	cfg.connect(leader2)
	cfg.checkOneLeader()
}

func TestManyElections3A(t *testing.T) {
	servers := 7
	cfg := makeConfig(t, servers, false, false)
	cfg.begin("Test (3A): multiple elections")

	cfg.checkOneLeader()

	for iter := 0; iter < 5; iter++ {
		// Disconnect three servers at random: the four left are still a majority.
		i1, i2, i3 := cfg.randInt(servers), cfg.randInt(servers), cfg.randInt(servers)
		cfg.disconnect(i1)
		cfg.disconnect(i2)
		cfg.disconnect(i3)

		// Either the current leader is still alive, or the remaining four elect a new one.
		cfg.checkOneLeader()

		cfg.connect(i1)
		cfg.connect(i2)
		cfg.connect(i3)
	}
	cfg.checkOneLeader()
}

package raft

// Part 3D: log compaction (snapshots). Run with: go test -race -run 3D ./raft/
//
// In these tests the service calls rf.Snapshot(index, snapshot) after every SnapShotInterval
// applied commands, and checks that the persisted Raft state stays small.

import (
	"testing"
)

// snapCommon runs rounds in which one server (the victim) falls behind while the others commit
// more than a snapshot's worth of commands, so the leader has already discarded the entries
// the victim needs and must send it a snapshot. With disconnect the victim is cut off; with
// crash it crashes and restarts from its persisted state.
func snapCommon(t *testing.T, name string, disconnect bool, reliable bool, crash bool) {
	const iters = 6
	servers := 3
	cfg := makeConfig(t, servers, !reliable, true)
	cfg.begin(name)

	cfg.one(cfg.randInt(1<<30), servers, true)
	leader1 := cfg.checkOneLeader()

	for i := 0; i < iters; i++ {
		victim := (leader1 + 1) % servers
		sender := leader1
		if i%3 == 1 {
			sender = (leader1 + 1) % servers
			victim = leader1
		}

		if disconnect {
			cfg.disconnect(victim)
			cfg.one(cfg.randInt(1<<30), servers-1, true)
		}
		if crash {
			cfg.crash1(victim)
			cfg.one(cfg.randInt(1<<30), servers-1, true)
		}

		// Start a snapshot's worth of commands (maybe at a server that is not leader).
		nn := (SnapShotInterval / 2) + cfg.randInt(SnapShotInterval)
		if rafts, _ := cfg.raftsNow(); rafts[sender] != nil {
			for k := 0; k < nn; k++ {
				rafts[sender].Start(cfg.randInt(1 << 30))
			}
		}

		// Let the applier take a snapshot.
		if !disconnect && !crash {
			// Make sure all followers have caught up, so that an InstallSnapshot RPC is not
			// required for the next round.
			cfg.one(cfg.randInt(1<<30), servers, true)
		} else {
			cfg.one(cfg.randInt(1<<30), servers-1, true)
		}

		for s := 0; s < servers; s++ {
			if size := cfg.logSize(s); size >= MaxLogSize {
				t.Fatalf("server %d: persisted Raft state is %d bytes (limit %d); is the log "+
					"trimmed when Snapshot is called?", s, size, MaxLogSize)
			}
		}
		if disconnect {
			// Reconnect the victim: it is behind the leader's snapshot and needs InstallSnapshot.
			cfg.connect(victim)
			cfg.one(cfg.randInt(1<<30), servers, true)
			leader1 = cfg.checkOneLeader()
		}
		if crash {
			cfg.start1(victim)
			cfg.connect(victim)
			cfg.one(cfg.randInt(1<<30), servers, true)
			leader1 = cfg.checkOneLeader()
		}
	}
}

func TestSnapshotBasic3D(t *testing.T) {
	snapCommon(t, "Test (3D): snapshots basic", false, true, false)
}

func TestSnapshotInstall3D(t *testing.T) {
	snapCommon(t, "Test (3D): install snapshots (disconnect)", true, true, false)
}

func TestSnapshotInstallUnreliable3D(t *testing.T) {
	snapCommon(t, "Test (3D): install snapshots (disconnect+unreliable)", true, false, false)
}

func TestSnapshotInstallCrash3D(t *testing.T) {
	snapCommon(t, "Test (3D): install snapshots (crash)", false, true, true)
}

func TestSnapshotInstallUnCrash3D(t *testing.T) {
	snapCommon(t, "Test (3D): install snapshots (unreliable+crash)", false, false, true)
}

// TestSnapshotAllCrash3D: every server crashes and restarts from its snapshot and log; nothing
// committed may be lost and the log index must not go back.
func TestSnapshotAllCrash3D(t *testing.T) {
	servers := 3
	iters := 4
	cfg := makeConfig(t, servers, false, true)
	cfg.begin("Test (3D): crash and restart all servers")

	cfg.one(cfg.randInt(1<<30), servers, true)

	for i := 0; i < iters; i++ {
		// Perhaps enough to get a snapshot.
		nn := (SnapShotInterval / 2) + cfg.randInt(SnapShotInterval)
		for k := 0; k < nn; k++ {
			cfg.one(cfg.randInt(1<<30), servers, true)
		}

		index1 := cfg.one(cfg.randInt(1<<30), servers, true)

		// Crash all.
		for k := 0; k < servers; k++ {
			cfg.crash1(k)
		}
		// Revive all.
		for k := 0; k < servers; k++ {
			cfg.start1(k)
			cfg.connect(k)
		}

		index2 := cfg.one(cfg.randInt(1<<30), servers, true)
		if index2 < index1+1 {
			t.Fatalf("index decreased from %d to %d after a restart: committed entries were lost",
				index1, index2)
		}
	}
}

// TestSnapshotInit3D: a server restarted with a snapshot must keep that snapshot when it
// persists its state again (Persister.Save replaces both), or a second crash loses it.
func TestSnapshotInit3D(t *testing.T) {
	servers := 3
	cfg := makeConfig(t, servers, false, true)
	cfg.begin("Test (3D): snapshot initialization after crash")

	cfg.one(cfg.randInt(1<<30), servers, true)

	// Enough ops to make a snapshot.
	nn := SnapShotInterval + 1
	for i := 0; i < nn; i++ {
		cfg.one(cfg.randInt(1<<30), servers, true)
	}

	// Crash all.
	for i := 0; i < servers; i++ {
		cfg.crash1(i)
	}
	for i := 0; i < servers; i++ {
		cfg.start1(i)
		cfg.connect(i)
	}

	// A single op, to get something to be written back to the persistent storage.
	cfg.one(cfg.randInt(1<<30), servers, true)

	// Crash all again.
	for i := 0; i < servers; i++ {
		cfg.crash1(i)
	}
	for i := 0; i < servers; i++ {
		cfg.start1(i)
		cfg.connect(i)
	}

	// Do another op to trigger potential bug.
	cfg.one(cfg.randInt(1<<30), servers, true)
}

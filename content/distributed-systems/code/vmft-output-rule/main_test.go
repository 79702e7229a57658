package main

import (
	"fmt"
	"testing"
)

var requests = []Request{{1, "incr", "x"}, {2, "stamp", "t"}, {3, "incr", "x"}, {4, "incr", "x"}}

// With the output rule and the clock in the log, a crash at any request, before or after
// the backup acknowledged its entry, leaves the client's view and the new primary equal,
// and every incr that was sent executed exactly once. Fails on a state machine without the
// reply cache: a retried request whose entry the backup already had runs twice (x=4).
func TestEveryCrashPointStaysConsistentAndExactlyOnce(t *testing.T) {
	for crashAt := 1; crashAt <= len(requests); crashAt++ {
		for _, acked := range []bool{false, true} {
			cfg := Config{Name: fmt.Sprintf("crash at %d, acked %v", crashAt, acked),
				OutputRule: true, LogClock: true, CrashAt: crashAt, AckedFirst: acked}
			seen, sm := run(cfg, requests)
			if d := divergences(seen, sm); len(d) != 0 {
				t.Errorf("%s: %v", cfg.Name, d)
			}
			incrs := 0
			for _, r := range requests[:crashAt] {
				if r.Op == "incr" {
					incrs++
				}
			}
			if sm.kv["x"] != incrs {
				t.Errorf("%s: x=%d on the new primary, want %d (each incr sent executed once)", cfg.Name, sm.kv["x"], incrs)
			}
		}
	}
}

// The two broken configurations of the lecture must be caught by the check at every crash
// point where they lose something the client saw, or the consistent verdicts above would
// mean nothing. A primary that replied before the backup acked loses that reply at every
// crash point, including the first request (x=1 seen, x unknown to the new primary) and the
// stamp (t seen, t unknown); the clock matters once the backup replays the stamp (3 and 4).
func TestBrokenConfigurationsDiverge(t *testing.T) {
	var broken []Config
	for crashAt := 1; crashAt <= len(requests); crashAt++ {
		broken = append(broken, Config{Name: fmt.Sprintf("reply before ack, crash at %d", crashAt),
			OutputRule: false, LogClock: true, CrashAt: crashAt})
	}
	for crashAt := 3; crashAt <= len(requests); crashAt++ {
		broken = append(broken, Config{Name: fmt.Sprintf("clock not logged, crash at %d", crashAt),
			OutputRule: true, LogClock: false, CrashAt: crashAt})
	}
	for _, cfg := range broken {
		if seen, sm := run(cfg, requests); len(divergences(seen, sm)) == 0 {
			t.Errorf("%s: client saw %v, new primary has %q, and the check calls it consistent", cfg.Name, seen, sm)
		}
	}
}

// A duplicate entry in the log (the primary resent it) changes nothing on replay.
func TestReplayingADuplicateEntryIsHarmless(t *testing.T) {
	sm := NewStateMachine()
	e := Entry{Req: Request{ID: 7, Op: "incr", Key: "x"}}
	first, _ := sm.Apply(e)
	again, dup := sm.Apply(e)
	if !dup || again != first || sm.kv["x"] != 1 {
		t.Fatalf("second apply: reply %q dup %v x=%d, want %q, dup, x=1", again, dup, sm.kv["x"], first)
	}
}

package main

import (
	"fmt"
	"testing"
)

var requests = []Request{{1, "incr", "x"}, {2, "stamp", "t"}, {3, "incr", "x"}, {4, "incr", "x"}}

// mismatch reports where what the client last saw differs from the new primary's state.
func mismatch(seen map[string]string, sm *StateMachine) string {
	for _, k := range sm.keys() {
		if now := fmt.Sprintf("%s=%d", k, sm.kv[k]); seen[k] != now {
			return fmt.Sprintf("client saw %q, new primary has %s", seen[k], now)
		}
	}
	return ""
}

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
			if m := mismatch(seen, sm); m != "" {
				t.Errorf("%s: %s", cfg.Name, m)
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

// The two broken configurations of the lecture must be caught by the check, or the
// consistent verdicts above would mean nothing.
func TestBrokenConfigurationsDiverge(t *testing.T) {
	for _, cfg := range []Config{
		{Name: "reply before ack", OutputRule: false, LogClock: true, CrashAt: 4},
		{Name: "clock not logged", OutputRule: true, LogClock: false, CrashAt: 4},
	} {
		if seen, sm := run(cfg, requests); mismatch(seen, sm) == "" {
			t.Errorf("%s: client and new primary agree, want a divergence", cfg.Name)
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

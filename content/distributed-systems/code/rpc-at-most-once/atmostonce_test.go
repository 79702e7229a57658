package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func appendOnce(t *testing.T, s *Server, client, seq int64, value string) string {
	t.Helper()
	var reply AppendReply
	s.Append(&AppendArgs{Key: "x", Value: value, ClientID: client, Seq: seq}, &reply)
	return reply.Value
}

// Lost replies make the clerk resend the same request (same Seq); the server
// must execute it once. Fails if the duplicate check lets the latest request
// through again (Seq < last instead of Seq <= last).
func TestRetryAfterLostRepliesExecutesOnce(t *testing.T) {
	s := NewServer(true)
	ck := &Clerk{id: 42, net: &network{lose: map[int]bool{2: true, 3: true}}}
	for _, tc := range []struct {
		value, want string
		attempts    int
	}{{"a", "a", 1}, {"b", "ab", 3}, {"c", "abc", 1}} {
		got, attempts := ck.Append(s, "x", tc.value)
		if got != tc.want || attempts != tc.attempts {
			t.Fatalf("Append(x, %s) = %q after %d attempts, want %q after %d", tc.value, got, attempts, tc.want, tc.attempts)
		}
	}
	if s.data["x"] != "abc" || s.applied != 3 {
		t.Fatalf("x=%q after %d executions, want \"abc\" after 3", s.data["x"], s.applied)
	}
}

// A retransmission must get the reply of the original execution, even when
// another client has changed the value in between.
func TestDuplicateGetsTheOriginalReply(t *testing.T) {
	s := NewServer(true)
	appendOnce(t, s, 1, 1, "a")
	if got := appendOnce(t, s, 1, 2, "b"); got != "ab" {
		t.Fatalf("first execution replied %q, want \"ab\"", got)
	}
	appendOnce(t, s, 2, 1, "z")
	if got := appendOnce(t, s, 1, 2, "b"); got != "ab" {
		t.Fatalf("duplicate replied %q, want the original reply \"ab\"", got)
	}
	if s.data["x"] != "abz" || s.applied != 3 {
		t.Fatalf("x=%q after %d executions, want \"abz\" after 3", s.data["x"], s.applied)
	}
}

// A copy of an older request that the network delayed arrives after a newer
// one from the same client has executed: it must not execute again.
func TestDelayedOlderDuplicateIsNotExecuted(t *testing.T) {
	s := NewServer(true)
	appendOnce(t, s, 7, 1, "a")
	appendOnce(t, s, 7, 2, "b")
	appendOnce(t, s, 7, 1, "a")
	if s.data["x"] != "ab" || s.applied != 2 {
		t.Fatalf("x=%q after %d executions, want \"ab\" after 2", s.data["x"], s.applied)
	}
}

// Sequence numbers are per client: the same Seq from two clients is two requests.
func TestClientsHaveSeparateSequenceNumbers(t *testing.T) {
	s := NewServer(true)
	appendOnce(t, s, 1, 1, "a")
	appendOnce(t, s, 2, 1, "b")
	if s.data["x"] != "ab" || s.applied != 2 {
		t.Fatalf("x=%q after %d executions, want \"ab\" after 2", s.data["x"], s.applied)
	}
}

// Without duplicate detection the same lost-reply schedule executes "b" three
// times: the at-least-once behaviour the lecture warns about.
func TestWithoutDedupRetriesExecuteAgain(t *testing.T) {
	s := NewServer(false)
	ck := &Clerk{id: 42, net: &network{lose: map[int]bool{2: true, 3: true}}}
	for _, v := range []string{"a", "b", "c"} {
		ck.Append(s, "x", v)
	}
	if s.data["x"] != "abbbc" || s.applied != 5 {
		t.Fatalf("x=%q after %d executions, want \"abbbc\" after 5", s.data["x"], s.applied)
	}
}

// Many clerks retry concurrently against one server (run with -race): every
// value appears exactly once, whatever the interleaving.
func TestConcurrentRetryingClerksEachExecuteOnce(t *testing.T) {
	const clients, perClient = 8, 5
	s := NewServer(true)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(id int64) {
			defer wg.Done()
			// every second reply of this clerk is lost
			lose := map[int]bool{}
			for k := 2; k <= 4*perClient; k += 2 {
				lose[k] = true
			}
			ck := &Clerk{id: id, net: &network{lose: lose}}
			for i := 0; i < perClient; i++ {
				ck.Append(s, "x", fmt.Sprintf("<%d.%d>", id, i))
			}
		}(int64(c))
	}
	wg.Wait()
	if s.applied != clients*perClient {
		t.Fatalf("server executed %d appends, want %d", s.applied, clients*perClient)
	}
	for c := 0; c < clients; c++ {
		for i := 0; i < perClient; i++ {
			if n := strings.Count(s.data["x"], fmt.Sprintf("<%d.%d>", c, i)); n != 1 {
				t.Fatalf("value <%d.%d> appears %d times, want once", c, i, n)
			}
		}
	}
}

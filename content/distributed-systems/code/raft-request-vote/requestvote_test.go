package requestvote

import (
	"sync"
	"testing"
	"time"
)

// newVoter is a follower in term 2 whose log ends with (index 5, term 3), like S3 in the
// lecture's table, with a clock the test moves by hand.
func newVoter() (*Raft, *Persister, *time.Time) {
	p := NewPersister()
	p.Save(2, -1, []int{0, 1, 1, 2, 3, 3})
	clock := time.Unix(1000, 0)
	rf := Make(p)
	rf.now = func() time.Time { return clock }
	rf.electionReset = clock
	return rf, p, &clock
}

func ask(rf *Raft, term, candidate, lastIndex, lastTerm int) RequestVoteReply {
	var reply RequestVoteReply
	rf.RequestVote(&RequestVoteArgs{Term: term, CandidateId: candidate, LastLogIndex: lastIndex, LastLogTerm: lastTerm}, &reply)
	return reply
}

func TestUpToDateRuleOfTheLecturesTable(t *testing.T) {
	for _, c := range []struct {
		lastIndex, lastTerm int
		grant               bool
	}{{4, 4, true}, {7, 2, false}, {5, 3, true}, {4, 3, false}} {
		rf, _, _ := newVoter()
		if got := ask(rf, 3, 1, c.lastIndex, c.lastTerm); got.VoteGranted != c.grant || got.Term != 3 {
			t.Errorf("candidate last=(%d,%d): reply %+v, want granted=%v in term 3", c.lastIndex, c.lastTerm, got, c.grant)
		}
	}
}

// Fails on the version that did not persist votedFor before replying: after a crash and
// restart the voter has forgotten its vote and votes for a second candidate in term 3,
// so two leaders could be elected in one term (lecture 5, Exercise 2).
func TestVoteSurvivesCrashAndRestart(t *testing.T) {
	rf, p, _ := newVoter()
	if !ask(rf, 3, 1, 5, 3).VoteGranted {
		t.Fatal("the first up-to-date candidate of term 3 was refused")
	}
	restarted := Make(p) // the crash loses everything but the persister
	if got := ask(restarted, 3, 2, 5, 3); got.VoteGranted {
		t.Fatalf("after a restart, a second candidate of term 3 got the vote: %+v", got)
	}
	if got := ask(restarted, 3, 1, 5, 3); !got.VoteGranted {
		t.Fatalf("a retransmitted RequestVote from the candidate already voted for was refused: %+v", got)
	}
}

// Fails on a handler that persists only when it grants a vote: after refusing a candidate
// of a higher term and restarting, the server would be back in its older term.
func TestHigherTermIsPersistedEvenWhenRefusing(t *testing.T) {
	rf, p, _ := newVoter()
	if got := ask(rf, 7, 1, 2, 1); got.VoteGranted || got.Term != 7 {
		t.Fatalf("a term-7 candidate with a stale log: %+v, want refused in term 7", got)
	}
	if term, votedFor, _ := p.Load(); term != 7 || votedFor != -1 {
		t.Fatalf("persisted term %d votedFor %d, want 7 and no vote", term, votedFor)
	}
}

func TestStaleTermIsRefusedWithTheCurrentTerm(t *testing.T) {
	rf, _, _ := newVoter()
	if got := ask(rf, 1, 1, 9, 3); got.VoteGranted || got.Term != 2 {
		t.Fatalf("a candidate of term 1: %+v, want refused with term 2", got)
	}
}

// Fails on a handler that restarts the election timer whenever it answers: a candidate
// whose log is behind could keep every eligible server from timing out.
func TestOnlyAGrantedVoteRestartsTheElectionTimer(t *testing.T) {
	rf, _, clock := newVoter()
	start := rf.electionReset
	*clock = clock.Add(150 * time.Millisecond)
	ask(rf, 3, 1, 7, 2) // refused: its log is behind
	if !rf.electionReset.Equal(start) {
		t.Fatal("a refused vote restarted the election timer")
	}
	*clock = clock.Add(50 * time.Millisecond)
	ask(rf, 3, 2, 5, 3) // granted
	if !rf.electionReset.Equal(*clock) {
		t.Fatal("a granted vote did not restart the election timer")
	}
}

// Two candidates of the same term ask at once (run with -race): exactly one gets the vote.
func TestOneVotePerTermUnderConcurrentRequests(t *testing.T) {
	rf, _, _ := newVoter()
	rf.now = time.Now // the test's hand-moved clock is not safe for concurrent use
	var wg sync.WaitGroup
	granted := make([]bool, 5)
	for c := range granted {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			granted[c] = ask(rf, 3, c+10, 5, 3).VoteGranted
		}(c)
	}
	wg.Wait()
	n := 0
	for _, g := range granted {
		if g {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d candidates of term 3 got this server's vote, want exactly 1", n)
	}
}

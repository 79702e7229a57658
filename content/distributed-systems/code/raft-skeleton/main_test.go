package main

import (
	"runtime"
	"testing"
	"time"
)

// scriptedPeer hands each AppendEntries call to the test, which decides the reply.
// After stop is closed every pending and later call returns false (a dead connection).
type scriptedPeer struct {
	calls   chan *AppendEntriesArgs
	replies chan bool
	stop    chan struct{}
}

func newScriptedPeer(stop chan struct{}) *scriptedPeer {
	return &scriptedPeer{calls: make(chan *AppendEntriesArgs), replies: make(chan bool), stop: stop}
}

func (p *scriptedPeer) AppendEntries(args *AppendEntriesArgs) bool {
	select {
	case p.calls <- args:
	case <-p.stop:
		return false
	}
	select {
	case ok := <-p.replies:
		return ok
	case <-p.stop:
		return false
	}
}

// answer waits for the next call to p and replies ok; it returns the call's arguments.
func answer(t *testing.T, p *scriptedPeer, ok bool) *AppendEntriesArgs {
	t.Helper()
	args := <-p.calls
	p.replies <- ok
	return args
}

func setup() (*Raft, chan ApplyMsg, *scriptedPeer, *scriptedPeer, chan struct{}) {
	stop := make(chan struct{})
	s1, s2 := newScriptedPeer(stop), newScriptedPeer(stop)
	applyCh := make(chan ApplyMsg)
	return Make([]Peer{nil, s1, s2}, applyCh), applyCh, s1, s2, stop
}

// shutdown kills rf and fails the test if a background goroutine does not exit.
func shutdown(t *testing.T, rf *Raft, stop chan struct{}) {
	t.Helper()
	rf.Kill()
	close(stop)
	exited := make(chan struct{})
	go func() { rf.wg.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Fatal("background goroutines still running 10 s after Kill")
	}
}

func (rf *Raft) state() (commitIndex int, match []int) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.commitIndex, append([]int(nil), rf.matchIndex...)
}

// Fails on the version without the term check after the RPC: it counted a reply to a
// term-1 AppendEntries toward matchIndex after the server had moved to term 2.
func TestReplyFromEarlierTermIsDiscarded(t *testing.T) {
	rf, _, s1, _, stop := setup()
	defer shutdown(t, rf, stop)
	rf.Start("x=1")

	<-s1.calls // the term-1 RPC is in flight, the lock is free
	rf.mu.Lock()
	rf.currentTerm = 2 // meanwhile a RequestVote of term 2 arrived (lecture's sequence diagram)
	rf.mu.Unlock()
	s1.replies <- true

	// Discarding the reply leaves S1 at 0, so the replicator sends again (in term 2);
	// counting it would move matchIndex[1] to 1 and put the replicator to sleep.
	for {
		select {
		case args := <-s1.calls:
			if args.Term != 2 {
				t.Fatalf("the retry carries term %d, want 2", args.Term)
			}
			if commit, match := rf.state(); match[1] != 0 || commit != 0 {
				t.Fatalf("matchIndex %v commitIndex %d, want S1 still at 0 and nothing committed", match, commit)
			}
			return
		default:
			if _, match := rf.state(); match[1] != 0 {
				t.Fatalf("a success for term 1 counted in term 2: matchIndex %v, want S1 still at 0", match)
			}
			runtime.Gosched()
		}
	}
}

// Fails on a commit rule that counts only the leader's own copy (count >= len(peers)/2).
func TestNothingCommitsWithoutAMajority(t *testing.T) {
	rf, applyCh, s1, s2, stop := setup()
	defer shutdown(t, rf, stop)
	if index := rf.Start("x=1"); index != 1 {
		t.Fatalf("Start returned %d, want 1", index)
	}
	answer(t, s1, false)
	answer(t, s2, false)
	<-s1.calls // both failures handled: each replicator is retrying
	<-s2.calls
	if commit, _ := rf.state(); commit != 0 {
		t.Fatalf("commitIndex %d with no follower holding the entry, want 0", commit)
	}
	s1.replies <- true // S1 now holds it: 2 of 3
	if msg := <-applyCh; msg.CommandIndex != 1 || msg.Command != "x=1" {
		t.Fatalf("applied %+v, want index 1 x=1", msg)
	}
}

// Fails on a Kill that does not Broadcast the replicators' condition variables: the
// replicators asleep in Wait never see dead.
func TestKillWakesSleepingReplicators(t *testing.T) {
	rf, applyCh, s1, s2, stop := setup()
	rf.Start("x=1")
	answer(t, s1, true)
	answer(t, s2, true)
	<-applyCh
	// Once both matchIndex values are 1, each replicator has gone on to Wait: it holds
	// the lock from handling the reply until Wait releases it.
	for {
		if _, match := rf.state(); match[1] == 1 && match[2] == 1 {
			break
		}
		runtime.Gosched()
	}
	shutdown(t, rf, stop)
}

// The leader's own calls into the service must not deadlock with the applier: the service
// calls Start while it is handling an applied message.
func TestServiceMayCallStartWhileApplying(t *testing.T) {
	rf, applyCh, s1, s2, stop := setup()
	defer shutdown(t, rf, stop)
	go func() { // S1 accepts everything; S2 is unreachable
		for {
			select {
			case <-s1.calls:
				s1.replies <- true
			case <-s2.calls:
				s2.replies <- false
			case <-stop:
				return
			}
		}
	}()
	rf.Start("a")
	for want := 1; want <= 3; want++ {
		msg := <-applyCh
		if msg.CommandIndex != want {
			t.Fatalf("applied index %d, want %d", msg.CommandIndex, want)
		}
		if want < 3 {
			rf.Start("next")
		}
	}
}

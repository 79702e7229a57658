package votereply

import (
	"sync"
	"testing"
)

// fixedPeer answers every RequestVote with the same reply, or with no reply when down.
type fixedPeer struct {
	reply RequestVoteReply
	down  bool
}

func (p *fixedPeer) Call(method string, args interface{}, reply interface{}) bool {
	if p.down {
		return false
	}
	*reply.(*RequestVoteReply) = p.reply
	return true
}

func newCandidate(peers ...Peer) (*Raft, RequestVoteArgs) {
	rf := Make(append([]Peer{nil}, peers...), 0)
	rf.currentTerm = 4
	rf.mu.Lock()
	args := rf.becomeCandidate()
	rf.mu.Unlock()
	return rf, args
}

func (rf *Raft) snapshot() (State, int, int, int) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.state, rf.currentTerm, rf.votedFor, rf.votes
}

// Fails on the version that checked "still the candidate of args.Term" before the reply's
// term: the new leader ignored the higher term and stayed leader of a superseded term.
func TestLateHigherTermReplyDemotesNewLeader(t *testing.T) {
	rf, args := newCandidate(
		&fixedPeer{reply: RequestVoteReply{Term: 5, VoteGranted: true}},
		&fixedPeer{reply: RequestVoteReply{Term: 6}}, // this peer moved on to term 6
	)
	rf.askVote(1, args)
	if st, term, _, _ := rf.snapshot(); st != Leader || term != 5 {
		t.Fatalf("after a majority of votes: state %v term %d, want leader of term 5", st, term)
	}
	rf.askVote(2, args)
	st, term, votedFor, _ := rf.snapshot()
	if st != Follower || term != 6 || votedFor != -1 {
		t.Fatalf("after a reply of term 6: state %v term %d votedFor %d, want follower of term 6 with no vote", st, term, votedFor)
	}
}

func TestGrantFromEarlierElectionIsNotCounted(t *testing.T) {
	granter := &fixedPeer{reply: RequestVoteReply{Term: 5, VoteGranted: true}}
	rf, old := newCandidate(granter, &fixedPeer{down: true})
	rf.mu.Lock()
	current := rf.becomeCandidate() // split vote: a new election in term 6 before the reply came
	rf.mu.Unlock()

	rf.askVote(1, old)
	if st, term, _, votes := rf.snapshot(); st != Candidate || term != 6 || votes != 1 {
		t.Fatalf("a term-5 grant in term 6: state %v term %d votes %d, want candidate of term 6 with 1 vote", st, term, votes)
	}
	granter.reply.Term = 6
	rf.askVote(1, current)
	if st, _, _, _ := rf.snapshot(); st != Leader {
		t.Fatalf("a term-6 grant in term 6: state %v, want leader", st)
	}
}

func TestLostReplyAndRefusalChangeNothing(t *testing.T) {
	rf, args := newCandidate(&fixedPeer{down: true}, &fixedPeer{reply: RequestVoteReply{Term: 5}})
	rf.askVote(1, args)
	rf.askVote(2, args)
	if st, term, votedFor, votes := rf.snapshot(); st != Candidate || term != 5 || votedFor != 0 || votes != 1 {
		t.Fatalf("state %v term %d votedFor %d votes %d, want candidate of term 5 voting for itself, 1 vote", st, term, votedFor, votes)
	}
}

// grantingPeer grants its vote in the candidate's term.
type grantingPeer struct{}

func (grantingPeer) Call(method string, args interface{}, reply interface{}) bool {
	*reply.(*RequestVoteReply) = RequestVoteReply{Term: args.(*RequestVoteArgs).Term, VoteGranted: true}
	return true
}

// Four replies handled at once, as startElection's goroutines would (run with -race):
// the third vote elects the leader, and the grant that arrives after that is not counted.
func TestConcurrentRepliesElectOneLeader(t *testing.T) {
	rf, args := newCandidate(grantingPeer{}, grantingPeer{}, grantingPeer{}, grantingPeer{})
	var wg sync.WaitGroup
	for p := 1; p <= 4; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			rf.askVote(p, args)
		}(p)
	}
	wg.Wait()
	if st, term, _, votes := rf.snapshot(); st != Leader || term != 5 || votes != 3 {
		t.Fatalf("state %v term %d votes %d, want leader of term 5 elected by 3 votes", st, term, votes)
	}
}

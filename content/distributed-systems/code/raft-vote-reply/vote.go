// Package votereply is the candidate side of a Raft election (lecture 6): prepare the
// RequestVote arguments under the lock, send the RPC without it, and handle the reply in
// the order Figure 2 requires once the lock is taken again.
package votereply

import "sync"

type State int

const (
	Follower State = iota
	Candidate
	Leader
)

type RequestVoteArgs struct {
	Term         int
	CandidateId  int
	LastLogIndex int
	LastLogTerm  int
}

type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}

// Peer is what labrpc's ClientEnd offers: Call returns false when no reply came back.
type Peer interface {
	Call(method string, args interface{}, reply interface{}) bool
}

type Raft struct {
	mu          sync.Mutex
	peers       []Peer // peers[me] is this server and is never called
	me          int
	currentTerm int
	votedFor    int // -1: no vote in currentTerm
	state       State
	votes       int
	log         []int // the term of each entry; log[0] is a placeholder of term 0
}

func Make(peers []Peer, me int) *Raft {
	return &Raft{peers: peers, me: me, votedFor: -1, log: []int{0}}
}

func (rf *Raft) lastLogIndex() int { return len(rf.log) - 1 }
func (rf *Raft) lastLogTerm() int  { return rf.log[len(rf.log)-1] }

func (rf *Raft) sendRequestVote(peer int, args *RequestVoteArgs, reply *RequestVoteReply) bool {
	return rf.peers[peer].Call("Raft.RequestVote", args, reply)
}

func (rf *Raft) becomeFollower(term int) {
	rf.currentTerm, rf.votedFor, rf.state = term, -1, Follower
}

func (rf *Raft) becomeLeader() { rf.state = Leader }

// becomeCandidate is called with rf.mu held: a new term, a vote for itself, and the
// arguments every RequestVote of this election carries.
func (rf *Raft) becomeCandidate() RequestVoteArgs {
	rf.currentTerm++
	rf.votedFor, rf.state, rf.votes = rf.me, Candidate, 1
	return RequestVoteArgs{Term: rf.currentTerm, CandidateId: rf.me,
		LastLogIndex: rf.lastLogIndex(), LastLogTerm: rf.lastLogTerm()}
}

// ANCHOR: election
func (rf *Raft) startElection() {
	rf.mu.Lock()
	args := rf.becomeCandidate() // 参数在锁内准备好，之后只读
	rf.mu.Unlock()
	for peer := range rf.peers {
		if peer != rf.me {
			go rf.askVote(peer, args)
		}
	}
}

func (rf *Raft) askVote(peer int, args RequestVoteArgs) {
	var reply RequestVoteReply
	ok := rf.sendRequestVote(peer, &args, &reply) // 不持锁：可能很久才返回

	rf.mu.Lock()
	defer rf.mu.Unlock()
	if !ok {
		return // RPC 失败：没有回复，什么也不知道
	}
	if reply.Term > rf.currentTerm {
		// 图 2 对所有服务器的规则：请求或回复里出现更大的任期，就更新任期、退回跟随者。
		// 这一步必须在下面的“过时”检查之前：即使已经当选、不再是候选人，也要服从。
		rf.becomeFollower(reply.Term)
		return
	}
	if rf.state != Candidate || rf.currentTerm != args.Term {
		return // 这个回复属于一次已经结束的选举
	}
	if reply.VoteGranted {
		rf.votes++
		if rf.votes > len(rf.peers)/2 {
			rf.becomeLeader()
		}
	}
}

// ANCHOR_END: election

package raft

import "time"

// RequestVoteArgs are the arguments of RequestVote (figure 2 of the paper).
type RequestVoteArgs struct {
	Term         int
	CandidateID  int
	LastLogIndex int
	LastLogTerm  int
}

// RequestVoteReply is the reply to RequestVote.
type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}

// RequestVote grants a vote to a candidate of a current term whose log is at least as
// up-to-date as ours, once per term.
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if args.Term > rf.currentTerm {
		rf.becomeFollowerLocked(args.Term)
	}
	reply.Term = rf.currentTerm
	if args.Term < rf.currentTerm {
		return
	}
	upToDate := args.LastLogTerm > rf.lastTerm() ||
		(args.LastLogTerm == rf.lastTerm() && args.LastLogIndex >= rf.lastIndex())
	if (rf.votedFor == -1 || rf.votedFor == args.CandidateID) && upToDate {
		rf.votedFor = args.CandidateID
		rf.persist()
		reply.VoteGranted = true
		rf.resetElectionTimerLocked()
	}
}

// startElectionLocked becomes a candidate in a new term and asks every peer for its vote.
func (rf *Raft) startElectionLocked() {
	rf.role = candidate
	rf.currentTerm++
	rf.votedFor = rf.me
	rf.persist()
	rf.resetElectionTimerLocked()

	args := RequestVoteArgs{Term: rf.currentTerm, CandidateID: rf.me,
		LastLogIndex: rf.lastIndex(), LastLogTerm: rf.lastTerm()}
	votes := 1
	for p := range rf.peers {
		if p == rf.me {
			continue
		}
		go func(p int) {
			var reply RequestVoteReply
			if !rf.peers[p].Call("Raft.RequestVote", &args, &reply) {
				return
			}
			rf.mu.Lock()
			defer rf.mu.Unlock()
			if reply.Term > rf.currentTerm {
				rf.becomeFollowerLocked(reply.Term)
				return
			}
			if rf.role != candidate || rf.currentTerm != args.Term || !reply.VoteGranted {
				return
			}
			votes++
			if votes*2 > len(rf.peers) {
				rf.becomeLeaderLocked()
			}
		}(p)
	}
}

func (rf *Raft) becomeLeaderLocked() {
	rf.role = leader
	for p := range rf.peers {
		rf.nextIndex[p] = rf.lastIndex() + 1
		rf.matchIndex[p] = 0
	}
	rf.matchIndex[rf.me] = rf.lastIndex()
	rf.nextHeartbeat = time.Now()
	rf.broadcastLocked()
}

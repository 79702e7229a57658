package raft

// InstallSnapshotArgs are the arguments of InstallSnapshot (figure 13 of the paper), sent in
// one piece.
type InstallSnapshotArgs struct {
	Term              int
	LeaderID          int
	LastIncludedIndex int
	LastIncludedTerm  int
	Data              []byte
}

// InstallSnapshotReply is the reply to InstallSnapshot.
type InstallSnapshotReply struct {
	Term int
}

// Snapshot discards the log up to index, which the service's snapshot now covers.
func (rf *Raft) Snapshot(index int, snapshot []byte) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if index <= rf.firstIndex() || index > rf.commitIndex {
		return // an older snapshot than ours, or (never, for a correct service) uncommitted
	}
	rf.compactLocked(index, rf.entry(index).Term)
	rf.snapshot = snapshot
	rf.persist()
}

// compactLocked makes (index, term) the log's sentinel, keeping any entries after it if the
// log holds that entry, and dropping the whole log otherwise.
func (rf *Raft) compactLocked(index int, term int) {
	var rest []Entry
	if index <= rf.lastIndex() && rf.entry(index).Term == term {
		rest = rf.log[index+1-rf.firstIndex():]
	}
	log := make([]Entry, 0, 1+len(rest))
	log = append(log, Entry{Index: index, Term: term})
	rf.log = append(log, rest...)
}

// InstallSnapshot replaces a follower's state with the leader's snapshot when the follower is
// missing entries the leader has discarded.
func (rf *Raft) InstallSnapshot(args *InstallSnapshotArgs, reply *InstallSnapshotReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if args.Term > rf.currentTerm {
		rf.becomeFollowerLocked(args.Term)
	}
	reply.Term = rf.currentTerm
	if args.Term < rf.currentTerm {
		return
	}
	rf.role = follower
	rf.resetElectionTimerLocked()
	if args.LastIncludedIndex <= rf.commitIndex {
		return // we already have (and will apply) everything it covers
	}
	rf.compactLocked(args.LastIncludedIndex, args.LastIncludedTerm)
	rf.snapshot = args.Data
	rf.commitIndex = args.LastIncludedIndex
	rf.snapPending = true
	rf.persist()
	rf.applyCond.Broadcast()
}

func (rf *Raft) sendSnapshot(p int, args *InstallSnapshotArgs) {
	var reply InstallSnapshotReply
	if !rf.peers[p].Call("Raft.InstallSnapshot", args, &reply) {
		return
	}
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if reply.Term > rf.currentTerm {
		rf.becomeFollowerLocked(reply.Term)
		return
	}
	if rf.role != leader || rf.currentTerm != args.Term {
		return
	}
	if args.LastIncludedIndex > rf.matchIndex[p] {
		rf.matchIndex[p] = args.LastIncludedIndex
		rf.nextIndex[p] = args.LastIncludedIndex + 1
		rf.advanceCommitLocked()
	}
}

package raft

import "time"

// AppendEntriesArgs are the arguments of AppendEntries (figure 2 of the paper).
type AppendEntriesArgs struct {
	Term         int
	LeaderID     int
	PrevLogIndex int
	PrevLogTerm  int
	Entries      []Entry
	LeaderCommit int
}

// AppendEntriesReply is the reply to AppendEntries. On a failed consistency check, XTerm,
// XIndex and XLen let the leader skip back over a whole conflicting term at once: XTerm is the
// term of the follower's entry at PrevLogIndex (-1 if it has none there), XIndex the first
// index the follower holds with that term, XLen the follower's last index + 1.
type AppendEntriesReply struct {
	Term    int
	Success bool
	XTerm   int
	XIndex  int
	XLen    int
}

// broadcastLocked sends every follower what it is missing (or a heartbeat).
func (rf *Raft) broadcastLocked() {
	rf.nextHeartbeat = time.Now().Add(heartbeatInterval)
	for p := range rf.peers {
		if p != rf.me {
			rf.sendToLocked(p)
		}
	}
}

// kickLocked makes the ticker send to every follower at its next tick instead of waiting for
// the heartbeat: new entries and a new commit index go out within a tick, and several Starts
// in one tick share one round of RPCs.
func (rf *Raft) kickLocked() {
	rf.nextHeartbeat = time.Now()
}

// sendToLocked sends peer one AppendEntries from its nextIndex, or the snapshot if the entries
// it needs have been discarded. The call runs in its own goroutine.
func (rf *Raft) sendToLocked(p int) {
	if rf.nextIndex[p] <= rf.firstIndex() {
		args := InstallSnapshotArgs{Term: rf.currentTerm, LeaderID: rf.me,
			LastIncludedIndex: rf.log[0].Index, LastIncludedTerm: rf.log[0].Term,
			Data: rf.snapshot}
		go rf.sendSnapshot(p, &args)
		return
	}
	prev := rf.nextIndex[p] - 1
	entries := make([]Entry, rf.lastIndex()-prev)
	copy(entries, rf.log[prev+1-rf.firstIndex():])
	args := AppendEntriesArgs{Term: rf.currentTerm, LeaderID: rf.me, PrevLogIndex: prev,
		PrevLogTerm: rf.entry(prev).Term, Entries: entries, LeaderCommit: rf.commitIndex}
	go rf.sendAppend(p, &args)
}

func (rf *Raft) sendAppend(p int, args *AppendEntriesArgs) {
	var reply AppendEntriesReply
	if !rf.peers[p].Call("Raft.AppendEntries", args, &reply) {
		return
	}
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if reply.Term > rf.currentTerm {
		rf.becomeFollowerLocked(reply.Term)
		return
	}
	if rf.role != leader || rf.currentTerm != args.Term {
		return // a reply from an older term
	}
	if reply.Success {
		match := args.PrevLogIndex + len(args.Entries)
		if match > rf.matchIndex[p] {
			rf.matchIndex[p] = match
			rf.nextIndex[p] = match + 1
			rf.advanceCommitLocked()
		}
		return
	}
	next := reply.XIndex
	if reply.XTerm != -1 {
		for i := rf.lastIndex(); i > rf.firstIndex(); i-- {
			if t := rf.entry(i).Term; t == reply.XTerm {
				next = i + 1
				break
			} else if t < reply.XTerm {
				break
			}
		}
	}
	if next <= rf.matchIndex[p] {
		next = rf.matchIndex[p] + 1
	}
	if next > rf.lastIndex()+1 {
		next = rf.lastIndex() + 1
	}
	rf.nextIndex[p] = next
	rf.sendToLocked(p)
}

// advanceCommitLocked commits the highest index of the current term stored on a majority.
// Entries of earlier terms commit only indirectly (figure 8 of the paper).
func (rf *Raft) advanceCommitLocked() {
	for n := rf.lastIndex(); n > rf.commitIndex && rf.entry(n).Term == rf.currentTerm; n-- {
		count := 0
		for p := range rf.peers {
			if rf.matchIndex[p] >= n {
				count++
			}
		}
		if count*2 > len(rf.peers) {
			rf.commitIndex = n
			rf.applyCond.Broadcast()
			rf.kickLocked() // tell the followers
			return
		}
	}
}

// AppendEntries is the follower's side of log replication and heartbeats.
func (rf *Raft) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
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

	prev, entries := args.PrevLogIndex, args.Entries
	if prev < rf.firstIndex() {
		// The snapshot already covers part of this; those entries are committed and match.
		skip := rf.firstIndex() - prev
		if skip >= len(entries) {
			reply.Success = true
			return
		}
		prev, entries = rf.firstIndex(), entries[skip:]
	} else if prev > rf.lastIndex() {
		reply.XTerm, reply.XIndex, reply.XLen = -1, rf.lastIndex()+1, rf.lastIndex()+1
		return
	} else if t := rf.entry(prev).Term; t != args.PrevLogTerm {
		first := prev
		for first-1 > rf.firstIndex() && rf.entry(first-1).Term == t {
			first--
		}
		reply.XTerm, reply.XIndex, reply.XLen = t, first, rf.lastIndex()+1
		return
	}

	// Append what is new; cut the log only at a real conflict, so a late, shorter
	// AppendEntries cannot remove entries a newer one already added.
	for i, e := range entries {
		if e.Index > rf.lastIndex() {
			rf.log = append(rf.log, entries[i:]...)
			rf.persist()
			break
		}
		if rf.entry(e.Index).Term != e.Term {
			rf.log = append(rf.log[:e.Index-rf.firstIndex()], entries[i:]...)
			rf.persist()
			break
		}
	}

	if last := prev + len(entries); args.LeaderCommit > rf.commitIndex {
		rf.commitIndex = args.LeaderCommit
		if last < rf.commitIndex {
			rf.commitIndex = last
		}
		rf.applyCond.Broadcast()
	}
	reply.Success = true
}

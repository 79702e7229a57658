package raft

// The reference Raft (not published). State and the public API live here; elections in
// election.go, log replication in replicate.go, snapshots in snapshot.go.

import (
	"bytes"
	"encoding/gob"
	"math/rand"
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
)

const (
	heartbeatInterval  = 100 * time.Millisecond
	electionTimeoutMin = 300 * time.Millisecond
	electionTimeoutMax = 600 * time.Millisecond
	tickInterval       = 10 * time.Millisecond
)

type role int

const (
	follower role = iota
	candidate
	leader
)

// Entry is one log entry. log[0] is a sentinel standing for the last entry the snapshot covers
// (Index 0, Term 0 before any snapshot).
type Entry struct {
	Index   int
	Term    int
	Command interface{}
}

// Raft is one Raft peer.
type Raft struct {
	mu        sync.Mutex
	peers     []*labnet.Endpoint
	persister *Persister
	me        int
	dead      int32

	applyCh   chan ApplyMsg
	applyCond *sync.Cond

	// Persistent state.
	currentTerm int
	votedFor    int
	log         []Entry
	snapshot    []byte

	// Volatile state.
	role          role
	commitIndex   int
	lastApplied   int
	snapPending   bool // the snapshot must be delivered to the service before more commands
	deadline      time.Time
	nextHeartbeat time.Time

	// Leader state.
	nextIndex  []int
	matchIndex []int
}

func (rf *Raft) firstIndex() int { return rf.log[0].Index }
func (rf *Raft) lastIndex() int  { return rf.log[len(rf.log)-1].Index }
func (rf *Raft) lastTerm() int   { return rf.log[len(rf.log)-1].Term }

// entry returns the entry at index, which must be in [firstIndex, lastIndex].
func (rf *Raft) entry(index int) Entry { return rf.log[index-rf.firstIndex()] }

// GetState returns the current term and whether this peer believes it is the leader.
func (rf *Raft) GetState() (int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.currentTerm, rf.role == leader
}

type persistentState struct {
	CurrentTerm int
	VotedFor    int
	Log         []Entry
}

// persist saves the term, the vote and the log, together with the current snapshot.
func (rf *Raft) persist() {
	var buf bytes.Buffer
	st := persistentState{CurrentTerm: rf.currentTerm, VotedFor: rf.votedFor, Log: rf.log}
	if err := gob.NewEncoder(&buf).Encode(st); err != nil {
		panic("raft: encoding the persistent state: " + err.Error())
	}
	rf.persister.Save(buf.Bytes(), rf.snapshot)
}

func (rf *Raft) readPersist(data []byte) {
	if len(data) == 0 {
		return
	}
	var st persistentState
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err != nil {
		panic("raft: decoding the persisted state: " + err.Error())
	}
	rf.currentTerm, rf.votedFor, rf.log = st.CurrentTerm, st.VotedFor, st.Log
}

// Start appends command to the leader's log and starts replicating it.
func (rf *Raft) Start(command interface{}) (int, int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.role != leader || rf.killed() {
		return -1, rf.currentTerm, false
	}
	e := Entry{Index: rf.lastIndex() + 1, Term: rf.currentTerm, Command: command}
	rf.log = append(rf.log, e)
	rf.matchIndex[rf.me] = e.Index
	rf.persist()
	rf.kickLocked()
	return e.Index, e.Term, true
}

// Kill stops the peer: its goroutines exit and it answers no more RPCs usefully.
func (rf *Raft) Kill() {
	atomic.StoreInt32(&rf.dead, 1)
	rf.mu.Lock()
	rf.applyCond.Broadcast()
	rf.mu.Unlock()
}

func (rf *Raft) killed() bool {
	return atomic.LoadInt32(&rf.dead) == 1
}

func (rf *Raft) resetElectionTimerLocked() {
	span := int64(electionTimeoutMax - electionTimeoutMin)
	rf.deadline = time.Now().Add(electionTimeoutMin + time.Duration(rand.Int63n(span)))
}

// becomeFollowerLocked moves to a newer term as a follower, without a vote in it.
func (rf *Raft) becomeFollowerLocked(term int) {
	rf.currentTerm = term
	rf.votedFor = -1
	rf.role = follower
	rf.persist()
}

// ticker starts elections when the leader has been silent too long, and sends heartbeats
// while this peer leads.
func (rf *Raft) ticker() {
	for !rf.killed() {
		rf.mu.Lock()
		now := time.Now()
		if rf.role == leader {
			if !now.Before(rf.nextHeartbeat) {
				rf.broadcastLocked()
			}
		} else if !now.Before(rf.deadline) {
			rf.startElectionLocked()
		}
		rf.mu.Unlock()
		time.Sleep(tickInterval)
	}
}

// applier delivers the snapshot and the committed commands to the service, in order, without
// holding the lock while it sends (the service may call Snapshot meanwhile).
func (rf *Raft) applier() {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	for !rf.killed() {
		if rf.snapPending {
			rf.snapPending = false
			msg := ApplyMsg{SnapshotValid: true, Snapshot: rf.snapshot,
				SnapshotTerm: rf.log[0].Term, SnapshotIndex: rf.log[0].Index}
			rf.lastApplied = msg.SnapshotIndex
			rf.mu.Unlock()
			rf.applyCh <- msg
			rf.mu.Lock()
			continue
		}
		if rf.lastApplied >= rf.commitIndex {
			rf.applyCond.Wait()
			continue
		}
		var msgs []ApplyMsg
		for i := rf.lastApplied + 1; i <= rf.commitIndex; i++ {
			e := rf.entry(i)
			msgs = append(msgs, ApplyMsg{CommandValid: true, Command: e.Command, CommandIndex: i})
		}
		rf.lastApplied = rf.commitIndex
		rf.mu.Unlock()
		for _, m := range msgs {
			rf.applyCh <- m
		}
		rf.mu.Lock()
	}
}

// Make creates a peer; it returns at once, with the peer's goroutines running.
func Make(peers []*labnet.Endpoint, me int,
	persister *Persister, applyCh chan ApplyMsg) *Raft {
	rf := &Raft{
		peers:      peers,
		persister:  persister,
		me:         me,
		applyCh:    applyCh,
		votedFor:   -1,
		log:        []Entry{{}},
		nextIndex:  make([]int, len(peers)),
		matchIndex: make([]int, len(peers)),
	}
	rf.applyCond = sync.NewCond(&rf.mu)
	rf.readPersist(persister.ReadRaftState())
	rf.snapshot = persister.ReadSnapshot()
	rf.commitIndex = rf.firstIndex()
	rf.lastApplied = rf.firstIndex()
	rf.resetElectionTimerLocked()

	go rf.ticker()
	go rf.applier()
	return rf
}

// Package requestvote is the voter's side of a Raft election (lecture 5): the RequestVote
// handler of Figure 2, with the persistent state a restart reads back.
package requestvote

import (
	"sync"
	"time"
)

type State int

const (
	Follower State = iota
	Candidate
	Leader
)

// Persister stands in for stable storage: what Save stored survives a crash of the server.
type Persister struct {
	mu       sync.Mutex
	term     int
	votedFor int
	logTerms []int
}

func NewPersister() *Persister { return &Persister{votedFor: -1, logTerms: []int{0}} }

func (p *Persister) Save(term, votedFor int, logTerms []int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.term, p.votedFor, p.logTerms = term, votedFor, append([]int(nil), logTerms...)
}

func (p *Persister) Load() (term, votedFor int, logTerms []int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.term, p.votedFor, append([]int(nil), p.logTerms...)
}

type Raft struct {
	mu          sync.Mutex
	persister   *Persister
	currentTerm int
	votedFor    int
	log         []int // the term of each entry; log[0] is a placeholder of term 0
	state       State
	// electionReset is when the election timer last restarted; the ticker (not shown)
	// starts an election once its random timeout has passed since then.
	electionReset time.Time
	now           func() time.Time
}

// Make starts a server from what its persister holds, as after a crash and restart.
func Make(persister *Persister) *Raft {
	rf := &Raft{persister: persister, now: time.Now}
	rf.currentTerm, rf.votedFor, rf.log = persister.Load()
	rf.electionReset = rf.now()
	return rf
}

func (rf *Raft) persist() { rf.persister.Save(rf.currentTerm, rf.votedFor, rf.log) }

func (rf *Raft) lastLogIndex() int    { return len(rf.log) - 1 }
func (rf *Raft) termAt(index int) int { return rf.log[index] }
func (rf *Raft) resetElectionTimer()  { rf.electionReset = rf.now() }

// ANCHOR: handler
type RequestVoteArgs struct {
	Term         int // 候选者的任期
	CandidateId  int // 请求投票的候选者
	LastLogIndex int // 候选者最后一条日志的索引
	LastLogTerm  int // 候选者最后一条日志的任期
}

type RequestVoteReply struct {
	Term        int  // 接收者的 currentTerm，供候选者更新自己
	VoteGranted bool // 是否投票
}

func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()

	// 所有服务器的规则：看到更大的任期，更新任期、清空选票、退回跟随者。
	if args.Term > rf.currentTerm {
		rf.currentTerm = args.Term
		rf.votedFor = -1 // -1 表示本任期还没投票
		rf.state = Follower
		rf.persist()
	}
	reply.Term = rf.currentTerm
	reply.VoteGranted = false

	// 规则 1：候选者的任期过期，拒绝。
	if args.Term < rf.currentTerm {
		return
	}

	// 规则 2：本任期还没投给别人，并且候选者的日志至少和我一样新。
	myLastIndex := rf.lastLogIndex()
	myLastTerm := rf.termAt(myLastIndex)
	upToDate := args.LastLogTerm > myLastTerm ||
		(args.LastLogTerm == myLastTerm && args.LastLogIndex >= myLastIndex)
	if (rf.votedFor == -1 || rf.votedFor == args.CandidateId) && upToDate {
		rf.votedFor = args.CandidateId
		rf.persist()            // 先落盘，函数返回后 RPC 框架才发出回复
		rf.resetElectionTimer() // 只有真正投出选票才重置选举计时器
		reply.VoteGranted = true
	}
}

// ANCHOR_END: handler

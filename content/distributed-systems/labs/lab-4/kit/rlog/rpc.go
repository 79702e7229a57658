package rlog

// 副本之间的两个 RPC：RequestVote（选举）和 AppendEntries（复制与心跳），规则同 Raft 论文的图 2。

import "time"

// VoteArgs 是 RequestVote 的参数。
type VoteArgs struct {
	Term, Candidate, LastIndex, LastTerm int
}

// VoteReply 是 RequestVote 的回复。
type VoteReply struct {
	Term    int
	Granted bool
}

// RequestVote：每个任期只投一票，只投给日志至少和自己一样新的候选者（candidate），
// 这保证新领导者的日志里有所有已提交的条目。
func (l *Log) RequestVote(args *VoteArgs, reply *VoteReply) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if args.Term > l.term {
		l.stepDownLocked(args.Term)
	}
	reply.Term = l.term
	upToDate := args.LastTerm > l.lastTerm() ||
		(args.LastTerm == l.lastTerm() && args.LastIndex >= l.lastIndex())
	if args.Term == l.term && (l.votedFor == -1 || l.votedFor == args.Candidate) && upToDate {
		l.votedFor = args.Candidate
		l.persistState()
		reply.Granted = true
		l.resetTimerLocked()
	}
}

// electLocked 进入新任期做候选者，向每个副本要票；得到多数票就成为领导者。
func (l *Log) electLocked() {
	l.term++
	l.votedFor = l.me
	l.persistState()
	l.resetTimerLocked()
	args := VoteArgs{Term: l.term, Candidate: l.me, LastIndex: l.lastIndex(), LastTerm: l.lastTerm()}
	votes := 1
	for p := range l.peers {
		if p == l.me {
			continue
		}
		go func(p int) {
			var reply VoteReply
			if !l.peers[p].Call("Log.RequestVote", &args, &reply) {
				return
			}
			l.mu.Lock()
			defer l.mu.Unlock()
			if reply.Term > l.term {
				l.stepDownLocked(reply.Term)
				return
			}
			if !reply.Granted || l.term != args.Term || l.leader {
				return
			}
			if votes++; votes*2 > len(l.peers) {
				l.leader = true
				for q := range l.peers {
					l.nextIndex[q], l.matchIndex[q] = l.lastIndex()+1, 0
				}
				// 新领导者先写一个空条目（no-op）：旧任期的条目只能随本任期的条目一起提交，
				// 没有它，一个没有新请求的组永远不知道哪些旧条目已经提交。
				l.log = append(l.log, Entry{Term: l.term})
				l.matchIndex[l.me] = l.lastIndex()
				l.persistLog(l.lastIndex() - 1)
				l.broadcastLocked()
			}
		}(p)
	}
}

// AppendArgs 是 AppendEntries 的参数：Entries 接在 PrevIndex 之后。
type AppendArgs struct {
	Term, PrevIndex, PrevTerm, Commit int
	Entries                           []Entry
}

// AppendReply 是 AppendEntries 的回复。失败时 Retry 是领导者下次应当从哪个索引重发：
// 追随者的日志太短时是它的长度，任期冲突时是冲突任期在它日志里的第一个索引。
type AppendReply struct {
	Term    int
	Success bool
	Retry   int
}

// sendAppendLocked 把副本 p 缺的条目（可能为空，即心跳）和领导者的提交索引发给它。
func (l *Log) sendAppendLocked(p int) {
	prev := l.nextIndex[p] - 1
	args := AppendArgs{Term: l.term, PrevIndex: prev, PrevTerm: l.log[prev].Term, Commit: l.commitIndex,
		Entries: append([]Entry(nil), l.log[prev+1:]...)}
	go func() {
		var reply AppendReply
		if !l.peers[p].Call("Log.AppendEntries", &args, &reply) {
			return
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		if reply.Term > l.term {
			l.stepDownLocked(reply.Term)
			return
		}
		if !l.leader || l.term != args.Term {
			return // 旧任期的回复
		}
		if !reply.Success {
			if args.PrevIndex+1 == l.nextIndex[p] { // 不是过时的回复：退回去重发
				l.nextIndex[p] = reply.Retry
				if l.nextIndex[p] <= l.matchIndex[p] {
					l.nextIndex[p] = l.matchIndex[p] + 1
				}
				l.sendAppendLocked(p)
			}
			return
		}
		if m := args.PrevIndex + len(args.Entries); m > l.matchIndex[p] {
			l.matchIndex[p], l.nextIndex[p] = m, m+1
			l.advanceCommitLocked()
		}
	}()
}

// advanceCommitLocked 提交多数派都有的、本任期的最后一个条目（连同它之前的一切）。
// 旧任期的条目只能这样间接提交（Raft 论文图 8 说明了直接提交为什么会错）。
func (l *Log) advanceCommitLocked() {
	for n := l.lastIndex(); n > l.commitIndex && l.log[n].Term == l.term; n-- {
		count := 0
		for p := range l.peers {
			if l.matchIndex[p] >= n {
				count++
			}
		}
		if count*2 > len(l.peers) {
			l.commitIndex = n
			l.applyCond.Broadcast()
			l.nextBeat = time.Now() // 尽快告诉追随者
			return
		}
	}
}

// AppendEntries：追随者检查 PrevIndex 处的任期一致，再接上新条目。只在真正冲突处截断，
// 所以一个迟到的、较短的 AppendEntries 不会删掉较新的那个已经追加的条目。
func (l *Log) AppendEntries(args *AppendArgs, reply *AppendReply) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if args.Term > l.term {
		l.stepDownLocked(args.Term)
	}
	reply.Term = l.term
	if args.Term < l.term {
		return
	}
	l.leader = false
	l.resetTimerLocked()
	if args.PrevIndex > l.lastIndex() {
		reply.Retry = l.lastIndex() + 1
		return
	}
	if t := l.log[args.PrevIndex].Term; t != args.PrevTerm {
		first := args.PrevIndex
		for first > 1 && l.log[first-1].Term == t {
			first--
		}
		reply.Retry = first
		return
	}
	for i, e := range args.Entries {
		at := args.PrevIndex + 1 + i
		if at > l.lastIndex() || l.log[at].Term != e.Term {
			l.log = append(l.log[:at], args.Entries[i:]...)
			l.persistLog(at - 1)
			break
		}
	}
	if last := args.PrevIndex + len(args.Entries); args.Commit > l.commitIndex {
		l.commitIndex = args.Commit
		if last < l.commitIndex {
			l.commitIndex = last
		}
		l.applyCond.Broadcast()
	}
	reply.Success = true
}

// 用 AppendEntries 的一致性检查修复三个分叉的跟随者日志，
// 比较“每次回退一格”与 ConflictTerm/ConflictIndex 快速回退所需的 RPC 次数，
// 最后用提交规则推进领导者的 commitIndex。日志索引从 1 开始，log[0] 是哨兵。
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Entry struct {
	Term    int
	Command string
}

type AppendEntriesArgs struct {
	Term         int
	LeaderId     int
	PrevLogIndex int
	PrevLogTerm  int
	Entries      []Entry
	LeaderCommit int
}

type AppendEntriesReply struct {
	Term          int
	Success       bool
	ConflictTerm  int // 0 表示跟随者在 PrevLogIndex 处根本没有条目
	ConflictIndex int
}

type Follower struct {
	name        string
	currentTerm int
	log         []Entry
	commitIndex int
}

func (f *Follower) lastIndex() int { return len(f.log) - 1 }

// AppendEntries 是接收者的实现，对应论文图 2 的五条规则。
func (f *Follower) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
	reply.Term = f.currentTerm
	if args.Term < f.currentTerm { // 规则 1
		return
	}
	f.currentTerm = args.Term
	reply.Term = f.currentTerm
	// 规则 2：PrevLogIndex 处必须有任期为 PrevLogTerm 的条目
	if args.PrevLogIndex > f.lastIndex() {
		reply.ConflictTerm = 0
		reply.ConflictIndex = f.lastIndex() + 1
		return
	}
	if t := f.log[args.PrevLogIndex].Term; t != args.PrevLogTerm {
		reply.ConflictTerm = t
		i := args.PrevLogIndex
		for f.log[i-1].Term == t { // 找到该任期在本地的第一条
			i--
		}
		reply.ConflictIndex = i
		return
	}
	// 规则 3、4：只删除真正冲突的条目，再追加日志里还没有的条目
	for k, e := range args.Entries {
		idx := args.PrevLogIndex + 1 + k
		if idx <= f.lastIndex() && f.log[idx].Term != e.Term {
			f.log = f.log[:idx]
		}
		if idx > f.lastIndex() {
			f.log = append(f.log, args.Entries[k:]...)
			break
		}
	}
	// 规则 5
	if args.LeaderCommit > f.commitIndex {
		lastNew := args.PrevLogIndex + len(args.Entries)
		f.commitIndex = args.LeaderCommit
		if lastNew < f.commitIndex {
			f.commitIndex = lastNew
		}
	}
	reply.Success = true
}

type Leader struct {
	id          int
	term        int
	log         []Entry
	commitIndex int
}

func (l *Leader) lastIndex() int { return len(l.log) - 1 }

// nextAfterConflict 按 6.824 教的快速回退规则计算新的 nextIndex。
func (l *Leader) nextAfterConflict(r *AppendEntriesReply) int {
	if r.ConflictTerm != 0 {
		for i := l.lastIndex(); i > 0; i-- {
			if l.log[i].Term == r.ConflictTerm {
				return i + 1 // 领导者也有这个任期：跳到它在该任期最后一条之后
			}
		}
	}
	return r.ConflictIndex // 领导者没有这个任期，或跟随者日志太短
}

// replicate 不断发送 AppendEntries 直到成功，返回用掉的 RPC 次数，
// 以及由成功的那次请求推出的 matchIndex：领导者看不到跟随者的日志，
// 只能用自己发出去的参数计算 prevLogIndex + len(entries)。
func (l *Leader) replicate(f *Follower, fast, verbose bool) (rpcs, match int) {
	next := l.lastIndex() + 1 // 新领导者把 nextIndex 初始化为自己最后一条之后
	for rpcs = 1; ; rpcs++ {
		args := &AppendEntriesArgs{
			Term:         l.term,
			LeaderId:     l.id,
			PrevLogIndex: next - 1,
			PrevLogTerm:  l.log[next-1].Term,
			Entries:      append([]Entry(nil), l.log[next:]...),
			LeaderCommit: l.commitIndex,
		}
		reply := &AppendEntriesReply{}
		f.AppendEntries(args, reply)
		if reply.Success {
			if verbose {
				fmt.Printf("  prev=(%d,%d) ok, sent %d entries\n", args.PrevLogIndex, args.PrevLogTerm, len(args.Entries))
			}
			return rpcs, args.PrevLogIndex + len(args.Entries)
		}
		if fast {
			next = l.nextAfterConflict(reply)
		} else {
			next--
		}
		if verbose {
			fmt.Printf("  prev=(%d,%d) rejected: conflictTerm=%d conflictIndex=%d -> nextIndex=%d\n",
				args.PrevLogIndex, args.PrevLogTerm, reply.ConflictTerm, reply.ConflictIndex, next)
		}
	}
}

// makeLog 由任期序列造一份日志，命令取名 "t<任期>.<索引>"。
func makeLog(terms ...int) []Entry {
	log := []Entry{{Term: 0}}
	for i, t := range terms {
		log = append(log, Entry{Term: t, Command: fmt.Sprintf("t%d.%d", t, i+1)})
	}
	return log
}

func show(log []Entry) string {
	parts := make([]string, 0, len(log))
	for _, e := range log[1:] {
		parts = append(parts, fmt.Sprint(e.Term))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func sameLog(a, b []Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func followers() []*Follower {
	return []*Follower{
		{name: "A", currentTerm: 5, log: makeLog(1, 1, 2, 3, 3, 5)},       // 落后：缺条目
		{name: "B", currentTerm: 4, log: makeLog(1, 1, 2, 3, 3, 4, 4, 4)}, // 多出任期 4 的未提交条目
		{name: "C", currentTerm: 2, log: makeLog(1, 1, 2, 2, 2, 2)},       // 既缺又多：任期 2 的旧领导者
	}
}

func main() {
	leader := &Leader{id: 1, term: 6, log: makeLog(1, 1, 2, 3, 3, 5, 5, 6), commitIndex: 5}
	fmt.Println("leader S1 term 6:", show(leader.log))

	naive := map[string]int{}
	for _, f := range followers() {
		naive[f.name], _ = leader.replicate(f, false, false)
	}
	matchIndex := []int{leader.lastIndex()} // 领导者自己
	for _, f := range followers() {
		fmt.Printf("follower %s %s\n", f.name, show(f.log))
		rpcs, match := leader.replicate(f, true, true)
		fmt.Printf("  -> %s commitIndex=%d identical=%v, RPCs fast=%d naive=%d\n",
			show(f.log), f.commitIndex, sameLog(f.log, leader.log), rpcs, naive[f.name])
		matchIndex = append(matchIndex, match)
	}
	matchIndex = append(matchIndex, 0) // 第五台服务器宕机

	// 提交规则：多数派的 matchIndex ≥ N，且 log[N] 属于当前任期
	sorted := append([]int(nil), matchIndex...)
	sort.Sort(sort.Reverse(sort.IntSlice(sorted)))
	n := sorted[len(sorted)/2]
	if n > leader.commitIndex && leader.log[n].Term == leader.term {
		leader.commitIndex = n
	}
	fmt.Printf("matchIndex=%v -> leader commitIndex=%d\n", matchIndex, leader.commitIndex)
}

// Output:
// leader S1 term 6: [1 1 2 3 3 5 5 6]
// follower A [1 1 2 3 3 5]
//   prev=(8,6) rejected: conflictTerm=0 conflictIndex=7 -> nextIndex=7
//   prev=(6,5) ok, sent 2 entries
//   -> [1 1 2 3 3 5 5 6] commitIndex=5 identical=true, RPCs fast=2 naive=3
// follower B [1 1 2 3 3 4 4 4]
//   prev=(8,6) rejected: conflictTerm=4 conflictIndex=6 -> nextIndex=6
//   prev=(5,3) ok, sent 3 entries
//   -> [1 1 2 3 3 5 5 6] commitIndex=5 identical=true, RPCs fast=2 naive=4
// follower C [1 1 2 2 2 2]
//   prev=(8,6) rejected: conflictTerm=0 conflictIndex=7 -> nextIndex=7
//   prev=(6,5) rejected: conflictTerm=2 conflictIndex=3 -> nextIndex=4
//   prev=(3,2) ok, sent 5 entries
//   -> [1 1 2 3 3 5 5 6] commitIndex=5 identical=true, RPCs fast=3 naive=6
// matchIndex=[8 8 8 8 0] -> leader commitIndex=8

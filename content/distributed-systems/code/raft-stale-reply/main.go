// 一个确定性的小模拟：领导者处理 AppendEntries 回复时要做的三处检查，
// 以及每次只少做其中一处时会出什么事。领导者是 S0。
package main

import "fmt"

type AppendArgs struct {
	Term         int
	PrevLogIndex int
	Entries      []int // 只记每个条目的任期，命令内容在这里无关紧要
}

type AppendReply struct {
	Term    int
	Success bool
}

// checks 是处理回复时 Figure 2 要求的三处检查；有 bug 的版本各少做其中一处。
type checks struct {
	stepDown  bool // 回复里的任期更高：更新任期、退位（任期混乱）
	termCheck bool // 发出请求的那个任期已经结束：丢弃回复（过期回复）
	argsMatch bool // 用发出去的参数计算 matchIndex，并且只增不减
}

var all = checks{stepDown: true, termCheck: true, argsMatch: true}

type Raft struct {
	leader      bool
	currentTerm int
	log         []int // log[i] 是第 i 条的任期；log[0] 是占位
	nextIndex   []int
	matchIndex  []int
	commitIndex int
}

// handle 处理 peer 对 args 的回复。在真实代码里，它运行在 rf.mu 之下、Call() 返回之后。
func (rf *Raft) handle(c checks, peer int, args AppendArgs, reply AppendReply) {
	if c.stepDown && reply.Term > rf.currentTerm {
		rf.currentTerm = reply.Term
		rf.leader = false // 真实代码还要 votedFor = -1 并 persist()
		return
	}
	if c.termCheck && (!rf.leader || rf.currentTerm != args.Term) {
		return // 过期回复：发出请求的那个任期（或领导身份）已经不在了
	}
	if !reply.Success {
		if rf.nextIndex[peer] > 1 {
			rf.nextIndex[peer]-- // 简化的回退
		}
		return
	}
	if c.argsMatch {
		match := args.PrevLogIndex + len(args.Entries) // 对方确认的是“当时发出去的”那些条目
		if match > rf.matchIndex[peer] {
			rf.matchIndex[peer] = match
		}
	} else {
		rf.matchIndex[peer] = len(rf.log) - 1 // bug：把“现在”的日志长度当成对方的进度
	}
	rf.nextIndex[peer] = rf.matchIndex[peer] + 1
	rf.advanceCommit()
}

// advanceCommit 是 Figure 2 的提交规则：存在 N > commitIndex，
// 多数派的 matchIndex >= N，且 log[N] 的任期等于 currentTerm。
func (rf *Raft) advanceCommit() {
	for n := len(rf.log) - 1; n > rf.commitIndex; n-- {
		count := 1 // 领导者自己
		for peer := 1; peer < len(rf.matchIndex); peer++ {
			if rf.matchIndex[peer] >= n {
				count++
			}
		}
		if count*2 > len(rf.matchIndex) && rf.log[n] == rf.currentTerm {
			rf.commitIndex = n
			return
		}
	}
}

// world 记录“真相”：每台服务器上实际的日志（logs[0] 就是领导者的 rf.log），
// 以及集群里已经出现过的最高任期。领导者自己看不到这些。
type world struct {
	rf      *Raft
	logs    [][]int
	highest int
}

// newWorld 让 S0 成为 term 任期的领导者；logs[0] 是它的日志，nextIndex 与 matchIndex
// 按 Figure 2 在当选时初始化；第 1 条在所有服务器上都有，已经提交。
func newWorld(term int, logs ...[]int) *world {
	n := len(logs)
	rf := &Raft{leader: true, currentTerm: term, log: logs[0], commitIndex: 1,
		nextIndex: make([]int, n), matchIndex: make([]int, n)}
	for p := 1; p < n; p++ {
		rf.nextIndex[p] = len(rf.log)
	}
	return &world{rf: rf, logs: logs, highest: term}
}

// agree：两份日志在 1..n 上完全相同。
func agree(a, b []int, n int) bool {
	if len(a) <= n || len(b) <= n {
		return false
	}
	for i := 1; i <= n; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// verdict 对照真相判断领导者此刻的状态是否安全。
func (w *world) verdict() string {
	rf := w.rf
	if rf.leader && rf.currentTerm < w.highest {
		return fmt.Sprintf("STALE: still leading term %d after term %d began", rf.currentTerm, w.highest)
	}
	n := 0
	for s, l := range w.logs {
		if s == 0 {
			l = rf.log // 领导者自己的日志可能已经追加了新条目
		}
		if agree(l, rf.log, rf.commitIndex) {
			n++
		}
	}
	if n*2 > len(w.logs) {
		return "ok"
	}
	return fmt.Sprintf("UNSAFE: index %d (term %d) is on %d of %d servers",
		rf.commitIndex, rf.log[rf.commitIndex], n, len(w.logs))
}

func (w *world) String() string {
	rf := w.rf
	role := "follower"
	if rf.leader {
		role = "leader"
	}
	return fmt.Sprintf("%s T%d match=%v next=%v commit=%d  %s", role, rf.currentTerm,
		rf.matchIndex[1:], rf.nextIndex[1:], rf.commitIndex, w.verdict())
}

// settled：领导者已经确认每个跟随者都有前 k 条。
func (w *world) settled(k int) *world {
	for p := 1; p < len(w.logs); p++ {
		w.rf.matchIndex[p], w.rf.nextIndex[p] = k, k+1
	}
	return w
}

// scenario 造出一个局面，把其中的回复交给按 c 检查的处理函数。
type scenario func(c checks) *world

// lateReply：任期 2，S1 收下了第 2 条，它的成功回复迟到了；
// 这期间 Start() 在领导者那里追加了第 3 条。
func lateReply(c checks) *world {
	w := newWorld(2, []int{0, 1, 2}, []int{0, 1}, []int{0, 1}).settled(1)
	w.logs[1] = []int{0, 1, 2} // S1 收下了第 2 条
	w.rf.log = append(w.rf.log, 2)
	w.rf.handle(c, 1, AppendArgs{Term: 2, PrevLogIndex: 1, Entries: []int{2}}, AppendReply{Term: 2, Success: true})
	return w
}

// higherTerm：S2 已经进入任期 3，拒绝了任期 2 的请求，并在回复里带回 3。
func higherTerm(c checks) *world {
	w := newWorld(2, []int{0, 1, 2}, []int{0, 1}, []int{0, 1}).settled(1)
	w.highest = 3
	w.rf.handle(c, 2, AppendArgs{Term: 2, PrevLogIndex: 1, Entries: []int{2}}, AppendReply{Term: 3, Success: false})
	return w
}

// oldTerm：五台服务器。任期 2 的 S0 把第 2、3 条（任期 2）发给 S1，S1 收下了，回复被延迟。
// 任期 3 的 S2 在第 2 条写下任期 3 的条目并复制给 S0，S0 的第 3 条被截掉。任期 4，S0 凭
// S0、S1、S3 的票再次当选，追加任期 4 的第 3 条，正常地复制给了 S3。这时那个任期 2 的回复到了。
func oldTerm(c checks) *world {
	w := newWorld(4,
		[]int{0, 1, 3, 4}, // S0：任期 4 的领导者
		[]int{0, 1, 2, 2}, // S1：仍是任期 2 写下的第 2、3 条
		[]int{0, 1, 3},    // S2：任期 3 的旧领导者
		[]int{0, 1, 3, 4}, // S3：刚收下 S0 的第 2、3 条
		[]int{0, 1})       // S4
	w.rf.handle(c, 3, AppendArgs{Term: 4, PrevLogIndex: 1, Entries: []int{3, 4}}, AppendReply{Term: 4, Success: true})
	w.rf.handle(c, 1, AppendArgs{Term: 2, PrevLogIndex: 1, Entries: []int{2, 2}}, AppendReply{Term: 2, Success: true})
	return w
}

func main() {
	runs := []struct {
		title  string
		s      scenario
		buggy  checks
		missed string
	}{
		{"1) S1's success reply is late; meanwhile Start() appended index 3", lateReply,
			checks{stepDown: true, termCheck: true}, "no args-based matchIndex"},
		{"2) S2 is already in term 3 and rejects the term-2 request", higherTerm,
			checks{termCheck: true, argsMatch: true}, "no step-down on reply term"},
		{"3) S0 leads term 4 over 5 servers; S1's reply from term 2 arrives", oldTerm,
			checks{stepDown: true, argsMatch: true}, "no term check"},
	}
	for _, r := range runs {
		fmt.Println(r.title)
		fmt.Printf("  %-27s %v\n", r.missed+":", r.s(r.buggy))
		fmt.Printf("  %-27s %v\n", "all three checks:", r.s(all))
	}
}

// Output:
// 1) S1's success reply is late; meanwhile Start() appended index 3
//   no args-based matchIndex:   leader T2 match=[3 1] next=[4 2] commit=3  UNSAFE: index 3 (term 2) is on 1 of 3 servers
//   all three checks:           leader T2 match=[2 1] next=[3 2] commit=2  ok
// 2) S2 is already in term 3 and rejects the term-2 request
//   no step-down on reply term: leader T2 match=[1 1] next=[2 1] commit=1  STALE: still leading term 2 after term 3 began
//   all three checks:           follower T3 match=[1 1] next=[2 2] commit=1  ok
// 3) S0 leads term 4 over 5 servers; S1's reply from term 2 arrives
//   no term check:              leader T4 match=[3 0 3 0] next=[4 4 4 4] commit=3  UNSAFE: index 3 (term 4) is on 2 of 5 servers
//   all three checks:           leader T4 match=[0 0 3 0] next=[4 4 4 4] commit=1  ok

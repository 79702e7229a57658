package replication

import (
	"bytes"
	"encoding/gob"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// follower 是测试里的跟随者：按 Figure 2 的五条接收者规则处理 AppendEntries，
// 拒绝时带回第 7 讲的 ConflictTerm/ConflictIndex。
type follower struct {
	mu   sync.Mutex
	term int
	log  []LogEntry
}

func newFollower(term int, terms ...int) *follower {
	return &follower{term: term, log: logOf(terms...)}
}

func logOf(terms ...int) []LogEntry {
	log := []LogEntry{{Term: 0}}
	for i, t := range terms {
		log = append(log, LogEntry{Term: t, Command: i + 1})
	}
	return log
}

func (f *follower) appendEntries(args *AppendEntriesArgs) AppendEntriesReply {
	f.mu.Lock()
	defer f.mu.Unlock()
	if args.Term < f.term {
		return AppendEntriesReply{Term: f.term}
	}
	f.term = args.Term
	reply := AppendEntriesReply{Term: f.term}
	last := len(f.log) - 1
	if args.PrevLogIndex > last {
		reply.ConflictIndex = last + 1
		return reply
	}
	if t := f.log[args.PrevLogIndex].Term; t != args.PrevLogTerm {
		i := args.PrevLogIndex
		for f.log[i-1].Term == t {
			i--
		}
		reply.ConflictTerm, reply.ConflictIndex = t, i
		return reply
	}
	for k, e := range args.Entries {
		idx := args.PrevLogIndex + 1 + k
		if idx < len(f.log) && f.log[idx].Term != e.Term {
			f.log = f.log[:idx]
		}
		if idx >= len(f.log) {
			f.log = append(f.log, args.Entries[k:]...)
			break
		}
	}
	reply.Success = true
	return reply
}

func (f *follower) terms() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ts []int
	for _, e := range f.log[1:] {
		ts = append(ts, e.Term)
	}
	return ts
}

// fakePeer 把 Call 交给 follower。hook 在对方处理完请求、回复回到领导者之前运行，
// 用来模拟“放锁期间世界变了”。hold 非空时，每个回复先交给测试，等测试放行才返回，
// 测试借此决定回复到达的先后。
type fakePeer struct {
	t    *testing.T
	rf   *Raft
	f    *follower
	hook func()
	hold chan *pending
}

type pending struct{ release chan struct{} }

func (p *fakePeer) Call(svcMeth string, args interface{}, reply interface{}) bool {
	if p.rf.mu.TryLock() {
		p.rf.mu.Unlock()
	} else {
		p.t.Errorf("%s called while holding rf.mu", svcMeth)
	}
	r := p.f.appendEntries(args.(*AppendEntriesArgs))
	if p.hold != nil {
		pd := &pending{release: make(chan struct{})}
		p.hold <- pd
		<-pd.release
	}
	if p.hook != nil {
		p.hook()
	}
	*reply.(*AppendEntriesReply) = r
	return true
}

// newLeader 让服务器 0 成为 term 任期的领导者，日志的任期序列是 terms；
// 其余服务器是给出的跟随者。
func newLeader(t *testing.T, term int, terms []int, followers ...*follower) (*Raft, []*fakePeer) {
	fakes := make([]*fakePeer, len(followers)+1)
	peers := make([]Peer, len(fakes))
	for i := range fakes {
		fakes[i] = &fakePeer{t: t}
		if i > 0 {
			fakes[i].f = followers[i-1]
		}
		peers[i] = fakes[i]
	}
	rf := Make(peers, 0, &Persister{}, make(chan ApplyMsg, 100))
	for _, p := range fakes {
		p.rf = rf
	}
	rf.mu.Lock()
	rf.currentTerm, rf.log = term, logOf(terms...)
	rf.becomeLeader()
	rf.mu.Unlock()
	t.Cleanup(rf.Kill)
	return rf, fakes
}

func equalInts(a, b []int) bool {
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

// 第 7 讲的跟随者 C：快速回退三次 RPC 修好它。
func TestReplicateRepairsDivergentFollower(t *testing.T) {
	c := newFollower(2, 1, 1, 2, 2, 2, 2)
	leaderTerms := []int{1, 1, 2, 3, 3, 5, 5, 6}
	rf, _ := newLeader(t, 6, leaderTerms, c, newFollower(6, 1, 1, 2, 3, 3, 5, 5, 6))
	rpcs := 0
	for rf.matchIndex[1] < 8 && rpcs < 10 {
		rf.replicateOnce(1)
		rpcs++
	}
	if rpcs != 3 || !equalInts(c.terms(), leaderTerms) {
		t.Fatalf("after %d RPCs follower has %v, want the leader's log after 3", rpcs, c.terms())
	}
	if rf.nextIndex[1] != 9 {
		t.Fatalf("nextIndex = %d, want 9", rf.nextIndex[1])
	}
}

// 回复回来之前，领导者退位又在任期 4 当选，日志变成 [1:t1, 2:t4]：
// 任期 3 的成功回复确认的是任期 3 的第 2、3 条，必须丢弃。
// 去掉 replicateOnce 里的任期检查时失败（领导者凭它提交了跟随者并没有的 2:t4）。
func TestReplyFromEndedTermIsDropped(t *testing.T) {
	f := newFollower(3, 1, 3)
	rf, fakes := newLeader(t, 3, []int{1, 3, 3}, f, newFollower(3, 1))
	rf.nextIndex[1] = 2 // 发出第 2、3 条（任期 3），对方会回复成功
	fakes[1].hook = func() {
		rf.mu.Lock()
		defer rf.mu.Unlock()
		rf.currentTerm = 4 // 退位、再次当选；当选时 matchIndex 清零
		rf.log = append(rf.log[:2], LogEntry{Term: 4, Command: "new"})
		rf.becomeLeader()
	}
	rf.replicateOnce(1)
	if rf.matchIndex[1] != 0 || rf.commitIndex != 0 {
		t.Fatalf("term-3 reply changed term-4 state: matchIndex=%d commitIndex=%d", rf.matchIndex[1], rf.commitIndex)
	}
}

// 发出请求之后 Start() 追加了新条目：matchIndex 只能算到发出去的那一条。
// 用 len(rf.log)-1 计算 matchIndex 时失败。
func TestEntriesAppendedDuringCallAreNotCounted(t *testing.T) {
	f := newFollower(2, 1)
	rf, fakes := newLeader(t, 2, []int{1, 2}, f, newFollower(2, 1))
	rf.nextIndex[1] = 2
	fakes[1].hook = func() { rf.Start("late") }
	rf.replicateOnce(1)
	if rf.matchIndex[1] != 2 || rf.commitIndex != 2 {
		t.Fatalf("matchIndex=%d commitIndex=%d, want 2 and 2: index 3 is only on the leader", rf.matchIndex[1], rf.commitIndex)
	}
}

// 回复里带着更高的任期：领导者退位，并在回复 RPC 之前持久化新任期。
func TestHigherTermInReplyStepsDownAndPersists(t *testing.T) {
	rf, _ := newLeader(t, 2, []int{1, 2}, newFollower(5, 1), newFollower(2, 1))
	rf.replicateOnce(1)
	term, isLeader := rf.GetState()
	if term != 5 || isLeader {
		t.Fatalf("term=%d leader=%v, want 5 and false", term, isLeader)
	}
	var gotTerm, gotVote int
	dec := gob.NewDecoder(bytes.NewReader(rf.persister.Load()))
	if err := dec.Decode(&gotTerm); err != nil {
		t.Fatal(err)
	}
	if err := dec.Decode(&gotVote); err != nil {
		t.Fatal(err)
	}
	if gotTerm != 5 || gotVote != -1 {
		t.Fatalf("persisted term=%d votedFor=%d, want 5 and -1", gotTerm, gotVote)
	}
}

// 心跳和复制器为同一个位置各发了一个请求，都被拒绝；第一个拒绝让领导者回退、
// 随后的请求成功，第二个拒绝这时才到。它不能把 nextIndex 拉回到 matchIndex 之下。
// 没有 replicateOnce 里对拒绝的检查时失败；只检查 PrevLogIndex == nextIndex-1 也失败，
// 因为成功之后 nextIndex 又回到了同一个位置。
func TestReorderedRejectionDoesNotUndoSuccess(t *testing.T) {
	f := newFollower(2, 1, 1, 1, 1)
	rf, fakes := newLeader(t, 2, []int{1, 1, 2, 2, 2}, f, newFollower(2, 1, 1, 2, 2, 2))
	p := fakes[1]
	p.hold = make(chan *pending)
	// send 发出一个请求：跟随者已经处理完，回复停在路上，等测试放行。
	send := func() (*pending, chan struct{}) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			rf.replicateOnce(1)
		}()
		return <-p.hold, done
	}
	first, firstDone := send()
	second, secondDone := send() // 两个请求都是 prev=5，都被拒绝
	close(first.release)
	<-firstDone // 第一个拒绝：领导者回退到 5
	for i := 0; i < 5 && rf.matchIndex[1] < 5; i++ {
		pd, done := send()
		close(pd.release)
		<-done
	}
	if rf.matchIndex[1] != 5 || rf.nextIndex[1] != 6 {
		t.Fatalf("repair failed: match=%d next=%d", rf.matchIndex[1], rf.nextIndex[1])
	}
	close(second.release) // 第二个拒绝现在才到
	<-secondDone
	if rf.nextIndex[1] != 6 {
		t.Fatalf("stale rejection moved nextIndex to %d below matchIndex+1 = 6", rf.nextIndex[1])
	}
}

// Figure 8 的规则：旧任期的条目即使在多数派上，也不能凭计数提交。
// 去掉 advanceCommitIndex 里对任期的检查时失败。
func TestOldTermEntryWaitsForCurrentTermEntry(t *testing.T) {
	rf, _ := newLeader(t, 4, []int{1, 2, 4}, newFollower(4), newFollower(4), newFollower(4), newFollower(4))
	rf.mu.Lock()
	defer rf.mu.Unlock()
	rf.commitIndex = 1
	copy(rf.matchIndex, []int{3, 2, 2, 1, 1}) // 论文图 8 (c)：任期 2 的第 2 条在 S1、S2、S3 上
	rf.advanceCommitIndex()
	if rf.commitIndex != 1 {
		t.Fatalf("commitIndex = %d: the term-2 entry was committed by counting", rf.commitIndex)
	}
	copy(rf.matchIndex, []int{3, 3, 3, 1, 1}) // 图 8 (e)
	rf.advanceCommitIndex()
	if rf.commitIndex != 3 {
		t.Fatalf("commitIndex = %d, want 3", rf.commitIndex)
	}
}

// 应用器按索引顺序、每条一次地发送，并且发送时不持锁：读者在两次接收之间
// 调用 GetState()，持锁发送的应用器会和它互相等待。
func TestApplierSendsInOrderWithoutHoldingTheLock(t *testing.T) {
	applyCh := make(chan ApplyMsg) // 无缓冲：读者慢，应用器就得等
	rf := Make([]Peer{nil}, 0, &Persister{}, applyCh)
	defer rf.Kill()
	rf.mu.Lock()
	rf.currentTerm, rf.log = 1, logOf(1, 1, 1)
	rf.commitIndex = 3
	rf.applyCond.Broadcast()
	rf.mu.Unlock()

	got := make(chan []int)
	go func() {
		var idx []int
		for len(idx) < 3 {
			msg := <-applyCh
			idx = append(idx, msg.CommandIndex)
			rf.GetState() // 读者回头调用 Raft，需要 rf.mu
		}
		got <- idx
	}()
	select {
	case idx := <-got:
		if !equalInts(idx, []int{1, 2, 3}) {
			t.Fatalf("applied %v, want [1 2 3]", idx)
		}
	case <-time.After(30 * time.Second): // 只是防止挂死的看门狗，正确时立即完成
		t.Fatal("applier and reader deadlocked: applier holds rf.mu while sending on applyCh")
	}
}

// 被 Kill 时应用器正卡在发送上（上层再也不接收，Lab 3 的测试框架在测试结束时就是这样），
// 它也必须退出：Broadcast 只叫醒睡在 Wait 里的 goroutine，叫不醒阻塞在通道发送上的。
// 把发送改回不带 select 的 rf.applyCh <- msg，这个测试就会失败。
func TestKillWhileApplierBlockedOnSend(t *testing.T) {
	// 先等前面测试的应用器都退出（它们都已被 Kill），之后数到的就只有这一台的。
	noAppliers(t, "an applier of an earlier test did not exit after Kill")
	rf := Make([]Peer{nil}, 0, &Persister{}, make(chan ApplyMsg)) // 无缓冲，测试从不接收
	rf.mu.Lock()
	rf.currentTerm, rf.log = 1, logOf(1)
	rf.commitIndex = 1
	rf.applyCond.Broadcast()
	rf.mu.Unlock()
	// 应用器在锁内推进 lastApplied，然后放锁去发送：从这里起它在（或正要进入）发送。
	for {
		rf.mu.Lock()
		applied := rf.lastApplied
		rf.mu.Unlock()
		if applied == 1 {
			break
		}
		runtime.Gosched()
	}
	rf.Kill()
	noAppliers(t, "the applier is still blocked sending on applyCh after Kill")
}

// noAppliers 等到进程里没有应用器 goroutine；30 秒只是防止挂死的看门狗，正确时立即返回。
func noAppliers(t *testing.T, failure string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	buf := make([]byte, 1<<20)
	for strings.Contains(string(buf[:runtime.Stack(buf, true)]), ").applier(") {
		if time.Now().After(deadline) {
			t.Fatal(failure)
		}
		time.Sleep(time.Millisecond)
	}
}

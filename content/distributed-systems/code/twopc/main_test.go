package main

import "testing"

// newBank 是讲义里的初始状态：A 上有 alice 500，B 上有 bob 200、carol 50。
func newBank() (*Participant, *Participant, *Coordinator) {
	a := NewParticipant("A", map[string]int{"alice": 500})
	b := NewParticipant("B", map[string]int{"bob": 200, "carol": 50})
	tc := &Coordinator{log: StableLog{owner: "TC"},
		parts: map[string]*Participant{"A": a, "B": b}, waiting: map[int]map[string]bool{}}
	return a, b, tc
}

func hasRecord(l StableLog, kind string, tx int) bool {
	for _, r := range l.records {
		if r.Kind == kind && r.Tx == tx {
			return true
		}
	}
	return false
}

func total(a, b *Participant) int {
	return a.balances["alice"] + b.balances["bob"] + b.balances["carol"]
}

// B 投 YES 之后崩溃、错过 COMMIT：恢复后从日志里的 PREPARED 记录重做修改，并且只重做
// 不确定的 T3，不重做早已提交的 T1。PREPARED 记录不带修改内容时失败（bob 少了 50）；
// 恢复时把每条 PREPARED 都当成不确定时也失败（T1 的 +100 做了两次）。
func TestInDoubtParticipantCommitsAfterRecovery(t *testing.T) {
	a, b, tc := newBank()
	tc.Run(1, []Op{{"A", "alice", -100}, {"B", "bob", +100}}, "")
	tc.Run(3, []Op{{"A", "alice", -50}, {"B", "bob", +50}}, "B")
	if b.balances["bob"] != 300 || hasRecord(tc.log, "END", 3) {
		t.Fatalf("before recovery: bob=%d END T3=%v, want 300 and no END", b.balances["bob"], hasRecord(tc.log, "END", 3))
	}
	b.Recover(tc)
	if a.balances["alice"] != 350 || b.balances["bob"] != 350 || total(a, b) != 750 {
		t.Fatalf("after recovery alice=%d bob=%d total=%d, want 350, 350, 750",
			a.balances["alice"], b.balances["bob"], total(a, b))
	}
	if !hasRecord(b.log, "COMMIT", 3) || !hasRecord(tc.log, "END", 3) {
		t.Fatal("B did not log COMMIT T3, or TC did not end T3 after B's ACK")
	}
}

// A 投 NO，B 投 YES 后崩溃。TC 决定中止时什么也不强制写（推定中止），B 恢复后来问，
// 得到的必须是 ABORT。把 Outcome 改成“查不到就算提交”时失败。
func TestInDoubtParticipantLearnsPresumedAbort(t *testing.T) {
	a, b, tc := newBank()
	tc.Run(4, []Op{{"A", "alice", -600}, {"B", "bob", +600}}, "B")
	if len(tc.log.records) != 0 {
		t.Fatalf("TC forced %v for an aborted transaction; presumed abort writes nothing", tc.log.records)
	}
	b.Recover(tc)
	if b.balances["bob"] != 200 || a.balances["alice"] != 500 {
		t.Fatalf("alice=%d bob=%d after an aborted transaction, want 500 and 200", a.balances["alice"], b.balances["bob"])
	}
	if !hasRecord(b.log, "ABORT", 4) || len(b.pending) != 0 {
		t.Fatalf("B still holds T4 (pending=%v) or did not log ABORT", b.pending)
	}
}

// TC 会重发 COMMIT：重复送达的 COMMIT 只能生效一次。
// Finish 处理完之后不删除 pending（不释放锁）时失败。
func TestDuplicateCommitIsAppliedOnce(t *testing.T) {
	a, b, tc := newBank()
	tc.Run(1, []Op{{"A", "alice", -100}, {"B", "bob", +100}}, "")
	if !b.Finish(1, true) || !a.Finish(1, true) {
		t.Fatal("a repeated COMMIT must still be acknowledged")
	}
	if a.balances["alice"] != 400 || b.balances["bob"] != 300 {
		t.Fatalf("alice=%d bob=%d after a duplicate COMMIT, want 400 and 300", a.balances["alice"], b.balances["bob"])
	}
}

// 参与者在 PREPARE 时不在线：没有回复按 NO 算，整个事务中止，已经 prepared 的 A 放掉锁。
// 把“没有回复”当成 YES 时失败。
func TestNoReplyToPrepareAborts(t *testing.T) {
	a, b, tc := newBank()
	b.Crash()
	tc.Run(5, []Op{{"A", "alice", -100}, {"B", "bob", +100}}, "")
	if hasRecord(tc.log, "COMMIT", 5) || a.balances["alice"] != 500 {
		t.Fatalf("TC committed T5 without B's vote: alice=%d", a.balances["alice"])
	}
	if len(a.pending) != 0 || !hasRecord(a.log, "ABORT", 5) {
		t.Fatalf("A still holds T5's locks (pending=%v)", a.pending)
	}
}

// 协调者只有在所有参与者都 ACK 之后才能写 END、忘掉事务：否则恢复的参与者来问时，
// 它已经答不出 COMMIT。去掉 maybeEnd 里对未 ACK 参与者的检查时失败。
func TestCoordinatorKeepsDecisionUntilEveryAck(t *testing.T) {
	_, b, tc := newBank()
	tc.Run(3, []Op{{"A", "alice", -50}, {"B", "bob", +50}}, "B")
	if hasRecord(tc.log, "END", 3) {
		t.Fatal("TC wrote END T3 while B had not acknowledged the COMMIT")
	}
	if !tc.waiting[3]["B"] {
		t.Fatalf("TC is not retrying B: waiting=%v", tc.waiting[3])
	}
	b.Recover(tc)
	if len(tc.waiting[3]) != 0 || !hasRecord(tc.log, "END", 3) {
		t.Fatalf("after B's ACK: waiting=%v END=%v", tc.waiting[3], hasRecord(tc.log, "END", 3))
	}
}

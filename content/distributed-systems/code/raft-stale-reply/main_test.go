package main

import (
	"strings"
	"testing"
)

var scenarios = []struct {
	name  string
	build scenario
	// missing 是少做了一处检查的处理函数，讲义说它在这个局面里出错。
	missing checks
}{
	{"lateReply", lateReply, checks{stepDown: true, termCheck: true}},
	{"higherTerm", higherTerm, checks{termCheck: true, argsMatch: true}},
	{"oldTerm", oldTerm, checks{stepDown: true, argsMatch: true}},
}

// 修正后的处理函数在每个过期信息的局面里都安全。
// 去掉 handle 里的任期检查（讲义第 2 种写法）时，oldTerm 这一项失败。
func TestAllChecksKeepEveryScenarioSafe(t *testing.T) {
	for _, sc := range scenarios {
		if got := sc.build(all).verdict(); got != "ok" {
			t.Errorf("%s with all checks: %s", sc.name, got)
		}
	}
}

// 讲义的论断：每一处检查都不可少，少了哪一处，就有一个局面出错。
// 特别是 oldTerm：用参数计算的、单调的 matchIndex 挡不住它，只有任期检查挡得住。
func TestEachMissingCheckBreaksItsScenario(t *testing.T) {
	for _, sc := range scenarios {
		got := sc.build(sc.missing).verdict()
		if !strings.HasPrefix(got, "UNSAFE") && !strings.HasPrefix(got, "STALE") {
			t.Errorf("%s without one check should break, got %s", sc.name, got)
		}
	}
}

// 同一个回复被重复投递，或者新旧回复乱序到达：matchIndex 不倒退，提交仍然安全。
func TestDuplicateAndReorderedRepliesAreHarmless(t *testing.T) {
	w := newWorld(2, []int{0, 1, 2, 2}, []int{0, 1}, []int{0, 1}).settled(1)
	w.logs[1] = []int{0, 1, 2, 2}
	newer := AppendArgs{Term: 2, PrevLogIndex: 1, Entries: []int{2, 2}}
	older := AppendArgs{Term: 2, PrevLogIndex: 1, Entries: []int{2}}
	ok := AppendReply{Term: 2, Success: true}
	w.rf.handle(all, 1, newer, ok)
	w.rf.handle(all, 1, older, ok) // 乱序：更旧的回复后到
	w.rf.handle(all, 1, newer, ok) // 重复
	if w.rf.matchIndex[1] != 3 || w.rf.nextIndex[1] != 4 {
		t.Fatalf("match=%d next=%d, want 3 and 4", w.rf.matchIndex[1], w.rf.nextIndex[1])
	}
	if w.rf.commitIndex != 3 || w.verdict() != "ok" {
		t.Fatalf("commit=%d verdict=%s, want 3 and ok", w.rf.commitIndex, w.verdict())
	}
}

// 退位之后才到的成功回复不能让旧领导者再推进任何东西。
func TestReplyAfterSteppingDownIsIgnored(t *testing.T) {
	w := newWorld(2, []int{0, 1, 2}, []int{0, 1, 2}, []int{0, 1}).settled(1)
	w.rf.handle(all, 2, AppendArgs{Term: 2, PrevLogIndex: 1}, AppendReply{Term: 3})
	w.rf.handle(all, 1, AppendArgs{Term: 2, PrevLogIndex: 1, Entries: []int{2}}, AppendReply{Term: 2, Success: true})
	if w.rf.leader || w.rf.matchIndex[1] != 1 || w.rf.commitIndex != 1 {
		t.Fatalf("leader=%v match=%d commit=%d after stepping down", w.rf.leader, w.rf.matchIndex[1], w.rf.commitIndex)
	}
}

// Figure 8 的规则：旧任期的条目即使在多数派上，也不能凭计数提交。
func TestOldTermEntryIsNotCommittedByCounting(t *testing.T) {
	w := newWorld(4, []int{0, 1, 3, 4}, []int{0, 1, 3}, []int{0, 1, 3}, []int{0, 1}, []int{0, 1})
	for _, p := range []int{1, 2} {
		w.rf.handle(all, p, AppendArgs{Term: 4, PrevLogIndex: 1, Entries: []int{3}}, AppendReply{Term: 4, Success: true})
	}
	if w.rf.commitIndex != 1 {
		t.Fatalf("commitIndex = %d: index 2 has term 3 and must wait for a term-4 entry", w.rf.commitIndex)
	}
	w.rf.handle(all, 1, AppendArgs{Term: 4, PrevLogIndex: 2, Entries: []int{4}}, AppendReply{Term: 4, Success: true})
	if w.rf.commitIndex != 1 {
		t.Fatalf("commitIndex = %d with index 3 on only two servers", w.rf.commitIndex)
	}
	w.rf.handle(all, 2, AppendArgs{Term: 4, PrevLogIndex: 2, Entries: []int{4}}, AppendReply{Term: 4, Success: true})
	if w.rf.commitIndex != 3 {
		t.Fatalf("commitIndex = %d, want 3 once the term-4 entry is on a majority", w.rf.commitIndex)
	}
}

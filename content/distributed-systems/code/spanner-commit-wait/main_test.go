package main

import "testing"

// orderHolds 让 T1 在 A 上、T2 在 B 上按策略 p 提交：T2 在 T1 对外可见之后才开始
// （最早在下一毫秒到达协调者），返回是否 ts2 > ts1。
func orderHolds(a, b Server, p policy, arrive1 int) bool {
	ts1, vis1 := commit("T1", a, p, arrive1)
	ts2, _ := commit("T2", b, p, vis1+1)
	return ts2 > ts1
}

// 外部一致性：两台服务器的时钟误差只要都在宣称的 ε 之内，不管快慢、不管请求何时到达，
// 提交等待都保证 ts2 > ts1。协调者在 Paxos 写完就回复、不等提交等待结束时失败；
// 提交等待看本地时钟而不是 TT.now().earliest 时也失败。
func TestCommitWaitOrdersTransactionsForEveryClockWithinEps(t *testing.T) {
	const eps = 4
	for offA := -eps; offA <= eps; offA++ {
		for offB := -eps; offB <= eps; offB++ {
			a := Server{Name: "A", Offset: offA, Eps: eps}
			b := Server{Name: "B", Offset: offB, Eps: eps}
			for arrive := 100; arrive < 110; arrive++ {
				if !orderHolds(a, b, trueTimeWait, arrive) {
					t.Fatalf("A offset %d, B offset %d, T1 arrives at %d: ts2 <= ts1", offA, offB, arrive)
				}
			}
		}
	}
}

// 没有提交等待，或者时间戳取本地时钟，都存在误差在 ε 之内、顺序却被破坏的时钟组合。
func TestWithoutCommitWaitSomeClocksBreakTheOrder(t *testing.T) {
	for _, p := range []policy{localClock, trueTimeNoWait} {
		broken := false
		for off := -4; off <= 4 && !broken; off++ {
			a := Server{Name: "A", Offset: +4, Eps: 4}
			b := Server{Name: "B", Offset: off, Eps: 4}
			broken = !orderHolds(a, b, p, 100)
		}
		if !broken {
			t.Errorf("%s: no clock within eps broke the order; the lecture says one does", policyNames[p])
		}
	}
}

// 练习 4：误差超出宣称的 ε（B 的时钟慢 15ms，仍宣称 ε = 4），提交等待也救不了。
func TestClockErrorBeyondEpsBreaksCommitWait(t *testing.T) {
	a := Server{Name: "A", Offset: 0, Eps: 4}
	b := Server{Name: "B", Offset: -15, Eps: 4}
	if orderHolds(a, b, trueTimeWait, 100) {
		t.Fatal("a clock 15ms slow with eps 4 kept the order; TrueTime's assumption is what commit wait rests on")
	}
}

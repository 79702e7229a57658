package main

import (
	"fmt"
	"testing"
)

// harness 在每一步之后检查互斥：拿到过锁、还没放锁的客户端最多一个。
type harness struct {
	t        *testing.T
	l        *lockService
	released map[string]bool
}

func newHarness(t *testing.T) *harness {
	return &harness{t: t, l: &lockService{s: newStore(), clients: map[string]*client{}}, released: map[string]bool{}}
}

func (h *harness) holders() []string {
	var hs []string
	for _, name := range h.l.order {
		if !h.released[name] {
			hs = append(hs, name)
		}
	}
	return hs
}

func (h *harness) step(what string, f func()) {
	f()
	if hs := h.holders(); len(hs) > 1 {
		h.t.Fatalf("after %s: %v hold the lock at once", what, hs)
	}
}

func (h *harness) lock(name string) { h.step(name+" locks", func() { h.l.lock(name) }) }
func (h *harness) expire(name string) {
	h.released[name] = true
	h.step(name+" expires", func() { h.l.s.expire(name); h.l.deliver() })
}
func (h *harness) unlock(name string) {
	h.released[name] = true
	h.step(name+" unlocks", func() { h.l.unlock(name) })
}

func (h *harness) wantOrder(want string) {
	if got := fmt.Sprint(h.l.order); got != want {
		h.t.Fatalf("lock order %s, want %s", got, want)
	}
}

// 讲义里的局面：A 持锁时，排队的 B 会话超时。C 收到通知后必须重新检查，
// 发现 A 还在，继续等。被唤醒就直接认定自己拿到锁时失败（A 和 C 同时持锁）；
// 会话超时时不清除 B 的监视也失败（A 放锁时，已经不存在的 B 被唤醒并“拿到”锁）。
func TestExpiredWaiterDoesNotHandTheLockOn(t *testing.T) {
	h := newHarness(t)
	for _, c := range []string{"A", "B", "C", "D"} {
		h.lock(c)
	}
	h.expire("B")
	h.wantOrder("[A]")
	h.unlock("A")
	h.unlock("C")
	h.unlock("D")
	h.wantOrder("[A C D]")
}

// 持锁者崩溃：它的临时节点随会话消失，下一个客户端拿到锁。
// 会话超时时不删除临时节点就失败（所有人永远等下去）。
func TestHolderCrashReleasesTheLock(t *testing.T) {
	h := newHarness(t)
	h.lock("A")
	h.lock("B")
	h.expire("A")
	h.wantOrder("[A B]")
}

// 无羊群效应：十个客户端排队，每次释放最多唤醒一个客户端，总共 9 条通知。
// 让每个客户端监视最小的节点（而不是紧排在自己前面的节点）时失败。
func TestEachReleaseWakesAtMostOneClient(t *testing.T) {
	h := newHarness(t)
	names := []string{"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"}
	for _, n := range names {
		h.lock(n)
	}
	for _, n := range names {
		before := h.l.s.sent
		h.unlock(n)
		if woke := h.l.s.sent - before; woke > 1 {
			t.Fatalf("releasing %s woke %d clients", n, woke)
		}
	}
	h.wantOrder(fmt.Sprint(names))
	if h.l.s.sent != len(names)-1 {
		t.Fatalf("%d notifications for %d hand-overs", h.l.s.sent, len(names)-1)
	}
}

// 中间连续两个排队者超时（C 的前驱 B、B 的前驱……）：C 要一路往前找到真正的前驱。
func TestSeveralExpiriesInARowKeepTheQueue(t *testing.T) {
	h := newHarness(t)
	for _, c := range []string{"A", "B", "C", "D", "E"} {
		h.lock(c)
	}
	h.expire("C")
	h.expire("B")
	h.expire("D")
	h.wantOrder("[A]")
	h.unlock("A")
	h.wantOrder("[A E]")
}

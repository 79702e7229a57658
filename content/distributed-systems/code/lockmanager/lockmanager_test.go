package lockmanager

import (
	"runtime"
	"testing"
)

// until 反复在 lm.mu 下检查 cond，直到它成立。等锁的事务在 lm.waitsFor 里留下边之后
// 才会睡眠，测试借此知道它已经在等了，不需要 sleep。
func until(lm *LockManager, cond func() bool) {
	for {
		lm.mu.Lock()
		ok := cond()
		lm.mu.Unlock()
		if ok {
			return
		}
		runtime.Gosched()
	}
}

// acquireAsync 在另一个 goroutine 里加锁，结果从返回的 channel 取。
func acquireAsync(lm *LockManager, tx int, key string) chan error {
	done := make(chan error, 1)
	go func() { done <- lm.Acquire(tx, key) }()
	return done
}

// outcome 等到 tx 的 Acquire 要么返回，要么已经睡下（留下等待边）。
// 返回 (错误, 是否已返回)。
func outcome(lm *LockManager, tx int, done chan error) (error, bool) {
	var err error
	returned := false
	until(lm, func() bool {
		select {
		case err = <-done:
			returned = true
			return true
		default:
		}
		_, waiting := lm.waitsFor[tx]
		return waiting
	})
	return err, returned
}

// 讲义里的 T1/T3：T1 持有 alice 并等 bob，T3 持有 bob 再要 alice，T3 得到 ErrDeadlock；
// T3 中止放锁之后，T1 拿到 bob。
func TestTwoTransactionDeadlockIsReportedAndWaiterProceeds(t *testing.T) {
	lm := NewLockManager()
	if lm.Acquire(1, "alice") != nil || lm.Acquire(3, "bob") != nil {
		t.Fatal("free locks must be granted")
	}
	t1 := acquireAsync(lm, 1, "bob")
	if _, returned := outcome(lm, 1, t1); returned {
		t.Fatal("T1 got bob while T3 held it")
	}
	err, returned := outcome(lm, 3, acquireAsync(lm, 3, "alice"))
	if !returned || err != ErrDeadlock {
		t.Fatalf("T3 asking for alice: returned=%v err=%v, want ErrDeadlock", returned, err)
	}
	lm.ReleaseAll(3)
	if err := <-t1; err != nil {
		t.Fatalf("T1 after T3 aborted: %v", err)
	}
	lm.mu.Lock()
	defer lm.mu.Unlock()
	if lm.owner["bob"] != 1 || len(lm.waitsFor) != 0 {
		t.Fatalf("owner[bob]=%d waitsFor=%v, want 1 and no edges", lm.owner["bob"], lm.waitsFor)
	}
}

// 三个事务的环 T1 → T2 → T3 → T1：只看直接等待者找不到它，必须沿着链走。
// 把 reaches 改成只比较 holder 与 tx 时失败（T3 会睡下，三个事务永远互等）。
func TestThreeTransactionCycleIsFoundAlongTheChain(t *testing.T) {
	lm := NewLockManager()
	for tx, key := range map[int]string{1: "a", 2: "b", 3: "c"} {
		if err := lm.Acquire(tx, key); err != nil {
			t.Fatal(err)
		}
	}
	t1 := acquireAsync(lm, 1, "b")
	outcome(lm, 1, t1)
	t2 := acquireAsync(lm, 2, "c")
	outcome(lm, 2, t2)
	err, returned := outcome(lm, 3, acquireAsync(lm, 3, "a"))
	if !returned || err != ErrDeadlock {
		t.Fatalf("T3 closing the cycle: returned=%v err=%v, want ErrDeadlock", returned, err)
	}
	lm.ReleaseAll(3) // T2 拿到 c，提交后放锁，T1 拿到 b
	if err := <-t2; err != nil {
		t.Fatal(err)
	}
	lm.ReleaseAll(2)
	if err := <-t1; err != nil {
		t.Fatal(err)
	}
}

// 只是排队、没有环时，不能误报死锁：T2、T3 都等 T1 的锁。
func TestQueueWithoutCycleIsNotADeadlock(t *testing.T) {
	lm := NewLockManager()
	if err := lm.Acquire(1, "x"); err != nil {
		t.Fatal(err)
	}
	t2 := acquireAsync(lm, 2, "x")
	if _, returned := outcome(lm, 2, t2); returned {
		t.Fatal("T2 got x while T1 held it")
	}
	t3 := acquireAsync(lm, 3, "x")
	if err, returned := outcome(lm, 3, t3); returned {
		t.Fatalf("T3 returned %v while only waiting behind T1", err)
	}
	lm.ReleaseAll(1)
	// 两个等待者被同时唤醒，一个拿到 x，另一个转而等它：仍然不是死锁。
	var second chan error
	var err error
	select {
	case err = <-t2:
		second = t3
	case err = <-t3:
		second = t2
	}
	if err != nil {
		t.Fatalf("the first waiter got %v", err)
	}
	lm.mu.Lock()
	winner := lm.owner["x"]
	lm.mu.Unlock()
	lm.ReleaseAll(winner)
	if err := <-second; err != nil {
		t.Fatalf("the second waiter got %v", err)
	}
}

// 已经持有的锁再要一次，直接成功，不能把自己当成死锁的对方。
// 去掉 Acquire 里 holder == tx 的判断时失败。
func TestReacquiringAHeldLockSucceeds(t *testing.T) {
	lm := NewLockManager()
	if err := lm.Acquire(1, "x"); err != nil {
		t.Fatal(err)
	}
	if err := lm.Acquire(1, "x"); err != nil {
		t.Fatalf("second Acquire of a held lock: %v", err)
	}
	lm.ReleaseAll(1)
	if err := lm.Acquire(2, "x"); err != nil {
		t.Fatalf("x not free after ReleaseAll: %v", err)
	}
}

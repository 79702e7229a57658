package txn

// 4B 的测试：崩溃恢复。不要修改这个文件。

import (
	"testing"
	"time"
)

// stillLocked 检查 key 在 d 内一直被锁住：协调者不可达时，已准备的参与者只能等。
func (cfg *config) stillLocked(key string, d time.Duration, why string) {
	cfg.t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if l, ok := cfg.locked(key); ok && !l {
			cfg.t.Fatalf("Get(%q) reports the key unlocked while %s: a participant that voted YES "+
				"must not commit or abort on its own; it holds its locks until it learns the decision", key, why)
		}
	}
}

// waitLocked 等到 key 被锁住（它的分片已准备）。
func (cfg *config) waitLocked(key string, why string) {
	cfg.t.Helper()
	for end := time.Now().Add(submitDeadline); time.Now().Before(end); time.Sleep(2 * time.Millisecond) {
		if l, _ := cfg.locked(key); l {
			return
		}
	}
	cfg.t.Fatalf("Get(%q) never reported the key Locked: %s", key, why)
}

func TestParticipantCrashBeforePrepare4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("a participant that is down cannot vote, so the transaction aborts")
	a, b := cfg.keyOn(0, "a"), cfg.keyOn(1, "b")
	cfg.mustCommit(nil, w(a, "1", b, "1"))
	cfg.crashParticipant(1)
	tx, rec := cfg.mkTxn(nil, w(a, "2", b, "2"))
	if o := cfg.submit(tx, rec, submitDeadline); o != aborted {
		t.Fatalf("Submit(%s) with shard 1 down = %v, want aborted: the coordinator must give up "+
			"waiting for a vote and abort", tx.ID, o)
	}
	if v := cfg.get(a); v != "1" {
		t.Fatalf("after the abort, Get(%q) = %q, want 1", a, v)
	}
	cfg.startParticipant(1)
	if v := cfg.get(b); v != "1" {
		t.Fatalf("after shard 1 restarts, Get(%q) = %q, want the committed 1 (from its stable storage)", b, v)
	}
	cfg.mustCommit(w(a, "1", b, "1"), w(a, "3", b, "3"))
	cfg.end(cfg.checkHistory())
}

func TestParticipantCrashAfterPrepare4B(t *testing.T) {
	cfg := makeConfig(t, 1, true, false) // 测试扮演协调者；协调者不可达
	cfg.begin("a prepared participant survives a crash, still prepared and still locked")
	x, y := cfg.keyOn(0, "x"), cfg.keyOn(0, "y")
	if !cfg.prepare(0, Txn{ID: "t1", Writes: w(x, "1")}) || !cfg.prepare(0, Txn{ID: "t2", Writes: w(y, "2")}) {
		t.Fatalf("Prepare on an idle shard voted NO, want YES")
	}
	cfg.crashParticipant(0)
	cfg.startParticipant(0)
	cfg.stillLocked(x, 500*time.Millisecond, "the coordinator is unreachable after the participant restarted")
	if cfg.prepare(0, Txn{ID: "t3", Writes: w(x, "3")}) {
		t.Fatalf("after the restart, Prepare(t3) on x voted YES: t1 was prepared before the crash and " +
			"its lock must survive (write PREPARED to stable storage before voting YES)")
	}
	cfg.decide(0, "t1", true)
	cfg.decide(0, "t2", false)
	cfg.wantGet(x, "1", false, "t1, prepared before the crash, committed after it")
	cfg.wantGet(y, "", false, "t2, prepared before the crash, aborted after it")
	cfg.crashParticipant(0)
	cfg.startParticipant(0)
	cfg.wantGet(x, "1", false, "a committed write survives a crash")
	cfg.decide(0, "t1", true)
	cfg.decide(0, "t2", true) // 不可能的决定之外的重复：t2 已中止，只能忽略
	cfg.wantGet(x, "1", false, "a duplicate COMMIT after the restart changes nothing")
	cfg.wantGet(y, "", false, "t2 aborted; a later message cannot revive it")
	cfg.end(0)
}

func TestCoordinatorCrashAfterDecision4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("the coordinator decides COMMIT, crashes, and remembers its decision")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	tx, rec := cfg.mkTxn(nil, w(a, "1", b, "1", c, "1"))
	cfg.svcs[2].trap("Decide", tx.ID) // 分片 2 收不到决定
	done := make(chan outcome, 1)
	go func() { done <- cfg.submit(tx, rec, submitDeadline) }()
	for end := time.Now().Add(submitDeadline); cfg.get(a) != "1"; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("Get(%q) never returned 1: every shard voted YES, so the coordinator should have "+
				"committed and told shard 0", a)
		}
	}
	cfg.crashParticipant(2)
	if o := <-done; o != committed {
		t.Fatalf("Submit(%s) = %v, want committed: every shard voted YES", tx.ID, o)
	}
	cfg.crashCoordinator()
	cfg.startParticipant(2)
	if l, _ := cfg.locked(c); l {
		cfg.stillLocked(c, 500*time.Millisecond, "the coordinator is down and shard 2 does not know the decision")
	}
	cfg.startCoordinator()
	if v := cfg.get(c); v != "1" {
		t.Fatalf("after the coordinator restarted, Get(%q) = %q, want 1: the transaction committed on "+
			"shards 0 and 1; shard 2 was prepared when it crashed, so it must stay in doubt after its "+
			"restart and learn COMMIT from the restarted coordinator, which must remember it", c, v)
	}
	if o := cfg.submit(tx, rec, submitDeadline); o != committed {
		t.Fatalf("Submit(%s) again after the restart = %v, want committed (the same ID gets the same decision)",
			tx.ID, o)
	}
	cfg.end(cfg.checkHistory())
}

func TestCoordinatorCrashBeforeDecision4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("the coordinator crashes while collecting votes; all shards reach one outcome")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	tx, rec := cfg.mkTxn(nil, w(a, "1", b, "1", c, "1"))
	cfg.svcs[2].trap("Prepare", tx.ID) // 分片 2 的投票迟迟不来
	go cfg.submitOnce(tx)
	cfg.waitLocked(a, "shard 0 should be prepared by the coordinator's PREPARE")
	cfg.waitLocked(b, "shard 1 should be prepared by the coordinator's PREPARE")
	cfg.crashCoordinator()
	cfg.svcs[2].free()
	time.Sleep(50 * time.Millisecond)
	for _, k := range []string{a, b} {
		if l, _ := cfg.locked(k); l {
			cfg.stillLocked(k, 300*time.Millisecond, "the coordinator is down")
		}
	}
	cfg.startCoordinator()
	for _, k := range []string{a, b, c} {
		cfg.get(k) // 等每个分片得知决定、解锁
	}
	if o := cfg.submit(tx, rec, submitDeadline); o == unknown { // 同一个 ID 的回答必须和分片一致
		t.Fatalf("Submit(%s) after the restart got no reply", tx.ID)
	}
	cfg.end(cfg.checkHistory())
}

func TestCrashesUnreliable4B(t *testing.T) {
	cfg := makeConfig(t, 3, false, true)
	cfg.begin("transfers while participants and the coordinator crash, over an unreliable network")
	runBank(cfg, 4, 0, func(stop <-chan struct{}) {
		for i := 0; i < 6; i++ {
			time.Sleep(time.Duration(150+cfg.rng.Intn(150)) * time.Millisecond)
			if cfg.rng.Intn(3) == 0 {
				cfg.crashCoordinator()
				time.Sleep(time.Duration(cfg.rng.Intn(200)) * time.Millisecond)
				cfg.startCoordinator()
			} else {
				s := cfg.rng.Intn(cfg.n)
				cfg.crashParticipant(s)
				time.Sleep(time.Duration(cfg.rng.Intn(200)) * time.Millisecond)
				cfg.startParticipant(s)
			}
		}
		time.Sleep(300 * time.Millisecond)
	})
}

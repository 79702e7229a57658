package txn

// 4B 的测试：崩溃恢复。不要修改这个文件。

import (
	"fmt"
	"testing"
	"time"
)

// stillLocked 检查 key 在 d 内一直被锁住：没有人能告诉已准备的参与者决定时，它只能等。
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
	for end := time.Now().Add(submitDeadline); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if l, _ := cfg.locked(key); l {
			return
		}
	}
	cfg.t.Fatalf("Get(%q) never reported the key Locked: %s", key, why)
}

// waitValue 等到 key 的已提交值是 want。
func (cfg *config) waitValue(key, want, why string) {
	cfg.t.Helper()
	for end := time.Now().Add(settleDeadline); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if r, ok := cfg.getOnce(key); ok && !r.Locked && r.Value == want {
			return
		}
	}
	cfg.t.Fatalf("Get(%q) never returned %q in %v: %s", key, want, settleDeadline, why)
}

// warmUp 提交一个写 keys 的事务并等它的锁释放：之后每个组都有领导者，keys 都不再被锁住。
func (cfg *config) warmUp(keys ...string) {
	cfg.t.Helper()
	writes := map[string]string{}
	for _, k := range keys {
		writes[k] = "0"
	}
	cfg.mustCommit(nil, writes)
	for _, k := range keys {
		cfg.get(k)
	}
}

func TestParticipantGroupDown4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("a shard group that is entirely down cannot vote, so the transaction aborts")
	a, b := cfg.keyOn(0, "a"), cfg.keyOn(1, "b")
	cfg.mustCommit(nil, w(a, "1", b, "1"))
	cfg.crashGroup(1)
	tx, rec := cfg.mkTxn(nil, w(a, "2", b, "2"))
	if o := cfg.submit(tx, rec, submitDeadline); o != aborted {
		t.Fatalf("Submit(%s) with every server of shard 1 down = %v, want aborted: the coordinator must "+
			"give up waiting for a vote and abort", tx.ID, o)
	}
	if v := cfg.get(a); v != "1" {
		t.Fatalf("after the abort, Get(%q) = %q, want 1", a, v)
	}
	cfg.startGroup(1)
	if v := cfg.get(b); v != "1" {
		t.Fatalf("after shard 1's servers restart, Get(%q) = %q, want the committed 1 (replayed from the log)", b, v)
	}
	cfg.mustCommit(w(a, "1", b, "1"), w(a, "3", b, "3"))
	cfg.end(cfg.checkHistory())
}

func TestParticipantGroupRestart4B(t *testing.T) {
	cfg := makeConfig(t, 1, true, false) // 测试扮演协调者；没有协调者组可问
	cfg.begin("a prepared shard group restarts entirely, still prepared and still locked")
	x, y := cfg.keyOn(0, "x"), cfg.keyOn(0, "y")
	if !cfg.prepare(0, Txn{ID: "t1", Writes: w(x, "1")}) || !cfg.prepare(0, Txn{ID: "t2", Writes: w(y, "2")}) {
		t.Fatalf("Prepare on an idle shard voted NO, want YES")
	}
	cfg.crashGroup(0)
	cfg.startGroup(0)
	cfg.stillLocked(x, 500*time.Millisecond, "no coordinator is reachable after the whole group restarted")
	if cfg.prepare(0, Txn{ID: "t3", Writes: w(x, "3")}) {
		t.Fatalf("after the restart, Prepare(t3) on x voted YES: t1 was prepared before the crash and " +
			"its lock must survive (PREPARE must be in the log before the vote is sent)")
	}
	cfg.decide(0, "t1", true)
	cfg.decide(0, "t2", false)
	cfg.wantGet(x, "1", false, "t1, prepared before the crash, committed after it")
	cfg.wantGet(y, "", false, "t2, prepared before the crash, aborted after it")
	cfg.crashGroup(0)
	cfg.startGroup(0)
	cfg.wantGet(x, "1", false, "a committed write survives a restart of the whole group")
	cfg.decide(0, "t1", true)
	cfg.decide(0, "t2", true) // t2 已中止：迟到的、矛盾的决定只能被忽略
	cfg.wantGet(x, "1", false, "a duplicate COMMIT after the restart changes nothing")
	cfg.wantGet(y, "", false, "t2 aborted; a later message cannot revive it")
	cfg.end(0)
}

func TestParticipantMinorityCrash4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("transfers continue while one server of every shard group is down")
	runBank(cfg, 3, 0, func(stop <-chan struct{}) {
		for round := 0; round < 2; round++ {
			down := make([]int, cfg.n)
			for g := 0; g < cfg.n; g++ {
				down[g] = cfg.rng.Intn(groupSize)
				cfg.crashServer(g, down[g])
			}
			k := fmt.Sprintf("progress%d", round)
			cfg.mustCommit(nil, w(cfg.keyOn(0, k), "1", cfg.keyOn(1, k), "1", cfg.keyOn(2, k), "1"))
			for g := 0; g < cfg.n; g++ {
				cfg.startServer(g, down[g])
			}
			time.Sleep(200 * time.Millisecond)
		}
	})
}

func TestParticipantLeaderCrashAfterPrepare4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("a shard group's leader crashes between PREPARE and the decision")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	cfg.warmUp(a, b, c)
	tx, rec := cfg.mkTxn(nil, w(a, "1", b, "1", c, "1"))
	cfg.setTrap(1, "Decide", tx.ID) // 分片 1 已准备，但收不到决定
	done := make(chan outcome, 1)
	go func() { done <- cfg.submit(tx, rec, submitDeadline) }()
	cfg.waitHeld(1, "every shard should vote YES and the coordinator should send COMMIT")
	l := cfg.leaderOf(1)
	cfg.crashServer(1, l)
	cfg.untrap(1)
	if o := <-done; o != committed {
		t.Fatalf("Submit(%s) = %v, want committed: every shard voted YES", tx.ID, o)
	}
	cfg.waitValue(b, "1", "shard 1's new leader must know from the log that the transaction was "+
		"prepared, and apply COMMIT when it arrives")
	cfg.startServer(1, l)
	cfg.mustCommit(w(a, "1", b, "1", c, "1"), w(a, "2", b, "2", c, "2"))
	cfg.end(cfg.checkHistory())
}

func TestShardLeaderIsolated4B(t *testing.T) {
	cfg := makeConfig(t, 1, true, false) // 测试扮演协调者，直接对被隔开的领导者发消息
	cfg.begin("a shard leader cut off from its group must not vote or read from its memory")
	x := cfg.keyOn(0, "x")
	if !cfg.prepare(0, Txn{ID: "t0", Writes: w(x, "0")}) {
		t.Fatalf("Prepare(t0) on an idle shard voted NO, want YES")
	}
	cfg.decide(0, "t0", true)
	cfg.wantGet(x, "0", false, "t0 committed")
	l := cfg.leaderOf(0)
	cfg.isolate(0, l, true) // 它仍以为自己是领导者，但它写进日志的条目再也提交不了
	var pr PrepareReply
	cfg.tests[0][l].Call("Participant.Prepare", &PrepareArgs{Txn: Txn{ID: "t1", Writes: w(x, "1")}}, &pr)
	if !pr.WrongLeader && pr.Yes {
		t.Fatalf("Prepare(t1) sent to shard 0's isolated leader voted YES, but its PREPARE can never commit " +
			"in the group's log: a participant must wait until PREPARE is committed before it votes")
	}
	if !cfg.prepare(0, Txn{ID: "t2", Writes: w(x, "2")}) {
		t.Fatalf("Prepare(t2) on the majority side voted NO, want YES: t1 reached only the isolated leader, " +
			"so x is not locked in the group's log")
	}
	cfg.decide(0, "t2", true)
	cfg.wantGet(x, "2", false, "t2 committed on the majority side")
	var gr GetReply
	cfg.tests[0][l].Call("Participant.Get", &GetArgs{Key: x}, &gr)
	if !gr.WrongLeader {
		t.Fatalf("Get(%q) sent to shard 0's isolated leader answered as leader with %q (the group has "+
			"committed 2): a Get must go through the log, not be read from the leader's memory", x, gr.Value)
	}
	cfg.isolate(0, l, false)
	cfg.crashServer(0, cfg.leaderOf(0)) // 让接回的旧领导者也可能当选：它日志里的 t1 必须已被覆盖
	cfg.wantGet(x, "2", false, "the old leader rejoined; its uncommitted PREPARE t1 must not lock x")
	cfg.end(0)
}

func TestCoordinatorLeaderCrashAfterDecision4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("the coordinator group's leader logs COMMIT, crashes, and the new leader finishes")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	cfg.warmUp(a, b, c)
	tx, rec := cfg.mkTxn(nil, w(a, "1", b, "1", c, "1"))
	cfg.setTrap(2, "Decide", tx.ID) // 分片 2 收不到旧领导者的决定
	cfg.muteStatus(2, true)         // 也问不了：只能等新领导者把决定送来
	go cfg.submit(tx, rec, submitDeadline)
	cfg.waitValue(a, "1", "every shard voted YES, so the coordinator should commit and tell shard 0")
	cfg.waitHeld(2, "the coordinator should send COMMIT to shard 2 too")
	l := cfg.leaderOf(cfg.n)
	cfg.crashServer(cfg.n, l)
	cfg.untrap(2)
	cfg.waitValue(c, "1", "the transaction committed on shard 0, so COMMIT is in the coordinator's log; "+
		"after its leader crashed, the new leader must find the undelivered decision there and send it "+
		"(shard 2 cannot reach Coordinator.Status in this test)")
	cfg.muteStatus(2, false)
	cfg.startServer(cfg.n, l)
	if o := cfg.submit(tx, rec, submitDeadline); o != committed {
		t.Fatalf("Submit(%s) again after the leader change = %v, want committed (the same ID gets the "+
			"same decision)", tx.ID, o)
	}
	cfg.end(cfg.checkHistory())
}

func TestCoordinatorLeaderCrashBeforeDecision4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("the coordinator group's leader crashes while collecting votes; all shards reach one outcome")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	cfg.warmUp(a, b, c)
	tx, rec := cfg.mkTxn(nil, w(a, "1", b, "1", c, "1"))
	cfg.setTrap(2, "Prepare", tx.ID) // 分片 2 的投票迟迟不来
	go cfg.submit(tx, rec, submitDeadline)
	cfg.waitLocked(a, "shard 0 should be prepared by the coordinator's PREPARE")
	cfg.waitLocked(b, "shard 1 should be prepared by the coordinator's PREPARE")
	l := cfg.leaderOf(cfg.n)
	cfg.crashServer(cfg.n, l)
	cfg.untrap(2)
	for _, k := range []string{a, b, c} {
		cfg.get(k) // 等每个分片得知决定、解锁
	}
	cfg.startServer(cfg.n, l)
	if o := cfg.submit(tx, rec, submitDeadline); o == unknown { // 同一个 ID 的回答必须和分片一致
		t.Fatalf("Submit(%s) after the leader change got no reply", tx.ID)
	}
	cfg.end(cfg.checkHistory())
}

func TestCoordinatorLeaderIsolated4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("a coordinator leader cut off from its group cannot log a decision, so it must tell no one")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	cfg.warmUp(a, b, c)
	tx, rec := cfg.mkTxn(nil, w(a, "1", b, "1", c, "1"))
	l := cfg.leaderOf(cfg.n)
	cfg.isolate(cfg.n, l, true)     // 它还能和分片组通信，但它的日志条目再也提交不了
	cfg.setTrap(2, "Decide", tx.ID) // 即使它违规发出 COMMIT，分片 2 也收不到
	go func() {
		var reply SubmitReply // 只发给被隔开的领导者一次：测试不替它重试
		cfg.tests[cfg.n][l].Call("Coordinator.Submit", &SubmitArgs{Txn: tx}, &reply)
	}()
	cfg.waitLocked(c, "shard 2 should be prepared by the isolated leader's PREPARE")
	for _, k := range []string{c, a, b} {
		cfg.get(k) // 每个分片最终得知一个决定：多数派那边的新领导者没有这个事务的记录
	}
	cfg.checkHistory() // 分片 0、1 若提交了而分片 2 中止了，说明决定在进日志之前就发了出去
	cfg.isolate(cfg.n, l, false)
	cfg.untrap(2)
	if o := cfg.submit(tx, rec, submitDeadline); o == unknown {
		t.Fatalf("Submit(%s) after the partition healed got no reply", tx.ID)
	}
	cfg.end(cfg.checkHistory())
}

func TestCoordinatorGroupRestart4B(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("the whole coordinator group crashes after COMMIT and restarts from its log")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	cfg.warmUp(a, b, c)
	tx, rec := cfg.mkTxn(nil, w(a, "1", b, "1", c, "1"))
	cfg.setTrap(2, "Decide", tx.ID)
	cfg.muteStatus(2, true) // 分片 2 只能等协调者组把决定送来
	go cfg.submit(tx, rec, submitDeadline)
	cfg.waitValue(a, "1", "every shard voted YES, so the coordinator should commit and tell shard 0")
	cfg.waitHeld(2, "the coordinator should send COMMIT to shard 2 too")
	cfg.crashGroup(cfg.n)
	cfg.untrap(2)
	cfg.stillLocked(c, 3*time.Second, "every coordinator server is down (for 3 s) and shard 2 does not know the decision")
	cfg.startGroup(cfg.n)
	cfg.waitValue(c, "1", "the restarted coordinator group must find COMMIT in its log and send it to shard 2")
	cfg.muteStatus(2, false)
	if o := cfg.submit(tx, rec, submitDeadline); o != committed {
		t.Fatalf("Submit(%s) again after the restart = %v, want committed", tx.ID, o)
	}
	cfg.end(cfg.checkHistory())
}

func TestCrashesUnreliable4B(t *testing.T) {
	cfg := makeConfig(t, 3, false, true)
	cfg.begin("transfers while leaders of the shard and coordinator groups crash, over an unreliable network")
	runBank(cfg, 4, 0, func(stop <-chan struct{}) {
		for i := 0; i < 5; i++ {
			time.Sleep(time.Duration(150+cfg.rng.Intn(150)) * time.Millisecond)
			g := cfg.rng.Intn(cfg.n + 1)
			l := cfg.leaderOf(g)
			cfg.crashServer(g, l)
			time.Sleep(time.Duration(200+cfg.rng.Intn(300)) * time.Millisecond)
			cfg.startServer(g, l)
		}
		time.Sleep(300 * time.Millisecond)
	})
}

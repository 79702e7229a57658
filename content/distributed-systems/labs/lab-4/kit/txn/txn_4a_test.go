package txn

// 4A 的测试：两阶段提交。不要修改这个文件。

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"dslabs/labnet"
)

func TestCommitOneShard4A(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("a transaction on one shard commits")
	k := cfg.keyOn(1, "x")
	cfg.mustCommit(nil, map[string]string{k: "1"})
	if v := cfg.get(k); v != "1" {
		t.Fatalf("after committing %s=1, Get(%q) = %q", k, k, v)
	}
	cfg.end(cfg.checkHistory())
}

func TestCommitAcrossShards4A(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("a transaction writes three shards atomically")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	cfg.mustCommit(nil, map[string]string{a: "1", b: "2", c: "3"})
	for k, want := range map[string]string{a: "1", b: "2", c: "3"} {
		if v := cfg.get(k); v != want {
			t.Fatalf("after the commit, Get(%q) = %q, want %q", k, v, want)
		}
	}
	cfg.mustCommit(map[string]string{a: "1", c: "3"}, map[string]string{a: "10", b: "20"})
	if v := cfg.get(b); v != "20" {
		t.Fatalf("after the second commit, Get(%q) = %q, want 20", b, v)
	}
	cfg.end(cfg.checkHistory())
}

func TestNoVoteAbortsEverywhere4A(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("one NO vote aborts the transaction on every shard")
	a, b, c := cfg.keyOn(0, "a"), cfg.keyOn(1, "b"), cfg.keyOn(2, "c")
	cfg.mustCommit(nil, map[string]string{a: "1", b: "1", c: "1"})
	// 对 c 的读期望是错的，所以分片 2 投反对票；分片 0 和 1 投赞成票。
	tx, rec := cfg.mkTxn(map[string]string{a: "1", b: "1", c: "stale"},
		map[string]string{a: "2", b: "2", c: "2"})
	if o := cfg.submit(tx, rec, submitDeadline); o != aborted {
		t.Fatalf("Submit(%s) = %v, want aborted: shard 2 holds c=1 but the transaction expected %q",
			tx.ID, o, "stale")
	}
	for _, k := range []string{a, b, c} {
		if v := cfg.get(k); v != "1" {
			t.Fatalf("after the abort, Get(%q) = %q, want the old value 1", k, v)
		}
	}
	// 中止之后锁必须已经释放：同样的键上的下一个事务能提交。
	cfg.mustCommit(map[string]string{a: "1", b: "1", c: "1"}, map[string]string{a: "3", b: "3", c: "3"})
	cfg.end(cfg.checkHistory())
}

// prepare、decide 让测试直接扮演协调者：把调用发给分片组的领导者。
func (cfg *config) prepare(shard int, tx Txn) bool {
	cfg.t.Helper()
	var reply PrepareReply
	for end := time.Now().Add(submitDeadline); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cfg.ask(shard, func(e *labnet.Endpoint) (bool, bool) {
			reply = PrepareReply{}
			ok := e.Call("Participant.Prepare", &PrepareArgs{Txn: tx}, &reply)
			return ok, reply.WrongLeader
		}) {
			return reply.Yes
		}
	}
	cfg.t.Fatalf("Participant.Prepare(%s): no server of shard %d answered as leader in %v", tx.ID, shard, submitDeadline)
	return false
}

func (cfg *config) decide(shard int, id string, commit bool) {
	cfg.t.Helper()
	for end := time.Now().Add(submitDeadline); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cfg.ask(shard, func(e *labnet.Endpoint) (bool, bool) {
			var reply DecideReply
			ok := e.Call("Participant.Decide", &DecideArgs{ID: id, Commit: commit}, &reply)
			return ok, reply.WrongLeader
		}) {
			return
		}
	}
	cfg.t.Fatalf("Participant.Decide(%s): no server of shard %d answered as leader in %v", id, shard, submitDeadline)
}

func (cfg *config) wantGet(key, value string, locked bool, why string) {
	cfg.t.Helper()
	for end := time.Now().Add(settleDeadline); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if r, ok := cfg.getOnce(key); ok {
			if r.Value != value || r.Locked != locked {
				cfg.t.Fatalf("Get(%q) = {Value: %q, Locked: %v}, want {Value: %q, Locked: %v}: %s",
					key, r.Value, r.Locked, value, locked, why)
			}
			return
		}
	}
	cfg.t.Fatalf("Get(%q): no server of shard %d answered as leader in %v", key, ShardOf(key, cfg.n), settleDeadline)
}

func w(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func TestParticipantPrepareDecide4A(t *testing.T) {
	cfg := makeConfig(t, 1, true, false) // 没有协调者：测试自己发 Prepare 和 Decide
	cfg.begin("a participant votes, holds locks until the decision, and ignores duplicates")
	x, y := cfg.keyOn(0, "x"), cfg.keyOn(0, "y")
	t1 := Txn{ID: "t1", Writes: w(x, "1")}
	if !cfg.prepare(0, t1) {
		t.Fatalf("Prepare(t1) on an idle shard voted NO, want YES")
	}
	if !cfg.prepare(0, t1) {
		t.Fatalf("a duplicate Prepare(t1) voted NO: a prepared transaction must vote YES again")
	}
	cfg.wantGet(x, "", true, "t1 is prepared, so x is locked and still has its committed value")
	if cfg.prepare(0, Txn{ID: "t2", Writes: w(x, "2")}) {
		t.Fatalf("Prepare(t2) voted YES although t1 holds the lock on x")
	}
	if cfg.prepare(0, Txn{ID: "t3", Reads: w(x, "")}) {
		t.Fatalf("Prepare(t3), which only reads x, voted YES although t1 holds the lock on x")
	}
	if !cfg.prepare(0, Txn{ID: "t4", Writes: w(y, "4")}) {
		t.Fatalf("Prepare(t4) on key y voted NO, but only x is locked")
	}
	cfg.decide(0, "t1", true)
	cfg.wantGet(x, "1", false, "t1 committed")
	cfg.decide(0, "t1", true)
	cfg.wantGet(x, "1", false, "a duplicate COMMIT changes nothing")
	// t5 覆盖 x，然后一个迟到的重复 COMMIT(t1) 不能把 x 改回 1。
	if !cfg.prepare(0, Txn{ID: "t5", Reads: w(x, "1"), Writes: w(x, "5")}) {
		t.Fatalf("Prepare(t5) voted NO; x=1 is unlocked and matches its read")
	}
	cfg.decide(0, "t5", true)
	cfg.decide(0, "t1", true)
	cfg.wantGet(x, "5", false, "a late duplicate COMMIT(t1) must not apply t1's writes again")
	// 中止：写不生效，锁释放；中止之后迟到的 Prepare 投反对票，也不再加锁。
	cfg.decide(0, "t4", false)
	cfg.wantGet(y, "", false, "t4 aborted")
	if cfg.prepare(0, Txn{ID: "t4", Writes: w(y, "4")}) {
		t.Fatalf("a Prepare(t4) that arrives after ABORT(t4) voted YES; it must vote NO")
	}
	cfg.wantGet(y, "", false, "a late Prepare(t4) must not lock y again")
	if cfg.prepare(0, Txn{ID: "t6", Reads: w(x, "1"), Writes: w(x, "6")}) {
		t.Fatalf("Prepare(t6) voted YES although it expected x=1 and x is 5")
	}
	cfg.decide(0, "t6", false)
	cfg.wantGet(x, "5", false, "t6 voted NO and aborted")
	cfg.end(0)
}

func TestConcurrentDisjoint4A(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("concurrent transactions on disjoint keys all commit")
	var wg sync.WaitGroup
	errs := make(chan string, 5)
	for c := 0; c < 5; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			a, b := cfg.keyOn(c%3, fmt.Sprintf("c%d-a", c)), cfg.keyOn((c+1)%3, fmt.Sprintf("c%d-b", c))
			for i := 0; i < 10; i++ {
				// 上一个事务的决定可能还在路上：等自己的键解锁再提交下一个。
				if !cfg.waitUnlocked(a) || !cfg.waitUnlocked(b) {
					errs <- fmt.Sprintf("client %d: keys %s, %s still locked after %v", c, a, b, settleDeadline)
					return
				}
				if id, o := cfg.tryCommit(nil, w(a, fmt.Sprint(i), b, fmt.Sprint(i))); o != committed {
					errs <- fmt.Sprintf("client %d: Submit(%s) = %v, want committed: no other transaction "+
						"touches its keys", c, id, o)
					return
				}
			}
		}(c)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	cfg.end(cfg.checkHistory())
}

// runBank 让 nclients 个客户端在 dur 内并发转账，然后检查总额和原子性。
func runBank(cfg *config, nclients int, dur time.Duration, during func(stop <-chan struct{})) {
	b := cfg.makeBank(6, 100)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for c := 0; c < nclients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				from := (c + i) % len(b.accts)
				to := (from + 1 + i%(len(b.accts)-1)) % len(b.accts)
				b.transfer(from, to, submitDeadline)
			}
		}(c)
	}
	start := time.Now()
	if during != nil {
		during(stop)
	} else {
		time.Sleep(dur)
	}
	close(stop)
	wg.Wait()
	b.checkTotal()
	n := cfg.checkHistory()
	if n < 2 {
		cfg.t.Fatalf("only %d transactions committed in %v; the clients made no progress", n, time.Since(start).Round(time.Millisecond))
	}
	cfg.end(n)
}

func TestConcurrentOverlap4A(t *testing.T) {
	cfg := makeConfig(t, 3, true, true)
	cfg.begin("concurrent transfers on overlapping keys keep the total")
	runBank(cfg, 4, 1500*time.Millisecond, nil)
}

func TestUnreliable4A(t *testing.T) {
	cfg := makeConfig(t, 3, false, true)
	cfg.begin("concurrent transfers over an unreliable network")
	runBank(cfg, 4, 2*time.Second, nil)
}

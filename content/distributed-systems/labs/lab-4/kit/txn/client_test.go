package txn

// 测试的客户端操作与检查器（checker）。不要修改这个文件。

import (
	"fmt"
	"sort"
	"strconv"
	"sync"
	"time"

	"dslabs/labnet"
)

// keyOn 返回一个以 name 开头、落在分片 shard 上的键。
func (cfg *config) keyOn(shard int, name string) string {
	for i := 0; ; i++ {
		k := fmt.Sprintf("%s.%d", name, i)
		if ShardOf(k, cfg.n) == shard {
			return k
		}
	}
}

// getOnce 向键所在的分片组发一次 Get（组里每台服务器至多试一次）。
func (cfg *config) getOnce(key string) (GetReply, bool) {
	var reply GetReply
	ok := cfg.ask(ShardOf(key, cfg.n), func(end *labnet.Endpoint) (bool, bool) {
		reply = GetReply{}
		ok := end.Call("Participant.Get", &GetArgs{Key: key}, &reply)
		return ok, reply.WrongLeader
	})
	return reply, ok
}

// get 返回键的已提交值；键被已准备的事务锁住时等它解锁，最多等 settleDeadline。
func (cfg *config) get(key string) string {
	cfg.t.Helper()
	deadline := time.Now().Add(settleDeadline)
	reached := false
	for time.Now().Before(deadline) {
		r, ok := cfg.getOnce(key)
		if ok && !r.Locked {
			return r.Value
		}
		reached = reached || ok
		time.Sleep(10 * time.Millisecond)
	}
	s := ShardOf(key, cfg.n)
	if !reached {
		cfg.t.Fatalf("Get(%q): no server of shard %d answered as leader in %v", key, s, settleDeadline)
	}
	cfg.t.Fatalf("Get(%q): shard %d still reports the key Locked after %v: a prepared transaction "+
		"never learned its decision (the coordinator must deliver it, or the participant must ask "+
		"Coordinator.Status) and never released its locks", key, s, settleDeadline)
	return ""
}

// waitUnlocked 等键解锁，最多等 settleDeadline；可以在测试的 goroutine 之外调用。
func (cfg *config) waitUnlocked(key string) bool {
	for end := time.Now().Add(settleDeadline); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if r, ok := cfg.getOnce(key); ok && !r.Locked {
			return true
		}
	}
	return false
}

// locked 报告键当前是否被已准备的事务锁住（分片不可达时报告 false, false）。
func (cfg *config) locked(key string) (bool, bool) {
	r, ok := cfg.getOnce(key)
	return r.Locked, ok
}

// outcome 是客户端知道的事务结果。
type outcome int

const (
	unknown outcome = iota // Submit 一直没有得到回复
	committed
	aborted
)

func (o outcome) String() string {
	return [...]string{"unknown", "committed", "aborted"}[o]
}

// record 是历史中的一个事务：它在每个涉及的分片上写了一个标记键（marker）。
type record struct {
	id      string
	markers map[int]string // 分片 → 标记键
	result  outcome
}

type history struct {
	mu   sync.Mutex
	recs []*record
	ids  int
}

// mkTxn 造一个事务，并在它涉及的每个分片上加一个标记键（值为事务 ID），供检查器判断
// 这个事务在每个分片上是否生效。
func (cfg *config) mkTxn(reads, writes map[string]string) (Txn, *record) {
	h := cfg.hist
	h.mu.Lock()
	h.ids++
	id := fmt.Sprintf("T%d", h.ids)
	h.mu.Unlock()
	t := Txn{ID: id, Reads: map[string]string{}, Writes: map[string]string{}}
	rec := &record{id: id, markers: map[int]string{}}
	for k, v := range reads {
		t.Reads[k] = v
		rec.markers[ShardOf(k, cfg.n)] = ""
	}
	for k, v := range writes {
		t.Writes[k] = v
		rec.markers[ShardOf(k, cfg.n)] = ""
	}
	for s := range rec.markers {
		m := cfg.keyOn(s, "marker/"+id)
		rec.markers[s] = m
		t.Writes[m] = id
	}
	h.mu.Lock()
	h.recs = append(h.recs, rec)
	h.mu.Unlock()
	return t, rec
}

// submitOnce 向协调者组发一次 Submit（组里每台服务器至多试一次）。
func (cfg *config) submitOnce(t Txn) (bool, bool) {
	var reply SubmitReply
	ok := cfg.ask(cfg.n, func(end *labnet.Endpoint) (bool, bool) {
		reply = SubmitReply{}
		ok := end.Call("Coordinator.Submit", &SubmitArgs{Txn: t}, &reply)
		return ok, reply.WrongLeader
	})
	return reply.Committed, ok
}

// submit 提交事务，没有回复时用同一个 ID 重试，最多 wait；结果记进历史。
func (cfg *config) submit(t Txn, rec *record, wait time.Duration) outcome {
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		c, ok := cfg.submitOnce(t)
		if ok {
			o := aborted
			if c {
				o = committed
			}
			cfg.hist.mu.Lock()
			rec.result = o
			cfg.hist.mu.Unlock()
			return o
		}
		time.Sleep(20 * time.Millisecond)
	}
	return unknown
}

// tries 是 tryCommit 最多提交几个事务：领导者换届时 PREPARE 可能超时，正确的协调者
// 这时会中止，客户端换一个新事务重试。
const tries = 3

// tryCommit 提交一个以 reads 为前提、写 writes 的事务；中止了就隔一会儿用新的 ID 再提交，
// 最多 tries 个。返回最后一个事务的 ID 和结果。
func (cfg *config) tryCommit(reads, writes map[string]string) (string, outcome) {
	var id string
	o := aborted
	for i := 0; i < tries && o == aborted; i++ {
		if i > 0 {
			time.Sleep(100 * time.Millisecond)
		}
		t, rec := cfg.mkTxn(reads, writes)
		id, o = t.ID, cfg.submit(t, rec, submitDeadline)
	}
	return id, o
}

// mustCommit 提交一个必须成功的事务（允许因换届而重试，见 tryCommit）。
func (cfg *config) mustCommit(reads, writes map[string]string) string {
	cfg.t.Helper()
	id, o := cfg.tryCommit(reads, writes)
	switch o {
	case aborted:
		cfg.t.Fatalf("Submit(%s) = aborted, want committed (reads %v, writes %v; %d tries; no other "+
			"transaction touched its keys and every shard group had a majority up)", id, reads, writes, tries)
	case unknown:
		cfg.t.Fatalf("Submit(%s): no reply from the coordinator group in %v", id, submitDeadline)
	}
	return id
}

// checkHistory 是检查器：对历史中的每个事务，它涉及的所有分片必须一致（都有或都没有它的
// 标记）；Submit 说已提交的，所有分片都必须有；说已中止的，所有分片都必须没有。
// 它用 get 读，所以也检查了每个已准备的事务最终得知决定、释放了锁。
func (cfg *config) checkHistory() (ncommit int) {
	cfg.t.Helper()
	cfg.hist.mu.Lock()
	recs := append([]*record(nil), cfg.hist.recs...)
	cfg.hist.mu.Unlock()
	for _, rec := range recs {
		var have, miss []int
		for s, m := range rec.markers {
			if cfg.get(m) == rec.id {
				have = append(have, s)
			} else {
				miss = append(miss, s)
			}
		}
		sort.Ints(have)
		sort.Ints(miss)
		cfg.hist.mu.Lock()
		res := rec.result
		cfg.hist.mu.Unlock()
		switch {
		case len(have) > 0 && len(miss) > 0:
			cfg.t.Fatalf("transaction %s (Submit said %v): shards %v applied its writes but shards %v "+
				"did not; every shard must reach the same decision", rec.id, res, have, miss)
		case res == committed && len(miss) > 0:
			cfg.t.Fatalf("transaction %s: Submit said committed, but its writes are missing on shards %v: "+
				"a committed write was lost", rec.id, miss)
		case res == aborted && len(have) > 0:
			cfg.t.Fatalf("transaction %s: Submit said aborted, but shards %v applied its writes", rec.id, have)
		}
		if len(miss) == 0 {
			ncommit++
		}
	}
	return ncommit
}

// bank 是并发测试用的一组账户：转账事务读两个账户、写两个账户，总额不变。
type bank struct {
	cfg   *config
	accts []string
	total int
}

func (cfg *config) makeBank(naccts, each int) *bank {
	b := &bank{cfg: cfg, total: naccts * each}
	w := map[string]string{}
	for i := 0; i < naccts; i++ {
		a := cfg.keyOn(i%cfg.n, fmt.Sprintf("acct%d", i))
		b.accts = append(b.accts, a)
		w[a] = strconv.Itoa(each)
	}
	cfg.mustCommit(nil, w)
	return b
}

// transfer 从 from 转 1 到 to：先读两个余额，再提交一个以读到的值为前提的事务。
func (b *bank) transfer(from, to int, wait time.Duration) outcome {
	cfg := b.cfg
	ka, kb := b.accts[from], b.accts[to]
	va, oka := cfg.getOnce(ka)
	vb, okb := cfg.getOnce(kb)
	if !oka || !okb || va.Locked || vb.Locked {
		return aborted // 没读到，这次不转
	}
	x, _ := strconv.Atoi(va.Value)
	y, _ := strconv.Atoi(vb.Value)
	t, rec := cfg.mkTxn(map[string]string{ka: va.Value, kb: vb.Value},
		map[string]string{ka: strconv.Itoa(x - 1), kb: strconv.Itoa(y + 1)})
	return cfg.submit(t, rec, wait)
}

// checkTotal 检查所有账户的总额不变：丢失更新（lost update）会破坏它。
func (b *bank) checkTotal() {
	cfg := b.cfg
	cfg.t.Helper()
	sum := 0
	vals := []string{}
	for _, a := range b.accts {
		v := cfg.get(a)
		x, err := strconv.Atoi(v)
		if err != nil {
			cfg.t.Fatalf("account %s = %q, not a number", a, v)
		}
		sum += x
		vals = append(vals, v)
	}
	if sum != b.total {
		cfg.t.Fatalf("the accounts sum to %d (balances %v), want %d: two transfers that overlapped both "+
			"committed on stale reads (a participant must hold its locks from PREPARE until the decision, "+
			"and vote NO when a read no longer matches)", sum, vals, b.total)
	}
}

func (cfg *config) begin(desc string) {
	cfg.t.Helper()
	cfg.t.Logf("Test: %s ...", desc)
}

func (cfg *config) end(ncommit int) {
	cfg.t.Helper()
	cfg.t.Logf("  ... Passed -- %4.1fs, %d transactions committed, %d RPCs",
		time.Since(cfg.start).Seconds(), ncommit, cfg.net.TotalRPCs())
}

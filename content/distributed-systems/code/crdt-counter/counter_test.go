package crdt

import (
	"math/rand"
	"os"
	"strconv"
	"testing"
)

// seed 可以用环境变量 CRDT_SEED 覆盖；失败时打印出来，便于重现。
func seed(t *testing.T) int64 {
	s := int64(1)
	if v := os.Getenv("CRDT_SEED"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("CRDT_SEED=%q: %v", v, err)
		}
		s = n
	}
	t.Logf("seed %d (override with CRDT_SEED)", s)
	return s
}

func randomCounter(r *rand.Rand) GCounter {
	g := GCounter{}
	for _, id := range []string{"a", "b", "c"} {
		if r.Intn(3) > 0 {
			g[id] = uint64(r.Intn(10))
		}
	}
	return g
}

func merged(x, y GCounter) GCounter {
	m := x.Clone()
	m.Merge(y)
	return m
}

// equal 比较两个状态的每一项（缺失的项当作 0）。
func equal(x, y GCounter) bool {
	for id := range merged(x, y) {
		if x[id] != y[id] {
			return false
		}
	}
	return true
}

// 合并是半格的并：交换、结合、幂等。把合并写成逐项相加的版本在幂等性上失败：
// 同一份状态投递两次就被数了两次。
func TestMergeIsSemilatticeJoin(t *testing.T) {
	r := rand.New(rand.NewSource(seed(t)))
	for i := 0; i < 500; i++ {
		x, y, z := randomCounter(r), randomCounter(r), randomCounter(r)
		if !equal(merged(x, y), merged(y, x)) {
			t.Fatalf("not commutative: %v %v", x, y)
		}
		if !equal(merged(merged(x, y), z), merged(x, merged(y, z))) {
			t.Fatalf("not associative: %v %v %v", x, y, z)
		}
		if !equal(merged(x, x), x) {
			t.Fatalf("not idempotent: merge(%v, itself) = %v", x, merged(x, x))
		}
	}
}

// 三个副本各自增加，然后以随机顺序、带重复地互相发送状态；
// 只要每个副本最终都收到过其他每个副本的最新状态，大家的值都等于增量之和。
func TestReplicasConvergeUnderReorderAndDuplication(t *testing.T) {
	r := rand.New(rand.NewSource(seed(t)))
	ids := []string{"a", "b", "c"}
	for trial := 0; trial < 100; trial++ {
		replicas := map[string]GCounter{"a": {}, "b": {}, "c": {}}
		var total uint64
		for i := 0; i < 30; i++ {
			id := ids[r.Intn(3)]
			n := uint64(r.Intn(5) + 1)
			replicas[id].Inc(id, n)
			total += n
			if r.Intn(3) == 0 { // 偶尔发一次旧状态，之后可能再发一次（重复投递）
				from, to := ids[r.Intn(3)], ids[r.Intn(3)]
				replicas[to].Merge(replicas[from].Clone())
			}
		}
		for round := 0; round < 2; round++ { // 最后两轮全互发，顺序随机
			for _, k := range r.Perm(9) {
				from, to := ids[k/3], ids[k%3]
				replicas[to].Merge(replicas[from].Clone())
			}
		}
		for _, id := range ids {
			if got := replicas[id].Value(); got != total {
				t.Fatalf("trial %d: replica %s has %d, want %d", trial, id, got, total)
			}
		}
	}
}

// PN-Counter：并发的增减在合并后都被计入；它可以变成负数，
// 这正是“库存不能小于零”这类不变式不能只靠 CRDT 保证的原因。
func TestPNCounterConcurrentDecrements(t *testing.T) {
	a, b := NewPNCounter(), NewPNCounter()
	a.Inc("a", 1) // 库存 1 件
	b.Merge(a.Clone())
	a.Dec("a", 1) // 两个副本在分区期间各卖出一件
	b.Dec("b", 1)
	a.Merge(b.Clone())
	b.Merge(a.Clone())
	a.Merge(b.Clone()) // 重复投递
	if a.Value() != -1 || b.Value() != -1 {
		t.Fatalf("after two concurrent sales of one item: a=%d b=%d, want -1 and -1", a.Value(), b.Value())
	}
}

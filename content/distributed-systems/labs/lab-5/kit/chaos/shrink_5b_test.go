package chaos

// 5B 的测试：Shrink 必须返回原历史的一个子序列，它仍然违反线性一致性，而且去掉其中任何
// 一个操作就不再违反（1-minimal）。不要修改这个文件。

import (
	"math/rand"
	"testing"
	"time"

	"dslabs/kvsvc"
	"dslabs/labnet"
	"dslabs/linz"
)

func verdict(h []linz.Op) linz.Verdict { return linz.Check(h, 5*time.Second).Verdict }

// isCounterexample reports whether s is Illegal and explains its reads.
func isCounterexample(s []linz.Op) bool { return verdict(s) == linz.Illegal && Explained(s) }

// checkShrunk fails unless s is a 1-minimal explained Illegal sub-history of h.
func checkShrunk(t *testing.T, h, s []linz.Op) {
	t.Helper()
	if len(s) == 0 {
		t.Fatalf("Shrink returned nothing for an illegal history of %d operations", len(h))
	}
	j := 0
	for _, op := range s {
		for j < len(h) && h[j] != op {
			j++
		}
		if j == len(h) {
			t.Fatalf("Shrink returned %v, which is not an operation of the history, or is out of order", op)
		}
		j++
	}
	if v := verdict(s); v != linz.Illegal {
		t.Fatalf("the shrunk history (%d operations) is %v, not Illegal", len(s), v)
	}
	if !Explained(s) {
		t.Fatalf("the shrunk history (%d operations) has a Get whose value its writes cannot produce", len(s))
	}
	for i := range s {
		rest := append(append([]linz.Op(nil), s[:i]...), s[i+1:]...)
		if isCounterexample(rest) {
			t.Fatalf("the shrunk history has %d operations but is not minimal: without %v it is "+
				"still an explained Illegal history", len(s), s[i])
		}
	}
}

func TestShrinkHandBuilt5B(t *testing.T) {
	put := func(c int, k, v string, call, ret int64) linz.Op {
		return linz.Op{Client: c, Kind: linz.Put, Key: k, Value: v, Call: call, Return: ret}
	}
	get := func(c int, k, out string, call, ret int64) linz.Op {
		return linz.Op{Client: c, Kind: linz.Get, Key: k, Output: out, Call: call, Return: ret}
	}
	h := []linz.Op{
		put(0, "y", "a", 0, 10),
		get(1, "y", "a", 12, 20),
		put(0, "x", "1", 20, 30),
		get(1, "x", "1", 35, 45),
		put(2, "x", "2", 50, 60),
		get(1, "y", "a", 55, 65),
		{Client: 0, Kind: linz.Append, Key: "x", Value: "z", Call: 52, Return: linz.Pending},
		get(0, "x", "", 70, 80), // stale: both Puts returned before it was called
		get(2, "x", "2", 90, 95),
	}
	s := Shrink(h)
	checkShrunk(t, h, s)
	if len(s) != 2 || s[0].Kind != linz.Put || s[1] != h[7] {
		t.Fatalf("Shrink returned %v; a smallest counterexample is one of the Puts on x and "+
			"the Get that returned \"\" after it", s)
	}
}

func TestShrinkLeavesLinearizableAlone5B(t *testing.T) {
	h := []linz.Op{
		{Client: 0, Kind: linz.Put, Key: "x", Value: "1", Call: 0, Return: 10},
		{Client: 1, Kind: linz.Append, Key: "x", Value: "2", Call: 5, Return: 15},
		{Client: 2, Kind: linz.Get, Key: "x", Output: "12", Call: 20, Return: 30},
	}
	if s := Shrink(h); s != nil {
		t.Fatalf("Shrink of a linearizable history returned %v, want nil", s)
	}
}

// plantedNemesis is the kit's own schedule for the 5B tests: every fault kind in turn.
func plantedNemesis(c *Cluster, rng *rand.Rand, stop <-chan struct{}) {
	for i := 0; ; i++ {
		switch i % 3 {
		case 0:
			c.SetDrops(true)
		case 1:
			c.Partition()
		case 2:
			c.CrashPrimary()
		}
		select {
		case <-stop:
			return
		case <-time.After(time.Duration(30+rng.Intn(60)) * time.Millisecond):
		}
		c.healAll()
		select {
		case <-stop:
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func shrinkPlanted(t *testing.T, v kvsvc.Variant) {
	base := labnet.Seed(t)
	for i := int64(0); i < 6; i++ {
		r := Run(v, base+i, plantedNemesis)
		if r.Result.Verdict != linz.Illegal {
			continue
		}
		s := Shrink(r.History)
		checkShrunk(t, r.History, s)
		t.Logf("%v: %d operations shrunk to %d:\n%s", v, len(r.History), len(s), linz.Check(s, 0).Explain())
		return
	}
	t.Fatalf("the kit's own nemesis found no %v violation in 6 runs from seed %d", v, base)
}

func TestShrinkDupApply5B(t *testing.T)   { shrinkPlanted(t, kvsvc.DupApply) }
func TestShrinkStaleRead5B(t *testing.T)  { shrinkPlanted(t, kvsvc.StaleRead) }
func TestShrinkNoRecovery5B(t *testing.T) { shrinkPlanted(t, kvsvc.NoRecovery) }

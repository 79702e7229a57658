package chaos

// 5A 的测试：用你的 MyNemesis 驱动每个埋了错误的变体，在有限次带种子的运行里必须找出
// 违反线性一致性的历史；在正确的变体上，它必须注入全部三类故障，而且找不出任何违反。
// 不要修改这个文件。

import (
	"testing"

	"dslabs/kvsvc"
	"dslabs/labnet"
	"dslabs/linz"
)

// runsPerBug is how many seeded runs a nemesis gets to expose one planted bug.
const runsPerBug = 6

// runsOnCorrect is how many seeded runs of the correct service must show no violation.
const runsOnCorrect = 4

func findBug(t *testing.T, v kvsvc.Variant) {
	base := labnet.Seed(t)
	for i := int64(0); i < runsPerBug; i++ {
		r := Run(v, base+i, MyNemesis)
		t.Log(r)
		if r.Result.Verdict == linz.Illegal {
			t.Logf("found it:\n%s", r.Result.Explain())
			return
		}
		if len(r.Injected) == 0 {
			t.Fatalf("%v: MyNemesis injected no fault at all in a %v run (seed %d)", v, RunTime, r.Seed)
		}
	}
	t.Fatalf("%v: MyNemesis found no violation in %d runs (seeds %d…%d); "+
		"which kind of fault does this bug need, and does your schedule give the clients time to see its effect?",
		v, runsPerBug, base, base+runsPerBug-1)
}

func TestFindsDupApply5A(t *testing.T)   { findBug(t, kvsvc.DupApply) }
func TestFindsStaleRead5A(t *testing.T)  { findBug(t, kvsvc.StaleRead) }
func TestFindsNoRecovery5A(t *testing.T) { findBug(t, kvsvc.NoRecovery) }

func TestCorrectServicePasses5A(t *testing.T) {
	base := labnet.Seed(t)
	for i := int64(0); i < runsOnCorrect; i++ {
		r := Run(kvsvc.Correct, base+i, MyNemesis)
		t.Log(r)
		for _, f := range []string{FaultDrops, FaultPartition, FaultCrash} {
			if r.Injected[f] == 0 {
				t.Fatalf("MyNemesis injected no %q fault in a %v run (seed %d); a schedule that "+
					"finds nothing on a correct service proves nothing unless it really injures it",
					f, RunTime, r.Seed)
			}
		}
		if r.Result.Verdict != linz.Ok {
			t.Fatalf("the correct service failed the check (seed %d): %v\n%s",
				r.Seed, r.Result.Verdict, r.Result.Explain())
		}
	}
}

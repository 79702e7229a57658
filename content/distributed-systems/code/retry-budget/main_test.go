package main

import "testing"

var (
	everywhere = policy{"3 attempts everywhere", [3]int{3, 3, 3}, false}
	apiOnly    = policy{"retry only at api", [3]int{1, 1, 3}, false}
	budgeted   = policy{"3 attempts + budget", [3]int{3, 3, 3}, true}
)

// 预算的不变式：从空桶开始，任何时刻重试次数都不超过首次请求数的 1/every（10%）。
// 判断写成“桶里还有额度就放行、再扣”（credit > 0 而不是 credit >= every）的版本
// 在第一个请求上就多放行一次。
func TestBudgetNeverExceedsRatio(t *testing.T) {
	b := newBudget()
	allowed := 0
	for i := 1; i <= 1000; i++ {
		b.firstAttempt()
		for j := 0; j < 3; j++ { // 每个请求都想重试 3 次
			if b.allowRetry() {
				allowed++
			}
		}
		if allowed*budgetEvery > i {
			t.Fatalf("after %d requests: %d retries, more than 1/%d", i, allowed, budgetEvery)
		}
	}
	if allowed != 1000/budgetEvery {
		t.Fatalf("allowed %d retries over 1000 requests, want %d", allowed, 1000/budgetEvery)
	}
}

// 下游完全不可用时：不设预算，放大是逐层相乘的 3^3 = 27 倍；
// 设了预算，每层至多 1.1 倍，storage 至多 1.1^3 倍，而且一个请求也救不回来。
func TestDownstreamDownAmplification(t *testing.T) {
	const users = 1000
	if r := run(everywhere, 1.0, users); r.storage != 27*users || r.ok != 0 {
		t.Fatalf("no budget: storage %d ok %d, want %d and 0", r.storage, r.ok, 27*users)
	}
	if r := run(apiOnly, 1.0, users); r.storage != 3*users {
		t.Fatalf("retry only at api: storage %d, want %d", r.storage, 3*users)
	}
	r := run(budgeted, 1.0, users)
	for _, layer := range []struct {
		name          string
		got, upstream int
	}{{"frontend", r.frontend, users}, {"api", r.api, r.frontend}, {"storage", r.storage, r.api}} {
		if float64(layer.got) > 1.1*float64(layer.upstream) {
			t.Errorf("budget: %s received %d, more than 1.1 x %d", layer.name, layer.got, layer.upstream)
		}
	}
	if r.ok != 0 {
		t.Errorf("budget: %d requests succeeded against a dead storage", r.ok)
	}
}

// 偶发的独立失败（5%）时，预算几乎不妨碍重试：救回的请求与不设预算时相差无几。
func TestBudgetStillRetriesTransientErrors(t *testing.T) {
	free := run(everywhere, 0.05, 1000)
	limited := run(budgeted, 0.05, 1000)
	if free.ok != 1000 {
		t.Fatalf("no budget: %d ok, want 1000", free.ok)
	}
	if limited.ok < 995 {
		t.Fatalf("budget: only %d of 1000 ok under 5%% independent failures", limited.ok)
	}
}

// 相同种子、相同策略，两次运行结果完全相同：讲义里的表格可以复现。
func TestDeterministic(t *testing.T) {
	if a, b := run(budgeted, 0.3, 1000), run(budgeted, 0.3, 1000); a != b {
		t.Fatalf("two runs differ: %+v vs %+v", a, b)
	}
}

// 预算不能把健康时期没用掉的额度存起来留到故障时花：否则一段长时间的健康运行之后，
// 下游一旦完全不可用，这一层仍会按满 3 次去重试，直到攒下的额度花光。
// 一层、最多 3 次尝试、10% 预算：先 100000 个健康请求，再 1000 个全部失败的请求，
// 故障期间下游收到的请求不得超过 1.1 倍再加桶的容量（一次允许的突发）。
func TestBudgetDoesNotBankHealthyAllowance(t *testing.T) {
	storage := &Storage{failRate: 0, seed: 42}
	layer := &Caller{maxAttempts: 3, budget: newBudget(), next: storage}
	for i := 0; i < 100000; i++ {
		layer.Handle()
	}
	storage.failRate = 1.0
	before := storage.received
	const outage = 1000
	for i := 0; i < outage; i++ {
		layer.Handle()
	}
	got := storage.received - before
	if limit := outage + outage/budgetEvery + budgetBurst; got > limit {
		t.Fatalf("after a healthy period storage received %d requests for %d failing ones, more than %d (1.1x + burst %d)",
			got, outage, limit, budgetBurst)
	}
}

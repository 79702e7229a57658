package main

import "testing"

var (
	everywhere = policy{"3 attempts everywhere", [3]int{3, 3, 3}, false}
	apiOnly    = policy{"retry only at api", [3]int{1, 1, 3}, false}
	budgeted   = policy{"3 attempts + budget", [3]int{3, 3, 3}, true}
)

// 预算的不变式：任何时刻，重试次数都不超过首次请求数的 ratio 倍。
// 判断写成 retries > ratio*requests（先放行、后比较）的版本在第一个请求上就多放行一次。
func TestBudgetNeverExceedsRatio(t *testing.T) {
	b := &Budget{ratio: 0.1}
	allowed := 0
	for i := 1; i <= 1000; i++ {
		b.firstAttempt()
		for j := 0; j < 3; j++ { // 每个请求都想重试 3 次
			if b.allowRetry() {
				allowed++
			}
		}
		if float64(b.retries) > b.ratio*float64(b.requests) {
			t.Fatalf("after %d requests: %d retries, more than %.0f%%", i, b.retries, 100*b.ratio)
		}
	}
	if allowed != 100 {
		t.Fatalf("allowed %d retries over 1000 requests, want 100", allowed)
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

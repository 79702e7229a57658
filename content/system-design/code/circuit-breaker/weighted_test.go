package main

import (
	"errors"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// pool 造出名字为 a、b、c… 的健康后端（不发网络请求，只供策略选择）。
func pool(weights ...int) []*Backend {
	var bs []*Backend
	for i, w := range weights {
		u := &url.URL{Scheme: "http", Host: string(rune('a' + i))}
		b := NewBackend(u, w, &Breaker{maxFailures: 1, cooldown: time.Minute, now: time.Now})
		b.healthy.Store(true)
		bs = append(bs, b)
	}
	return bs
}

// picks 让 lb 的策略在 lb.candidates 上选 n 次，返回所选后端名字连成的串。
func picks(t *testing.T, lb *Balancer, n int) string {
	t.Helper()
	var sb strings.Builder
	for i := 0; i < n; i++ {
		b, err := lb.strategy.Pick(nil, lb.candidates(nil))
		if err != nil {
			t.Fatalf("pick %d: %v", i+1, err)
		}
		sb.WriteString(b.URL.Host)
	}
	return sb.String()
}

func TestSmoothWeightedSequence511(t *testing.T) {
	lb := &Balancer{pool: pool(5, 1, 1), strategy: NewSmoothWeighted()}
	if got := picks(t, lb, 7); got != "aabacaa" {
		t.Fatalf("first period = %q, want aabacaa", got)
	}
	// 后两个周期完全重复：跨过周期边界，a 连续 4 次
	if got := picks(t, lb, 14); got != "aabacaaaabacaa" {
		t.Fatalf("next two periods = %q, want aabacaaaabacaa", got)
	}
}

func TestSmoothWeightedSkipsDownBackendAndKeepsRatio(t *testing.T) {
	lb := &Balancer{pool: pool(3, 2, 1), strategy: NewSmoothWeighted()}
	lb.pool[2].healthy.Store(false) // c 被主动检查判为 DOWN
	got := picks(t, lb, 50)
	if strings.Contains(got, "c") {
		t.Fatalf("down backend c was picked: %q", got)
	}
	// c 的份额按 3:2 分给 a、b：每 5 次里 a 3 次、b 2 次，而不是 c 的份额全给一台
	for i := 0; i < len(got); i += 5 {
		if w := got[i : i+5]; strings.Count(w, "a") != 3 || strings.Count(w, "b") != 2 {
			t.Fatalf("window %q of %q: want 3 a and 2 b", w, got)
		}
	}
	lb.pool[2].healthy.Store(true) // c 恢复：之后每 6 次里又是 3:2:1
	got = picks(t, lb, 60)
	for i := 0; i < len(got); i += 6 {
		w := got[i : i+6]
		if strings.Count(w, "a") != 3 || strings.Count(w, "b") != 2 || strings.Count(w, "c") != 1 {
			t.Fatalf("after recovery, window %q of %q: want 3 a, 2 b, 1 c", w, got)
		}
	}
}

// 正文练习“下线的后端该不该继续攒分”的数字：a 下线期间既不加分也不计入 total，
// 回来时带着离开时的 current=1，不会把攒下的份额一口气补回来。
func TestSmoothWeightedRecoveredBackendGetsNoBurst(t *testing.T) {
	lb := &Balancer{pool: pool(5, 1, 1), strategy: NewSmoothWeighted()}
	if got := picks(t, lb, 3); got != "aab" {
		t.Fatalf("first 3 = %q, want aab", got)
	}
	lb.pool[0].healthy.Store(false)
	if got := picks(t, lb, 7); got != "ccccbcb" {
		t.Fatalf("a down: %q, want ccccbcb (b=-4, c=3 carried over)", got)
	}
	lb.pool[0].healthy.Store(true)
	if got := picks(t, lb, 7); got != "aacaaba" {
		t.Fatalf("a back: %q, want aacaaba; a burst means a kept gaining while down", got)
	}
}

func TestSmoothWeightedAllDownIsAnError(t *testing.T) {
	lb := &Balancer{pool: pool(5, 1, 1), strategy: NewSmoothWeighted()}
	for _, b := range lb.pool {
		b.healthy.Store(false)
	}
	if b, err := lb.strategy.Pick(nil, lb.candidates(nil)); !errors.Is(err, ErrNoBackend) {
		t.Fatalf("all down: got %v, %v; want ErrNoBackend", b, err)
	}
	if rec := serve(lb, "GET"); rec.Code != 503 {
		t.Fatalf("all down: balancer answered %d, want 503", rec.Code)
	}
}

func TestWeightZeroIsDrained(t *testing.T) {
	lb := &Balancer{pool: pool(2, 0, 1), strategy: NewSmoothWeighted()}
	if got := picks(t, lb, 30); strings.Contains(got, "b") {
		t.Fatalf("weight-0 backend b was picked: %q", got)
	}
	// 排空由 candidates 负责，对每种策略都成立：最少连接在大家都空闲时会选排在前面的 a
	lc := &Balancer{pool: pool(0, 1), strategy: LeastConn{}}
	if got := picks(t, lc, 3); got != "bbb" {
		t.Fatalf("least_conn with a drained: %q, want bbb", got)
	}
	// 策略单独使用时也不能把权重 0 的后端当成可选：只剩权重 0 的候选者等于没有候选者
	if b, err := NewSmoothWeighted().Pick(nil, lb.pool[1:2]); !errors.Is(err, ErrNoBackend) {
		t.Fatalf("only weight 0: got %v, %v; want ErrNoBackend", b, err)
	}
}

func TestSmoothWeightedConcurrentPicksKeepExactShares(t *testing.T) {
	lb := &Balancer{pool: pool(5, 1, 1), strategy: NewSmoothWeighted()}
	const workers, each = 8, 700 // 5600 次 = 800 个完整周期
	var mu sync.Mutex
	count := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				b, err := lb.strategy.Pick(nil, lb.candidates(nil))
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				count[b.URL.Host]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if count["a"] != 4000 || count["b"] != 800 || count["c"] != 800 {
		t.Fatalf("counts %v, want a=4000 b=800 c=800", count)
	}
}

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
	// 排空由每个策略自己负责：最少连接在大家都空闲时本会选排在前面的 a，轮询本会轮到 a
	for _, s := range []Strategy{LeastConn{}, &RoundRobin{}} {
		lc := &Balancer{pool: pool(0, 1), strategy: s}
		if got := picks(t, lc, 3); got != "bbb" {
			t.Fatalf("%T with a drained: %q, want bbb", s, got)
		}
	}
	// 策略单独使用时也不能把权重 0 的后端当成可选：只剩权重 0 的候选者等于没有候选者
	for _, s := range []Strategy{NewSmoothWeighted(), LeastConn{}, &RoundRobin{}} {
		if b, err := s.Pick(nil, lb.pool[1:2]); !errors.Is(err, ErrNoBackend) {
			t.Fatalf("%T, only weight 0: got %v, %v; want ErrNoBackend", s, b, err)
		}
		if b, err := s.Pick(nil, nil); !errors.Is(err, ErrNoBackend) {
			t.Fatalf("%T, no candidates: got %v, %v; want ErrNoBackend", s, b, err)
		}
	}
}

// 正文的例子：a 在途 6、权重 3（每单位权重 2 个），b 在途 3、权重 1（每单位权重 3 个），该选 a。
// 在“比较方向写反（选最忙的）”和“不看权重只比在途数”的版本上都失败。
func TestLeastConnComparesActivePerWeight(t *testing.T) {
	c := pool(3, 1)
	c[0].active.Store(6)
	c[1].active.Store(3)
	if b, _ := (LeastConn{}).Pick(nil, c); b != c[0] {
		t.Fatalf("picked %s, want a (6/3 < 3/1)", b.URL.Host)
	}
	c = pool(1, 1, 1)
	c[0].active.Store(2)
	c[2].active.Store(1)
	if b, _ := (LeastConn{}).Pick(nil, c); b != c[1] {
		t.Fatalf("active 2,0,1: picked %s, want the idle b", b.URL.Host)
	}
	c[1].active.Store(1) // a 2、b 1、c 1：并列时取排在前面的 b
	if b, _ := (LeastConn{}).Pick(nil, c); b != c[1] {
		t.Fatalf("tie between b and c: picked %s, want b", b.URL.Host)
	}
}

// 在“总是返回第一个候选者”的版本上失败。
func TestRoundRobinRotatesOverCurrentCandidates(t *testing.T) {
	lb := &Balancer{pool: pool(1, 1, 1), strategy: &RoundRobin{}}
	if got := picks(t, lb, 6); got != "abcabc" {
		t.Fatalf("round robin = %q, want abcabc", got)
	}
	lb.pool[1].healthy.Store(false) // b 下线：计数器照走，在剩下的 a、c 之间轮流
	if got := picks(t, lb, 4); got != "acac" {
		t.Fatalf("with b down = %q, want acac", got)
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

// 负载均衡器的转发部分：后端、候选者筛选、策略、ReverseProxy 的两个钩子与重试。
// 熔断器 Breaker 与记账 tryBackend 在同目录的 main.go 里。
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
)

// ANCHOR: backend
type Backend struct {
	URL     *url.URL
	Weight  int
	proxy   *httputil.ReverseProxy
	healthy atomic.Bool  // 主动健康检查的结论；零值是 DOWN
	active  atomic.Int64 // 在途请求数（最少连接用）
	breaker *Breaker     // 被动健康检查：真实流量的失败触发熔断
}

// Available 同时看主动检查与熔断器：两者都放行才算候选。
func (b *Backend) Available() bool {
	return b.healthy.Load() && b.breaker.Ready()
}

// ANCHOR_END: backend

// ANCHOR: hooks
// attempt 记下一次转发的结果；它放在请求的 context 里，由两个钩子填写。
type attempt struct{ err error }

type attemptKey struct{}

// errUpstream：没有拿到后端的响应（连接失败、超时）。此时还没向客户端写任何字节，可以换一台。
var errUpstream = errors.New("upstream unreachable")

func NewBackend(u *url.URL, weight int, br *Breaker) *Backend {
	b := &Backend{URL: u, Weight: weight, breaker: br, proxy: httputil.NewSingleHostReverseProxy(u)}
	b.proxy.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		r.Context().Value(attemptKey{}).(*attempt).err = fmt.Errorf("%w: %v", errUpstream, err)
	}
	b.proxy.ModifyResponse = func(resp *http.Response) error {
		if resp.StatusCode >= 500 { // 5xx 计为一次失败，但响应照常转发给客户端
			a := resp.Request.Context().Value(attemptKey{}).(*attempt)
			a.err = fmt.Errorf("upstream status %d", resp.StatusCode)
		}
		return nil
	}
	return b
}

// ANCHOR_END: hooks

// ANCHOR: strategies
// Strategy 只负责“从候选者中选一个”；谁是候选者由健康检查决定。
// 权重 0 表示排空（drain），由策略自己跳过：候选者为空，或者没有一个权重大于 0 时，
// 返回 ErrNoBackend。这样策略单独拿去用也不会把流量发给排空中的后端。
type Strategy interface {
	Pick(r *http.Request, candidates []*Backend) (*Backend, error)
}

var ErrNoBackend = errors.New("no available backend")

// RoundRobin 在权重大于 0 的候选者之间轮流选（不看权重大小）。
type RoundRobin struct{ next atomic.Uint64 }

func (rr *RoundRobin) Pick(_ *http.Request, c []*Backend) (*Backend, error) {
	n := 0
	for _, b := range c {
		if b.Weight > 0 {
			n++
		}
	}
	if n == 0 {
		return nil, ErrNoBackend
	}
	k := (rr.next.Add(1) - 1) % uint64(n) // 第 k 个权重大于 0 的候选者
	for _, b := range c {
		if b.Weight > 0 {
			if k == 0 {
				return b, nil
			}
			k--
		}
	}
	panic("unreachable")
}

type LeastConn struct{}

func (LeastConn) Pick(_ *http.Request, c []*Backend) (*Backend, error) {
	var best *Backend
	for _, b := range c {
		if b.Weight <= 0 {
			continue
		}
		// 比较 active/weight，交叉相乘避免浮点：a1/w1 < a2/w2  <=>  a1*w2 < a2*w1
		if best == nil || b.active.Load()*int64(best.Weight) < best.active.Load()*int64(b.Weight) {
			best = b
		}
	}
	if best == nil {
		return nil, ErrNoBackend
	}
	return best, nil
}

// ANCHOR_END: strategies

type Balancer struct {
	pool     []*Backend
	strategy Strategy
}

// ANCHOR: serve
func (lb *Balancer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// 只有没有请求体的安全方法才自动换一台重试：POST 可能已经在第一台上执行过了。
	retryable := (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.ContentLength == 0
	maxTries := 1
	if retryable {
		maxTries = 2
	}
	var tried *Backend
	var lastErr error
	for try := 0; try < maxTries; try++ {
		b, ticket := lb.pick(r, tried)
		if b == nil {
			break
		}
		a := &attempt{}
		ctx := context.WithValue(r.Context(), attemptKey{}, a)
		out := tryBackend(&b.active, b.breaker, ticket, func() Outcome {
			b.proxy.ServeHTTP(w, r.WithContext(ctx))
			if r.Context().Err() != nil {
				return Cancelled
			}
			if a.err != nil {
				return Failed
			}
			return Succeeded
		})
		if out == Cancelled {
			return // 客户端自己放弃了：既不算后端的错，也不必重试；探测名额已交还
		}
		if out == Succeeded || !errors.Is(a.err, errUpstream) {
			return // 成功，或者已经把响应（哪怕是 5xx）交给了客户端
		}
		tried, lastErr = b, a.err
	}
	if lastErr != nil {
		http.Error(w, "upstream failed", http.StatusBadGateway)
		return
	}
	// 优雅降级：没有可用后端时快速失败，并告诉客户端多久后再试，而不是让它挂着等超时。
	w.Header().Set("Retry-After", "5")
	http.Error(w, "no healthy upstream", http.StatusServiceUnavailable)
}

// ANCHOR_END: serve

// ANCHOR: pick
// candidates 是可用且这次请求还没试过的后端。权重 0（排空）的后端仍在其中：
// 它照常接受健康检查，跳过它是策略的事（见 Strategy）。
func (lb *Balancer) candidates(tried *Backend) []*Backend {
	var c []*Backend
	for _, b := range lb.pool {
		if b != tried && b.Available() {
			c = append(c, b)
		}
	}
	return c
}

// pick 选一个后端并向它的熔断器要一张票。Ready（筛选候选者时）和 Allow 之间，
// 别的请求可能已经拿走了半开状态唯一的探测名额：这时把它从候选者里去掉再选，
// 不算一次尝试——否则只能尝试一次的 POST 会在其他后端都健康时拿到 503。
func (lb *Balancer) pick(r *http.Request, tried *Backend) (*Backend, Ticket) {
	c := lb.candidates(tried)
	for len(c) > 0 {
		b, err := lb.strategy.Pick(r, c)
		if err != nil {
			break // 候选者都不能接流量（比如权重都是 0）：与没有候选者一样，503
		}
		if ticket, err := b.breaker.Allow(); err == nil {
			return b, ticket
		}
		rest := make([]*Backend, 0, len(c)-1)
		for _, x := range c {
			if x != b {
				rest = append(rest, x)
			}
		}
		c = rest
	}
	return nil, 0
}

// ANCHOR_END: pick

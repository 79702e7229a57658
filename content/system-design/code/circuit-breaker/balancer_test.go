package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// upstream 是一个数着自己被调用次数的后端；status 为 0 时它已关闭（连接被拒绝）。
type upstream struct {
	calls int64
	b     *Backend
}

func newUpstream(t *testing.T, status int) *upstream {
	t.Helper()
	return newUpstreamFunc(t, status, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) })
}

// newUpstreamFunc 与 newUpstream 相同，但由 handle 决定怎样回答。
func newUpstreamFunc(t *testing.T, status int, handle http.HandlerFunc) *upstream {
	t.Helper()
	u := &upstream{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&u.calls, 1)
		handle(w, r)
	}))
	t.Cleanup(srv.Close)
	target, _ := url.Parse(srv.URL)
	if status == 0 {
		srv.Close() // 地址还在，但没人监听：ReverseProxy 会调用 ErrorHandler
	}
	u.b = NewBackend(target, 1, &Breaker{maxFailures: 1, cooldown: time.Minute, now: time.Now})
	u.b.healthy.Store(true)
	return u
}

func serve(lb *Balancer, method string) *httptest.ResponseRecorder {
	var body *strings.Reader
	if method == http.MethodPost {
		body = strings.NewReader("order")
	} else {
		body = strings.NewReader("")
	}
	rec := httptest.NewRecorder()
	lb.ServeHTTP(rec, httptest.NewRequest(method, "/", body))
	return rec
}

func TestGetMovesToNextCandidateOnUpstreamError(t *testing.T) {
	down, up := newUpstream(t, 0), newUpstream(t, http.StatusOK)
	lb := &Balancer{pool: []*Backend{down.b, up.b}, strategy: &RoundRobin{}}
	if rec := serve(lb, http.MethodGet); rec.Code != http.StatusOK {
		t.Fatalf("GET got %d, want 200 from the second backend", rec.Code)
	}
	if up.calls != 1 {
		t.Fatalf("second backend called %d times, want 1", up.calls)
	}
	if down.b.breaker.state != Open {
		t.Fatalf("the unreachable backend's breaker is %v, want open", down.b.breaker.state)
	}
	if down.b.active.Load() != 0 || up.b.active.Load() != 0 {
		t.Fatal("active counts must return to 0")
	}
}

func TestPostIsNotRetried(t *testing.T) {
	down, up := newUpstream(t, 0), newUpstream(t, http.StatusOK)
	lb := &Balancer{pool: []*Backend{down.b, up.b}, strategy: &RoundRobin{}}
	if rec := serve(lb, http.MethodPost); rec.Code != http.StatusBadGateway {
		t.Fatalf("POST got %d, want 502", rec.Code)
	}
	if up.calls != 0 {
		t.Fatalf("POST was sent again to another backend (%d calls): it may already have run", up.calls)
	}
}

func TestAllTrippedGives503(t *testing.T) {
	a, b := newUpstream(t, http.StatusOK), newUpstream(t, http.StatusOK)
	for _, u := range []*upstream{a, b} {
		ticket, _ := u.b.breaker.Allow()
		u.b.breaker.Record(ticket, false) // maxFailures 1：断开
	}
	lb := &Balancer{pool: []*Backend{a.b, b.b}, strategy: LeastConn{}}
	rec := serve(lb, http.MethodGet)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("got %d Retry-After=%q, want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	if a.calls+b.calls != 0 {
		t.Fatal("a tripped backend was called")
	}
}

func TestServerErrorCountsAsFailureAndIsForwarded(t *testing.T) {
	bad, good := newUpstream(t, http.StatusInternalServerError), newUpstream(t, http.StatusOK)
	lb := &Balancer{pool: []*Backend{bad.b, good.b}, strategy: &RoundRobin{}}
	if rec := serve(lb, http.MethodGet); rec.Code != http.StatusInternalServerError {
		t.Fatalf("got %d, want the backend's 500 forwarded", rec.Code)
	}
	if good.calls != 0 {
		t.Fatal("a 5xx already written to the client must not be retried")
	}
	if bad.b.breaker.state != Open {
		t.Fatalf("breaker after a 500 is %v, want open (maxFailures 1)", bad.b.breaker.state)
	}
}

// stealProbe 模拟 Ready 与 Allow 之间的并发：策略选之前，另一个请求先拿走了 victim 半开状态的探测名额。
type stealProbe struct {
	inner  Strategy
	victim *Backend
	stolen bool
}

func (s *stealProbe) Pick(r *http.Request, c []*Backend) (*Backend, error) {
	if !s.stolen {
		s.stolen = true
		if _, err := s.victim.breaker.Allow(); err != nil {
			panic("the victim should still have had its probe slot")
		}
	}
	return s.inner.Pick(r, c)
}

// 在“pick 遇到探测名额已被拿走就放弃”的版本上失败：POST 只能试一次，拿到 503。
func TestPickChoosesAgainWhenProbeSlotIsTaken(t *testing.T) {
	half, up := newUpstream(t, http.StatusOK), newUpstream(t, http.StatusOK)
	ticket, _ := half.b.breaker.Allow()
	half.b.breaker.Record(ticket, false) // maxFailures 1：断开
	half.b.breaker.cooldown = 0         // 冷却期已过：Ready 为真，它仍是候选者
	lb := &Balancer{pool: []*Backend{half.b, up.b}}
	lb.strategy = &stealProbe{inner: &RoundRobin{}, victim: half.b} // 轮询先选 half
	if rec := serve(lb, http.MethodPost); rec.Code != http.StatusOK {
		t.Fatalf("POST got %d, want 200 from the healthy backend", rec.Code)
	}
	if half.calls != 0 || up.calls != 1 {
		t.Fatalf("calls: half-open %d, healthy %d; want 0 and 1", half.calls, up.calls)
	}
	if half.b.breaker.state != HalfOpen || !half.b.breaker.probing {
		t.Fatal("the other request's probe must still hold the slot")
	}
}

// 在“客户端取消也记为后端失败”的版本上失败：熔断器断开，还会换第二台重试。
func TestClientCancelIsNotABackendFailure(t *testing.T) {
	arrived := make(chan struct{})
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	slow := newUpstreamFunc(t, http.StatusOK, func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		select { // 不回答，直到负载均衡器断开连接
		case <-r.Context().Done():
		case <-release:
		}
	})
	other := newUpstream(t, http.StatusOK)
	lb := &Balancer{pool: []*Backend{slow.b, other.b}, strategy: &RoundRobin{}}

	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequest(http.MethodGet, "/", nil).WithContext(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		lb.ServeHTTP(httptest.NewRecorder(), req)
	}()
	<-arrived
	cancel() // 客户端在请求途中放弃
	<-done

	for _, u := range []*upstream{slow, other} {
		if br := u.b.breaker; br.state != Closed || br.failures != 0 {
			t.Fatalf("%s: breaker %v with %d failures after a client cancel, want closed with 0",
				u.b.URL.Host, br.state, br.failures)
		}
		if u.b.active.Load() != 0 {
			t.Fatalf("%s: active = %d, want 0", u.b.URL.Host, u.b.active.Load())
		}
	}
	if other.calls != 0 {
		t.Fatalf("a cancelled request was retried on the second backend (%d calls)", other.calls)
	}
}

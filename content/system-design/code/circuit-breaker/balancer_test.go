package main

import (
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
	u := &upstream{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&u.calls, 1)
		w.WriteHeader(status)
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

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
)

// server 数一数处理器真正执行了几次，并检查每次都收到了完整的请求体。
func server(t *testing.T, executed *int64) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method == http.MethodPost && string(b) != "charge 10" {
			t.Errorf("server got body %q", b)
		}
		atomic.AddInt64(executed, 1)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func send(t *testing.T, ft *FaultyTransport, url string, n int) (ok int) {
	t.Helper()
	c := &http.Client{Transport: ft}
	for i := 0; i < n; i++ {
		resp, err := c.Post(url, "text/plain", strings.NewReader("charge 10"))
		if err == nil {
			resp.Body.Close()
			ok++
		}
	}
	return ok
}

func faulty(seed int64) *FaultyTransport {
	ft := NewFaultyTransport(http.DefaultTransport, seed)
	ft.DropRate, ft.LoseRate, ft.DupRate = 0.2, 0.1, 0.1
	return ft
}

func TestSameSeedSameFaults(t *testing.T) {
	var n int64
	srv := server(t, &n)
	a, b, c := faulty(42), faulty(42), faulty(43)
	send(t, a, srv.URL, 50)
	send(t, b, srv.URL, 50)
	send(t, c, srv.URL, 50)
	if !reflect.DeepEqual(a.Log, b.Log) {
		t.Fatalf("seed 42 gave two sequences:\n%v\n%v", a.Log, b.Log)
	}
	if reflect.DeepEqual(a.Log, c.Log) {
		t.Fatalf("seeds 42 and 43 gave the same sequence %v", a.Log)
	}
}

func TestDropRateWithinBounds(t *testing.T) {
	var n int64
	srv := server(t, &n)
	ft := NewFaultyTransport(http.DefaultTransport, 1)
	ft.DropRate = 0.3
	const total = 1000
	ok := send(t, ft, srv.URL, total)
	drops := total - ok
	// 二项分布 n=1000、p=0.3：标准差约 14.5，±60 是四个标准差以上；种子固定，结果不会抖动。
	if drops < 240 || drops > 360 {
		t.Fatalf("%d of %d requests dropped, want about 300", drops, total)
	}
	if got := atomic.LoadInt64(&n); got != int64(ok) {
		t.Fatalf("server executed %d requests, client saw %d successes; a dropped request must not arrive", got, ok)
	}
}

func TestDuplicateIsDeliveredTwice(t *testing.T) {
	var n int64
	srv := server(t, &n)
	ft := NewFaultyTransport(http.DefaultTransport, 1)
	ft.DupRate = 1
	if ok := send(t, ft, srv.URL, 3); ok != 3 {
		t.Fatalf("%d of 3 duplicated requests succeeded, want 3", ok)
	}
	if got := atomic.LoadInt64(&n); got != 6 {
		t.Fatalf("server executed %d times for 3 duplicated requests, want 6", got)
	}
}

func TestLostResponseWasExecuted(t *testing.T) {
	var n int64
	srv := server(t, &n)
	ft := NewFaultyTransport(http.DefaultTransport, 1)
	ft.LoseRate = 1
	if ok := send(t, ft, srv.URL, 2); ok != 0 {
		t.Fatalf("%d responses got through, want none", ok)
	}
	if got := atomic.LoadInt64(&n); got != 2 {
		t.Fatalf("server executed %d times, want 2: the request arrives, only the response is lost", got)
	}
}

// 读不回来的请求体不能复制：照常发一次，而不是发一个空请求体。
func TestDuplicateWithoutGetBodySendsOnce(t *testing.T) {
	var n int64
	srv := server(t, &n)
	ft := NewFaultyTransport(http.DefaultTransport, 1)
	ft.DupRate = 1
	req, _ := http.NewRequest(http.MethodPost, srv.URL, io.NopCloser(strings.NewReader("charge 10")))
	req.GetBody = nil
	resp, err := ft.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := atomic.LoadInt64(&n); got != 1 {
		t.Fatalf("server executed %d times, want 1", got)
	}
}

package main

import (
	"context"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"testing"
)

const valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

func TestParseRoundTrip(t *testing.T) {
	sc, err := ParseTraceparent(valid)
	if err != nil || !sc.Sampled {
		t.Fatalf("ParseTraceparent(%q) = %+v, %v", valid, sc, err)
	}
	if got := sc.Traceparent(); got != valid {
		t.Fatalf("round trip: got %q, want %q", got, valid)
	}
}

func TestParseRejectsInvalid(t *testing.T) {
	for _, h := range []string{
		"",
		"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",        // 版本 ff 无效
		"00-00000000000000000000000000000000-00f067aa0ba902b7-01",        // 全零 trace-id
		"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",        // 全零 parent-id
		"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",        // 大写
		"00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",        // 大写
		"0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",        // 大写版本
		"zz-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",        // 版本不是十六进制
		"00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",         // trace-id 太短
		"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",         // parent-id 太短
		"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",         // 标志位太短
		"00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",        // 非十六进制
		"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",  // 版本 00 恰好四段
		"01-4bf92f3577b34da6a3ce929d0e0e4736-00000000000000000-01-extra", // 未来版本也按 00 的规则
	} {
		if sc, err := ParseTraceparent(h); err == nil {
			t.Errorf("ParseTraceparent(%q) = %+v, want an error", h, sc)
		}
	}
}

func TestParseFutureVersionReadsFirstFourFields(t *testing.T) {
	h := "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-what-comes-next"
	sc, err := ParseTraceparent(h)
	if err != nil {
		t.Fatalf("ParseTraceparent(%q): %v", h, err)
	}
	if sc.Sampled || sc.Traceparent() != "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00" {
		t.Fatalf("ParseTraceparent(%q) = %+v", h, sc)
	}
}

// twoServices 搭起 order → inventory 两个服务，返回 inventory 收到的 traceparent。
// propagate 为 false 时订单服务不带 context、不 Inject：模拟断链。
func twoServices(t *testing.T, tr *Tracer, propagate bool) string {
	t.Helper()
	var got string
	inv := httptest.NewServer(Middleware(tr, "GET /stock", func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("traceparent")
	}))
	defer inv.Close()
	order := httptest.NewServer(Middleware(tr, "POST /orders", func(w http.ResponseWriter, r *http.Request) {
		ctx, call := tr.Start(r.Context(), "HTTP GET inventory")
		defer call.End()
		var req *http.Request
		var err error
		if propagate {
			req, err = http.NewRequestWithContext(ctx, http.MethodGet, inv.URL, nil)
			Inject(ctx, req)
		} else {
			req, err = http.NewRequest(http.MethodGet, inv.URL, nil)
		}
		if err != nil {
			t.Error(err)
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return
		}
		resp.Body.Close()
	}))
	defer order.Close()
	resp, err := http.Post(order.URL, "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return got
}

func TestUnsampledTraceStillPropagates(t *testing.T) {
	tr := &Tracer{rng: rand.New(rand.NewSource(1)), ratio: 0}
	h := twoServices(t, tr, true)
	sc, err := ParseTraceparent(h)
	if err != nil || sc.Sampled {
		t.Fatalf("downstream got %q (%v); want a valid traceparent with flags 00", h, err)
	}
	if len(tr.finished) != 0 {
		t.Fatalf("ratio 0 exported %d spans, want 0", len(tr.finished))
	}
}

func TestBrokenPropagationStartsNewTree(t *testing.T) {
	for _, propagate := range []bool{true, false} {
		tr := &Tracer{rng: rand.New(rand.NewSource(1)), ratio: 1}
		twoServices(t, tr, propagate)
		roots := 0
		traces := map[[16]byte]bool{}
		for _, s := range tr.finished {
			traces[s.Ctx.TraceID] = true
			if s.ParentID == ([8]byte{}) {
				roots++
			}
		}
		want := 1
		if !propagate {
			want = 2 // 库存服务的 span 成了一棵新树的根
		}
		if roots != want || len(traces) != want {
			t.Errorf("propagate=%v: %d roots in %d traces, want %d and %d", propagate, roots, len(traces), want, want)
		}
	}
}

func TestMiddlewareIgnoresBadHeader(t *testing.T) {
	tr := &Tracer{rng: rand.New(rand.NewSource(1)), ratio: 1}
	var sc SpanContext
	h := Middleware(tr, "GET /", func(w http.ResponseWriter, r *http.Request) {
		sc = r.Context().Value(spanKey{}).(SpanContext)
	})
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("traceparent", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	h(httptest.NewRecorder(), req.WithContext(context.Background()))
	if tr.finished[0].ParentID != ([8]byte{}) || sc.TraceID == ([16]byte{}) {
		t.Fatalf("a bad header must start a new trace, got parent %x", tr.finished[0].ParentID)
	}
}

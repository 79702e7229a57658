package main

import (
	"context"
	"net/http"
	"testing"
)

const (
	traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	spanID  = "00f067aa0ba902b7"
)

func header(v string) http.Header {
	h := http.Header{}
	h.Set("traceparent", v)
	return h
}

func extracted(t *testing.T, v string) (SpanContext, bool) {
	t.Helper()
	sc, ok := Extract(context.Background(), header(v)).Value(spanKey{}).(SpanContext)
	return sc, ok
}

func TestExtractValid(t *testing.T) {
	for _, c := range []struct {
		flags   string
		sampled bool
	}{{"01", true}, {"00", false}, {"03", true}, {"02", false}} {
		sc, ok := extracted(t, "00-"+traceID+"-"+spanID+"-"+c.flags)
		if !ok || sc.Sampled != c.sampled {
			t.Errorf("flags %s: ok=%v sampled=%v, want ok, sampled=%v", c.flags, ok, sc.Sampled, c.sampled)
		}
		if got := sc.TraceID; got[0] != 0x4b || got[15] != 0x36 {
			t.Errorf("flags %s: trace ID %x", c.flags, got)
		}
	}
}

// 坏的 traceparent 一律忽略（开始新 trace），而不是带着一个假父亲继续。
// 只按 "== 01" 判断采样的版本在 "03" 上失败；不查全零 ID 的版本在全零用例上失败。
func TestExtractRejectsMalformed(t *testing.T) {
	zeros32 := "00000000000000000000000000000000"
	bad := []string{
		"",
		"00-" + traceID + "-" + spanID,                               // 少一段
		"ff-" + traceID + "-" + spanID + "-01",                       // 版本 ff 永远无效
		"0g-" + traceID + "-" + spanID + "-01",                       // 版本不是十六进制
		"00-" + traceID + "-" + spanID + "-01-x",                     // 版本 00 恰好四段，多一段无效
		"01-" + traceID + "-" + spanID + "-1-x",                      // 未来版本也要按 00 的规则读前四段
		"00-" + traceID[:30] + "-" + spanID + "-01",                  // trace-id 太短
		"00-" + traceID + "-" + spanID + "0-01",                      // parent-id 太长
		"00-" + "4BF92F3577B34DA6A3CE929D0E0E4736-" + spanID + "-01", // 大写
		"00-" + "zz" + traceID[2:] + "-" + spanID + "-01",            // 非十六进制
		"00-" + zeros32 + "-" + spanID + "-01",                       // 全零 trace-id
		"00-" + traceID + "-0000000000000000-01",                     // 全零 parent-id
		"00-" + traceID + "-" + spanID + "-1",                        // 标志位一位
		"00-" + traceID + "-" + spanID + "-xx",                       // 标志位非十六进制
	}
	for _, v := range bad {
		if sc, ok := extracted(t, v); ok {
			t.Errorf("traceparent %q accepted as %+v", v, sc)
		}
	}
}

// 未来版本（01 到 fe）按版本 00 的规则读前四段，后面多出的字段忽略（W3C Trace Context §3.2.4）：
// 一个还不认识新版本的服务不应因此把调用链截断。只认 "00" 的版本在这里失败。
func TestExtractFutureVersion(t *testing.T) {
	for _, v := range []string{
		"01-" + traceID + "-" + spanID + "-01",
		"cc-" + traceID + "-" + spanID + "-01-what-the-future-will-be-like",
	} {
		sc, ok := extracted(t, v)
		if !ok || !sc.Sampled || sc.TraceID[0] != 0x4b || sc.SpanID[7] != 0xb7 {
			t.Errorf("future version %q: got %+v ok=%v, want it parsed as version 00", v, sc, ok)
		}
	}
}

// 没有当前 span 时 Inject 不写头、也不 panic；有 span 时写出的头能被 Extract 原样读回。
func TestInjectRoundTrip(t *testing.T) {
	h := http.Header{}
	Inject(context.Background(), h)
	if v := h.Get("traceparent"); v != "" {
		t.Fatalf("no span in context, but Inject wrote %q", v)
	}
	ctx, span := StartSpan(context.Background(), "svc", "op")
	Inject(ctx, h)
	sc, ok := Extract(context.Background(), h).Value(spanKey{}).(SpanContext)
	if !ok || sc != span.SC {
		t.Fatalf("round trip: got %+v ok=%v, want %+v", sc, ok, span.SC)
	}
}

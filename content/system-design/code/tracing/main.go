// 本周项目三：不依赖第三方库的最小链路追踪。
// 解析与生成 W3C traceparent，用 context 在进程内传播，用 HTTP 头跨服务传播，用内存导出器收集 span。
package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

type SpanContext struct {
	TraceID [16]byte
	SpanID  [8]byte
	Sampled bool
}

// Traceparent 按 W3C Trace Context 编码：version-traceid-parentid-flags。
func (sc SpanContext) Traceparent() string {
	flags := "00"
	if sc.Sampled {
		flags = "01"
	}
	return "00-" + hex.EncodeToString(sc.TraceID[:]) + "-" + hex.EncodeToString(sc.SpanID[:]) + "-" + flags
}

// ANCHOR: parse
var errBadTraceparent = errors.New("invalid traceparent")

// ParseTraceparent 按 W3C Trace Context 解析 traceparent 头。
// 更高的版本（01 到 fe）按版本 00 的规则读前四段、忽略其后的字段，
// 这样新版本的上游不会让还不认识它的服务把调用链截断。
func ParseTraceparent(h string) (SpanContext, error) {
	var sc SpanContext
	parts := strings.Split(h, "-")
	if len(parts) < 4 || len(parts[0]) != 2 || len(parts[1]) != 32 || len(parts[2]) != 16 || len(parts[3]) != 2 {
		return sc, errBadTraceparent
	}
	if parts[0] == "ff" || (parts[0] == "00" && len(parts) != 4) {
		return sc, errBadTraceparent // ff 是非法版本；版本 00 恰好四段
	}
	for _, p := range parts[:4] {
		if strings.ToLower(p) != p {
			return sc, errBadTraceparent // 规范要求小写十六进制
		}
	}
	var version, flags [1]byte
	if _, err := hex.Decode(version[:], []byte(parts[0])); err != nil {
		return sc, errBadTraceparent // 版本也必须是两位十六进制：zz、0g 都不合法
	}
	if _, err := hex.Decode(sc.TraceID[:], []byte(parts[1])); err != nil {
		return sc, errBadTraceparent
	}
	if _, err := hex.Decode(sc.SpanID[:], []byte(parts[2])); err != nil {
		return sc, errBadTraceparent
	}
	if _, err := hex.Decode(flags[:], []byte(parts[3])); err != nil {
		return sc, errBadTraceparent
	}
	if sc.TraceID == [16]byte{} || sc.SpanID == [8]byte{} {
		return sc, errBadTraceparent // 全零的 ID 无效
	}
	sc.Sampled = flags[0]&1 == 1
	return sc, nil
}

// ANCHOR_END: parse

type Span struct {
	Name     string
	Ctx      SpanContext
	ParentID [8]byte
	Attrs    []string
	tracer   *Tracer
}

func (s *Span) SetAttr(k, v string) { s.Attrs = append(s.Attrs, k+"="+v) }

// End 把采样了的 span 交给导出器；没采样的 span 只用于传播上下文，不记录。
func (s *Span) End() {
	if s.Ctx.Sampled {
		s.tracer.mu.Lock()
		s.tracer.finished = append(s.tracer.finished, s)
		s.tracer.mu.Unlock()
	}
}

type Tracer struct {
	mu       sync.Mutex
	rng      *rand.Rand // 固定种子：演示输出可重现；生产中用 crypto/rand
	ratio    float64    // 根 span 的采样率
	finished []*Span
}

type spanKey struct{}

// Start 以 context 里的 span 为父；没有父 span 时开启一条新 trace，并在此做头部采样决定。
func (t *Tracer) Start(ctx context.Context, name string) (context.Context, *Span) {
	t.mu.Lock()
	s := &Span{Name: name, tracer: t}
	t.rng.Read(s.Ctx.SpanID[:])
	if parent, ok := ctx.Value(spanKey{}).(SpanContext); ok {
		s.Ctx.TraceID, s.ParentID, s.Ctx.Sampled = parent.TraceID, parent.SpanID, parent.Sampled // 尊重上游的决定
	} else {
		t.rng.Read(s.Ctx.TraceID[:])
		s.Ctx.Sampled = t.rng.Float64() < t.ratio
	}
	t.mu.Unlock()
	return context.WithValue(ctx, spanKey{}, s.Ctx), s
}

// Inject / Extract：跨进程传播就是把 SpanContext 写进请求头、再从请求头里读出来。
func Inject(ctx context.Context, req *http.Request) {
	if sc, ok := ctx.Value(spanKey{}).(SpanContext); ok {
		req.Header.Set("traceparent", sc.Traceparent())
	}
}

func Middleware(t *Tracer, name string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if sc, err := ParseTraceparent(r.Header.Get("traceparent")); err == nil {
			ctx = context.WithValue(ctx, spanKey{}, sc) // 远端的 span 成为本地 span 的父
		}
		ctx, span := t.Start(ctx, name)
		defer span.End()
		span.SetAttr("url.path", r.URL.Path) // 具体路径；低基数的路由模板 http.route 应由路由器提供
		next(w, r.WithContext(ctx))
	}
}

func main() {
	tracer := &Tracer{rng: rand.New(rand.NewSource(42)), ratio: 1.0}

	// 库存服务：另一个“进程”，只通过 HTTP 头知道调用链。
	inventory := httptest.NewServer(Middleware(tracer, "GET /stock", func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("inventory got traceparent: %s\n", r.Header.Get("traceparent"))
		_, db := tracer.Start(r.Context(), "SELECT stock")
		db.SetAttr("db.system", "postgresql")
		db.End()
		fmt.Fprint(w, "in stock")
	}))
	defer inventory.Close()

	// 订单服务：处理请求时调用库存服务，出站请求有自己的客户端 span。
	order := httptest.NewServer(Middleware(tracer, "POST /orders", func(w http.ResponseWriter, r *http.Request) {
		ctx, call := tracer.Start(r.Context(), "HTTP GET inventory")
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, inventory.URL+"/stock", nil)
		Inject(ctx, req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			call.SetAttr("error", err.Error())
		} else {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			call.SetAttr("http.status_code", fmt.Sprint(resp.StatusCode))
		}
		call.End()
		fmt.Fprint(w, "created")
	}))
	defer order.Close()

	// 客户端没有带 traceparent：订单服务开启一条新的 trace。
	resp, err := http.Post(order.URL+"/orders", "text/plain", nil)
	if err != nil {
		panic(err)
	}
	resp.Body.Close()

	// 按父子关系打印 span 树（span 按结束顺序导出，子 span 先结束）。
	children := map[[8]byte][]*Span{}
	var root *Span
	for _, s := range tracer.finished {
		if s.ParentID == [8]byte{} {
			root = s
		} else {
			children[s.ParentID] = append(children[s.ParentID], s)
		}
	}
	var walk func(s *Span, depth int)
	walk = func(s *Span, depth int) {
		fmt.Printf("%s%s span=%x %v\n", strings.Repeat("  ", depth), s.Name, s.Ctx.SpanID, s.Attrs)
		for _, c := range children[s.Ctx.SpanID] {
			walk(c, depth+1)
		}
	}
	fmt.Printf("trace %x: %d spans\n", root.Ctx.TraceID, len(tracer.finished))
	walk(root, 1)

	for _, h := range []string{
		"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
		"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
		"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
	} {
		sc, err := ParseTraceparent(h)
		fmt.Printf("parse %s... -> sampled=%v err=%v\n", h[:12], sc.Sampled, err)
	}
}

// Output:
// inventory got traceparent: 00-97bb9f4bb472e89f5b1484f25209c9d9-343e92ba4d76429b-01
// trace 97bb9f4bb472e89f5b1484f25209c9d9: 4 spans
//   POST /orders span=538c7f96b164bf1b [url.path=/orders]
//     HTTP GET inventory span=343e92ba4d76429b [http.status_code=200]
//       GET /stock span=617a0c9f9f0d3ba5 [url.path=/stock]
//         SELECT stock span=5b0cc0d6144c8885 [db.system=postgresql]
// parse 00-4bf92f357... -> sampled=true err=<nil>
// parse 00-000000000... -> sampled=false err=invalid traceparent
// parse 00-4BF92F357... -> sampled=false err=invalid traceparent

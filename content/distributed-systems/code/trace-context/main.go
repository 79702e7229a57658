// 一个极简的追踪器：进程内用 context.Context 携带当前 span，
// 跨进程用 W3C Trace Context 的 traceparent 头（这里用 http.Header 模拟一次 RPC）。
// 时钟是模拟的毫秒计数，ID 由固定种子生成，所以输出是确定的。
package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/rand"
	"net/http"
	"sort"
	"strings"
)

type SpanContext struct {
	TraceID [16]byte
	SpanID  [8]byte
	Sampled bool
}

type Span struct {
	Service, Name string
	SC            SpanContext
	Parent        [8]byte // 全零表示根 span
	Start, End    int
}

var (
	ids      = rand.New(rand.NewSource(2024))
	clock    = 0     // 模拟时钟（毫秒）
	finished []*Span // 已结束的 span，相当于发往收集器
)

type spanKey struct{}

// StartSpan 在 ctx 中当前 span（或远端传来的父 span）之下开启一个子 span；没有父亲就开启新 trace。
func StartSpan(ctx context.Context, service, name string) (context.Context, *Span) {
	s := &Span{Service: service, Name: name, Start: clock}
	ids.Read(s.SC.SpanID[:])
	if parent, ok := ctx.Value(spanKey{}).(SpanContext); ok {
		s.SC.TraceID, s.SC.Sampled, s.Parent = parent.TraceID, parent.Sampled, parent.SpanID
	} else {
		ids.Read(s.SC.TraceID[:])
		s.SC.Sampled = true // 头部采样：在根上做一次决定，之后沿调用链传播
	}
	return context.WithValue(ctx, spanKey{}, s.SC), s
}

func (s *Span) Finish() {
	s.End = clock
	if s.SC.Sampled {
		finished = append(finished, s)
	}
}

// Inject 把当前 span 写进 traceparent：版本-trace-id-父 span-id-标志位。
// ctx 里没有 span 时什么也不写，由下游开始一个新 trace。
func Inject(ctx context.Context, h http.Header) {
	sc, ok := ctx.Value(spanKey{}).(SpanContext)
	if !ok {
		return
	}
	flags := "00"
	if sc.Sampled {
		flags = "01"
	}
	h.Set("traceparent", fmt.Sprintf("00-%x-%x-%s", sc.TraceID, sc.SpanID, flags))
}

// Extract 解析 traceparent，把远端的 span 当作父亲放进新的 context。
// 头缺失或不合 W3C Trace Context 的格式时忽略它，开始一个新 trace：
// 版本是 2 位小写十六进制，ff 无效；版本 00 恰好四段；
// trace-id 32 位、parent-id 16 位小写十六进制，且都不能全为零；
// 标志位是 2 位十六进制，最低位是“已采样”。
// 更高的版本（01 到 fe）按版本 00 的规则读前四段、忽略其后的字段（规范 §3.2.4），
// 这样新版本的上游不会让还不认识它的服务把调用链截断。
func Extract(ctx context.Context, h http.Header) context.Context {
	parts := strings.Split(h.Get("traceparent"), "-")
	if len(parts) < 4 {
		return ctx
	}
	if v, ok := decodeHex(parts[0], 1); !ok || v[0] == 0xff || (v[0] == 0 && len(parts) != 4) {
		return ctx
	}
	var sc SpanContext
	flags, ok := decodeHex(parts[3], 1)
	if !decodeInto(sc.TraceID[:], parts[1]) || !decodeInto(sc.SpanID[:], parts[2]) || !ok {
		return ctx
	}
	if sc.TraceID == ([16]byte{}) || sc.SpanID == ([8]byte{}) {
		return ctx // 全零的 ID 是无效值
	}
	sc.Sampled = flags[0]&0x01 == 1
	return context.WithValue(ctx, spanKey{}, sc)
}

// decodeHex 把恰好 n 字节的小写十六进制串解码出来。
func decodeHex(s string, n int) ([]byte, bool) {
	if len(s) != 2*n || strings.ToLower(s) != s {
		return nil, false
	}
	b, err := hex.DecodeString(s)
	return b, err == nil
}

func decodeInto(dst []byte, s string) bool {
	b, ok := decodeHex(s, len(dst))
	copy(dst, b)
	return ok
}

// call 模拟一次 RPC：客户端 span + 把上下文注入请求头 + 服务端处理。
func call(ctx context.Context, from, to string, handler func(context.Context, http.Header)) {
	ctx, span := StartSpan(ctx, from, "call "+to)
	h := http.Header{}
	Inject(ctx, h)
	fmt.Printf("%s -> %s  traceparent: %s\n", from, to, h.Get("traceparent"))
	clock++ // 网络单程 1 ms
	handler(context.Background(), h)
	clock++
	span.Finish()
}

func inventory(ctx context.Context, h http.Header) {
	_, span := StartSpan(Extract(ctx, h), "inventory", "reserve")
	clock += 3
	span.Finish()
}

func payment(ctx context.Context, h http.Header) {
	_, span := StartSpan(Extract(ctx, h), "payment", "charge")
	clock += 40 // 慢的在这里
	span.Finish()
}

func checkout(ctx context.Context, h http.Header) {
	ctx, span := StartSpan(Extract(ctx, h), "checkout", "POST /checkout")
	call(ctx, "checkout", "inventory", inventory)
	call(ctx, "checkout", "payment", payment)
	span.Finish()
}

func main() {
	ctx, root := StartSpan(context.Background(), "frontend", "GET /buy")
	call(ctx, "frontend", "checkout", checkout)
	root.Finish()

	fmt.Printf("trace %x\n", root.SC.TraceID)
	byID := map[[8]byte]*Span{}
	for _, s := range finished {
		byID[s.SC.SpanID] = s
	}
	depth := func(s *Span) int {
		d := 0
		for s.Parent != ([8]byte{}) {
			p, ok := byID[s.Parent]
			if !ok { // 父 span 没被采样或还没结束：当作根，不要解引用 nil
				break
			}
			s = p
			d++
		}
		return d
	}
	sort.SliceStable(finished, func(i, j int) bool {
		if finished[i].Start != finished[j].Start {
			return finished[i].Start < finished[j].Start
		}
		return depth(finished[i]) < depth(finished[j])
	})
	for _, s := range finished {
		d := depth(s)
		fmt.Printf("%s%-*s %-10s %2d..%2d ms\n", strings.Repeat("  ", d), 24-2*d, s.Name, s.Service, s.Start, s.End)
	}
}

// Output:
// frontend -> checkout  traceparent: 00-2b4a6c24ee80bd250019fa3c6af73295-3b76e4e52516ac95-01
// checkout -> inventory  traceparent: 00-2b4a6c24ee80bd250019fa3c6af73295-e8b7e670aecc59dd-01
// checkout -> payment  traceparent: 00-2b4a6c24ee80bd250019fa3c6af73295-1a74d101e0aa2c73-01
// trace 2b4a6c24ee80bd250019fa3c6af73295
// GET /buy                 frontend    0..49 ms
//   call checkout          frontend    0..49 ms
//     POST /checkout       checkout    1..48 ms
//       call inventory     checkout    1.. 6 ms
//         reserve          inventory   2.. 5 ms
//       call payment       checkout    6..48 ms
//         charge           payment     7..47 ms

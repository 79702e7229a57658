// 可注入故障的 http.RoundTripper：按固定种子的随机序列丢弃请求、增加延迟、
// 让请求执行了但丢掉响应，或者把同一个请求投递两次。种子相同，故障序列就相同。
package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ANCHOR: transport
type Fault int

const (
	Pass      Fault = iota
	Drop            // 直接返回错误，请求没有送达
	LoseResp        // 请求已送达并执行，但响应丢失
	Duplicate       // 同一个请求送达两次（比如重传），调用方只看到第二次的响应
)

func (f Fault) String() string { return [...]string{"pass", "drop", "lose-resp", "dup"}[f] }

type FaultyTransport struct {
	Base                        http.RoundTripper
	DropRate, LoseRate, DupRate float64       // 三者之和不超过 1
	MaxDelay                    time.Duration // 每个请求额外延迟 [0, MaxDelay)
	mu                          sync.Mutex
	rng                         *rand.Rand // rand.Rand 不是并发安全的，只在 mu 里用
	Log                         []Fault    // 抽到的故障，按请求顺序；测试与复现时对照
}

func NewFaultyTransport(base http.RoundTripper, seed int64) *FaultyTransport {
	return &FaultyTransport{Base: base, rng: rand.New(rand.NewSource(seed))}
}

// plan 为一个请求一次性抽出它的故障与延迟：每个请求恰好消耗两个随机数，
// 所以第 n 个请求的命运只取决于种子和 n，不取决于前面的请求走了哪个分支。
func (f *FaultyTransport) plan() (Fault, time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, d := f.rng.Float64(), f.rng.Float64()
	delay := time.Duration(d * float64(f.MaxDelay))
	fault := Pass
	switch {
	case r < f.DropRate:
		fault = Drop
	case r < f.DropRate+f.LoseRate:
		fault = LoseResp
	case r < f.DropRate+f.LoseRate+f.DupRate:
		fault = Duplicate
	}
	f.Log = append(f.Log, fault)
	return fault, delay
}

func (f *FaultyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	fault, delay := f.plan()
	if fault == Drop {
		closeBody(req) // RoundTripper 的约定：出错时也必须关闭请求体
		return nil, errors.New("injected: connection reset")
	}
	if delay > 0 {
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-req.Context().Done(): // 调用方放弃了：不再傻等注入的延迟
			t.Stop()
			closeBody(req)
			return nil, req.Context().Err()
		}
	}
	if fault == Duplicate {
		if first, err := replay(req); err == nil { // 请求体读不回来就不复制，照常发一次
			if resp, err := f.Base.RoundTrip(first); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}
	}
	resp, err := f.Base.RoundTrip(req)
	if err == nil && fault == LoseResp {
		resp.Body.Close()
		return nil, errors.New("injected: response lost after server executed the request")
	}
	return resp, err
}

// replay 复制一个请求；有请求体时必须能用 GetBody 重新读出来（http.NewRequest 对
// bytes.Reader、strings.Reader 会设置它）。RoundTripper 不得修改调用方的请求，所以用 Clone。
func replay(req *http.Request) (*http.Request, error) {
	c := req.Clone(req.Context())
	if req.Body == nil || req.Body == http.NoBody {
		return c, nil
	}
	if req.GetBody == nil {
		return nil, errors.New("body cannot be replayed")
	}
	body, err := req.GetBody()
	if err != nil {
		return nil, err
	}
	c.Body = body
	return c, nil
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}

// ANCHOR_END: transport

func main() {
	var executed int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&executed, 1)
		io.Copy(io.Discard, r.Body)
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()

	ft := NewFaultyTransport(http.DefaultTransport, 7)
	ft.DropRate, ft.LoseRate, ft.DupRate, ft.MaxDelay = 0.1, 0.1, 0.1, 2*time.Millisecond
	client := &http.Client{Transport: ft}
	succeeded := 0
	for i := 0; i < 20; i++ {
		resp, err := client.Post(srv.URL, "text/plain", strings.NewReader("charge 10"))
		if err != nil {
			continue
		}
		resp.Body.Close()
		succeeded++
	}
	fmt.Println("faults:", ft.Log)
	fmt.Printf("client saw %d successes; server executed %d requests\n", succeeded, atomic.LoadInt64(&executed))
}

// Output:
// faults: [pass dup pass pass drop pass lose-resp lose-resp pass pass pass pass pass pass pass pass pass pass lose-resp pass]
// client saw 16 successes; server executed 20 requests

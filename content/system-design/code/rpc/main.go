// 一个简化版 RPC 框架：长度前缀成帧 + 可替换的编解码器 + 请求 ID 多路复用 +
// 截止时间传播 + 只对幂等方法的指数退避重试。传输层用 net.Pipe，在一个进程内演示。
package main

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"
)

// ---- 协议：帧 = [4 字节长度][头部 JSON 长度 2 字节][头部 JSON][消息体] ----

type Header struct {
	ID        uint64 `json:"id"`
	Method    string `json:"method,omitempty"`
	TimeoutMs int64  `json:"timeout_ms,omitempty"` // 剩余的截止时间，随请求传给服务端
	Code      string `json:"code,omitempty"`       // 响应状态：""=OK, "UNAVAILABLE", "DEADLINE_EXCEEDED", ...
	Message   string `json:"message,omitempty"`
}

type Codec interface {
	Marshal(v interface{}) ([]byte, error)
	Unmarshal(data []byte, v interface{}) error
}

type JSONCodec struct{}

func (JSONCodec) Marshal(v interface{}) ([]byte, error)      { return json.Marshal(v) }
func (JSONCodec) Unmarshal(data []byte, v interface{}) error { return json.Unmarshal(data, v) }

func writeFrame(w io.Writer, h Header, body []byte) error {
	hb, err := json.Marshal(h)
	if err != nil {
		return err
	}
	buf := make([]byte, 6, 6+len(hb)+len(body))
	binary.BigEndian.PutUint32(buf[0:4], uint32(2+len(hb)+len(body)))
	binary.BigEndian.PutUint16(buf[4:6], uint16(len(hb)))
	buf = append(append(buf, hb...), body...)
	_, err = w.Write(buf) // 一次 Write 写出整帧，并发写由调用方加锁保证不交错
	return err
}

func readFrame(r io.Reader) (Header, []byte, error) {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return Header{}, nil, err
	}
	buf := make([]byte, binary.BigEndian.Uint32(n[:]))
	if _, err := io.ReadFull(r, buf); err != nil {
		return Header{}, nil, err
	}
	if len(buf) < 2 || int(binary.BigEndian.Uint16(buf[0:2])) > len(buf)-2 {
		return Header{}, nil, errors.New("malformed frame")
	}
	hl := binary.BigEndian.Uint16(buf[0:2])
	var h Header
	err := json.Unmarshal(buf[2:2+hl], &h)
	return h, buf[2+hl:], err
}

// ANCHOR: server
// ---- 服务端 ----

type Handler func(ctx context.Context, req []byte) ([]byte, error)

type StatusError struct{ Code, Message string }

func (e *StatusError) Error() string { return e.Code + ": " + e.Message }

var Unavailable = &StatusError{"UNAVAILABLE", "try again"}

type Server struct {
	codec    Codec
	handlers map[string]Handler
}

func (s *Server) Serve(conn net.Conn) {
	var wmu sync.Mutex
	for {
		h, body, err := readFrame(conn)
		if err != nil {
			return
		}
		go func(h Header, body []byte) { // 每个请求一个 goroutine：慢请求不阻塞同一连接上的其他请求
			// 只有调用方发来了截止时间才设超时。TimeoutMs 为 0 表示“没有截止时间”，
			// 不能当成“0 毫秒后到期”：那样每个不带截止时间的调用都会立刻失败。
			ctx, cancel := context.WithCancel(context.Background())
			if h.TimeoutMs > 0 {
				ctx, cancel = context.WithTimeout(context.Background(), time.Duration(h.TimeoutMs)*time.Millisecond)
			}
			defer cancel()
			resp := Header{ID: h.ID}
			var out []byte
			if fn, ok := s.handlers[h.Method]; !ok {
				resp.Code, resp.Message = "UNIMPLEMENTED", h.Method
			} else if out, err = fn(ctx, body); err != nil {
				var se *StatusError
				if errors.As(err, &se) {
					resp.Code, resp.Message = se.Code, se.Message
				} else {
					resp.Code, resp.Message = "INTERNAL", err.Error()
				}
			}
			wmu.Lock()
			defer wmu.Unlock()
			writeFrame(conn, resp, out)
		}(h, body)
	}
}

// ANCHOR_END: server

// ---- 客户端 ----

type result struct {
	h    Header
	body []byte
}

type Client struct {
	codec   Codec
	conn    net.Conn
	wmu     sync.Mutex
	mu      sync.Mutex
	nextID  uint64
	pending map[uint64]chan result
	closed  error // 连接断开后非 nil：之后的调用立刻失败
}

func NewClient(conn net.Conn, codec Codec) *Client {
	c := &Client{codec: codec, conn: conn, pending: map[uint64]chan result{}}
	go c.readLoop()
	return c
}

// ANCHOR: readloop
// readLoop 按请求 ID 把响应交给等待它的调用：一个连接上可以有很多个在途请求。
// 连接断开时，它必须叫醒所有还在等的调用，否则没有截止时间的调用会永远阻塞，
// 有截止时间的调用会误报 DEADLINE_EXCEEDED，而重试逻辑只认 UNAVAILABLE。
func (c *Client) readLoop() {
	for {
		h, body, err := readFrame(c.conn)
		if err != nil {
			c.fail(fmt.Errorf("connection lost: %v", err))
			return
		}
		c.mu.Lock()
		ch := c.pending[h.ID]
		delete(c.pending, h.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- result{h, body}
		}
	}
}

// fail 把连接标记为已断开，并用 UNAVAILABLE 完成所有在途调用。
func (c *Client) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed == nil {
		c.closed = err
	}
	for id, ch := range c.pending {
		ch <- result{h: Header{ID: id, Code: "UNAVAILABLE", Message: c.closed.Error()}}
		delete(c.pending, id)
	}
}

// ANCHOR_END: readloop

// ANCHOR: call
func (c *Client) Call(ctx context.Context, method string, args, reply interface{}) error {
	body, err := c.codec.Marshal(args)
	if err != nil {
		return err
	}
	h := Header{Method: method}
	if dl, ok := ctx.Deadline(); ok {
		h.TimeoutMs = time.Until(dl).Milliseconds()
		if h.TimeoutMs <= 0 { // 已经到期：不发送，也不能发 0（0 在协议里表示“没有截止时间”）
			return &StatusError{"DEADLINE_EXCEEDED", "deadline passed before sending"}
		}
	}
	ch := make(chan result, 1)
	c.mu.Lock()
	if c.closed != nil {
		c.mu.Unlock()
		return &StatusError{"UNAVAILABLE", c.closed.Error()}
	}
	c.nextID++
	h.ID = c.nextID
	c.pending[h.ID] = ch
	c.mu.Unlock()

	c.wmu.Lock()
	err = writeFrame(c.conn, h, body)
	c.wmu.Unlock()
	if err != nil {
		c.mu.Lock()
		delete(c.pending, h.ID) // 写失败：这次调用不会有响应，登记必须撤掉
		c.mu.Unlock()
		c.conn.Close() // 可能只写出了半帧，这条连接的字节流已经不可信
		return &StatusError{"UNAVAILABLE", "write failed: " + err.Error()}
	}
	select {
	case r := <-ch:
		if r.h.Code != "" {
			return &StatusError{r.h.Code, r.h.Message}
		}
		return c.codec.Unmarshal(r.body, reply)
	case <-ctx.Done():
		c.mu.Lock()
		delete(c.pending, h.ID) // 迟到的响应会被 readLoop 丢弃
		c.mu.Unlock()
		if errors.Is(ctx.Err(), context.Canceled) { // 调用方主动取消，不是超时
			return &StatusError{"CANCELLED", "client cancelled the call"}
		}
		return &StatusError{"DEADLINE_EXCEEDED", "client gave up waiting"}
	}
}

// ANCHOR_END: call

// CallWithRetry：只有幂等方法、只对 UNAVAILABLE 重试；退避时间指数增长，且不超过总截止时间。
func (c *Client) CallWithRetry(ctx context.Context, method string, idempotent bool, args, reply interface{}) (int, error) {
	backoff := 10 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := c.Call(ctx, method, args, reply)
		var se *StatusError
		if err == nil || !idempotent || !errors.As(err, &se) || se.Code != "UNAVAILABLE" || attempt == 4 {
			return attempt, err
		}
		select {
		case <-time.After(backoff): // 生产代码还应加随机抖动（jitter）
			backoff *= 2
		case <-ctx.Done():
			return attempt, err
		}
	}
}

// ---- 演示 ----

type AddArgs struct{ A, B int }

func main() {
	codec := JSONCodec{}
	var flakyCalls, createCalls int
	var mu sync.Mutex
	srv := &Server{codec: codec, handlers: map[string]Handler{
		"Arith.Add": func(ctx context.Context, req []byte) ([]byte, error) {
			var a AddArgs
			if err := codec.Unmarshal(req, &a); err != nil {
				return nil, err
			}
			return codec.Marshal(a.A + a.B)
		},
		"Report.Slow": func(ctx context.Context, req []byte) ([]byte, error) {
			select {
			case <-time.After(300 * time.Millisecond):
				return codec.Marshal("done")
			case <-ctx.Done(): // 服务端也知道截止时间，到点就放弃，不做无用功
				return nil, &StatusError{"DEADLINE_EXCEEDED", "server stopped work"}
			}
		},
		"Inventory.Get": func(ctx context.Context, req []byte) ([]byte, error) {
			mu.Lock()
			defer mu.Unlock()
			flakyCalls++
			if flakyCalls < 3 { // 前两次模拟过载
				return nil, Unavailable
			}
			return codec.Marshal(42)
		},
		"Order.Create": func(ctx context.Context, req []byte) ([]byte, error) {
			mu.Lock()
			defer mu.Unlock()
			createCalls++
			return nil, Unavailable
		},
	}}

	clientSide, serverSide := net.Pipe()
	go srv.Serve(serverSide)
	client := NewClient(clientSide, codec)

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	var sum int
	err := client.Call(ctx, "Arith.Add", AddArgs{2, 3}, &sum)
	fmt.Println("Arith.Add(2, 3) =", sum, "err:", err)
	cancel()

	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	var s string
	err = client.Call(ctx, "Report.Slow", nil, &s)
	var se *StatusError
	if errors.As(err, &se) { // 客户端先到点还是服务端先放弃都可能，状态码相同
		fmt.Println("Report.Slow with 50ms deadline ->", se.Code)
	}
	cancel()

	ctx, cancel = context.WithTimeout(context.Background(), time.Second)
	var stock int
	n, err := client.CallWithRetry(ctx, "Inventory.Get", true, "sku-1", &stock)
	fmt.Printf("Inventory.Get (idempotent): stock=%d after %d attempts, err: %v\n", stock, n, err)
	n, err = client.CallWithRetry(ctx, "Order.Create", false, "sku-1", nil)
	fmt.Printf("Order.Create (not idempotent): %d attempt, err: %v\n", n, err)
	err = client.Call(ctx, "No.Such", nil, nil)
	fmt.Println("No.Such -> err:", err)
	cancel()

	// 不带截止时间的调用：服务端不应把它当成已经到期。
	err = client.Call(context.Background(), "Arith.Add", AddArgs{4, 5}, &sum)
	fmt.Println("Arith.Add(4, 5) without deadline =", sum, "err:", err)

	// 连接断开：在途的、不带截止时间的调用得到 UNAVAILABLE，而不是永远等下去。
	serverSide.Close()
	err = client.Call(context.Background(), "Arith.Add", AddArgs{1, 1}, &sum)
	fmt.Println("after the connection died ->", err.(*StatusError).Code)
}

// Output:
// Arith.Add(2, 3) = 5 err: <nil>
// Report.Slow with 50ms deadline -> DEADLINE_EXCEEDED
// Inventory.Get (idempotent): stock=42 after 3 attempts, err: <nil>
// Order.Create (not idempotent): 1 attempt, err: UNAVAILABLE: try again
// No.Such -> err: UNIMPLEMENTED: No.Such
// Arith.Add(4, 5) without deadline = 9 err: <nil>
// after the connection died -> UNAVAILABLE

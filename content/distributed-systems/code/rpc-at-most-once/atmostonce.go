package main

import (
	"fmt"
	"sync"
)

type AppendArgs struct {
	Key      string
	Value    string
	ClientID int64
	Seq      int64 // 同一客户端的请求序号；重发时保持不变
}

type AppendReply struct {
	Value string // 追加之后的新值
}

// lastReply 记住某个客户端最近一次被执行的请求及其回复。
type lastReply struct {
	seq   int64
	reply AppendReply
}

type Server struct {
	mu      sync.Mutex
	data    map[string]string
	dedup   bool                // 是否做重复检测
	last    map[int64]lastReply // ClientID -> 最近一次执行结果
	applied int                 // 真正执行了多少次追加
}

func NewServer(dedup bool) *Server {
	return &Server{data: map[string]string{}, last: map[int64]lastReply{}, dedup: dedup}
}

func (s *Server) Append(args *AppendArgs, reply *AppendReply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dedup {
		if r, ok := s.last[args.ClientID]; ok && args.Seq <= r.seq {
			// 重复请求：不再执行，直接返回记下的回复。
			// Seq 更小的是早已过时的重发，客户端不再等它的回复，回什么都无妨。
			*reply = r.reply
			return
		}
	}
	s.data[args.Key] += args.Value
	s.applied++
	reply.Value = s.data[args.Key]
	s.last[args.ClientID] = lastReply{seq: args.Seq, reply: *reply}
}

// network 模拟一个会丢回复的网络：第 k 次调用（从 1 数起）若在 lose 中，
// 服务器照常执行，但回复在路上丢了，调用方只看到“超时”。
type network struct {
	calls int
	lose  map[int]bool
}

func (n *network) call(s *Server, args *AppendArgs, reply *AppendReply) bool {
	n.calls++
	var r AppendReply
	s.Append(args, &r)
	if n.lose[n.calls] {
		return false
	}
	*reply = r
	return true
}

// Clerk 重试直到收到回复：这就是“至少一次”的客户端。
type Clerk struct {
	id  int64
	seq int64
	net *network
}

func (ck *Clerk) Append(s *Server, key, value string) (string, int) {
	ck.seq++
	args := AppendArgs{Key: key, Value: value, ClientID: ck.id, Seq: ck.seq}
	for attempt := 1; ; attempt++ {
		var reply AppendReply
		if ck.net.call(s, &args, &reply) {
			return reply.Value, attempt
		}
	}
}

func run(dedup bool) {
	s := NewServer(dedup)
	ck := &Clerk{id: 42, net: &network{lose: map[int]bool{2: true, 3: true}}}
	for _, v := range []string{"a", "b", "c"} {
		got, attempts := ck.Append(s, "x", v)
		fmt.Printf("  Append(x, %s) -> %q after %d attempt(s)\n", v, got, attempts)
	}
	fmt.Printf("  final x=%q, server executed %d appends\n", s.data["x"], s.applied)
}

func main() {
	fmt.Println("at-least-once (no duplicate detection):")
	run(false)
	fmt.Println("at-most-once server + retrying client:")
	run(true)
}

// Output:
// at-least-once (no duplicate detection):
//   Append(x, a) -> "a" after 1 attempt(s)
//   Append(x, b) -> "abbb" after 3 attempt(s)
//   Append(x, c) -> "abbbc" after 1 attempt(s)
//   final x="abbbc", server executed 5 appends
// at-most-once server + retrying client:
//   Append(x, a) -> "a" after 1 attempt(s)
//   Append(x, b) -> "ab" after 3 attempt(s)
//   Append(x, c) -> "abc" after 1 attempt(s)
//   final x="abc", server executed 3 appends

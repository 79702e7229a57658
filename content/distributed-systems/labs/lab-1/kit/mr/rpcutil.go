package mr

// RPC 的管道：协调者在一个 Unix 域套接字（unix domain socket）上用 net/rpc 提供服务，
// worker 每次调用都新建一个连接。不要修改这个文件：评分时使用原始版本。

import (
	"errors"
	"log"
	"net"
	"net/rpc"
	"sync"
)

// rpcServer 是协调者的 RPC 服务：监听 sock，每个连接一个 goroutine。
type rpcServer struct {
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]bool
	closed bool
}

// server 把 c 的导出方法注册为 RPC（"Coordinator.方法名"），开始在 sock 上监听，
// 立即返回。MakeCoordinator 调用它一次。
func (c *Coordinator) server(sock string) {
	rs := rpc.NewServer()
	if err := rs.Register(c); err != nil {
		log.Fatalf("mr: cannot register the coordinator's RPC methods: %v", err)
	}
	ln, err := net.Listen("unix", sock)
	if err != nil {
		log.Fatalf("mr: coordinator cannot listen on %s: %v", sock, err)
	}
	s := &rpcServer{ln: ln, conns: map[net.Conn]bool{}}
	c.srv = s
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				if !errors.Is(err, net.ErrClosed) {
					log.Printf("mr: coordinator accept: %v", err)
				}
				return
			}
			if !s.track(conn) {
				conn.Close()
				return
			}
			go func() {
				rs.ServeConn(conn)
				s.untrack(conn)
			}()
		}
	}()
}

func (s *rpcServer) track(conn net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.conns[conn] = true
	return true
}

func (s *rpcServer) untrack(conn net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, conn)
}

// Shutdown 关掉协调者的 RPC 服务：不再接受连接，关闭已有的连接。之后 worker 的 call
// 都会返回 false。测试在作业结束后调用它，相当于协调者进程退出。
func (c *Coordinator) Shutdown() {
	s := c.srv
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	s.ln.Close()
	for conn := range s.conns {
		conn.Close()
	}
}

// call 向 sock 上的协调者发一次 RPC，等待回复。rpcname 形如 "Coordinator.RequestTask"。
// 回复到达返回 true；连不上协调者（它已经退出）或调用出错返回 false。
// 参数和回复结构体的字段必须大写开头，否则 encoding/gob 不会发送它们。
func call(sock string, rpcname string, args interface{}, reply interface{}) bool {
	client, err := rpc.Dial("unix", sock)
	if err != nil {
		return false
	}
	defer client.Close()
	if err := client.Call(rpcname, args, reply); err != nil {
		log.Printf("mr: call %s: %v", rpcname, err)
		return false
	}
	return true
}

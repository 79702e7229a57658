package main

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"testing"
)

const testVnodes = 100

// owners 记下 1000 个客户端 IP 各自落到哪个后端。
func owners(t *testing.T, h *ConsistentHash, c []*Backend) map[string]*Backend {
	t.Helper()
	m := make(map[string]*Backend)
	for i := 0; i < 1000; i++ {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = fmt.Sprintf("10.0.%d.%d:5%03d", i/250, i%250, i)
		b, err := h.Pick(r, c)
		if err != nil {
			t.Fatalf("client %s: %v", r.RemoteAddr, err)
		}
		m[ClientIP(r)] = b
	}
	return m
}

func TestHashSameClientSameBackend(t *testing.T) {
	p := pool(1, 1, 1)
	h := NewConsistentHash(p, testVnodes, ClientIP)
	first, again := owners(t, h, p), owners(t, h, p)
	used := map[*Backend]bool{}
	for ip, b := range first {
		if again[ip] != b {
			t.Fatalf("client %s moved from %s to %s with nothing changed", ip, b.URL.Host, again[ip].URL.Host)
		}
		used[b] = true
	}
	if len(used) != 3 {
		t.Fatalf("1000 clients used %d of 3 backends", len(used))
	}
}

func TestHashDownBackendMovesOnlyItsKeys(t *testing.T) {
	p := pool(1, 1, 1, 1)
	h := NewConsistentHash(p, testVnodes, ClientIP)
	before := owners(t, h, p)
	c := p[2]
	after := owners(t, h, []*Backend{p[0], p[1], p[3]}) // c 不再是候选者
	movedTo := map[*Backend]int{}
	for ip, was := range before {
		now := after[ip]
		switch {
		case was != c && now != was:
			t.Fatalf("client %s moved %s -> %s although its backend is up", ip, was.URL.Host, now.URL.Host)
		case was == c:
			movedTo[now]++
		}
	}
	// 带虚拟节点时，c 的键分散给其余每一台，而不是全部压给环上的一个邻居
	if len(movedTo) != 3 {
		t.Fatalf("c's keys went to %d backends, want all 3 others", len(movedTo))
	}
	// 跳过下线的后端，与把它从环上删掉是同一个结果
	without := NewConsistentHash([]*Backend{p[0], p[1], p[3]}, testVnodes, ClientIP)
	for ip, b := range owners(t, without, []*Backend{p[0], p[1], p[3]}) {
		if after[ip] != b {
			t.Fatalf("client %s: skipping gives %s, removing gives %s", ip, after[ip].URL.Host, b.URL.Host)
		}
	}
	// c 恢复后，每个键回到原处
	for ip, b := range owners(t, h, p) {
		if before[ip] != b {
			t.Fatalf("client %s did not return to %s after recovery", ip, before[ip].URL.Host)
		}
	}
}

func TestHashWeightZeroAndAllDown(t *testing.T) {
	p := pool(1, 0, 1)
	h := NewConsistentHash(p, testVnodes, ClientIP)
	for ip, b := range owners(t, h, p) {
		if b == p[1] {
			t.Fatalf("client %s went to the weight-0 backend", ip)
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	if b, err := h.Pick(r, p[1:2]); !errors.Is(err, ErrNoBackend) {
		t.Fatalf("only a weight-0 candidate: got %v, %v; want ErrNoBackend", b, err)
	}
	if b, err := h.Pick(r, nil); !errors.Is(err, ErrNoBackend) {
		t.Fatalf("no candidates: got %v, %v; want ErrNoBackend", b, err)
	}
}

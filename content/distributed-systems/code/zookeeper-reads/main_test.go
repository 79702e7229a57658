package main

import (
	"strconv"
	"testing"
)

func newServers(names ...string) []*server {
	ss := make([]*server, len(names))
	for i, n := range names {
		ss[i] = &server{name: n, data: map[string]string{}}
	}
	return ss
}

// 客户端 FIFO 顺序：自己的写完成之后，在同一台服务器上的读一定看得到它，
// 哪怕别的服务器都还落后。
func TestClientReadsItsOwnWrites(t *testing.T) {
	e := &ensemble{}
	ss := newServers("F1", "F2")
	a := &client{name: "A", on: ss[1]}
	for i := 1; i <= 3; i++ {
		e.setData(a, "x", strconv.Itoa(i))
		if got := e.getData(a, "x"); got != strconv.Itoa(i) {
			t.Fatalf("A wrote %d and read %s", i, got)
		}
	}
}

// sync 之后的读看得到 sync 开始前已经提交的全部写。
// 让 sync 只追到倒数第二条事务时失败。
func TestSyncThenReadSeesEveryEarlierWrite(t *testing.T) {
	e := &ensemble{}
	ss := newServers("F1", "F2")
	a := &client{name: "A", on: ss[0]}
	b := &client{name: "B", on: ss[1]}
	e.setData(a, "x", "1")
	e.setData(a, "x", "2")
	if got := e.getData(b, "x"); got != "" {
		t.Fatalf("F2 never caught up, yet B read %q", got)
	}
	e.sync(b)
	if got := e.getData(b, "x"); got != "2" {
		t.Fatalf("after sync B read %q, want 2", got)
	}
}

// 换到一台落后的服务器时，客户端不会读到比它见过的更旧的状态。
// reconnect 不让新服务器先追上客户端见过的 zxid 时失败。
func TestReconnectNeverGoesBack(t *testing.T) {
	e := &ensemble{}
	ss := newServers("F1", "F2", "F3")
	a := &client{name: "A", on: ss[0]}
	b := &client{name: "B", on: ss[1]}
	e.setData(a, "x", "1")
	e.catchUp(ss[1], 1)
	e.setData(a, "x", "2")
	e.sync(b)
	if e.getData(b, "x") != "2" || b.seen != 2 {
		t.Fatalf("B should have seen zxid 2, has seen %d", b.seen)
	}
	// B 读到过 zxid 2 的状态，然后换到一台什么都没应用的服务器。
	e.reconnect(b, ss[2])
	if got := e.getData(b, "x"); got != "2" {
		t.Fatalf("B moved to F3 and read %q after having read 2", got)
	}
}

// 服务器按 zxid 顺序应用事务：任何时刻它的状态都是某个前缀。
// 两个键 x、y 按 x=1、y=1、x=2 的顺序写入，追到任何位置都不会出现 y 有值而 x 还是空。
func TestServerStateIsAlwaysAPrefix(t *testing.T) {
	e := &ensemble{log: []txn{{"x", "1"}, {"y", "1"}, {"x", "2"}}}
	want := []map[string]string{
		{},
		{"x": "1"},
		{"x": "1", "y": "1"},
		{"x": "2", "y": "1"},
	}
	for to := 0; to <= len(e.log); to++ {
		s := &server{name: "F", data: map[string]string{}}
		e.catchUp(s, to)
		if len(s.data) != len(want[to]) {
			t.Fatalf("at zxid %d state %v, want %v", to, s.data, want[to])
		}
		for k, v := range want[to] {
			if s.data[k] != v {
				t.Fatalf("at zxid %d state %v, want %v", to, s.data, want[to])
			}
		}
	}
}

// ZooKeeper 读的确定性模拟：本地读可能是旧的，sync 之后再读，换服务器时不倒退。
package main

import "fmt"

// 一个极简的“集群”：领导者上已提交的事务序列 log，以及各服务器各自应用到的位置。
// 真实的 zxid 是 64 位：高 32 位是 epoch，低 32 位是 epoch 内的计数；这里只用计数。
type txn struct {
	key, val string
}

type server struct {
	name    string
	applied int // 已应用的最后一个 zxid
	data    map[string]string
}

type ensemble struct {
	log []txn // log[i] 的 zxid 是 i+1
}

// catchUp 让服务器 s 按 zxid 顺序应用事务，直到 zxid = to。
func (e *ensemble) catchUp(s *server, to int) {
	for s.applied < to {
		t := e.log[s.applied]
		s.data[t.key] = t.val
		s.applied++
	}
}

type client struct {
	name string
	on   *server
	seen int // 客户端见过的最大 zxid
}

// setData：转发给领导者、提交，客户端所连的服务器应用到这条事务之后才回复。
func (e *ensemble) setData(c *client, key, val string) {
	e.log = append(e.log, txn{key, val})
	zxid := len(e.log)
	e.catchUp(c.on, zxid)
	c.seen = zxid
	fmt.Printf("%s@%s setData %s=%s -> zxid %d\n", c.name, c.on.name, key, val, zxid)
}

// getData：由所连服务器用本地数据回答，不经过领导者。
func (e *ensemble) getData(c *client, key string) string {
	if c.on.applied > c.seen {
		c.seen = c.on.applied
	}
	fmt.Printf("%s@%s getData %s = %s (server at zxid %d)\n", c.name, c.on.name, key, c.on.data[key], c.on.applied)
	return c.on.data[key]
}

// sync：让所连服务器先追上领导者在 sync 时刻已提交的全部事务。
func (e *ensemble) sync(c *client) {
	e.catchUp(c.on, len(e.log))
	fmt.Printf("%s@%s sync -> server at zxid %d\n", c.name, c.on.name, c.on.applied)
}

// reconnect：新服务器若比客户端见过的还旧，先追上再接受会话。
func (e *ensemble) reconnect(c *client, s *server) {
	fmt.Printf("%s moves to %s (server at zxid %d, client has seen %d)\n", c.name, s.name, s.applied, c.seen)
	if s.applied < c.seen {
		e.catchUp(s, c.seen)
	}
	c.on = s
}

func main() {
	e := &ensemble{}
	f1 := &server{name: "F1", data: map[string]string{}}
	f2 := &server{name: "F2", data: map[string]string{}}
	f3 := &server{name: "F3", data: map[string]string{}}
	a := &client{name: "A", on: f1}
	b := &client{name: "B", on: f2}

	e.setData(a, "x", "1")
	e.catchUp(f2, 1) // 后台复制：F2、F3 只追到 zxid 1
	e.catchUp(f3, 1)
	e.setData(a, "x", "2")
	e.getData(a, "x") // 读到自己的写
	e.getData(b, "x") // A 的写已经完成，B 仍读到旧值：不是线性化的
	e.sync(b)
	e.getData(b, "x")
	e.setData(a, "x", "3")
	e.reconnect(a, f3)
	e.getData(a, "x") // 换了服务器也不会“倒退”
}

// Output:
// A@F1 setData x=1 -> zxid 1
// A@F1 setData x=2 -> zxid 2
// A@F1 getData x = 2 (server at zxid 2)
// B@F2 getData x = 1 (server at zxid 1)
// B@F2 sync -> server at zxid 2
// B@F2 getData x = 2 (server at zxid 2)
// A@F1 setData x=3 -> zxid 3
// A moves to F3 (server at zxid 1, client has seen 3)
// A@F3 getData x = 3 (server at zxid 3)

package main

import (
	"fmt"
	"sort"
	"strings"
)

// 一个单线程、确定性的“ZooKeeper”：只模拟 /lock 下的顺序临时节点、
// 一次性的 exists 监视、会话结束时删除临时节点，以及按顺序投递的通知。
type notification struct {
	client string
	path   string
}

type store struct {
	next    int                 // 父节点 /lock 的顺序号计数器
	owner   map[string]string   // 子节点名 -> 创建它的会话
	watches map[string][]string // 子节点名 -> 监视它的客户端（一次性）
	queue   []notification      // 待投递的通知
	sent    int
}

func newStore() *store {
	return &store{owner: map[string]string{}, watches: map[string][]string{}}
}

// createSeq 对应 create("/lock/lock-", EPHEMERAL|SEQUENTIAL)。
func (s *store) createSeq(session string) string {
	name := fmt.Sprintf("lock-%010d", s.next)
	s.next++
	s.owner[name] = session
	return name
}

// children 对应 getChildren("/lock", false)，按名字排序后返回。
func (s *store) children() []string {
	var names []string
	for name := range s.owner {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// exists 对应 exists(path, true)：节点存在时登记一次性监视。
func (s *store) exists(name, watcher string) bool {
	if _, ok := s.owner[name]; !ok {
		return false
	}
	s.watches[name] = append(s.watches[name], watcher)
	return true
}

// remove 删除节点，并为监视它的客户端各产生一条通知（随后清除监视）。
func (s *store) remove(name string) {
	delete(s.owner, name)
	for _, w := range s.watches[name] {
		s.queue = append(s.queue, notification{w, name})
		s.sent++
	}
	delete(s.watches, name)
}

// expire 模拟会话超时：该会话登记的监视作废，它创建的临时节点全部被删除。
func (s *store) expire(session string) {
	for name, ws := range s.watches {
		var keep []string
		for _, w := range ws {
			if w != session {
				keep = append(keep, w)
			}
		}
		s.watches[name] = keep
	}
	for _, name := range s.children() {
		if s.owner[name] == session {
			s.remove(name)
		}
	}
}

type client struct {
	name string
	node string
}

// check 是 recipe 的第 2～6 步。
func (c *client) check(s *store, order *[]string) {
	for {
		kids := s.children()
		i := sort.SearchStrings(kids, c.node)
		if i == 0 {
			fmt.Printf("  %s: %s is lowest -> holds the lock\n", c.name, c.node)
			*order = append(*order, c.name)
			return
		}
		pred := kids[i-1]
		if s.exists(pred, c.name) {
			fmt.Printf("  %s: watches %s\n", c.name, pred)
			return
		}
		// 前驱在 getChildren 之后、exists 之前就消失了：回到第 2 步重新看。
	}
}

// lockService 把 recipe 接到 store 上：lock 是第 1 步加第 2～6 步，unlock 删除自己的节点，
// deliver 按产生顺序投递通知，被唤醒的客户端重新执行第 2 步。order 记录拿到锁的先后。
type lockService struct {
	s       *store
	clients map[string]*client
	order   []string
}

func (l *lockService) deliver() {
	for len(l.s.queue) > 0 {
		n := l.s.queue[0]
		l.s.queue = l.s.queue[1:]
		fmt.Printf("  notify %s: %s deleted\n", n.client, n.path)
		l.clients[n.client].check(l.s, &l.order)
	}
}

func (l *lockService) lock(name string) {
	c := &client{name: name, node: l.s.createSeq(name)}
	l.clients[name] = c
	fmt.Printf("%s creates %s\n", name, c.node)
	c.check(l.s, &l.order)
}

func (l *lockService) unlock(name string) {
	fmt.Printf("%s deletes %s\n", name, l.clients[name].node)
	l.s.remove(l.clients[name].node)
	l.deliver()
}

func main() {
	l := &lockService{s: newStore(), clients: map[string]*client{}}
	l.lock("A")
	l.lock("B")
	l.lock("C")
	l.lock("D")
	fmt.Println("session of B expires")
	l.s.expire("B")
	l.deliver()
	l.unlock("A")
	l.unlock("C")
	l.unlock("D")
	fmt.Printf("lock order: %s, notifications: %d\n", strings.Join(l.order, " -> "), l.s.sent)
}

// Output:
// A creates lock-0000000000
//   A: lock-0000000000 is lowest -> holds the lock
// B creates lock-0000000001
//   B: watches lock-0000000000
// C creates lock-0000000002
//   C: watches lock-0000000001
// D creates lock-0000000003
//   D: watches lock-0000000002
// session of B expires
//   notify C: lock-0000000001 deleted
//   C: watches lock-0000000000
// A deletes lock-0000000000
//   notify C: lock-0000000000 deleted
//   C: lock-0000000002 is lowest -> holds the lock
// C deletes lock-0000000002
//   notify D: lock-0000000002 deleted
//   D: lock-0000000003 is lowest -> holds the lock
// D deletes lock-0000000003
// lock order: A -> C -> D, notifications: 3

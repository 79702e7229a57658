// 一个极简的编排器模拟：期望 3 个副本，三个节点各有 2 个槽位。
// 第 2 轮起 node-b 停止发送心跳；节点控制器连续 2 轮收不到心跳后，
// 把它标记为 NotReady 并删除（驱逐）它上面的 Pod。
// 同一个场景分别交给两种控制器：
//
//	边沿触发（edge）：只对“Pod 被删除”事件做出反应，而这个事件在途中丢了；
//	水平触发（level）：每一轮都比较期望副本数与实际副本数。
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Node struct {
	Name          string
	Capacity      int
	LastHeartbeat int
	Ready         bool
}

type Pod struct {
	Name string
	Node string // 空字符串表示尚未调度
}

type Cluster struct {
	Nodes  []*Node
	Pods   []*Pod
	nextID int
}

func (c *Cluster) podsOn(node string) int {
	n := 0
	for _, p := range c.Pods {
		if p.Node == node {
			n++
		}
	}
	return n
}

// heartbeats：除了已经失联的节点，其余节点本轮都上报心跳。
func (c *Cluster) heartbeats(now int, down map[string]bool) {
	for _, n := range c.Nodes {
		if !down[n.Name] {
			n.LastHeartbeat = now
		}
	}
}

// nodeController：心跳超过 grace 轮未更新就标记 NotReady，并驱逐其上的 Pod；
// 心跳恢复后重新标记为 Ready。返回被删除的 Pod 名字，也就是本轮产生的“删除事件”。
func (c *Cluster) nodeController(now, grace int) []string {
	var deleted []string
	for _, n := range c.Nodes {
		if !n.Ready && n.LastHeartbeat == now {
			n.Ready = true
			fmt.Printf("  node controller: %s Ready again\n", n.Name)
		}
		if n.Ready && now-n.LastHeartbeat >= grace {
			n.Ready = false
			fmt.Printf("  node controller: %s NotReady (last heartbeat t=%d)\n", n.Name, n.LastHeartbeat)
			var keep []*Pod
			for _, p := range c.Pods {
				if p.Node == n.Name {
					deleted = append(deleted, p.Name)
					fmt.Printf("  node controller: evict %s\n", p.Name)
				} else {
					keep = append(keep, p)
				}
			}
			c.Pods = keep
		}
	}
	return deleted
}

func (c *Cluster) remove(name string) {
	var keep []*Pod
	for _, p := range c.Pods {
		if p.Name != name {
			keep = append(keep, p)
		}
	}
	c.Pods = keep
}

func (c *Cluster) create() {
	c.nextID++
	name := fmt.Sprintf("web-%d", c.nextID)
	c.Pods = append(c.Pods, &Pod{Name: name})
	fmt.Printf("  controller: create %s\n", name)
}

// schedule：先过滤（Ready 且有空槽位），再打分（已有 Pod 越少分越高，同分按名字）。
func (c *Cluster) schedule() {
	for _, p := range c.Pods {
		if p.Node != "" {
			continue
		}
		var feasible []*Node
		for _, n := range c.Nodes {
			if n.Ready && c.podsOn(n.Name) < n.Capacity {
				feasible = append(feasible, n)
			}
		}
		if len(feasible) == 0 {
			fmt.Printf("  scheduler: %s pending, no feasible node\n", p.Name)
			continue
		}
		sort.Slice(feasible, func(i, j int) bool {
			si, sj := c.podsOn(feasible[i].Name), c.podsOn(feasible[j].Name)
			if si != sj {
				return si < sj
			}
			return feasible[i].Name < feasible[j].Name
		})
		p.Node = feasible[0].Name
		fmt.Printf("  scheduler: %s -> %s\n", p.Name, p.Node)
	}
}

func (c *Cluster) summary() string {
	var parts []string
	for _, p := range c.Pods {
		parts = append(parts, p.Name+"@"+p.Node)
	}
	sort.Strings(parts)
	return fmt.Sprintf("%d pods [%s]", len(c.Pods), strings.Join(parts, " "))
}

// Controller 是副本控制器的接口：每轮被调用一次，events 是本轮送达的删除事件。
type Controller interface {
	Sync(c *Cluster, desired int, events []string)
}

// levelController 不看事件，只看当前状态。
type levelController struct{}

func (levelController) Sync(c *Cluster, desired int, events []string) {
	for have := len(c.Pods); have < desired; have++ {
		c.create()
	}
}

// edgeController 只在收到“Pod 被删除”事件时补一个 Pod。
type edgeController struct{}

func (edgeController) Sync(c *Cluster, desired int, events []string) {
	for range events {
		c.create()
	}
}

// run 跑完整个场景，返回最后的集群状态（测试用）。
func run(name string, ctl Controller) *Cluster {
	fmt.Printf("== %s-triggered\n", name)
	c := &Cluster{Nodes: []*Node{
		{Name: "node-a", Capacity: 2, Ready: true},
		{Name: "node-b", Capacity: 2, Ready: true},
		{Name: "node-c", Capacity: 2, Ready: true},
	}}
	const desired, grace = 3, 2
	c.nextID = 3
	c.Pods = []*Pod{{"web-1", "node-a"}, {"web-2", "node-b"}, {"web-3", "node-c"}}
	fmt.Printf("t=0\n  state: %s\n", c.summary())
	down := map[string]bool{}
	for now := 1; now <= 5; now++ {
		fmt.Printf("t=%d\n", now)
		switch now {
		case 2:
			down["node-b"] = true // node-b 失联：进程还在不在，控制平面无从得知
			fmt.Println("  node-b stops sending heartbeats")
		case 5:
			delete(down, "node-b")
			fmt.Println("  node-b is reachable again")
		}
		c.heartbeats(now, down)
		events := c.nodeController(now, grace)
		if len(events) > 0 && now == 3 {
			fmt.Printf("  (delete events %v lost before reaching the controller)\n", events)
			events = nil
		}
		if now == 4 {
			c.remove("web-1") // 运维手工删除了一个 Pod，这个事件正常送达
			fmt.Println("  operator deletes web-1 (event delivered)")
			events = append(events, "web-1")
		}
		ctl.Sync(c, desired, events)
		c.schedule()
		fmt.Printf("  state: %s\n", c.summary())
	}
	return c
}

func main() {
	run("edge", edgeController{})
	run("level", levelController{})
}

// Output:
// == edge-triggered
// t=0
//   state: 3 pods [web-1@node-a web-2@node-b web-3@node-c]
// t=1
//   state: 3 pods [web-1@node-a web-2@node-b web-3@node-c]
// t=2
//   node-b stops sending heartbeats
//   state: 3 pods [web-1@node-a web-2@node-b web-3@node-c]
// t=3
//   node controller: node-b NotReady (last heartbeat t=1)
//   node controller: evict web-2
//   (delete events [web-2] lost before reaching the controller)
//   state: 2 pods [web-1@node-a web-3@node-c]
// t=4
//   operator deletes web-1 (event delivered)
//   controller: create web-4
//   scheduler: web-4 -> node-a
//   state: 2 pods [web-3@node-c web-4@node-a]
// t=5
//   node-b is reachable again
//   node controller: node-b Ready again
//   state: 2 pods [web-3@node-c web-4@node-a]
// == level-triggered
// t=0
//   state: 3 pods [web-1@node-a web-2@node-b web-3@node-c]
// t=1
//   state: 3 pods [web-1@node-a web-2@node-b web-3@node-c]
// t=2
//   node-b stops sending heartbeats
//   state: 3 pods [web-1@node-a web-2@node-b web-3@node-c]
// t=3
//   node controller: node-b NotReady (last heartbeat t=1)
//   node controller: evict web-2
//   (delete events [web-2] lost before reaching the controller)
//   controller: create web-4
//   scheduler: web-4 -> node-a
//   state: 3 pods [web-1@node-a web-3@node-c web-4@node-a]
// t=4
//   operator deletes web-1 (event delivered)
//   controller: create web-5
//   scheduler: web-5 -> node-a
//   state: 3 pods [web-3@node-c web-4@node-a web-5@node-a]
// t=5
//   node-b is reachable again
//   node controller: node-b Ready again
//   state: 3 pods [web-3@node-c web-4@node-a web-5@node-a]

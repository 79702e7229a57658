package main

import "testing"

func cluster(pods ...*Pod) *Cluster {
	return &Cluster{
		Nodes: []*Node{
			{Name: "node-a", Capacity: 2, Ready: true},
			{Name: "node-b", Capacity: 2, Ready: true},
			{Name: "node-c", Capacity: 2, Ready: true},
		},
		Pods:   pods,
		nextID: 10,
	}
}

// 讲义的场景：node-b 上 Pod 的删除事件在途中丢了。
// 水平触发的控制器最后仍有 3 个副本；边沿触发的只剩 2 个（讲义要说明的失败方式）。
func TestLostDeleteEvent(t *testing.T) {
	if got := len(run("level", levelController{}).Pods); got != 3 {
		t.Errorf("level-triggered: %d pods at the end, want 3", got)
	}
	if got := len(run("edge", edgeController{}).Pods); got != 2 {
		t.Errorf("edge-triggered: %d pods at the end, want 2 (one delete event was lost)", got)
	}
}

// 同一个删除事件送达两次：水平触发的控制器只补到期望数，边沿触发的多建一个。
// 一个“有事件就按事件补、没有才看状态”的混合版本在这里多建 Pod。
func TestDuplicateDeleteEvent(t *testing.T) {
	level := cluster(&Pod{"web-1", "node-a"}, &Pod{"web-3", "node-c"})
	levelController{}.Sync(level, 3, []string{"web-2", "web-2"})
	if got := len(level.Pods); got != 3 {
		t.Errorf("level-triggered with a duplicate event: %d pods, want 3", got)
	}
	edge := cluster(&Pod{"web-1", "node-a"}, &Pod{"web-3", "node-c"})
	edgeController{}.Sync(edge, 3, []string{"web-2", "web-2"})
	if got := len(edge.Pods); got != 4 {
		t.Errorf("edge-triggered with a duplicate event: %d pods, want 4", got)
	}
}

// 没有任何事件、也没有差距时，水平触发的控制器什么都不做（空转是幂等的）。
func TestLevelIsIdempotent(t *testing.T) {
	c := cluster(&Pod{"web-1", "node-a"}, &Pod{"web-2", "node-b"}, &Pod{"web-3", "node-c"})
	for i := 0; i < 3; i++ {
		levelController{}.Sync(c, 3, nil)
	}
	if len(c.Pods) != 3 {
		t.Fatalf("%d pods after idle syncs, want 3", len(c.Pods))
	}
}

// 节点控制器：心跳停了 grace 轮才标记 NotReady 并驱逐；心跳回来就恢复 Ready。
func TestNodeControllerGrace(t *testing.T) {
	c := cluster(&Pod{"web-1", "node-a"}, &Pod{"web-2", "node-b"})
	down := map[string]bool{"node-b": true}
	c.heartbeats(1, nil)
	c.heartbeats(2, down)
	if ev := c.nodeController(2, 2); len(ev) != 0 {
		t.Fatalf("evicted %v after 1 missed round, want nothing before the grace period", ev)
	}
	c.heartbeats(3, down)
	ev := c.nodeController(3, 2)
	if len(ev) != 1 || ev[0] != "web-2" || c.Nodes[1].Ready {
		t.Fatalf("after 2 missed rounds: evicted %v, node-b Ready=%v; want [web-2], false", ev, c.Nodes[1].Ready)
	}
	c.heartbeats(4, nil)
	c.nodeController(4, 2)
	if !c.Nodes[1].Ready {
		t.Fatal("node-b not Ready again after its heartbeat came back")
	}
}

// 调度器只把 Pod 放到 Ready 且有空槽位的节点上；都不行时 Pod 保持未调度。
func TestSchedulerFilters(t *testing.T) {
	c := cluster(&Pod{"a1", "node-a"}, &Pod{"a2", "node-a"}, &Pod{Name: "new"})
	c.Nodes[1].Ready = false // node-b NotReady
	c.schedule()
	if got := c.Pods[2].Node; got != "node-c" {
		t.Fatalf("new pod on %q, want node-c (node-a full, node-b NotReady)", got)
	}
	c.Pods = append(c.Pods, &Pod{Name: "x"}, &Pod{Name: "y"})
	c.schedule()
	if c.Pods[4].Node != "" {
		t.Fatalf("pod y placed on %q although no node is feasible", c.Pods[4].Node)
	}
}

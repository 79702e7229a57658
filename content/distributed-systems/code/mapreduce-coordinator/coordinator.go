// coordinator 的任务簿记：用逻辑时间（整数秒）重放一段事件，看超时重新分配、
// 重复的完成报告、worker 失联后重做它已完成的 map 任务，以及失联 worker 迟到的报告。
package main

import "fmt"

type Kind int

const (
	MapTask Kind = iota
	ReduceTask
)

func (k Kind) String() string {
	if k == MapTask {
		return "map"
	}
	return "reduce"
}

type State int

const (
	Idle State = iota
	InProgress
	Completed
)

type Task struct {
	Kind    Kind
	ID      int
	State   State
	Worker  string // 正在执行它、或者完成了它的 worker
	Started int    // 最近一次分配的时刻
}

type Coordinator struct {
	maps    []*Task
	reduces []*Task
	timeout int             // 超过这么久没有完成，就把任务收回改派
	lost    map[string]bool // 已被判定失联的 worker
}

func NewCoordinator(nMap, nReduce, timeout int) *Coordinator {
	c := &Coordinator{timeout: timeout, lost: map[string]bool{}}
	for i := 0; i < nMap; i++ {
		c.maps = append(c.maps, &Task{Kind: MapTask, ID: i})
	}
	for i := 0; i < nReduce; i++ {
		c.reduces = append(c.reduces, &Task{Kind: ReduceTask, ID: i})
	}
	return c
}

// expire 把执行超时的任务放回 Idle，让别的 worker 重做。
// 超时只是“太慢”，不是“失联”：原执行者之后的报告仍然有效。
func (c *Coordinator) expire(now int) {
	for _, list := range [][]*Task{c.maps, c.reduces} {
		for _, t := range list {
			if t.State == InProgress && now-t.Started > c.timeout {
				t.State = Idle
			}
		}
	}
}

func allCompleted(tasks []*Task) bool {
	for _, t := range tasks {
		if t.State != Completed {
			return false
		}
	}
	return true
}

func firstIdle(tasks []*Task) *Task {
	for _, t := range tasks {
		if t.State == Idle {
			return t
		}
	}
	return nil
}

// Assign 处理 worker 的“要任务”请求。所有 map 完成之前不分配 reduce：
// 每个 reduce 任务都需要每一个 map 任务的一个分区。
func (c *Coordinator) Assign(worker string, now int) string {
	if c.lost[worker] {
		return "refused (" + worker + " was declared lost)"
	}
	c.expire(now)
	t := firstIdle(c.maps)
	if t == nil && allCompleted(c.maps) {
		t = firstIdle(c.reduces)
	}
	if t == nil {
		return "wait"
	}
	t.State, t.Worker, t.Started = InProgress, worker, now
	return fmt.Sprintf("%v %d", t.Kind, t.ID)
}

// Complete 处理完成报告。同一任务可能被执行多次（超时改派、备份任务），
// 只接受第一份报告，之后的一律忽略：map/reduce 是确定性的，输出经由原子
// 改名提交，所以哪一次执行先报告都一样——前提是那份输出还拿得到。
// 被判定失联的 worker 的报告一律拒收：它的 map 输出在一块已被当作不可达的
// 本地磁盘上，收下它就会把任务记成“已完成”，却没有人取得到数据。
// （它的 reduce 输出已在 GFS 里，收下本无害；但任务已放回队列，统一拒收让规则简单。）
func (c *Coordinator) Complete(worker string, kind Kind, id int) string {
	tasks := c.maps
	if kind == ReduceTask {
		tasks = c.reduces
	}
	if id < 0 || id >= len(tasks) {
		return fmt.Sprintf("rejected (no %v task %d)", kind, id)
	}
	if c.lost[worker] {
		return "rejected (" + worker + " was declared lost)"
	}
	t := tasks[id]
	if t.State == Completed {
		return "ignored (already completed by " + t.Worker + ")"
	}
	t.State, t.Worker = Completed, worker
	return "accepted"
}

// WorkerLost 在协调者判定某个 worker 失联时调用（论文中靠定期 ping）。
// 判定是单向的：此后不再给它任务，也不再收它的报告。
// 它做过的 map 任务即使已完成也要重做：输出在它的本地磁盘上，已经拿不到了；
// 已完成的 reduce 任务不用重做：输出已经在 GFS 里。
func (c *Coordinator) WorkerLost(worker string) {
	c.lost[worker] = true
	for _, t := range c.maps {
		if t.Worker == worker && t.State != Idle {
			t.State = Idle
		}
	}
	for _, t := range c.reduces {
		if t.Worker == worker && t.State == InProgress {
			t.State = Idle
		}
	}
}

func main() {
	c := NewCoordinator(4, 2, 10)
	ask := func(now int, w string) { fmt.Printf("t=%-2d %s asks: %s\n", now, w, c.Assign(w, now)) }
	done := func(now int, w string, k Kind, id int) {
		fmt.Printf("t=%-2d %s done %v %d: %s\n", now, w, k, id, c.Complete(w, k, id))
	}

	ask(0, "W1")
	ask(0, "W2")
	ask(0, "W3")
	done(2, "W2", MapTask, 1)
	ask(2, "W2")
	done(3, "W1", MapTask, 0)
	ask(3, "W1")
	fmt.Println("t=7  W2 declared lost (pings unanswered)")
	c.WorkerLost("W2")
	ask(8, "W1")
	done(9, "W2", MapTask, 3) // W2 其实没死，只是断了一阵网；它的报告迟到了
	done(10, "W1", MapTask, 1)
	ask(10, "W1")
	done(12, "W1", MapTask, 3)
	ask(12, "W1") // W3 已跑了 12 秒，超过 10 秒：map 2 被收回
	done(14, "W1", MapTask, 2)
	done(15, "W3", MapTask, 2) // 慢吞吞的 W3 也做完了
	ask(15, "W3")
	ask(15, "W1")
	done(18, "W3", ReduceTask, 0)
	done(19, "W1", ReduceTask, 1)
	fmt.Println("job done:", allCompleted(c.maps) && allCompleted(c.reduces))
}

// Output:
// t=0  W1 asks: map 0
// t=0  W2 asks: map 1
// t=0  W3 asks: map 2
// t=2  W2 done map 1: accepted
// t=2  W2 asks: map 3
// t=3  W1 done map 0: accepted
// t=3  W1 asks: wait
// t=7  W2 declared lost (pings unanswered)
// t=8  W1 asks: map 1
// t=9  W2 done map 3: rejected (W2 was declared lost)
// t=10 W1 done map 1: accepted
// t=10 W1 asks: map 3
// t=12 W1 done map 3: accepted
// t=12 W1 asks: map 2
// t=14 W1 done map 2: accepted
// t=15 W3 done map 2: ignored (already completed by W1)
// t=15 W3 asks: reduce 0
// t=15 W1 asks: reduce 1
// t=18 W3 done reduce 0: accepted
// t=19 W1 done reduce 1: accepted
// job done: true

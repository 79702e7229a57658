package main

import (
	"fmt"
	"sort"
	"strings"
)

// Request 是客户端的一次操作；ID 让重试可以被识别出来（在 VMware FT 里，这件事由客户机里的 TCP 序号完成）。
type Request struct {
	ID  int
	Op  string // "incr" 或 "stamp"
	Key string
}

// Entry 是日志通道上的一条记录：输入本身，加上主副本替所有副本做出的不确定选择。
type Entry struct {
	Req   Request
	Clock int // stamp 读到的时钟值，只由主副本读取
}

// Clock 模拟每台机器自己的时钟：两台机器读到的值不同，这就是不确定性的来源。
type Clock struct{ now int }

func (c *Clock) Read() int {
	c.now++
	return c.now
}

// StateMachine 是被复制的确定性状态机：从同一初始状态出发、应用同样的日志，得到同样的状态。
type StateMachine struct {
	kv    map[string]int
	reply map[int]string // 请求 ID -> 当初的回复，用来吸收重复的请求
}

func NewStateMachine() *StateMachine {
	return &StateMachine{kv: map[string]int{}, reply: map[int]string{}}
}

// Apply 执行一条日志，返回回复；dup 表示这是一个已经执行过的请求。
func (sm *StateMachine) Apply(e Entry) (reply string, dup bool) {
	if r, ok := sm.reply[e.Req.ID]; ok {
		return r, true
	}
	switch e.Req.Op {
	case "incr":
		sm.kv[e.Req.Key]++
	case "stamp":
		sm.kv[e.Req.Key] = e.Clock
	}
	reply = fmt.Sprintf("%s=%d", e.Req.Key, sm.kv[e.Req.Key])
	sm.reply[e.Req.ID] = reply
	return reply, false
}

func (sm *StateMachine) keys() []string {
	keys := make([]string, 0, len(sm.kv))
	for k := range sm.kv {
		keys = append(keys, k)
	}
	sort.Strings(keys) // 不依赖 map 的遍历顺序，输出才是确定的
	return keys
}

func (sm *StateMachine) String() string {
	parts := []string{}
	for _, k := range sm.keys() {
		parts = append(parts, fmt.Sprintf("%s=%d", k, sm.kv[k]))
	}
	return strings.Join(parts, " ")
}

// Config 描述一次实验。
type Config struct {
	Name       string
	OutputRule bool // 是否等备份确认之后才把回复交给客户端
	LogClock   bool // 时钟读数是否写进日志
	CrashAt    int  // 主副本在处理第几个请求时崩溃
	AckedFirst bool // 崩溃前，备份是否已经收到并确认了这条日志
}

// run 执行一次实验，返回客户端看到的回复和新主副本，供测试检查。
func run(cfg Config, reqs []Request) (seen map[string]string, newPrimary *StateMachine) {
	fmt.Printf("== %s ==\n", cfg.Name)
	primary, backup := NewStateMachine(), NewStateMachine()
	primaryClock, backupClock := &Clock{now: 1000}, &Clock{now: 2000}
	var received []Entry       // 备份已收到并确认的日志
	seen = map[string]string{} // 客户端对每个键看到的最新回复
	var unanswered []Request   // 客户端没等到回复、稍后要重试的请求

	for i, req := range reqs {
		e := Entry{Req: req}
		if req.Op == "stamp" {
			e.Clock = primaryClock.Read()
		}
		reply, _ := primary.Apply(e)
		crash := i+1 == cfg.CrashAt
		if !cfg.OutputRule { // 违反输出规则：先回复，再发日志
			seen[req.Key] = reply
			fmt.Printf("client <- %s\n", reply)
		}
		if crash && !cfg.AckedFirst {
			fmt.Printf("primary crashes; entry %d never reaches backup\n", req.ID)
			if cfg.OutputRule {
				unanswered = append(unanswered, req)
			}
			break
		}
		received = append(received, e) // 备份收到并确认
		if crash {
			fmt.Printf("primary crashes after backup acked entry %d\n", req.ID)
			unanswered = append(unanswered, req)
			break
		}
		if cfg.OutputRule { // 遵守输出规则：确认到了才回复
			seen[req.Key] = reply
			fmt.Printf("client <- %s\n", reply)
		}
	}

	// 故障切换：备份先重放它收到的全部日志，然后上线成为新的主副本。
	for _, e := range received {
		if e.Req.Op == "stamp" && !cfg.LogClock {
			e.Clock = backupClock.Read() // 错误做法：备份自己去读时钟
		}
		backup.Apply(e)
	}
	fmt.Printf("backup replays %d entries, goes live: %s\n", len(received), backup)
	for _, req := range unanswered {
		e := Entry{Req: req}
		if req.Op == "stamp" {
			e.Clock = backupClock.Read()
		}
		reply, dup := backup.Apply(e)
		seen[req.Key] = reply
		note := ""
		if dup {
			note = " (duplicate, answered from cache)"
		}
		fmt.Printf("client retries %d: client <- %s%s\n", req.ID, reply, note)
	}

	// 检查：客户端对每个键看到的最后一个值，必须就是新主副本现在的状态。
	ok := true
	for _, k := range backup.keys() {
		now := fmt.Sprintf("%s=%d", k, backup.kv[k])
		if seen[k] != now {
			fmt.Printf("VIOLATION: client saw %s, new primary has %s\n", seen[k], now)
			ok = false
		}
	}
	if ok {
		fmt.Println("check: consistent")
	}
	return seen, backup
}

func main() {
	reqs := []Request{{1, "incr", "x"}, {2, "stamp", "t"}, {3, "incr", "x"}, {4, "incr", "x"}}
	run(Config{Name: "A: output rule, entry 4 lost", OutputRule: true, LogClock: true, CrashAt: 4}, reqs)
	run(Config{Name: "B: output rule, entry 4 acked", OutputRule: true, LogClock: true, CrashAt: 4, AckedFirst: true}, reqs)
	run(Config{Name: "C: reply before ack, entry 4 lost", OutputRule: false, LogClock: true, CrashAt: 4}, reqs)
	run(Config{Name: "D: output rule, clock not logged", OutputRule: true, LogClock: false, CrashAt: 4}, reqs)
}

// Output:
// == A: output rule, entry 4 lost ==
// client <- x=1
// client <- t=1001
// client <- x=2
// primary crashes; entry 4 never reaches backup
// backup replays 3 entries, goes live: t=1001 x=2
// client retries 4: client <- x=3
// check: consistent
// == B: output rule, entry 4 acked ==
// client <- x=1
// client <- t=1001
// client <- x=2
// primary crashes after backup acked entry 4
// backup replays 4 entries, goes live: t=1001 x=3
// client retries 4: client <- x=3 (duplicate, answered from cache)
// check: consistent
// == C: reply before ack, entry 4 lost ==
// client <- x=1
// client <- t=1001
// client <- x=2
// client <- x=3
// primary crashes; entry 4 never reaches backup
// backup replays 3 entries, goes live: t=1001 x=2
// VIOLATION: client saw x=3, new primary has x=2
// == D: output rule, clock not logged ==
// client <- x=1
// client <- t=1001
// client <- x=2
// primary crashes; entry 4 never reaches backup
// backup replays 3 entries, goes live: t=2001 x=2
// client retries 4: client <- x=3
// VIOLATION: client saw t=1001, new primary has t=2001

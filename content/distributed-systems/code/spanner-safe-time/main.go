// 一个 Spanner 副本如何用安全时间 t_safe 判断：时间戳 t 上的快照读能否立即执行。
package main

import (
	"fmt"
	"math"
)

type Version struct {
	TS    int
	Value string
}

type Replica struct {
	appliedTS int            // 已应用的最高 Paxos 写的时间戳，即 t_safe^Paxos
	prepared  map[string]int // 已 prepare、尚未得知结果的事务 -> prepare 时间戳
	versions  map[string][]Version
}

// SafeTime = min(t_safe^Paxos, t_safe^TM)。
func (r *Replica) SafeTime() int {
	tm := math.MaxInt // 没有 prepared 事务时 t_safe^TM 为无穷大
	for _, p := range r.prepared {
		if p-1 < tm {
			tm = p - 1
		}
	}
	if r.appliedTS < tm {
		return r.appliedTS
	}
	return tm
}

// Read 在时间戳 t 上读 key：t 不超过安全时间才能回答（返回 ok），否则必须等待。
func (r *Replica) Read(key string, t int) (value string, ok bool) {
	safe := r.SafeTime()
	if t > safe {
		fmt.Printf("  read %s@%d: wait (t_safe=%d)\n", key, t, safe)
		return "", false
	}
	value = "<none>"
	for _, v := range r.versions[key] { // 版本按时间戳递增存放
		if v.TS <= t {
			value = v.Value
		}
	}
	fmt.Printf("  read %s@%d = %s (t_safe=%d)\n", key, t, value, safe)
	return value, true
}

// Apply 模拟按 Paxos 顺序应用一条写：时间戳在组内单调递增。
func (r *Replica) Apply(ts int, what string) {
	r.appliedTS = ts
	fmt.Printf("apply Paxos write @%d: %s\n", ts, what)
}

func main() {
	r := &Replica{
		prepared: map[string]int{},
		versions: map[string][]Version{"x": {{90, "a"}, {100, "b"}}},
	}
	// T7 要写 x：它的 prepare 记录作为一条 Paxos 写被应用，prepare 时间戳为 105。
	r.Apply(105, "prepare record of T7")
	r.prepared["T7"] = 105
	r.Read("x", 95)
	r.Read("x", 103)
	r.Read("x", 106) // T7 可能以 >= 105 的时间戳提交：现在还不能回答

	r.Apply(110, "commit record of T7 (x=c)")
	r.versions["x"] = append(r.versions["x"], Version{110, "c"})
	delete(r.prepared, "T7")
	r.Read("x", 106)
	r.Read("x", 110)
	r.Read("x", 115) // 本副本还没应用到 115：等 Paxos 追上

	r.Apply(118, "unrelated write to y")
	r.Read("x", 115)
}

// Output:
// apply Paxos write @105: prepare record of T7
//   read x@95 = a (t_safe=104)
//   read x@103 = b (t_safe=104)
//   read x@106: wait (t_safe=104)
// apply Paxos write @110: commit record of T7 (x=c)
//   read x@106 = b (t_safe=110)
//   read x@110 = c (t_safe=110)
//   read x@115: wait (t_safe=110)
// apply Paxos write @118: unrelated write to y
//   read x@115 = c (t_safe=118)

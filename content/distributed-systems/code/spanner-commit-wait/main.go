// 用一个假的 TrueTime 模拟 Spanner 的提交时间戳规则与 commit wait。
// 时间单位是毫秒。"真实时间"只有模拟器知道，服务器只能看到自己的本地时钟。
package main

import "fmt"

// Interval 是 TT.now() 的返回值：调用发生时的真实时间一定落在 [Earliest, Latest] 内。
type Interval struct {
	Earliest, Latest int
}

// Server 的本地时钟比真实时间快 Offset 毫秒（负数表示慢）。
// Eps 是时间守护进程宣称的误差上界 ε；TrueTime 的正确性要求 |Offset| <= Eps。
type Server struct {
	Name   string
	Offset int
	Eps    int
}

func (s Server) Local(trueNow int) int { return trueNow + s.Offset }

// Now 对应 TT.now()。
func (s Server) Now(trueNow int) Interval {
	l := s.Local(trueNow)
	return Interval{Earliest: l - s.Eps, Latest: l + s.Eps}
}

// After 对应 TT.after(t)：只有当 t 确定已经过去时才返回 true。
func (s Server) After(t, trueNow int) bool { return s.Now(trueNow).Earliest > t }

// 把提交记录写进 Paxos 多数派需要的时间（假设值）。
const paxosDelay = 5

type policy int

const (
	localClock     policy = iota // 时间戳取本地时钟，不等待
	trueTimeNoWait               // 时间戳取 TT.now().latest，但不做 commit wait
	trueTimeWait                 // 时间戳取 TT.now().latest，并等到 TT.after(ts)
)

var policyNames = []string{"local clock", "TrueTime, no commit wait", "TrueTime + commit wait"}

// commit 模拟协调者领导者处理一个提交请求（arrive 是请求到达的真实时刻），
// 返回提交时间戳，以及客户端得知"已提交"、别人可以读到它的真实时刻。
func commit(tx string, srv Server, p policy, arrive int) (ts, visible int) {
	visible = arrive + paxosDelay
	note := ""
	switch p {
	case localClock:
		ts = srv.Local(arrive)
	case trueTimeNoWait:
		iv := srv.Now(arrive)
		ts = iv.Latest
		note = fmt.Sprintf(" TT.now=[%d,%d]", iv.Earliest, iv.Latest)
	case trueTimeWait:
		iv := srv.Now(arrive)
		ts = iv.Latest
		t := arrive
		for !srv.After(ts, t) { // commit wait：等到 ts 确定已经过去
			t++
		}
		note = fmt.Sprintf(" TT.now=[%d,%d] wait=%dms", iv.Earliest, iv.Latest, t-arrive)
		if t > visible { // commit wait 与 Paxos 写日志并行进行，取两者中较晚者
			visible = t
		}
	}
	fmt.Printf("  %s at %s: arrive=%d%s ts=%d visible=%d\n", tx, srv.Name, arrive, note, ts, visible)
	return ts, visible
}

func main() {
	a := Server{Name: "A", Offset: +4, Eps: 4} // A 的时钟快 4ms
	b := Server{Name: "B", Offset: -4, Eps: 4} // B 的时钟慢 4ms
	for p := localClock; p <= trueTimeWait; p++ {
		fmt.Printf("== %s ==\n", policyNames[p])
		// T1：alice 把 bob 移出好友列表（数据在 A 的 Paxos 组）。
		ts1, vis1 := commit("T1 unfriend", a, p, 100)
		// alice 看到 T1 已提交后才发起 T2：发一条不想让 bob 看到的帖子（数据在 B 的组）。
		// T2 在 vis1+1 开始，执行 1ms 后提交请求到达 B。
		ts2, _ := commit("T2 post    ", b, p, vis1+2)
		if ts2 > ts1 {
			fmt.Printf("  ok: ts2 %d > ts1 %d\n", ts2, ts1)
		} else {
			fmt.Printf("  BROKEN: a snapshot at %d sees the post but not the unfriend\n", ts2)
		}
	}
}

// Output:
// == local clock ==
//   T1 unfriend at A: arrive=100 ts=104 visible=105
//   T2 post     at B: arrive=107 ts=103 visible=112
//   BROKEN: a snapshot at 103 sees the post but not the unfriend
// == TrueTime, no commit wait ==
//   T1 unfriend at A: arrive=100 TT.now=[100,108] ts=108 visible=105
//   T2 post     at B: arrive=107 TT.now=[99,107] ts=107 visible=112
//   BROKEN: a snapshot at 107 sees the post but not the unfriend
// == TrueTime + commit wait ==
//   T1 unfriend at A: arrive=100 TT.now=[100,108] wait=9ms ts=108 visible=109
//   T2 post     at B: arrive=111 TT.now=[103,111] wait=9ms ts=111 visible=120
//   ok: ts2 111 > ts1 108

// 一个确定性的 Raft 选举模拟：5 台服务器，S1 是任期 1 的领导者，在 t=0 崩溃。
// 选举超时从每台服务器预先“抽好”的序列里依次取（都在 150–300 ms 内），
// 网络延迟固定：同机房 5 ms，跨机房 20 ms。没有真正的随机数和时钟，所以输出可复现。
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

const majority = 3 // 5 台服务器的多数派

type role int

const (
	follower role = iota
	candidate
	leader
)

type event struct {
	at   int    // 发生时刻（ms）
	seq  int    // 同一时刻按加入顺序处理
	kind string // "timeout"、"vote"、"reply"、"heartbeat"、"hbtick"
	to   int    // 处理该事件的服务器
	from int
	term int
	ok   bool // 投票回复：是否同意
	gen  int  // 计时器代号：计时器重置后，旧的超时事件作废
}

type server struct {
	id          int
	alive       bool
	role        role
	currentTerm int
	votedFor    int // 0 表示本任期尚未投票
	votes       int
	timerGen    int
	timeouts    []int // 预先抽好的“随机”超时，循环使用
	draws       int
}

type sim struct {
	now     int
	seq     int
	queue   []event
	servers []*server // 下标 1..5
	end     int
	out     io.Writer     // 事件日志写到这里；测试里换成 io.Discard
	elected map[int][]int // 任期 -> 在该任期当选的服务器，供测试检查“每个任期至多一个领导者”
}

// 机房 A：S1、S2、S3；机房 B：S4、S5。
func delay(a, b int) int {
	if (a <= 3) == (b <= 3) {
		return 5
	}
	return 20
}

func (s *sim) push(e event) {
	s.seq++
	e.seq = s.seq
	s.queue = append(s.queue, e)
}

func (s *sim) log(format string, args ...interface{}) {
	fmt.Fprintf(s.out, "t=%3dms  %s\n", s.now, fmt.Sprintf(format, args...))
}

// resetTimer 重新开始选举计时：取下一个预抽的超时值。
func (s *sim) resetTimer(sv *server) {
	sv.timerGen++
	d := sv.timeouts[sv.draws%len(sv.timeouts)]
	sv.draws++
	s.push(event{at: s.now + d, kind: "timeout", to: sv.id, gen: sv.timerGen})
}

// observe 实现“看到更大的任期就更新并退回跟随者”。
func (s *sim) observe(sv *server, term int) {
	if term > sv.currentTerm {
		if sv.role != follower {
			s.log("S%d sees term %d > %d, steps down to follower", sv.id, term, sv.currentTerm)
		}
		sv.currentTerm = term
		sv.votedFor = 0
		sv.role = follower
	}
}

func (s *sim) startElection(sv *server) {
	sv.role = candidate
	sv.currentTerm++
	sv.votedFor = sv.id
	sv.votes = 1
	s.resetTimer(sv)
	s.log("S%d times out, becomes candidate for term %d", sv.id, sv.currentTerm)
	for _, peer := range s.servers[1:] {
		if peer.id != sv.id {
			s.push(event{at: s.now + delay(sv.id, peer.id), kind: "vote", to: peer.id, from: sv.id, term: sv.currentTerm})
		}
	}
}

func (s *sim) handle(e event) {
	sv := s.servers[e.to]
	if !sv.alive {
		return // 崩溃的服务器什么也不做，也不回复
	}
	switch e.kind {
	case "timeout":
		if e.gen == sv.timerGen && sv.role != leader {
			s.startElection(sv)
		}
	case "vote": // 收到 RequestVote（本模拟里所有日志一样新，省略日志比较）
		s.observe(sv, e.term)
		grant := e.term == sv.currentTerm && (sv.votedFor == 0 || sv.votedFor == e.from)
		if grant {
			sv.votedFor = e.from
			s.resetTimer(sv)
			s.log("S%d votes for S%d in term %d", sv.id, e.from, e.term)
		} else {
			s.log("S%d rejects S%d in term %d (already voted for S%d)", sv.id, e.from, e.term, sv.votedFor)
		}
		s.push(event{at: s.now + delay(sv.id, e.from), kind: "reply", to: e.from, from: sv.id, term: sv.currentTerm, ok: grant})
	case "reply":
		s.observe(sv, e.term)
		if sv.role != candidate || e.term != sv.currentTerm || !e.ok {
			return
		}
		sv.votes++
		s.log("S%d has %d of %d votes needed for term %d", sv.id, sv.votes, majority, sv.currentTerm)
		if sv.votes == majority {
			sv.role = leader
			s.elected[sv.currentTerm] = append(s.elected[sv.currentTerm], sv.id)
			s.log("S%d becomes leader of term %d", sv.id, sv.currentTerm)
			s.push(event{at: s.now, kind: "hbtick", to: sv.id})
		}
	case "hbtick": // 领导者每 50 ms 发一轮心跳（空的 AppendEntries）
		if sv.role == leader {
			for _, peer := range s.servers[1:] {
				if peer.id != sv.id {
					s.push(event{at: s.now + delay(sv.id, peer.id), kind: "heartbeat", to: peer.id, from: sv.id, term: sv.currentTerm})
				}
			}
			s.push(event{at: s.now + 50, kind: "hbtick", to: sv.id})
		}
	case "heartbeat":
		s.observe(sv, e.term)
		if e.term == sv.currentTerm {
			if sv.role == candidate {
				s.log("S%d hears leader S%d of term %d, becomes follower", sv.id, e.from, e.term)
			}
			sv.role = follower
			s.resetTimer(sv)
		}
	}
}

func (s *sim) run() {
	for len(s.queue) > 0 {
		sort.Slice(s.queue, func(i, j int) bool {
			if s.queue[i].at != s.queue[j].at {
				return s.queue[i].at < s.queue[j].at
			}
			return s.queue[i].seq < s.queue[j].seq
		})
		e := s.queue[0]
		if e.at > s.end {
			return
		}
		s.queue = s.queue[1:]
		s.now = e.at
		s.handle(e)
	}
}

func main() {
	// 每台服务器依次使用的选举超时（ms），相当于从 [150, 300) 里事先抽好的随机数。
	draws := [][]int{
		nil,
		{200},                // S1（t=0 崩溃，用不到）
		{150, 230, 240, 185}, // S2
		{210, 280, 260, 175}, // S3
		{290, 260, 250, 205}, // S4
		{152, 170, 280, 265}, // S5
	}
	s := &sim{servers: make([]*server, 6), end: 500, out: os.Stdout, elected: map[int][]int{}}
	for id := 1; id <= 5; id++ {
		s.servers[id] = &server{id: id, alive: id != 1, currentTerm: 1, votedFor: 1, timeouts: draws[id]}
	}
	s.log("S1 (leader of term 1) crashes; S2..S5 last heard from it at t=0")
	for id := 2; id <= 5; id++ {
		s.resetTimer(s.servers[id])
	}
	s.run()
	for id := 2; id <= 5; id++ {
		sv := s.servers[id]
		fmt.Printf("S%d: term=%d role=%v\n", id, sv.currentTerm, []string{"follower", "candidate", "leader"}[sv.role])
	}
}

// Output:
// t=  0ms  S1 (leader of term 1) crashes; S2..S5 last heard from it at t=0
// t=150ms  S2 times out, becomes candidate for term 2
// t=152ms  S5 times out, becomes candidate for term 2
// t=155ms  S3 votes for S2 in term 2
// t=157ms  S4 votes for S5 in term 2
// t=160ms  S2 has 2 of 3 votes needed for term 2
// t=162ms  S5 has 2 of 3 votes needed for term 2
// t=170ms  S4 rejects S2 in term 2 (already voted for S5)
// t=170ms  S5 rejects S2 in term 2 (already voted for S5)
// t=172ms  S2 rejects S5 in term 2 (already voted for S2)
// t=172ms  S3 rejects S5 in term 2 (already voted for S2)
// t=322ms  S5 times out, becomes candidate for term 3
// t=327ms  S4 votes for S5 in term 3
// t=332ms  S5 has 2 of 3 votes needed for term 3
// t=342ms  S2 sees term 3 > 2, steps down to follower
// t=342ms  S2 votes for S5 in term 3
// t=342ms  S3 votes for S5 in term 3
// t=362ms  S5 has 3 of 3 votes needed for term 3
// t=362ms  S5 becomes leader of term 3
// S2: term=3 role=follower
// S3: term=3 role=follower
// S4: term=3 role=follower
// S5: term=3 role=leader

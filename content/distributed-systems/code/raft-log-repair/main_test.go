package main

import (
	"math/rand"
	"testing"
)

func terms(log []Entry) []int {
	ts := make([]int, 0, len(log)-1)
	for _, e := range log[1:] {
		ts = append(ts, e.Term)
	}
	return ts
}

// 跟随者保留着领导者从没发给它的条目时（这里是旧任期留下的第 3 条），matchIndex 只能是
// 领导者发出去的 prevLogIndex + len(entries)，不是跟随者日志的长度。
// 用 f.lastIndex() 当 matchIndex 时失败（这个程序早先就是这样写的）。
func TestMatchIndexComesFromTheSentRequest(t *testing.T) {
	leader := &Leader{id: 1, term: 3, log: makeLog(1, 1)}
	f := &Follower{name: "F", currentTerm: 2, log: makeLog(1, 1, 2)}
	rpcs, match := leader.replicate(f, true, false)
	if rpcs != 1 || match != 2 {
		t.Fatalf("rpcs=%d matchIndex=%d, want 1 and 2: the leader only knows about the entries it sent", rpcs, match)
	}
	if f.lastIndex() != 3 {
		t.Fatalf("follower log %v: a heartbeat that conflicts with nothing must not truncate", terms(f.log))
	}
}

// 过期请求：先到的是带第 2、3 条的新请求，后到的是只带第 2 条的旧请求。规则 3 只删除
// 冲突的条目，所以旧请求不能把第 3 条删掉。无条件截断到 PrevLogIndex 时失败。
func TestStaleShorterRequestKeepsLaterEntries(t *testing.T) {
	f := &Follower{name: "F", currentTerm: 2, log: makeLog(1)}
	newer := &AppendEntriesArgs{Term: 2, PrevLogIndex: 1, PrevLogTerm: 1, Entries: makeLog(2, 2)[1:]}
	older := &AppendEntriesArgs{Term: 2, PrevLogIndex: 1, PrevLogTerm: 1, Entries: makeLog(2)[1:]}
	for _, args := range []*AppendEntriesArgs{newer, older} {
		reply := &AppendEntriesReply{}
		f.AppendEntries(args, reply)
		if !reply.Success {
			t.Fatalf("request %+v rejected", args)
		}
	}
	if got := terms(f.log); len(got) != 3 {
		t.Fatalf("follower log %v after the stale request, want [1 2 2]", got)
	}
}

// 规则 1：任期更小的请求被拒绝，跟随者的日志和任期都不变。
func TestRequestFromOldTermIsRejected(t *testing.T) {
	f := &Follower{name: "F", currentTerm: 5, log: makeLog(1, 5)}
	reply := &AppendEntriesReply{}
	f.AppendEntries(&AppendEntriesArgs{Term: 4, PrevLogIndex: 1, PrevLogTerm: 1, Entries: makeLog(4)[1:]}, reply)
	if reply.Success || reply.Term != 5 || len(f.log) != 3 || f.log[2].Term != 5 {
		t.Fatalf("reply=%+v log=%v: a term-4 request must change nothing", reply, terms(f.log))
	}
}

// 规则 5：commitIndex 取 leaderCommit 与“最后一条新条目”的较小值。跟随者可能还留着
// 更靠后的、与领导者不同的条目，不能把它们当成已提交。
func TestFollowerCommitStopsAtLastNewEntry(t *testing.T) {
	f := &Follower{name: "F", currentTerm: 3, log: makeLog(1, 1, 2, 2)}
	reply := &AppendEntriesReply{}
	f.AppendEntries(&AppendEntriesArgs{Term: 3, PrevLogIndex: 1, PrevLogTerm: 1, LeaderCommit: 4}, reply)
	if !reply.Success || f.commitIndex != 1 {
		t.Fatalf("commitIndex=%d, want 1: entries 2-4 were not checked against the leader", f.commitIndex)
	}
}

// 随机造出分叉的日志（种子固定），并让它们符合日志匹配性质：公共前缀之后，领导者有任期 3
// 和 5 的条目；跟随者有领导者任期 3 那部分的一个前缀，再加上任期 4 的、只到过它的条目
// （任期 4 的领导者是别人）。快速回退和逐格回退都要把跟随者修成与领导者一模一样，
// matchIndex 等于领导者的最后一条，并且快速回退用的 RPC 不比逐格回退多。
func TestRepairConvergesOnRandomDivergentLogs(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	run := func(term, n int) []int {
		ts := make([]int, n)
		for i := range ts {
			ts[i] = term
		}
		return ts
	}
	for i := 0; i < 500; i++ {
		common := append(run(1, 1+rng.Intn(3)), run(2, rng.Intn(3))...)
		t3 := rng.Intn(4)
		leaderTerms := append(append(append([]int(nil), common...), run(3, t3)...), run(5, rng.Intn(4))...)
		leaderTerms = append(leaderTerms, 6) // 新领导者在任期 6 写下的第一条
		followerTerms := append(append(append([]int(nil), common...), run(3, rng.Intn(t3+1))...), run(4, rng.Intn(4))...)
		leader := &Leader{id: 1, term: 6, log: makeLog(leaderTerms...)}
		rpcs := map[bool]int{}
		for _, fast := range []bool{false, true} {
			f := &Follower{name: "F", currentTerm: 5, log: makeLog(followerTerms...)}
			n, match := leader.replicate(f, fast, false)
			if !sameLog(f.log, leader.log) || match != leader.lastIndex() {
				t.Fatalf("leader %v follower %v fast=%v: got %v, matchIndex=%d",
					leaderTerms, followerTerms, fast, terms(f.log), match)
			}
			rpcs[fast] = n
		}
		if rpcs[true] > rpcs[false] {
			t.Fatalf("leader %v follower %v: fast backup used %d RPCs, one-by-one %d",
				leaderTerms, followerTerms, rpcs[true], rpcs[false])
		}
	}
}

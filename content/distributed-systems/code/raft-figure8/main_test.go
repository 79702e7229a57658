package main

import "testing"

// scenario 是领导者 S1（下标 0）在 term 任期的一个局面：各服务器的日志、领导者的
// matchIndex，以及此前已经提交到的位置。
type scenario struct {
	name  string
	logs  [][]int
	match []int
	term  int
	prev  int
}

var scenarios = []scenario{
	{"figure 8 (c)", [][]int{{1, 2, 4}, {1, 2}, {1, 2}, {1}, {1, 3}}, []int{3, 2, 2, 1, 1}, 4, 1},
	{"figure 8 (e)", [][]int{{1, 2, 4}, {1, 2, 4}, {1, 2, 4}, {1}, {1, 3}}, []int{3, 3, 3, 1, 1}, 4, 1},
	// 第 11 讲练习“哪些条目可以提交”：S5 在索引 3 上有任期 4 的条目。
	{"lecture 11 exercise", [][]int{{1, 1, 3, 5}, {1, 1, 3}, {1, 1, 3}, {1, 1}, {1, 1, 4}}, []int{4, 3, 3, 2, 2}, 5, 2},
}

// lost 找出一个“领导者提交之后立刻崩溃、能当选却没有某条已提交条目”的候选者。
func lost(sc scenario, commit int) (cand, index int, ok bool) {
	alive := []int{1, 2, 3, 4}
	for _, c := range alive {
		if win, _ := canWin(sc.logs, c, alive); !win {
			continue
		}
		for i := 1; i <= commit; i++ {
			if len(sc.logs[c]) < i || sc.logs[c][i-1] != sc.logs[0][i-1] {
				return c, i, true
			}
		}
	}
	return 0, 0, false
}

// 领导者完整性：按 Raft 的规则提交的条目，领导者崩溃后任何能当选的服务器都有。
// 把提交规则里“log[N] 属于当前任期”的条件去掉时失败。
func TestRaftRuleCommitsOnlyWhatEveryWinnerHas(t *testing.T) {
	for _, sc := range scenarios {
		commit := commitIndex(sc.logs[0], sc.match, sc.term, sc.prev, false)
		if c, i, bad := lost(sc, commit); bad {
			t.Errorf("%s: raft rule committed %d, but S%d can win without index %d", sc.name, commit, c+1, i)
		}
	}
}

// 反面：朴素规则在图 8 (c) 和第 11 讲的局面里提交了一条之后会被覆盖的条目。
func TestNaiveRuleLosesACommittedEntry(t *testing.T) {
	for _, sc := range []scenario{scenarios[0], scenarios[2]} {
		commit := commitIndex(sc.logs[0], sc.match, sc.term, sc.prev, true)
		if _, _, bad := lost(sc, commit); !bad {
			t.Errorf("%s: the naive rule (commit %d) lost nothing; the lecture says it does", sc.name, commit)
		}
	}
}

// 选举限制（第 5.4.1 节）：先比最后一条的任期，任期相同再比长度。
// 先比长度时失败。
func TestUpToDateComparesLastTermFirst(t *testing.T) {
	cases := []struct {
		cand, voter []int
		want        bool
	}{
		{[]int{1, 3}, []int{1, 2, 2, 2}, true}, // 任期更大，哪怕更短
		{[]int{1, 2, 2, 2}, []int{1, 3}, false},
		{[]int{1, 2, 2}, []int{1, 2}, true}, // 任期相同，更长
		{[]int{1, 2}, []int{1, 2, 2}, false},
		{[]int{1, 2}, []int{1, 2}, true}, // 一样新也投票
		{nil, nil, true},
		{nil, []int{1}, false},
	}
	for _, c := range cases {
		if got := upToDate(c.cand, c.voter); got != c.want {
			t.Errorf("upToDate(%v, %v) = %v, want %v", c.cand, c.voter, got, c.want)
		}
	}
}

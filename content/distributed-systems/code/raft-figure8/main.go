// 重演论文图 8：比较“在多数派上就提交”的朴素规则与 Raft 的提交规则。
// 日志用任期序列表示，logs[i][k] 是服务器 S(i+1) 索引 k+1 处条目的任期。
package main

import "fmt"

const servers = 5

func lastOf(log []int) (index, term int) {
	if len(log) == 0 {
		return 0, 0
	}
	return len(log), log[len(log)-1]
}

// upToDate：候选者日志是否至少和投票者一样新（第 5.4.1 节）。
func upToDate(cand, voter []int) bool {
	ci, ct := lastOf(cand)
	vi, vt := lastOf(voter)
	if ct != vt {
		return ct > vt
	}
	return ci >= vi
}

// commitIndex 从原来的 prev 出发，返回领导者按规则能推进到的 commitIndex。
// naive 为真时只数副本；否则还要求 log[N] 属于当前任期（论文图 2）。
func commitIndex(leaderLog, matchIndex []int, currentTerm, prev int, naive bool) int {
	for n := len(leaderLog); n > prev; n-- {
		count := 0
		for _, m := range matchIndex {
			if m >= n {
				count++
			}
		}
		if count > servers/2 && (naive || leaderLog[n-1] == currentTerm) {
			return n
		}
	}
	return prev
}

// canWin：候选者在 alive 中的服务器里能否拿到多数派选票（它自己一票）。
func canWin(logs [][]int, cand int, alive []int) (bool, int) {
	votes := 1
	for _, v := range alive {
		if v != cand && upToDate(logs[cand], logs[v]) {
			votes++
		}
	}
	return votes > servers/2, votes
}

func main() {
	// 阶段 (c)：S1 是任期 4 的领导者，任期 2 的索引 2 已在 S1、S2、S3 上。
	// 索引 1 早在任期 1 就已提交，所以 commitIndex 从 1 出发。
	c := [][]int{{1, 2, 4}, {1, 2}, {1, 2}, {1}, {1, 3}}
	matchC := []int{3, 2, 2, 1, 1}
	fmt.Println("stage (c): naive commitIndex =", commitIndex(c[0], matchC, 4, 1, true),
		"| raft commitIndex =", commitIndex(c[0], matchC, 4, 1, false))

	// 走向 (d)：S1 崩溃，S5 向 S2、S3、S4 拉票。
	win, votes := canWin(c, 4, []int{1, 2, 3, 4})
	fmt.Printf("stage (d): S5 wins=%v with %d votes -> overwrites index 2 (term 2) with term 3\n", win, votes)

	// 走向 (e)：S1 先把任期 4 的索引 3 复制到 S2、S3。
	e := [][]int{{1, 2, 4}, {1, 2, 4}, {1, 2, 4}, {1}, {1, 3}}
	matchE := []int{3, 3, 3, 1, 1}
	fmt.Println("stage (e): naive commitIndex =", commitIndex(e[0], matchE, 4, 1, true),
		"| raft commitIndex =", commitIndex(e[0], matchE, 4, 1, false))
	win, votes = canWin(e, 4, []int{1, 2, 3, 4})
	fmt.Printf("stage (e): S5 wins=%v with %d votes\n", win, votes)
}

// Output:
// stage (c): naive commitIndex = 2 | raft commitIndex = 1
// stage (d): S5 wins=true with 4 votes -> overwrites index 2 (term 2) with term 3
// stage (e): naive commitIndex = 3 | raft commitIndex = 3
// stage (e): S5 wins=false with 2 votes

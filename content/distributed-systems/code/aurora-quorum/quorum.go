// Package quorum 是第 23 讲的 Aurora 风格法定人数检查：一个保护组有 6 个段副本，
// 每个可用区 2 个；写需要 4 个确认，读（用于恢复与修复）需要 3 个。
package quorum

import (
	"fmt"
	"sort"
)

// ANCHOR: quorum
const (
	copies      = 6
	writeQuorum = 4
	readQuorum  = 3
)

type Segment struct {
	ID string
	AZ string
}

// 两条规则：读写集合必相交；任意两个写集合必相交。
func quorumRulesHold(v, vw, vr int) bool {
	return vr+vw > v && 2*vw > v
}

// sclTable 是写者平时的记账：每个段副本报告过的 SCL（已连续收到的最大日志序号），
// 按段的 ID 记，每个段只有一项。确认会被重复投递、会迟到，所以 record 只保留最大值，
// 并拒绝不属于这个保护组的段。
type sclTable map[string]uint64

func (t sclTable) record(pg []Segment, id string, scl uint64) error {
	if !inGroup(pg, id) {
		return fmt.Errorf("SCL %d reported by segment %q, which is not in this protection group", scl, id)
	}
	if scl > t[id] {
		t[id] = scl
	}
	return nil
}

func inGroup(pg []Segment, id string) bool {
	for _, s := range pg {
		if s.ID == id {
			return true
		}
	}
	return false
}

// pgCompleteLSN：至少 4 个不同的段副本都已持有的最大序号，就是把各段的 SCL 从大到小排序后的第 4 个。
// 例：SCL = [105 103 103 101 97 90]，结果是 101：序号不超过 101 的记录都已持久。
// 报告过的段不足 4 个时无法断言任何位置已被写法定人数持有，ok 为 false。
// 这和 Raft 领导者用各副本的 matchIndex 取“多数派都已复制的位置”是同一个计算（第 7 讲）。
func pgCompleteLSN(t sclTable) (lsn uint64, ok bool) {
	if len(t) < writeQuorum {
		return 0, false
	}
	s := make([]uint64, 0, len(t))
	for _, scl := range t {
		s = append(s, scl)
	}
	sort.Slice(s, func(i, j int) bool { return s[i] > s[j] })
	return s[writeQuorum-1], true
}

// availability：给定失效的副本集合，这个保护组还能否写、能否读到最新状态并修复。
// 丢一个可用区（a1、a2）：剩 4 个 -> 能写，能修复。
// 丢一个可用区再加 b1：剩 3 个 -> 不能写，但能修复，不丢数据。
func availability(pg []Segment, failed map[string]bool) (canWrite, canRepair bool) {
	alive := 0
	for _, s := range pg {
		if !failed[s.ID] {
			alive++
		}
	}
	return alive >= writeQuorum, alive >= readQuorum
}

// ANCHOR_END: quorum

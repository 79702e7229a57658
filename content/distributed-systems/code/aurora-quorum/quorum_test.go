package quorum

import "testing"

func TestQuorumRules(t *testing.T) {
	cases := []struct {
		v, vw, vr int
		want      bool
	}{
		{6, 4, 3, true},  // Aurora
		{6, 3, 4, false}, // 写写不相交（练习 1 的第 2 问）
		{6, 4, 2, false}, // 读写不相交
		{5, 3, 3, true},  // 练习 1 的第 3 问
		{3, 2, 2, true},
	}
	for _, c := range cases {
		if got := quorumRulesHold(c.v, c.vw, c.vr); got != c.want {
			t.Errorf("quorumRulesHold(%d, %d, %d) = %v, want %v", c.v, c.vw, c.vr, got, c.want)
		}
	}
}

// 第 4 大的 SCL 才被写法定人数持有。取第 3 大（读法定人数）的版本会说 103 已持久，
// 而 103 只在 3 个副本上：丢掉这 3 个就丢了一条“已确认”的记录。
func TestCompleteLSNNeedsWriteQuorum(t *testing.T) {
	scl := []uint64{90, 103, 105, 97, 101, 103}
	got, ok := pgCompleteLSN(scl)
	if !ok || got != 101 {
		t.Fatalf("pgCompleteLSN(%v) = %d, %v; want 101, true", scl, got, ok)
	}
	if scl[0] != 90 || scl[2] != 105 {
		t.Fatalf("pgCompleteLSN reordered its argument: %v", scl)
	}
}

// 只有部分副本报告了 SCL：少于 4 个，不能断言任何位置已被写法定人数持有。
func TestCompleteLSNWithTooFewReplies(t *testing.T) {
	for _, scl := range [][]uint64{nil, {100}, {100, 100, 100}} {
		if got, ok := pgCompleteLSN(scl); ok {
			t.Errorf("pgCompleteLSN(%v) = %d, true; want ok=false (fewer than %d replies)", scl, got, writeQuorum)
		}
	}
	if got, ok := pgCompleteLSN([]uint64{7, 9, 8, 8}); !ok || got != 7 {
		t.Errorf("four replies: got %d, %v; want 7, true", got, ok)
	}
}

func protectionGroup() []Segment {
	return []Segment{{"a1", "A"}, {"a2", "A"}, {"b1", "B"}, {"b2", "B"}, {"c1", "C"}, {"c2", "C"}}
}

func TestAvailabilityAZPlusOne(t *testing.T) {
	pg := protectionGroup()
	cases := []struct {
		name                string
		failed              []string
		canWrite, canRepair bool
	}{
		{"none", nil, true, true},
		{"one AZ", []string{"a1", "a2"}, true, true},
		{"AZ+1", []string{"a1", "a2", "b1"}, false, true},
		{"AZ+2", []string{"a1", "a2", "b1", "b2"}, false, false},
		{"unknown IDs do not count", []string{"x9"}, true, true},
	}
	for _, c := range cases {
		failed := map[string]bool{}
		for _, id := range c.failed {
			failed[id] = true
		}
		w, r := availability(pg, failed)
		if w != c.canWrite || r != c.canRepair {
			t.Errorf("%s: canWrite=%v canRepair=%v, want %v %v", c.name, w, r, c.canWrite, c.canRepair)
		}
	}
}

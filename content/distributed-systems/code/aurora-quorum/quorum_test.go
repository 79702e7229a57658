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

// sclOf 按 protectionGroup 的顺序（a1 a2 b1 b2 c1 c2）为各段副本记下一次确认。
func sclOf(t *testing.T, lsns ...uint64) sclTable {
	t.Helper()
	pg := protectionGroup()
	table := sclTable{}
	for i, lsn := range lsns {
		if err := table.record(pg, pg[i].ID, lsn); err != nil {
			t.Fatal(err)
		}
	}
	return table
}

// 第 4 大的 SCL 才被写法定人数持有。取第 3 大（读法定人数）的版本会说 103 已持久，
// 而 103 只在 3 个副本上：丢掉这 3 个就丢了一条“已确认”的记录。
func TestCompleteLSNNeedsWriteQuorum(t *testing.T) {
	scl := sclOf(t, 90, 103, 105, 97, 101, 103)
	if got, ok := pgCompleteLSN(scl); !ok || got != 101 {
		t.Fatalf("pgCompleteLSN(%v) = %d, %v; want 101, true", scl, got, ok)
	}
}

// 只有部分副本报告了 SCL：少于 4 个，不能断言任何位置已被写法定人数持有。
func TestCompleteLSNWithTooFewReplies(t *testing.T) {
	for _, scl := range []sclTable{sclOf(t), sclOf(t, 100), sclOf(t, 100, 100, 100)} {
		if got, ok := pgCompleteLSN(scl); ok {
			t.Errorf("pgCompleteLSN(%v) = %d, true; want ok=false (fewer than %d segments)", scl, got, writeQuorum)
		}
	}
	if got, ok := pgCompleteLSN(sclOf(t, 7, 9, 8, 8)); !ok || got != 7 {
		t.Errorf("four segments: got %d, %v; want 7, true", got, ok)
	}
}

// 网络会重复投递确认，段副本也会重发。同一个段的四次确认只是一个副本持有，
// 两个段各确认两次仍然只有 2 份拷贝：不能据此宣布 105 已被写法定人数持有。
func TestDuplicateAcksCountOnce(t *testing.T) {
	pg := protectionGroup()
	table := sclTable{}
	for i := 0; i < 2; i++ {
		for _, id := range []string{"a1", "b1"} {
			if err := table.record(pg, id, 105); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, ok := pgCompleteLSN(table); ok {
		t.Fatalf("4 acks from 2 segments: pgCompleteLSN = %d, true; want ok=false", got)
	}
}

// 迟到的旧确认不能把一个段的 SCL 拉回去；不属于这个保护组的段报告被拒绝。
func TestRecordKeepsMaxAndRejectsStrangers(t *testing.T) {
	pg := protectionGroup()
	table := sclOf(t, 105, 105, 105, 105)
	if err := table.record(pg, "a1", 90); err != nil {
		t.Fatal(err)
	}
	if got, ok := pgCompleteLSN(table); !ok || got != 105 {
		t.Fatalf("after a late ack 90 from a1: got %d, %v; want 105, true", got, ok)
	}
	if err := table.record(pg, "x9", 200); err == nil {
		t.Fatal("record accepted an ack from x9, which is not in the protection group")
	}
	if len(table) != 4 {
		t.Fatalf("table has %d segments after a stranger's ack, want 4", len(table))
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

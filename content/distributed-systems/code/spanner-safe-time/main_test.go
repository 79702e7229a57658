package main

import "testing"

func newReplica() *Replica {
	return &Replica{prepared: map[string]int{},
		versions: map[string][]Version{"x": {{90, "a"}, {100, "b"}}}}
}

// prepare 时间戳为 105 的事务可能以 105 提交：时间戳 104 的读可以回答，105 的必须等。
// 把 t_safe^TM 算成 prepare 时间戳本身（少了 -1）时失败。
func TestReadAtPrepareTimestampWaits(t *testing.T) {
	r := newReplica()
	r.Apply(105, "prepare record of T7")
	r.prepared["T7"] = 105
	if v, ok := r.Read("x", 104); !ok || v != "b" {
		t.Fatalf("read x@104 = %q ok=%v, want b", v, ok)
	}
	if _, ok := r.Read("x", 105); ok {
		t.Fatal("read x@105 answered while T7 may still commit at 105")
	}
}

// 快照读一旦回答，同一个时间戳上的答案以后永远不变。T7 prepare 在 105、悬而未决时，
// 一条无关的写把 t_safe^Paxos 推到 108；T7 随后以 106 提交。
// SafeTime 忽略已 prepare 的事务时失败（x@107 先答 b，后来变成 c）。
func TestAnsweredSnapshotReadsNeverChange(t *testing.T) {
	r := newReplica()
	answered := map[int]string{}
	readAll := func(when string) {
		for ts := 95; ts <= 115; ts++ {
			v, ok := r.Read("x", ts)
			if !ok {
				continue
			}
			if old, seen := answered[ts]; seen && old != v {
				t.Fatalf("%s: read x@%d was %s, now %s", when, ts, old, v)
			}
			answered[ts] = v
		}
	}
	r.Apply(105, "prepare record of T7")
	r.prepared["T7"] = 105
	readAll("after T7 prepared")
	r.Apply(108, "unrelated write to y")
	readAll("after the write to y")
	r.Apply(109, "commit record of T7 (x=c at 106)")
	r.versions["x"] = append(r.versions["x"], Version{106, "c"})
	delete(r.prepared, "T7")
	readAll("after T7 committed at 106")
	if answered[107] != "c" {
		t.Fatalf("x@107 = %q after T7 committed at 106, want c", answered[107])
	}
}

// 没有悬而未决的事务时，t_safe 就是已应用的最高 Paxos 写的时间戳。
func TestSafeTimeWithoutPreparedIsPaxosSafeTime(t *testing.T) {
	r := newReplica()
	r.Apply(118, "write to y")
	if got := r.SafeTime(); got != 118 {
		t.Fatalf("SafeTime = %d, want 118", got)
	}
	if _, ok := r.Read("x", 119); ok {
		t.Fatal("read x@119 answered before the replica applied anything at 119")
	}
}

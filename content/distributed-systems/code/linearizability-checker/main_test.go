package main

import (
	"math/rand"
	"sort"
	"testing"
)

// valid reports whether order is a legal witness: every op once, no op placed before one
// that must precede it, and every read returns the value of the latest write before it.
func valid(ops, order []Op, before mustPrecede) bool {
	if len(order) != len(ops) {
		return false
	}
	cur := 0
	for i, op := range order {
		for _, later := range order[i+1:] {
			if before(later, op) {
				return false
			}
		}
		if op.Kind == "W" {
			cur = op.Value
		} else if op.Value != cur {
			return false
		}
	}
	return true
}

// atomicHistory runs three clients against a real atomic register: each op takes effect at
// one instant inside its [Call, Return] interval, so the history is linearizable by
// construction. Some writes time out (Return = Inf) after taking effect.
func atomicHistory(r *rand.Rand) []Op {
	var ops []Op
	var effect []int
	for _, c := range []string{"C1", "C2", "C3"} {
		t := r.Intn(5)
		for k := 0; k < 2; k++ {
			call := t + r.Intn(5)
			at := call + 1 + r.Intn(10)
			op := Op{Client: c, Kind: "R", Call: call, Return: at + 1 + r.Intn(10)}
			if r.Intn(2) == 0 {
				op.Kind, op.Value = "W", 1+r.Intn(3)
				if r.Intn(6) == 0 {
					op.Return = Inf
				}
			}
			ops, effect = append(ops, op), append(effect, at)
			if op.Return == Inf {
				break // a client whose write timed out stops
			}
			t = op.Return + 1
		}
	}
	// Replay the effects in time order to give every read the value it saw.
	idx := make([]int, len(ops))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return effect[idx[a]] < effect[idx[b]] })
	cur := 0
	for _, i := range idx {
		if ops[i].Kind == "W" {
			cur = ops[i].Value
		} else {
			ops[i].Value = cur
		}
	}
	return ops
}

func TestHistoriesOfAnAtomicRegisterAreLinearizable(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	for n := 0; n < 300; n++ {
		ops := atomicHistory(r)
		order, ok := check(ops, realTime)
		if !ok {
			t.Fatalf("history %d from an atomic register judged not linearizable: %v", n, ops)
		}
		if !valid(ops, order, realTime) {
			t.Fatalf("history %d: the witness %v is not a legal linearization of %v", n, order, ops)
		}
	}
}

// Fails on a search that places a read without checking it returns the current value:
// the stale read of H2 would then be accepted.
func TestStaleAndBackwardReadsAreRejected(t *testing.T) {
	for name, ops := range map[string][]Op{
		"H2":                            {{"C1", "W", 1, 0, 30}, {"C2", "R", 1, 5, 10}, {"C3", "R", 0, 15, 20}},
		"H3":                            {{"C1", "W", 1, 0, 10}, {"C2", "W", 2, 5, 15}, {"C3", "R", 2, 20, 30}, {"C4", "R", 1, 22, 28}},
		"H5":                            {{"C1", "W", 1, 0, 10}, {"C1", "W", 2, 20, 30}, {"C2", "R", 2, 40, 50}, {"C2", "R", 1, 60, 70}},
		"read of a value never written": {{"C1", "W", 1, 0, 10}, {"C2", "R", 3, 20, 30}},
	} {
		if order, ok := check(ops, realTime); ok {
			t.Errorf("%s judged linearizable with witness %v", name, order)
		}
	}
}

// H2 is sequentially consistent but not linearizable: its only legal orders put the stale
// read of 0 first, before a read that returned before it was called.
func TestSequentialButNotLinearizable(t *testing.T) {
	h2 := []Op{{"C1", "W", 1, 0, 30}, {"C2", "R", 1, 5, 10}, {"C3", "R", 0, 15, 20}}
	order, ok := check(h2, programOrder)
	if !ok || !valid(h2, order, programOrder) {
		t.Fatalf("H2 under sequential consistency: %v %v, want a legal order", order, ok)
	}
	if valid(h2, order, realTime) {
		t.Fatalf("the sequential witness %v also respects real time, so H2 would be linearizable", order)
	}
}

package linz

import (
	"fmt"
	"hash/fnv"
	"sort"
	"time"
)

// Check reports whether the history is linearizable, searching for at most budget (0: no
// limit). It panics on a malformed history (Return before Call), naming the operation.
func Check(history []Op, budget time.Duration) Result {
	var deadline time.Time
	if budget > 0 {
		deadline = time.Now().Add(budget)
	}
	byKey := map[string][]Op{}
	var keys []string
	for i, op := range history {
		if op.Return < op.Call {
			panic(fmt.Sprintf("linz: operation %d (%v) returns before it is called", i, op))
		}
		if op.Kind == Get && op.Return == Pending {
			continue // a Get with no reply constrains nothing
		}
		if _, seen := byKey[op.Key]; !seen {
			keys = append(keys, op.Key)
		}
		byKey[op.Key] = append(byKey[op.Key], op)
	}
	sort.Strings(keys)
	unknown := ""
	for _, k := range keys {
		r := checkKey(byKey[k], deadline)
		r.Key = k
		if r.Verdict == Illegal {
			return r
		}
		if r.Verdict == Unknown && unknown == "" {
			unknown = k
		}
	}
	if unknown != "" {
		return Result{Verdict: Unknown, Key: unknown}
	}
	return Result{Verdict: Ok}
}

// event is a call or a return of an operation, in a doubly linked list ordered by time.
type event struct {
	op         int    // index of the operation
	ret        *event // on a call: its return; nil on a return
	prev, next *event
}

// timeline links the calls and returns of ops in time order after a head sentinel. At equal
// times calls come first, so operations that merely touch count as concurrent.
func timeline(ops []Op) *event {
	type stamp struct {
		t    int64
		call bool
		ev   *event
	}
	stamps := make([]stamp, 0, 2*len(ops))
	for i, op := range ops {
		ret := &event{op: i}
		stamps = append(stamps, stamp{op.Call, true, &event{op: i, ret: ret}}, stamp{op.Return, false, ret})
	}
	sort.SliceStable(stamps, func(a, b int) bool {
		if stamps[a].t != stamps[b].t {
			return stamps[a].t < stamps[b].t
		}
		return stamps[a].call && !stamps[b].call
	})
	head := &event{op: -1}
	last := head
	for _, s := range stamps {
		s.ev.prev, last.next = last, s.ev
		last = s.ev
	}
	return head
}

// lift takes a call and its return out of the list; unlift puts them back. Undoing lifts in
// reverse order restores the list exactly (the dancing-links trick).
func lift(call *event) {
	call.prev.next = call.next
	if call.next != nil {
		call.next.prev = call.prev
	}
	r := call.ret
	r.prev.next = r.next
	if r.next != nil {
		r.next.prev = r.prev
	}
}

func unlift(call *event) {
	r := call.ret
	r.prev.next = r
	if r.next != nil {
		r.next.prev = r
	}
	call.prev.next = call
	if call.next != nil {
		call.next.prev = call
	}
}

// step applies op to the value of its key: ok is false if op cannot happen in that state.
func step(value string, op Op) (ok bool, next string) {
	switch op.Kind {
	case Get:
		return op.Output == value, value
	case Put:
		return true, op.Value
	case Append:
		return true, value + op.Value
	}
	panic(fmt.Sprintf("linz: operation %v has an unknown kind", op))
}

// seen is the memo of explored (linearized set, value) pairs, bucketed by a hash of both.
type seen map[uint64][]memo

type memo struct {
	done  bitset
	value string
}

func (s seen) add(done bitset, value string) bool {
	h := fnv.New64a()
	for _, w := range done {
		var b [8]byte
		for i := range b {
			b[i] = byte(w >> (8 * i))
		}
		h.Write(b[:])
	}
	h.Write([]byte(value))
	k := h.Sum64()
	for _, m := range s[k] {
		if m.value == value && m.done.equal(done) {
			return false
		}
	}
	s[k] = append(s[k], memo{done.clone(), value})
	return true
}

// checkKey runs the search on the operations of one key.
func checkKey(ops []Op, deadline time.Time) Result {
	head := timeline(ops)
	type frame struct {
		call  *event
		value string // the value before the call was linearized
	}
	var stack, longest []frame
	var longestNext []Op
	done := newBitset(len(ops))
	memo := seen{}
	value := ""
	cur := head.next
	for steps := 0; head.next != nil; steps++ {
		if steps%1024 == 0 && !deadline.IsZero() && time.Now().After(deadline) {
			return Result{Verdict: Unknown}
		}
		if cur.ret != nil { // a call: try to linearize it here
			ok, next := step(value, ops[cur.op])
			if ok {
				done.set(cur.op)
				if memo.add(done, next) {
					stack = append(stack, frame{cur, value})
					value = next
					lift(cur)
					cur = head.next
					continue
				}
				done.clear(cur.op)
			}
			cur = cur.next
			continue
		}
		// The first return in the list: its operation had to be linearized before anything that
		// follows, and no candidate fits. Record the deepest point, then backtrack.
		if len(stack) >= len(longest) {
			longest = append(longest[:0], stack...)
			longestNext = longestNext[:0]
			for e := head.next; e != nil && e.ret != nil; e = e.next {
				longestNext = append(longestNext, ops[e.op])
			}
		}
		if len(stack) == 0 {
			r := Result{Verdict: Illegal, Next: longestNext}
			for _, f := range longest {
				r.Prefix = append(r.Prefix, ops[f.call.op])
			}
			return r
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		unlift(top.call)
		done.clear(top.call.op)
		value = top.value
		cur = top.call.next
	}
	return Result{Verdict: Ok}
}

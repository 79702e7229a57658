package linz

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"
)

func put(c int, k, v string, call, ret int64) Op {
	return Op{Client: c, Kind: Put, Key: k, Value: v, Call: call, Return: ret}
}
func app(c int, k, v string, call, ret int64) Op {
	return Op{Client: c, Kind: Append, Key: k, Value: v, Call: call, Return: ret}
}
func get(c int, k, out string, call, ret int64) Op {
	return Op{Client: c, Kind: Get, Key: k, Output: out, Call: call, Return: ret}
}

func mustBe(t *testing.T, h []Op, want Verdict) Result {
	t.Helper()
	r := Check(h, 0)
	if r.Verdict != want {
		t.Fatalf("Check = %v, want %v\n%s", r.Verdict, want, r.Explain())
	}
	return r
}

func TestLinearizable(t *testing.T) {
	cases := map[string][]Op{
		"empty":                   nil,
		"sequential":              {put(0, "x", "1", 0, 10), get(1, "x", "1", 20, 30), app(0, "x", "2", 40, 50), get(1, "x", "12", 60, 70)},
		"missing key reads empty": {get(0, "x", "", 0, 10), put(0, "x", "1", 20, 30)},
		// A Get concurrent with a Put may see either value.
		"concurrent old": {put(0, "x", "1", 0, 10), put(1, "x", "2", 20, 50), get(2, "x", "1", 30, 40)},
		"concurrent new": {put(0, "x", "1", 0, 10), put(1, "x", "2", 20, 50), get(2, "x", "2", 30, 40)},
		// Concurrent appends land in some order, the same for every later reader.
		"appends either order": {app(0, "x", "a", 0, 50), app(1, "x", "b", 0, 50), get(2, "x", "ba", 60, 70), get(3, "x", "ba", 80, 90)},
		// The linearization point may lie anywhere in the interval: here the Get that sees "2"
		// returns before the Get that sees "1" is invoked, so the second Put must fall between.
		"order forced by reads":                  {put(0, "x", "1", 0, 100), put(1, "x", "2", 0, 100), get(2, "x", "2", 10, 20), get(2, "x", "1", 30, 40)},
		"touching intervals count as concurrent": {put(0, "x", "1", 0, 10), get(1, "x", "", 10, 20)},
		"keys are independent":                   {put(0, "x", "1", 0, 10), put(0, "y", "2", 20, 30), get(1, "x", "1", 40, 50), get(1, "y", "2", 40, 50)},
		// A Put whose reply never came may have happened, or not.
		"pending put seen":     {put(0, "x", "1", 0, Pending), get(1, "x", "1", 20, 30)},
		"pending put not seen": {put(0, "x", "1", 0, Pending), get(1, "x", "", 20, 30), get(1, "x", "1", 40, 50)},
		"pending get ignored":  {put(0, "x", "1", 0, 10), get(1, "x", "nonsense", 20, Pending)},
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) { mustBe(t, h, Ok) })
	}
}

func TestNotLinearizable(t *testing.T) {
	cases := map[string]struct {
		h    []Op
		key  string
		next string // appears in the explanation
	}{
		"stale read": {
			[]Op{put(0, "x", "1", 0, 10), put(1, "x", "2", 20, 30), get(2, "x", "1", 40, 50)},
			"x", `Get("x") -> "1"`},
		"lost append": {
			[]Op{app(0, "x", "a", 0, 50), app(1, "x", "b", 0, 50), get(2, "x", "a", 60, 70)},
			"x", `Get("x") -> "a"`},
		"duplicated append": {
			[]Op{app(0, "x", "a", 0, 10), get(1, "x", "aa", 20, 30)},
			"x", `Get("x") -> "aa"`},
		"read from the future": {
			[]Op{get(0, "x", "1", 0, 10), put(1, "x", "1", 20, 30)},
			"x", `Get("x") -> "1"`},
		"readers disagree on the order": {
			[]Op{app(0, "x", "a", 0, 50), app(1, "x", "b", 0, 50), get(2, "x", "ab", 60, 70), get(3, "x", "ba", 80, 90)},
			"x", `Get("x") -> "ba"`},
		"a value read back after it was overwritten": {
			[]Op{put(0, "x", "1", 0, 10), get(1, "x", "1", 20, 30), put(0, "x", "2", 40, 50), get(1, "x", "2", 60, 70), get(2, "x", "1", 80, 90)},
			"x", `Get("x") -> "1"`},
		"only the bad key is reported": {
			[]Op{put(0, "a", "1", 0, 10), get(0, "a", "1", 20, 30), put(1, "b", "1", 0, 10), put(1, "b", "2", 20, 30), get(2, "b", "1", 40, 50)},
			"b", `Get("b") -> "1"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := mustBe(t, c.h, Illegal)
			if r.Key != c.key {
				t.Fatalf("Result.Key = %q, want %q", r.Key, c.key)
			}
			if ex := r.Explain(); !strings.Contains(ex, c.next) || !strings.Contains(ex, "not linearizable") {
				t.Fatalf("the explanation should name %s:\n%s", c.next, ex)
			}
		})
	}
}

func TestLongestPrefix(t *testing.T) {
	// Put 1, Get 1, Put 2 linearize; the stale Get cannot follow.
	h := []Op{put(0, "x", "1", 0, 10), get(1, "x", "1", 20, 30), put(0, "x", "2", 40, 50), get(1, "x", "1", 60, 70)}
	r := mustBe(t, h, Illegal)
	if len(r.Prefix) != 3 || r.Prefix[2].Value != "2" {
		t.Fatalf("Prefix = %v, want the first three operations", r.Prefix)
	}
	if len(r.Next) != 1 || r.Next[0] != h[3] {
		t.Fatalf("Next = %v, want only the stale Get", r.Next)
	}
}

func TestMalformedPanics(t *testing.T) {
	defer func() {
		if msg := fmt.Sprint(recover()); !strings.Contains(msg, "returns before it is called") {
			t.Fatalf("Check of an operation with Return < Call: panic %q, want one naming the fault", msg)
		}
	}()
	Check([]Op{put(0, "x", "1", 10, 5)}, 0)
}

// randomHistory runs ops operations of clients clients on keys keys, each taking effect at a
// distinct instant inside its [Call, Return] interval, so the history is linearizable.
func randomHistory(rng *rand.Rand, clients, ops, keys int) []Op {
	store := map[string]string{}
	var h []Op
	free := make([]int64, clients) // when each client may invoke its next operation
	type pending struct {
		at int64
		op Op
	}
	var all []pending
	for i := 0; i < ops; i++ {
		c := rng.Intn(clients)
		call := free[c] + int64(rng.Intn(5))
		at := call + 1 + int64(rng.Intn(20))
		ret := at + 1 + int64(rng.Intn(20))
		free[c] = ret + 1
		k := fmt.Sprintf("k%d", rng.Intn(keys))
		op := Op{Client: c, Key: k, Call: call, Return: ret}
		switch rng.Intn(3) {
		case 0:
			op.Kind = Get
		case 1:
			op.Kind, op.Value = Put, fmt.Sprintf("%d.", i)
		case 2:
			op.Kind, op.Value = Append, fmt.Sprintf("%d.", i)
		}
		all = append(all, pending{at*1000 + int64(i), op}) // distinct instants
	}
	sort.Slice(all, func(a, b int) bool { return all[a].at < all[b].at })
	for _, p := range all {
		op := p.op
		if op.Kind == Get {
			op.Output = store[op.Key]
		}
		_, store[op.Key] = step(store[op.Key], op)
		h = append(h, op)
	}
	return h
}

func TestRandomLinearizable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 50; i++ {
		h := randomHistory(rng, 5, 200, 3)
		if r := Check(h, 10*time.Second); r.Verdict != Ok {
			t.Fatalf("history %d, linearizable by construction: Check = %v\n%s", i, r.Verdict, r.Explain())
		}
	}
}

func TestBudget(t *testing.T) {
	// 14 concurrent appends of distinct values and a read that no order explains: every order of
	// every subset gives a different value, so memoisation does not help and the search is
	// factorial. Check must give up when its budget runs out, not hang.
	var h []Op
	for i := 0; i < 14; i++ {
		h = append(h, app(i, "x", fmt.Sprintf("%c", 'a'+i), 0, 100))
	}
	h = append(h, get(99, "x", "impossible", 0, 100))
	done := make(chan Result, 1)
	go func() { done <- Check(h, 200*time.Millisecond) }()
	select {
	case r := <-done:
		if r.Verdict != Unknown || r.Key != "x" {
			t.Fatalf("Check with a 200 ms budget = %v on key %q, want Unknown on key \"x\"", r.Verdict, r.Key)
		}
		if !strings.Contains(r.Explain(), "ran out of time") {
			t.Fatalf("Explain() = %q, want it to say the check ran out of time", r.Explain())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("Check with a 200 ms budget still running after 30 s: the budget is not enforced")
	}
}

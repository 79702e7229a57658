// Package linz checks whether a history of operations on a key/value store is linearizable.
//
// A history is what clients saw: for every operation, who issued it, what it asked for, what it
// got back, and when it was invoked (Call) and when its reply arrived (Return). The history is
// linearizable if there is one total order of the operations that (1) respects real time: an
// operation that returned before another was invoked comes first, and (2) is legal for a single
// copy of the store: every Get returns the value the Puts and Appends before it in the order
// produce. Check searches for such an order.
//
// The search is the one of Wing & Gong (1993) with Lowe's memoisation (2017), as Porcupine does
// it: keys are independent registers, so the history is split by key and each key is checked on
// its own; within a key, a depth-first search linearizes the operations one at a time, and a set
// of (operations linearized so far, value of the key) pairs already explored cuts the search
// short when two orders reach the same place. The problem is NP-complete in general, so Check
// takes a time budget and answers Unknown when the budget runs out.
package linz

import (
	"fmt"
	"math"
	"strings"
)

// Kind is the kind of an operation.
type Kind int

// The operations of the key/value store.
const (
	Get    Kind = iota // returns the value of Key ("" if none)
	Put                // sets Key to Value
	Append             // appends Value to the value of Key
)

func (k Kind) String() string {
	switch k {
	case Get:
		return "Get"
	case Put:
		return "Put"
	case Append:
		return "Append"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Pending is the Return time of an operation whose reply never arrived (the client gave up or
// the test ended). A pending Put or Append may have taken effect at any time after its Call, or
// not at all; a pending Get says nothing and is ignored.
const Pending int64 = math.MaxInt64

// Op is one operation of a history. Call and Return are times on one clock (for example
// nanoseconds since the test started), with Call <= Return.
type Op struct {
	Client int    // who issued it (only for messages)
	Kind   Kind   // Get, Put or Append
	Key    string //
	Value  string // the argument of a Put or an Append
	Output string // what a Get returned
	Call   int64  // when the client invoked it
	Return int64  // when the client got the reply, or Pending
}

func (op Op) String() string {
	var s string
	if op.Kind == Get {
		s = fmt.Sprintf("client %d: Get(%q) -> %q", op.Client, op.Key, short(op.Output))
	} else {
		s = fmt.Sprintf("client %d: %s(%q, %q)", op.Client, op.Kind, op.Key, short(op.Value))
	}
	if op.Return == Pending {
		return s + fmt.Sprintf(" [%d, no reply]", op.Call)
	}
	return s + fmt.Sprintf(" [%d, %d]", op.Call, op.Return)
}

// short abbreviates a long value for a message: its length, head and tail.
func short(v string) string {
	if len(v) <= 40 {
		return v
	}
	return fmt.Sprintf("%s…(%d bytes)…%s", v[:16], len(v), v[len(v)-16:])
}

// Verdict is the answer of Check.
type Verdict int

// The possible verdicts.
const (
	Ok      Verdict = iota // linearizable
	Illegal                // not linearizable
	Unknown                // the budget ran out before the search finished
)

func (v Verdict) String() string {
	return [...]string{"Ok", "Illegal", "Unknown"}[v]
}

// Result is what Check found.
type Result struct {
	Verdict Verdict
	// Key is the first key whose history is not linearizable (Illegal) or was not finished
	// (Unknown).
	Key string
	// Prefix is the longest order of Key's operations that the search could linearize (Illegal).
	Prefix []Op
	// Next are the operations of Key that could come next after Prefix in real-time order
	// (Illegal); each is either illegal there or leads to a dead end later.
	Next []Op
}

// Explain says in a few lines why the history is not linearizable, or "" if it is.
func (r Result) Explain() string {
	switch r.Verdict {
	case Ok:
		return ""
	case Unknown:
		return fmt.Sprintf("linz: the check of key %q ran out of time; the history may or may not be linearizable", r.Key)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "linz: the operations on key %q are not linearizable.\n", r.Key)
	fmt.Fprintf(&b, "The longest order that explains them has %d operations:\n", len(r.Prefix))
	from := 0
	if len(r.Prefix) > 8 {
		from = len(r.Prefix) - 8
		fmt.Fprintf(&b, "  … %d earlier operations\n", from)
	}
	for _, op := range r.Prefix[from:] {
		fmt.Fprintf(&b, "  %v\n", op)
	}
	b.WriteString("and no order continues it; the operations that could come next were:\n")
	for _, op := range r.Next {
		fmt.Fprintf(&b, "  %v\n", op)
	}
	return strings.TrimRight(b.String(), "\n")
}

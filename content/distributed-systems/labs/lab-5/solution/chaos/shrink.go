package chaos

import (
	"time"

	"dslabs/linz"
)

// shrinkBudget bounds each linz.Check while shrinking.
const shrinkBudget = time.Second

// counterexample reports whether h is Illegal and explains its reads (Explained first: it is
// cheaper).
func counterexample(h []linz.Op) bool {
	return Explained(h) && linz.Check(h, shrinkBudget).Verdict == linz.Illegal
}

// Shrink keeps only the key linz blames (keys are independent), then removes chunks of
// operations, halving the chunk size down to one, keeping every removal after which the history
// is still an explained Illegal history; the last pass with chunks of one is repeated until nothing can go, which
// makes the result 1-minimal.
func Shrink(h []linz.Op) []linz.Op {
	r := linz.Check(h, shrinkBudget)
	if r.Verdict != linz.Illegal || !Explained(h) {
		return nil
	}
	var cur []linz.Op
	for _, op := range h {
		if op.Key == r.Key && !(op.Kind == linz.Get && op.Return == linz.Pending) {
			cur = append(cur, op)
		}
	}
	for size := len(cur) / 2; size > 1; size /= 2 {
		cur = removeChunks(cur, size)
	}
	for {
		n := len(cur)
		cur = removeChunks(cur, 1)
		if len(cur) == n {
			return cur
		}
	}
}

// removeChunks tries to remove each run of size operations in turn, keeping a removal when the
// rest is still a counterexample.
func removeChunks(h []linz.Op, size int) []linz.Op {
	for i := 0; i < len(h); {
		end := i + size
		if end > len(h) {
			end = len(h)
		}
		try := append(append([]linz.Op(nil), h[:i]...), h[end:]...)
		if counterexample(try) {
			h = try
		} else {
			i = end
		}
	}
	return h
}

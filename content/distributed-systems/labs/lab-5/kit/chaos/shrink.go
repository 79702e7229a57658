package chaos

import "dslabs/linz"

// Shrink returns a smallest counterexample hidden in h (5B): a sub-history of h (some of its
// operations, unchanged and in their original order) that linz.Check finds Illegal and that is
// Explained, and from which removing any single operation leaves a history that is not both.
// It returns nil if h itself is not both Illegal and Explained.
func Shrink(h []linz.Op) []linz.Op {
	return h
}

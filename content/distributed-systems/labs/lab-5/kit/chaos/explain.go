package chaos

import (
	"strings"

	"dslabs/linz"
)

// Explained reports whether every completed Get in h returned a value that the writes in h
// could have produced, ignoring time and counting: "" or the value of one Put, followed by values
// of Appends to the same key, in any order, each any number of times (an Append applied twice is
// for linz.Check to reject, not for Explained). A history where a Get returned something no write
// in it wrote is trivially not linearizable; a useful counterexample explains its reads.
// (The kit's own service writes values that end in a space and never repeat, so this search is
// quick; it is not meant for arbitrary strings.)
func Explained(h []linz.Op) bool {
	for _, g := range h {
		if g.Kind != linz.Get || g.Return == linz.Pending {
			continue
		}
		var puts, appends []string
		for _, w := range h {
			if w.Key == g.Key && w.Kind == linz.Put {
				puts = append(puts, w.Value)
			} else if w.Key == g.Key && w.Kind == linz.Append {
				appends = append(appends, w.Value)
			}
		}
		if !explains(g.Output, append(puts, ""), appends) {
			return false
		}
	}
	return true
}

// explains reports whether v is one of bases followed by elements of appends.
func explains(v string, bases, appends []string) bool {
	var rest func(s string) bool
	rest = func(s string) bool {
		if s == "" {
			return true
		}
		for _, a := range appends {
			if a != "" && strings.HasPrefix(s, a) && rest(s[len(a):]) {
				return true
			}
		}
		return false
	}
	for _, b := range bases {
		if strings.HasPrefix(v, b) && rest(v[len(b):]) {
			return true
		}
	}
	return false
}

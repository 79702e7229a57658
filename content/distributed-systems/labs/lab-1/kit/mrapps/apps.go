// Package mrapps holds the MapReduce applications the tests run: word count and an inverted
// index (the real ones), and test applications that observe how the library runs them (how many
// workers run at once, how often each map task runs) or that crash on purpose. Do not change it:
// the graders use the original.
package mrapps

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"unicode"

	"dslabs/mr"
)

// Lookup returns the application called name. seed drives the random choices of the test
// applications (how long to sleep, when to crash); the same seed gives the same choices.
func Lookup(name string, seed int64) (mr.App, error) {
	rng := rand.New(rand.NewSource(seed))
	switch name {
	case "wc":
		return WordCount{}, nil
	case "indexer":
		return Indexer{}, nil
	case "initials":
		return Initials{}, nil
	case "mapparallel":
		return &MapParallel{}, nil
	case "reduceparallel":
		return &ReduceParallel{}, nil
	case "jobcount":
		return &JobCount{rng: rng}, nil
	case "crash":
		return &Crash{rng: rng}, nil
	case "earlyexit":
		return EarlyExit{}, nil
	}
	return nil, fmt.Errorf("mrapps: no application %q; the applications are wc, indexer, "+
		"initials, mapparallel, reduceparallel, jobcount, crash, earlyexit", name)
}

// words splits contents into words: maximal runs of letters (any script), so "don't" is
// "don" and "t", and Chinese text between spaces is one word per run.
func words(contents string) []string {
	return strings.FieldsFunc(contents, func(r rune) bool { return !unicode.IsLetter(r) })
}

// Initials is a small inverted index: for each initial letter (in lower case), the files that
// have a word beginning with it. It has few keys, so Reduce runs only a few dozen times per
// job; Crash and EarlyExit compute the same index and must give the same output.
type Initials struct{}

// Map emits (initial, filename) once for every distinct initial of the file's words.
func (Initials) Map(filename string, contents string) []mr.KeyValue {
	return byInitial(filename, contents)
}

// Reduce returns "n file1,file2,..." with the files in sorted order.
func (Initials) Reduce(key string, values []string) string {
	return fileList(values)
}

func byInitial(filename string, contents string) []mr.KeyValue {
	seen := map[string]bool{}
	var kva []mr.KeyValue
	for _, w := range words(contents) {
		initial := strings.ToLower(string([]rune(w)[:1]))
		if !seen[initial] {
			seen[initial] = true
			kva = append(kva, mr.KeyValue{Key: initial, Value: filename})
		}
	}
	return kva
}

// fileList formats a set of filenames as "count name1,name2,..." in sorted order, so the
// result does not depend on the order the values arrive in.
func fileList(values []string) string {
	set := map[string]bool{}
	for _, v := range values {
		set[v] = true
	}
	names := make([]string, 0, len(set))
	for v := range set {
		names = append(names, v)
	}
	sort.Strings(names)
	return fmt.Sprintf("%d %s", len(names), strings.Join(names, ","))
}

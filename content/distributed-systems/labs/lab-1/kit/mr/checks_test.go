package mr_test

// What the harness checks in the job directory: the output files, whole and while the job
// runs. Do not change this file: the graders use the original.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"dslabs/mr"
)

// activity sums up the job directory: its entries with their sizes and times.
func (j *job) activity() string {
	entries, err := os.ReadDir(j.dir)
	if err != nil {
		j.t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
		}
	}
	return b.String()
}

var outName = regexp.MustCompile(`^mr-out-(\d+)$`)

// readOutput reads every mr-out-N file of the job directory: the lines of each, by N.
func (j *job) readOutput() map[int][]string {
	j.t.Helper()
	entries, err := os.ReadDir(j.dir)
	if err != nil {
		j.t.Fatal(err)
	}
	files := map[int][]string{}
	for _, e := range entries {
		m := outName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if n >= j.spec.nReduce {
			j.t.Fatalf("output file %s: there are only %d reduce tasks, mr-out-0 to mr-out-%d",
				e.Name(), j.spec.nReduce, j.spec.nReduce-1)
		}
		data, err := os.ReadFile(filepath.Join(j.dir, e.Name()))
		if err != nil {
			continue // renamed or removed since ReadDir
		}
		files[n] = splitLines(string(data))
	}
	return files
}

func splitLines(s string) []string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// partitionOf is the reduce task that must output a line.
func (j *job) partitionOf(line string) int {
	key := strings.SplitN(line, " ", 2)[0]
	return mr.IHash(key) % j.spec.nReduce
}

// checkOutput checks the final output: every line in the right mr-out-N, and all lines
// together the same as mrsequential's.
func (j *job) checkOutput() []string {
	t := j.t
	t.Helper()
	var all []string
	for n, lines := range j.readOutput() {
		for _, l := range lines {
			if p := j.partitionOf(l); p != n {
				t.Fatalf("mr-out-%d has the line %q, but its key belongs to reduce task %d "+
					"(IHash(key) %% nReduce)", n, l, p)
			}
		}
		all = append(all, lines...)
	}
	sort.Strings(all)
	if j.expect != nil {
		if msg := diffLines(all, j.expect); msg != "" {
			t.Fatalf("the output differs from mrsequential's: %s", msg)
		}
	}
	return all
}

// checkComplete fails unless the output is already complete and right: the early-exit check.
func (j *job) checkComplete(when, why string) {
	j.t.Helper()
	var all []string
	for _, lines := range j.readOutput() {
		all = append(all, lines...)
	}
	sort.Strings(all)
	if msg := diffLines(all, j.expect); msg != "" {
		j.t.Fatalf("%s, the output was not complete: %s; %s", when, msg, why)
	}
}

// checkVisible fails if an mr-out-N that exists is not exactly reduce task N's output: a
// reader must never see a half-written output file.
func (j *job) checkVisible() {
	j.t.Helper()
	for n, lines := range j.readOutput() {
		var want []string
		for _, l := range j.expect {
			if j.partitionOf(l) == n {
				want = append(want, l)
			}
		}
		sort.Strings(lines)
		if msg := diffLines(lines, want); msg != "" {
			j.t.Fatalf("mr-out-%d was visible while incomplete or wrong (%s); write each output "+
				"file under a temporary name and rename it when it is complete, so that a "+
				"crash mid-task leaves no partial mr-out file", n, msg)
		}
	}
}

// diffLines describes how got differs from want (both sorted), or returns "".
func diffLines(got, want []string) string {
	g := map[string]int{}
	for _, l := range got {
		g[l]++
	}
	for _, l := range want {
		g[l]--
	}
	var missing, extra []string
	for l, c := range g {
		for ; c < 0; c++ {
			missing = append(missing, l)
		}
		for ; c > 0; c-- {
			extra = append(extra, l)
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return ""
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return fmt.Sprintf("%d lines, %d expected; missing %d %s, unexpected %d %s",
		len(got), len(want), len(missing), sample(missing), len(extra), sample(extra))
}

func sample(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	if len(lines) > 3 {
		return fmt.Sprintf("(e.g. %q …)", lines[:3])
	}
	return fmt.Sprintf("%q", lines)
}

// valueOf returns the value on the output line for key.
func valueOf(t *testing.T, lines []string, key string) int {
	t.Helper()
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) == 2 && f[0] == key {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatalf("output line %q: the value is not an integer", l)
			}
			return n
		}
	}
	t.Fatalf("the output has no line for the key %q; it has %d lines: %q", key, len(lines), lines)
	return 0
}

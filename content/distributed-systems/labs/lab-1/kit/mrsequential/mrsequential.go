// Package mrsequential runs a MapReduce application in one goroutine, with no workers and no
// failures: the answer a distributed run must reproduce. The tests compare your output with it.
package mrsequential

import (
	"fmt"
	"os"
	"sort"

	"dslabs/mr"
)

// Run calls app.Map on every file (names relative to dir), sorts all the intermediate pairs by
// key, calls app.Reduce once per distinct key, and returns the output lines "key value" sorted.
func Run(app mr.App, dir string, files []string) ([]string, error) {
	var kva []mr.KeyValue
	for _, name := range files {
		contents, err := os.ReadFile(dir + "/" + name)
		if err != nil {
			return nil, fmt.Errorf("mrsequential: %v", err)
		}
		kva = append(kva, app.Map(name, string(contents))...)
	}
	sort.SliceStable(kva, func(i, j int) bool { return kva[i].Key < kva[j].Key })
	var lines []string
	for i := 0; i < len(kva); {
		j := i
		var values []string
		for j < len(kva) && kva[j].Key == kva[i].Key {
			values = append(values, kva[j].Value)
			j++
		}
		lines = append(lines, fmt.Sprintf("%v %v", kva[i].Key, app.Reduce(kva[i].Key, values)))
		i = j
	}
	sort.Strings(lines)
	return lines, nil
}

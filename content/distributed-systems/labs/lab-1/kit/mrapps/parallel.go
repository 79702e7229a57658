package mrapps

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"dslabs/mr"
)

// overlap is how long a parallelism probe stays "running": long enough that two workers
// that run tasks at the same time are certain to see each other's marker.
const overlap = 400 * time.Millisecond

var probeSeq int64

// concurrentWorkers announces that this process is running a task of the given phase by
// creating a marker file in the current (job) directory, waits, and returns how many distinct
// worker processes had a marker of that phase at that moment, itself included.
func concurrentWorkers(phase string) int {
	pid := os.Getpid()
	marker := fmt.Sprintf("mr-live-%s-%d-%d", phase, pid, atomic.AddInt64(&probeSeq, 1))
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		panic(fmt.Sprintf("mrapps: cannot create %s: %v", marker, err))
	}
	defer os.Remove(marker)
	time.Sleep(overlap)
	names, err := filepath.Glob("mr-live-" + phase + "-*")
	if err != nil {
		panic(err)
	}
	pids := map[string]bool{}
	for _, name := range names {
		parts := strings.Split(name, "-")
		pids[parts[3]] = true // mr-live-<phase>-<pid>-<seq>
	}
	return len(pids)
}

// maxOf returns the largest of values, which are decimal integers.
func maxOf(values []string) string {
	best := 0
	for _, v := range values {
		n, err := strconv.Atoi(v)
		if err != nil {
			panic(fmt.Sprintf("mrapps: value %q is not an integer", v))
		}
		if n > best {
			best = n
		}
	}
	return strconv.Itoa(best)
}

// MapParallel records how many workers run Map at the same time. The output has one line,
// "map-workers N": the most workers any Map call saw running Map at once.
type MapParallel struct{}

// Map probes for concurrent map tasks; it ignores the file.
func (*MapParallel) Map(filename string, contents string) []mr.KeyValue {
	n := concurrentWorkers("map")
	return []mr.KeyValue{{Key: "map-workers", Value: strconv.Itoa(n)}}
}

// Reduce returns the largest count.
func (*MapParallel) Reduce(key string, values []string) string {
	return maxOf(values)
}

// ReduceParallel records how many workers run Reduce at the same time. Map emits the keys
// r0..r9, which fall into several reduce partitions; the output line for each key is the
// number of workers its Reduce call saw running Reduce at once.
type ReduceParallel struct{}

// Map emits the ten keys r0..r9.
func (*ReduceParallel) Map(filename string, contents string) []mr.KeyValue {
	kva := make([]mr.KeyValue, 0, 10)
	for i := 0; i < 10; i++ {
		kva = append(kva, mr.KeyValue{Key: fmt.Sprintf("r%d", i), Value: filename})
	}
	return kva
}

// Reduce probes for concurrent reduce tasks.
func (*ReduceParallel) Reduce(key string, values []string) string {
	return strconv.Itoa(concurrentWorkers("reduce"))
}

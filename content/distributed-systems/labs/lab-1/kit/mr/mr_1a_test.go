package mr_test

import (
	"testing"
	"time"
)

// 1A: the coordinator hands out map and reduce tasks, workers run them, the output is right.

func TestWordCount1A(t *testing.T) {
	j := newJob(t, jobSpec{app: "wc", workers: 3, nReduce: 10, deadline: 30 * time.Second})
	j.expected("wc")
	j.run()
	j.checkOutput()
}

func TestIndexer1A(t *testing.T) {
	j := newJob(t, jobSpec{app: "indexer", workers: 2, nReduce: 10, deadline: 30 * time.Second})
	j.expected("indexer")
	j.run()
	j.checkOutput()
}

func TestMapParallelism1A(t *testing.T) {
	j := newJob(t, jobSpec{app: "mapparallel", workers: 2, nReduce: 2, deadline: 30 * time.Second})
	j.run()
	n := valueOf(t, j.checkOutput(), "map-workers")
	if n < 2 {
		t.Fatalf("no two workers ever ran Map at the same time (at most %d at once, with 2 "+
			"workers and %d map tasks); give a map task to every worker that asks while idle "+
			"map tasks remain, and do not hold the coordinator's lock while a task runs", n, nInputs)
	}
	if n > 2 {
		t.Fatalf("%d worker processes ran Map at once, but the test started only 2", n)
	}
}

func TestReduceParallelism1A(t *testing.T) {
	j := newJob(t, jobSpec{app: "reduceparallel", workers: 2, nReduce: 10, deadline: 30 * time.Second})
	j.run()
	lines := j.checkOutput()
	best := 0
	for _, key := range []string{"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"} {
		if n := valueOf(t, lines, key); n > best {
			best = n
		}
	}
	if best < 2 {
		t.Fatalf("no two workers ever ran Reduce at the same time, with 2 workers and 8 non-empty " +
			"reduce tasks; once every map task is done, give a reduce task to every worker that asks")
	}
}

func TestJobCount1A(t *testing.T) {
	j := newJob(t, jobSpec{app: "jobcount", workers: 4, nReduce: 3, deadline: 30 * time.Second})
	j.run()
	n := valueOf(t, j.checkOutput(), "map-runs")
	if n != nInputs {
		t.Fatalf("Map ran %d times for %d input files; with no failures each map task must run "+
			"exactly once: do not give a task out again before mr.TaskTimeout has passed, and "+
			"call Map once per task", n, nInputs)
	}
}

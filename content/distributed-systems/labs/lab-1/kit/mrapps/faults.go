package mrapps

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"dslabs/mr"
)

// CrashExitCode is the exit status of a worker process that the Crash application kills.
// The tests start a new worker in its place; any other non-zero status is a failure.
const CrashExitCode = 3

var jobSeq int64

// JobCount counts how many times Map runs in the whole job. Each Map call leaves a file
// mr-jobcount-<pid>-<n> in the job directory and sleeps a little (well under mr.TaskTimeout);
// Reduce counts those files. Without failures every map task should run exactly once.
type JobCount struct {
	mu  sync.Mutex
	rng *rand.Rand
}

// Map leaves its mark and sleeps 100-400 ms.
func (j *JobCount) Map(filename string, contents string) []mr.KeyValue {
	name := fmt.Sprintf("mr-jobcount-%d-%d", os.Getpid(), atomic.AddInt64(&jobSeq, 1))
	if err := os.WriteFile(name, nil, 0o644); err != nil {
		panic(fmt.Sprintf("mrapps: cannot create %s: %v", name, err))
	}
	j.mu.Lock()
	d := time.Duration(100+j.rng.Intn(300)) * time.Millisecond
	j.mu.Unlock()
	time.Sleep(d)
	return []mr.KeyValue{{Key: "map-runs", Value: "1"}}
}

// Reduce returns the number of Map calls in the job.
func (j *JobCount) Reduce(key string, values []string) string {
	names, err := filepath.Glob("mr-jobcount-*")
	if err != nil {
		panic(err)
	}
	return strconv.Itoa(len(names))
}

// Crash computes the same index as Initials, but its worker processes fail. The first Map call
// and the first Reduce call of the whole job kill their process; every other call kills it with
// probability 1/10, or stalls it for up to 3 s (sometimes longer than mr.TaskTimeout) with
// probability 1/10. A killed process exits
// at once with CrashExitCode, in the middle of its task, leaving whatever it had written.
type Crash struct {
	mu  sync.Mutex
	rng *rand.Rand
}

func (c *Crash) maybeCrash(phase string) {
	// The job directory holds one token per phase; the process that creates it dies.
	token := "mr-crash-first-" + phase
	if f, err := os.OpenFile(token, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
		f.Close()
		os.Exit(CrashExitCode)
	}
	c.mu.Lock()
	r := c.rng.Intn(10)
	stall := time.Duration(c.rng.Intn(3000)) * time.Millisecond
	c.mu.Unlock()
	switch r {
	case 0:
		os.Exit(CrashExitCode)
	case 1:
		time.Sleep(stall)
	}
}

// Map may crash or stall, then indexes the file by initial letter.
func (c *Crash) Map(filename string, contents string) []mr.KeyValue {
	c.maybeCrash("map")
	return byInitial(filename, contents)
}

// Reduce may crash or stall, then returns "n file1,file2,...".
func (c *Crash) Reduce(key string, values []string) string {
	c.maybeCrash("reduce")
	return fileList(values)
}

// EarlyExit computes the same index as Initials, with one slow key: Reduce for "a" takes a
// second, so the reduce task that holds "a" finishes well after the others.
type EarlyExit struct{}

// Map indexes the file by initial letter.
func (EarlyExit) Map(filename string, contents string) []mr.KeyValue {
	return byInitial(filename, contents)
}

// Reduce returns "n file1,file2,...", slowly for the key "a".
func (EarlyExit) Reduce(key string, values []string) string {
	if key == "a" {
		time.Sleep(time.Second)
	}
	return fileList(values)
}

package mr_test

// The test harness. Each test makes a job directory with the input files, starts your
// coordinator in the test process (MakeCoordinator), and starts your workers as separate
// processes: copies of this test binary that run mr.Worker in the job directory and exit.
// They talk over a Unix socket, as separate machines would over a network; a worker that the
// Crash application kills is really gone, with all its goroutines. Do not change this file:
// the graders use the original. Read it to learn what the tests expect.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"dslabs/mr"
	"dslabs/mrapps"
	"dslabs/mrsequential"
)

// Environment variables: the seed of a run, and how the harness tells a worker process
// which application to run and where the coordinator is.
const (
	seedEnv       = "DSLABS_SEED"
	workerAppEnv  = "DSLABS_MR_WORKER_APP"
	workerSockEnv = "DSLABS_MR_WORKER_SOCK"
	workerSeedEnv = "DSLABS_MR_WORKER_SEED"
)

const (
	pollInterval = 25 * time.Millisecond
	// exitGrace is how long workers have to return by themselves after Done() turns true;
	// then the harness shuts the coordinator down, and they have shutdownGrace more.
	exitGrace     = 2 * time.Second
	shutdownGrace = 5 * time.Second
	doneLimit     = 5 * time.Second // Done() must return within this
	// stuckLimit: in a job with crashes, some file in the job directory should change at
	// least this often; a crashed task is due again after mr.TaskTimeout.
	stuckLimit = 8 * mr.TaskTimeout
)

// TestMain runs the tests, or, in a worker process the harness started, one worker.
func TestMain(m *testing.M) {
	if app := os.Getenv(workerAppEnv); app != "" {
		runWorkerProcess(app)
		return
	}
	os.Exit(m.Run())
}

func runWorkerProcess(name string) {
	seed, err := strconv.ParseInt(os.Getenv(workerSeedEnv), 10, 64)
	if err != nil {
		fmt.Fprintf(os.Stderr, "worker: bad %s: %v\n", workerSeedEnv, err)
		os.Exit(2)
	}
	app, err := mrapps.Lookup(name, seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	mr.Worker(os.Getenv(workerSockEnv), app)
	os.Exit(0)
}

// testSeed returns the seed of this test: DSLABS_SEED if set, else the clock. A failed test
// prints it with the command that runs the test again with it.
func testSeed(t *testing.T) int64 {
	t.Helper()
	seed := time.Now().UnixNano()
	if s, ok := os.LookupEnv(seedEnv); ok {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q is not an integer; set it to a seed printed by a failed test, "+
				"e.g. %s=1234, or unset it", seedEnv, s, seedEnv)
		}
		seed = v
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("this run used seed %d; to run it again with the same seed, in the kit "+
				"folder: %s=%d go test -race -run '^%s$' ./mr/", seed, seedEnv, seed, t.Name())
		}
	})
	return seed
}

// jobSpec describes one job a test runs.
type jobSpec struct {
	app      string        // the mrapps application the workers run
	workers  int           // how many worker processes run at once
	nReduce  int           // reduce tasks
	deadline time.Duration // the job must be done (and its workers gone) by then
	// restart replaces every worker that the Crash application kills.
	restart bool
	// atomic checks, every pollInterval, that each visible mr-out-N is complete, and fails
	// the job early if no file in the job directory changes for stuckLimit.
	atomic bool
	// early checks that the output is complete when the first worker exits or Done() first
	// returns true, whichever comes first.
	early bool
}

type exitEvent struct {
	id   int
	code int
}

// worker is one worker process and the tail of what it printed.
type worker struct {
	id  int
	cmd *exec.Cmd
	out *tailBuffer
}

// job is one running job: the directory, the coordinator and the worker processes.
type job struct {
	t      *testing.T
	spec   jobSpec
	seed   int64
	dir    string
	sock   string
	files  []string
	expect []string // the output lines mrsequential gives, sorted (nil: not comparable)
	coord  *mr.Coordinator

	exits   chan exitEvent
	mu      sync.Mutex
	alive   map[int]*worker
	started int
}

func newJob(t *testing.T, spec jobSpec) *job {
	t.Helper()
	j := &job{t: t, spec: spec, seed: testSeed(t), dir: t.TempDir(),
		exits: make(chan exitEvent, 64), alive: map[int]*worker{}}
	sockDir, err := os.MkdirTemp("", "mr")
	if err != nil {
		t.Fatalf("cannot make a directory for the socket: %v", err)
	}
	j.sock = filepath.Join(sockDir, "coordinator.sock")
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	j.files = makeInputs(t, j.dir)
	return j
}

// expected computes, with mrsequential, what the job must output: app is a fault-free
// application that computes what spec.app computes.
func (j *job) expected(app string) {
	j.t.Helper()
	a, err := mrapps.Lookup(app, j.seed)
	if err != nil {
		j.t.Fatal(err)
	}
	lines, err := mrsequential.Run(a, j.dir, j.files)
	if err != nil {
		j.t.Fatal(err)
	}
	j.expect = lines
}

// run starts the coordinator and the workers and waits until the job is done and every worker
// has exited. It fails the test if the job is not done by the deadline, if every worker exits
// before it is done, if a worker fails, or if the checks that spec asks for fail.
func (j *job) run() {
	t := j.t
	t.Helper()
	j.coord = mr.MakeCoordinator(j.sock, j.files, j.spec.nReduce)
	t.Cleanup(j.stop)
	for i := 0; i < j.spec.workers; i++ {
		j.startWorker()
	}
	start := time.Now()
	deadline := time.NewTimer(j.spec.deadline)
	defer deadline.Stop()
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	var doneAt, shutdownAt time.Time
	earlyChecked := false
	activity, activeAt := "", time.Now()
	for {
		select {
		case ev := <-j.exits:
			w := j.reap(ev.id)
			switch {
			case ev.code == mrapps.CrashExitCode && j.spec.restart:
				// The Crash application killed it. Before Done() a new machine takes its place;
				// after Done() the kill is still legitimate (a worker that was still running a
				// task given out again, or in a Map or Reduce call when the job finished, may be
				// killed there), and no replacement is needed.
				if doneAt.IsZero() {
					j.startWorker()
				}
			case ev.code != 0:
				t.Fatalf("worker %d exited with status %d (a panic, log.Fatal or os.Exit in "+
					"your worker?); what it printed last:\n%s", ev.id, ev.code, w.out.String())
			case doneAt.IsZero() && j.spec.early && !earlyChecked:
				earlyChecked = true
				j.checkComplete(fmt.Sprintf("when worker %d exited (Done() was still false)", ev.id),
					"a worker must not exit while tasks are still in progress: if their worker "+
						"crashed, no one would be left to redo them")
			}
			if doneAt.IsZero() && j.aliveCount() == 0 {
				t.Fatalf("all workers exited after %v, but the coordinator's Done() still returns "+
					"false; a worker should return only when the job is done",
					time.Since(start).Round(time.Millisecond))
			}
		case <-tick.C:
			if j.spec.atomic {
				j.checkVisible()
				if a := j.activity(); a != activity {
					activity, activeAt = a, time.Now()
				} else if doneAt.IsZero() && time.Since(activeAt) > stuckLimit {
					t.Fatalf("the job is stuck: no file in the job directory changed for %v, "+
						"Done() is false, %d workers running; a task whose worker crashed or "+
						"stalled must be given out again once mr.TaskTimeout has passed",
						stuckLimit, j.aliveCount())
				}
			}
			if doneAt.IsZero() && j.done() {
				doneAt = time.Now()
				if j.spec.early && !earlyChecked {
					earlyChecked = true
					j.checkComplete("when Done() first returned true",
						"Done() must return true only when every reduce task's output is written")
				}
			}
			if doneAt.IsZero() {
				continue
			}
			if j.aliveCount() == 0 {
				t.Logf("job done in %v; %d worker processes started",
					time.Since(start).Round(time.Millisecond), j.started)
				return
			}
			if shutdownAt.IsZero() && time.Since(doneAt) > exitGrace {
				shutdownAt = time.Now()
				j.coord.Shutdown()
			}
			if !shutdownAt.IsZero() && time.Since(shutdownAt) > shutdownGrace {
				t.Fatalf("%d workers still running %v after the coordinator shut down; Worker "+
					"must return when it can no longer reach the coordinator (call returns "+
					"false)", j.aliveCount(), shutdownGrace)
			}
		case <-deadline.C:
			if doneAt.IsZero() {
				t.Fatalf("the job is not done after %v: Done() still returns false, %d workers "+
					"running, %d started in all", j.spec.deadline, j.aliveCount(), j.started)
			}
			t.Fatalf("the job is done, but %d workers are still running after %v",
				j.aliveCount(), j.spec.deadline)
		}
	}
}

// done calls the coordinator's Done, which must not block.
func (j *job) done() bool {
	ch := make(chan bool, 1)
	go func() { ch <- j.coord.Done() }()
	select {
	case d := <-ch:
		return d
	case <-time.After(doneLimit):
		j.t.Fatalf("the coordinator's Done() did not return within %v (a deadlock? a lock "+
			"held while waiting?)", doneLimit)
		return false
	}
}

func (j *job) startWorker() {
	t := j.t
	t.Helper()
	j.mu.Lock()
	id := j.started
	j.started++
	j.mu.Unlock()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Dir = j.dir
	cmd.Env = append(os.Environ(),
		workerAppEnv+"="+j.spec.app,
		workerSockEnv+"="+j.sock,
		workerSeedEnv+"="+strconv.FormatInt(j.seed*1000+int64(id), 10))
	out := &tailBuffer{max: 4096}
	cmd.Stdout = out
	cmd.Stderr = out
	if err := cmd.Start(); err != nil {
		t.Fatalf("cannot start worker process %d: %v", id, err)
	}
	w := &worker{id: id, cmd: cmd, out: out}
	j.mu.Lock()
	j.alive[id] = w
	j.mu.Unlock()
	go func() {
		err := cmd.Wait()
		code := 0
		if err != nil {
			code = -1
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
		}
		j.exits <- exitEvent{id: id, code: code}
	}()
}

func (j *job) reap(id int) *worker {
	j.mu.Lock()
	defer j.mu.Unlock()
	w := j.alive[id]
	delete(j.alive, id)
	return w
}

func (j *job) aliveCount() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return len(j.alive)
}

// stop kills the workers still running (after a failure) and shuts the coordinator down.
func (j *job) stop() {
	j.mu.Lock()
	var left []*worker
	for _, w := range j.alive {
		left = append(left, w)
	}
	j.mu.Unlock()
	for _, w := range left {
		w.cmd.Process.Kill()
	}
	for range left { // wait for them, so the job directory can be removed
		select {
		case ev := <-j.exits:
			j.reap(ev.id)
		case <-time.After(5 * time.Second):
		}
	}
	if j.coord != nil {
		j.coord.Shutdown()
	}
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(p)
	if extra := b.buf.Len() - b.max; extra > 0 {
		b.buf.Next(extra)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

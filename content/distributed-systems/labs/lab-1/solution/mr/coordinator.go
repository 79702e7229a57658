package mr

import (
	"sync"
	"time"
)

type taskState int

const (
	idle taskState = iota
	inProgress
	completed
)

type task struct {
	state   taskState
	started time.Time // when it was last handed out
}

// Coordinator hands out tasks and tracks them; a task handed out more than TaskTimeout ago and
// not reported is handed out again.
type Coordinator struct {
	mu  sync.Mutex
	srv *rpcServer

	files   []string
	maps    []task
	reduces []task
}

// RequestTask hands the caller a task, tells it to wait, or tells it the job is done.
func (c *Coordinator) RequestTask(args *RequestTaskArgs, reply *RequestTaskReply) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	reply.NMap, reply.NReduce = len(c.maps), len(c.reduces)
	switch {
	case !allCompleted(c.maps):
		if id := claim(c.maps); id >= 0 {
			reply.Kind, reply.ID, reply.File = MapTask, id, c.files[id]
			return nil
		}
	case !allCompleted(c.reduces):
		if id := claim(c.reduces); id >= 0 {
			reply.Kind, reply.ID = ReduceTask, id
			return nil
		}
	default:
		reply.Kind = ExitTask
		return nil
	}
	reply.Kind = WaitTask
	return nil
}

// claim marks as in progress the first task that is idle or whose worker is presumed lost,
// and returns its number, or -1 if there is none.
func claim(tasks []task) int {
	now := time.Now()
	for i := range tasks {
		t := &tasks[i]
		if t.state == idle || (t.state == inProgress && now.Sub(t.started) > TaskTimeout) {
			t.state, t.started = inProgress, now
			return i
		}
	}
	return -1
}

func allCompleted(tasks []task) bool {
	for _, t := range tasks {
		if t.state != completed {
			return false
		}
	}
	return true
}

// ReportTask records a finished task. A late report of a task already completed (by a worker
// that was presumed lost) changes nothing: its output is the same.
func (c *Coordinator) ReportTask(args *ReportTaskArgs, reply *ReportTaskReply) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch args.Kind {
	case MapTask:
		if args.ID >= 0 && args.ID < len(c.maps) {
			c.maps[args.ID].state = completed
		}
	case ReduceTask:
		if args.ID >= 0 && args.ID < len(c.reduces) {
			c.reduces[args.ID].state = completed
		}
	}
	return nil
}

// Done reports whether every reduce task is complete.
func (c *Coordinator) Done() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return allCompleted(c.reduces)
}

// MakeCoordinator makes a coordinator for one map task per file and nReduce reduce tasks.
func MakeCoordinator(sock string, files []string, nReduce int) *Coordinator {
	c := &Coordinator{
		files:   append([]string(nil), files...),
		maps:    make([]task, len(files)),
		reduces: make([]task, nReduce),
	}
	c.server(sock)
	return c
}

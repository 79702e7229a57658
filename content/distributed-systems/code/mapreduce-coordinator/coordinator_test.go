package main

import "testing"

func mustAssign(t *testing.T, c *Coordinator, worker string, now int, want string) {
	t.Helper()
	if got := c.Assign(worker, now); got != want {
		t.Fatalf("t=%d Assign(%s) = %q, want %q", now, worker, got, want)
	}
}

func mustComplete(t *testing.T, c *Coordinator, worker string, kind Kind, id int, want string) {
	t.Helper()
	if got := c.Complete(worker, kind, id); got != want {
		t.Fatalf("Complete(%s, %v %d) = %q, want %q", worker, kind, id, got, want)
	}
}

// The review's reproduction: a worker that WorkerLost has declared dead reports
// a map task it had completed before. The earlier version of Complete accepted
// that report ("t=18 W2 done map 1: accepted"), recorded map 1 as done by W2,
// whose local disk the coordinator had just written off, and then threw away
// W1's live re-execution as a duplicate.
func TestCompleteRejectsReportFromLostWorker(t *testing.T) {
	c := NewCoordinator(3, 2, 10)
	mustAssign(t, c, "W1", 0, "map 0")
	mustAssign(t, c, "W2", 0, "map 1")
	mustAssign(t, c, "W3", 0, "map 2")
	mustComplete(t, c, "W1", MapTask, 0, "accepted")
	mustComplete(t, c, "W2", MapTask, 1, "accepted")
	mustComplete(t, c, "W3", MapTask, 2, "accepted")
	mustAssign(t, c, "W2", 15, "reduce 0")

	c.WorkerLost("W2")
	mustAssign(t, c, "W1", 17, "map 1")
	mustComplete(t, c, "W2", MapTask, 1, "rejected (W2 was declared lost)")
	if got := c.maps[1].State; got != InProgress {
		t.Fatalf("map 1 after the lost worker's report: state %v, want InProgress (W1 is redoing it)", got)
	}
	mustComplete(t, c, "W1", MapTask, 1, "accepted")
	if got := c.maps[1].Worker; got != "W1" {
		t.Fatalf("map 1 completed by %s, want W1 (the live re-execution)", got)
	}
}

// A lost worker's report for a task that nobody has taken over yet must not
// mark it completed either: the task stays idle and goes to the next asker.
func TestLostWorkersInFlightTaskIsRedoneNotAccepted(t *testing.T) {
	c := NewCoordinator(2, 1, 10)
	mustAssign(t, c, "W1", 0, "map 0")
	mustAssign(t, c, "W2", 0, "map 1")
	c.WorkerLost("W2")
	mustComplete(t, c, "W2", MapTask, 1, "rejected (W2 was declared lost)")
	mustComplete(t, c, "W1", MapTask, 0, "accepted")
	mustAssign(t, c, "W1", 1, "map 1")
}

func TestLostWorkerGetsNoMoreTasks(t *testing.T) {
	c := NewCoordinator(2, 1, 10)
	c.WorkerLost("W2")
	mustAssign(t, c, "W2", 0, "refused (W2 was declared lost)")
	if c.maps[0].State != Idle || c.maps[1].State != Idle {
		t.Fatalf("refusing a lost worker must not touch any task")
	}
	mustAssign(t, c, "W1", 0, "map 0")
}

// Paper §3.3: completed map tasks of a failed worker are redone (their output
// was on its local disk); completed reduce tasks are not (output is in GFS).
func TestWorkerLostRedoesCompletedMapsButNotCompletedReduces(t *testing.T) {
	c := NewCoordinator(2, 2, 100)
	mustAssign(t, c, "W1", 0, "map 0")
	mustAssign(t, c, "W2", 0, "map 1")
	mustComplete(t, c, "W1", MapTask, 0, "accepted")
	mustComplete(t, c, "W2", MapTask, 1, "accepted")
	mustAssign(t, c, "W1", 1, "reduce 0")
	mustAssign(t, c, "W2", 1, "reduce 1")
	mustComplete(t, c, "W1", ReduceTask, 0, "accepted")

	c.WorkerLost("W1")
	if got := c.maps[0].State; got != Idle {
		t.Fatalf("W1's completed map 0: state %v, want Idle", got)
	}
	if got := c.reduces[0].State; got != Completed {
		t.Fatalf("W1's completed reduce 0: state %v, want Completed", got)
	}
	if got := c.maps[1].State; got != Completed {
		t.Fatalf("W2's map 1 must not be touched: state %v", got)
	}
	// map 0 must be redone before anything else, and reduce 1 keeps running.
	mustAssign(t, c, "W3", 2, "map 0")
	mustAssign(t, c, "W4", 2, "wait")
}

func TestWorkerLostPutsInProgressTasksBack(t *testing.T) {
	c := NewCoordinator(1, 1, 100)
	mustAssign(t, c, "W1", 0, "map 0")
	mustComplete(t, c, "W1", MapTask, 0, "accepted")
	mustAssign(t, c, "W2", 1, "reduce 0")
	c.WorkerLost("W2")
	mustAssign(t, c, "W3", 2, "reduce 0")
}

// A timed-out worker is only slow, not lost: the task is handed to another
// worker, and whichever report arrives first wins; the other is ignored.
func TestTimeoutReassignsAndFirstReportWins(t *testing.T) {
	c := NewCoordinator(1, 1, 10)
	mustAssign(t, c, "W1", 0, "map 0")
	mustAssign(t, c, "W2", 10, "wait") // 10 s is not yet more than the timeout
	mustAssign(t, c, "W2", 11, "map 0")
	mustComplete(t, c, "W1", MapTask, 0, "accepted") // the slow original finishes first
	mustComplete(t, c, "W2", MapTask, 0, "ignored (already completed by W1)")
	mustAssign(t, c, "W2", 12, "reduce 0")
}

func TestNoReduceWhileAnyMapIsUnfinished(t *testing.T) {
	c := NewCoordinator(2, 1, 100)
	mustAssign(t, c, "W1", 0, "map 0")
	mustAssign(t, c, "W2", 0, "map 1")
	mustComplete(t, c, "W1", MapTask, 0, "accepted")
	mustAssign(t, c, "W1", 1, "wait")
	mustComplete(t, c, "W2", MapTask, 1, "accepted")
	// Losing W2 sends its completed map back: reduces must wait again.
	c.WorkerLost("W2")
	mustAssign(t, c, "W1", 2, "map 1")
	mustAssign(t, c, "W3", 2, "wait")
}

func TestCompleteRejectsUnknownTask(t *testing.T) {
	c := NewCoordinator(2, 1, 10)
	mustComplete(t, c, "W1", MapTask, 2, "rejected (no map task 2)")
	mustComplete(t, c, "W1", ReduceTask, -1, "rejected (no reduce task -1)")
}

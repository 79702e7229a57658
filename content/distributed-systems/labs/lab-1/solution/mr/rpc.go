package mr

// The RPCs between workers and the coordinator.

// TaskKind says what a worker should do next.
type TaskKind int

const (
	MapTask    TaskKind = iota // run Map on File, write NReduce intermediate files
	ReduceTask                 // run Reduce over partition ID of all NMap map outputs
	WaitTask                   // nothing to hand out yet: ask again a little later
	ExitTask                   // the job is done: return
)

// RequestTaskArgs is the argument of Coordinator.RequestTask.
type RequestTaskArgs struct{}

// RequestTaskReply is a task assignment.
type RequestTaskReply struct {
	Kind    TaskKind
	ID      int    // the map or reduce task number
	File    string // the input file of a map task
	NMap    int
	NReduce int
}

// ReportTaskArgs tells the coordinator a task is done and its output is in place.
type ReportTaskArgs struct {
	Kind TaskKind
	ID   int
}

// ReportTaskReply is empty.
type ReportTaskReply struct{}

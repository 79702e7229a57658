package chaos

import (
	"sync"
	"time"

	"dslabs/kvsvc"
	"dslabs/linz"
)

// Recorder records the operations of concurrent clients as a linz history. An operation that is
// invoked and never completed stays Pending: it may or may not have taken effect.
type Recorder struct {
	mu    sync.Mutex
	start time.Time
	ops   []linz.Op
}

// NewRecorder starts a recorder; its clock starts now.
func NewRecorder() *Recorder { return &Recorder{start: time.Now()} }

var kinds = map[string]linz.Kind{kvsvc.Get: linz.Get, kvsvc.Put: linz.Put, kvsvc.Append: linz.Append}

// Invoke records the call of an operation and returns its index for Complete.
func (r *Recorder) Invoke(client int, kind, key, value string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, linz.Op{Client: client, Kind: kinds[kind], Key: key, Value: value,
		Call: int64(time.Since(r.start)), Return: linz.Pending})
	return len(r.ops) - 1
}

// Complete records the reply of operation i (output is what a Get returned).
func (r *Recorder) Complete(i int, output string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops[i].Output = output
	r.ops[i].Return = int64(time.Since(r.start))
}

// History returns a copy of the operations recorded so far.
func (r *Recorder) History() []linz.Op {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]linz.Op(nil), r.ops...)
}

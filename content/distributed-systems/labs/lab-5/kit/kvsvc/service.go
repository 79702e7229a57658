// Package kvsvc is the small replicated key/value service that Lab 5 tests: one primary and one
// backup on a labnet network. It comes in four variants: Correct, and three with a planted bug
// that only a certain kind of fault brings out. Do not modify this package.
//
// The correct protocol: a client sends every operation to the primary and retries until it gets a
// reply. The primary forwards each Put and Append to the backup (Backup.Sync) and keeps retrying
// until the backup acknowledges it; only then does it apply the write and reply. Both replicas
// remember the highest request number seen from each client, so a retried write is applied once.
// A restarted primary first fetches the backup's state (Backup.Fetch) with a higher epoch; the
// backup then refuses forwards from older primaries.
package kvsvc

import "fmt"

// Variant selects the implementation.
type Variant int

// The variants. Each planted bug is a real mistake from primary/backup designs.
const (
	Correct    Variant = iota
	DupApply           // the primary does not filter retried writes: a retry applies twice
	StaleRead          // Gets are served by the backup, and a forward that fails is skipped
	NoRecovery         // a restarted primary starts empty instead of fetching the backup's state
)

// Variants lists every variant, Correct first.
var Variants = []Variant{Correct, DupApply, StaleRead, NoRecovery}

func (v Variant) String() string {
	switch v {
	case Correct:
		return "Correct"
	case DupApply:
		return "DupApply"
	case StaleRead:
		return "StaleRead"
	case NoRecovery:
		return "NoRecovery"
	}
	return fmt.Sprintf("Variant(%d)", int(v))
}

// Kinds of operations.
const (
	Get    = "Get"
	Put    = "Put"
	Append = "Append"
)

// Op is one client request. Client and Seq identify it: a client numbers its requests 1, 2, …
type Op struct {
	Kind   string
	Key    string
	Value  string
	Client int64
	Seq    int64
}

// OpArgs and OpReply are Primary.Op's and Backup.Get's arguments and reply.
type OpArgs struct{ Op Op }

// OpReply is the answer to an operation; OK false means "not done, try again".
type OpReply struct {
	OK    bool
	Value string
}

// SyncArgs carries a write from the primary of Epoch to the backup.
type SyncArgs struct {
	Epoch int
	Op    Op
}

// SyncReply says whether the backup has the write.
type SyncReply struct{ OK bool }

// FetchArgs asks the backup for its whole state on behalf of a primary of Epoch.
type FetchArgs struct{ Epoch int }

// FetchReply is the backup's state.
type FetchReply struct {
	Store map[string]string
	Last  map[int64]int64
}

// apply performs a write on store.
func apply(store map[string]string, op Op) {
	if op.Kind == Put {
		store[op.Key] = op.Value
	} else {
		store[op.Key] += op.Value
	}
}

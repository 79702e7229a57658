package kvsvc

import (
	"time"

	"dslabs/labnet"
)

// Clerk is one client. It runs one operation at a time.
type Clerk struct {
	variant Variant
	primary *labnet.Endpoint
	backup  *labnet.Endpoint
	id      int64
	seq     int64
}

// NewClerk returns client id, which reaches the primary and the backup through two endpoints.
func NewClerk(v Variant, id int64, primary, backup *labnet.Endpoint) *Clerk {
	return &Clerk{variant: v, primary: primary, backup: backup, id: id}
}

// Do runs one operation, retrying until it succeeds or the deadline passes. It returns the
// value (for a Get) and whether a reply arrived; false means the outcome is unknown.
func (ck *Clerk) Do(kind, key, value string, deadline time.Time) (string, bool) {
	ck.seq++
	args := OpArgs{Op: Op{Kind: kind, Key: key, Value: value, Client: ck.id, Seq: ck.seq}}
	end, method := ck.primary, "Primary.Op"
	if kind == Get && ck.variant == StaleRead {
		end, method = ck.backup, "Backup.Get"
	}
	for time.Now().Before(deadline) {
		var r OpReply
		if end.Call(method, &args, &r) && r.OK {
			return r.Value, true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return "", false
}

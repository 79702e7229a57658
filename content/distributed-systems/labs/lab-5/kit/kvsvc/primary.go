package kvsvc

import (
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
)

// Primary is the primary replica. Each restart is a new Primary with a higher epoch.
type Primary struct {
	mu      sync.Mutex
	variant Variant
	epoch   int
	backup  *labnet.Endpoint
	ready   bool // has the state
	store   map[string]string
	last    map[int64]int64
	dead    int32
}

// NewPrimary returns a primary of the given epoch that reaches the backup through backup.
// Epoch 1 is the first primary, which starts with the (empty) state of a fresh backup.
func NewPrimary(v Variant, epoch int, backup *labnet.Endpoint) *Primary {
	return &Primary{variant: v, epoch: epoch, backup: backup, ready: epoch == 1 || v == NoRecovery,
		store: map[string]string{}, last: map[int64]int64{}}
}

// Kill stops this incarnation: it answers nothing more and stops forwarding.
func (p *Primary) Kill() { atomic.StoreInt32(&p.dead, 1) }

func (p *Primary) killed() bool { return atomic.LoadInt32(&p.dead) == 1 }

// Op executes one client operation.
func (p *Primary) Op(args *OpArgs, reply *OpReply) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.killed() || !p.recover() {
		return
	}
	op := args.Op
	if op.Kind == Get {
		reply.Value, reply.OK = p.store[op.Key], true
		return
	}
	if p.variant != DupApply && p.last[op.Client] >= op.Seq {
		reply.OK = true // a retry of a write already applied
		return
	}
	if !p.forward(op) {
		return
	}
	apply(p.store, op)
	p.last[op.Client] = op.Seq
	reply.OK = true
}

// recover fetches the backup's state once after a restart; it reports whether the state is here.
func (p *Primary) recover() bool {
	if p.ready {
		return true
	}
	var r FetchReply
	if !p.backup.Call("Backup.Fetch", &FetchArgs{Epoch: p.epoch}, &r) {
		return false
	}
	p.store, p.last, p.ready = r.Store, r.Last, true
	return true
}

// forward sends a write to the backup until it is acknowledged (StaleRead: tries once and
// carries on either way). It reports false if this primary was killed or fenced off.
func (p *Primary) forward(op Op) bool {
	for !p.killed() {
		var r SyncReply
		ok := p.backup.Call("Backup.Sync", &SyncArgs{Epoch: p.epoch, Op: op}, &r)
		if p.variant == StaleRead || (ok && r.OK) {
			return true
		}
		if ok {
			return false // a newer primary exists
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

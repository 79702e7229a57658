// Package chaos runs the kvsvc service under a fault schedule (a nemesis), records what the
// clients saw, and checks the history with linz. cluster.go, run.go and the _test.go files are
// the kit's (do not modify them); nemesis.go (5A) and shrink.go (5B) are yours.
package chaos

import (
	"sync"

	"dslabs/kvsvc"
	"dslabs/labnet"
)

// Fault kinds, as counted in Cluster.Injected.
const (
	FaultDrops     = "drops"     // a period of lost and delayed messages
	FaultPartition = "partition" // primary and backup cut off from each other
	FaultCrash     = "crash"     // the primary crashed (and later restarted)
)

// Cluster is the running service that a nemesis injures. Its methods are safe to call from any
// goroutine and are idempotent: cutting an already cut link does nothing.
type Cluster struct {
	mu          sync.Mutex
	variant     kvsvc.Variant
	net         *labnet.Network
	primary     *kvsvc.Primary // nil while crashed
	toBackup    *labnet.Endpoint
	epoch       int
	drops       bool
	partitioned bool
	injected    map[string]int
}

func newCluster(v kvsvc.Variant, seed int64) *Cluster {
	c := &Cluster{variant: v, net: labnet.NewNetwork(seed), injected: map[string]int{}}
	srv := labnet.NewServer()
	srv.Register("Backup", kvsvc.NewBackup())
	c.net.AddServer("backup", srv)
	c.toBackup = c.net.NewEndpoint("primary->backup") // the only primary–backup traffic
	c.net.Connect("primary->backup", "backup")
	c.net.Enable("primary->backup", true)
	c.restartLocked()
	return c
}

// restartLocked starts a new primary incarnation with the next epoch.
func (c *Cluster) restartLocked() {
	c.epoch++
	c.primary = kvsvc.NewPrimary(c.variant, c.epoch, c.toBackup)
	srv := labnet.NewServer()
	srv.Register("Primary", c.primary)
	c.net.AddServer("primary", srv)
}

// SetDrops turns message loss on or off: while on, every request and reply between anyone is
// lost with probability 1/10 and requests are delayed up to 26 ms.
func (c *Cluster) SetDrops(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if on && !c.drops {
		c.injected[FaultDrops]++
	}
	c.drops = on
	c.net.SetReliable(!on)
}

// Partition cuts the primary and the backup off from each other (clients still reach both).
func (c *Cluster) Partition() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.partitioned {
		c.injected[FaultPartition]++
	}
	c.partitioned = true
	c.net.Enable("primary->backup", false)
}

// Heal reconnects the primary and the backup.
func (c *Cluster) Heal() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.partitioned = false
	c.net.Enable("primary->backup", true)
}

// CrashPrimary crashes the primary: it loses its memory, calls in flight to it fail.
func (c *Cluster) CrashPrimary() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.primary == nil {
		return
	}
	c.injected[FaultCrash]++
	c.primary.Kill()
	c.primary = nil
	c.net.RemoveServer("primary")
}

// RestartPrimary starts a crashed primary again, as a fresh process.
func (c *Cluster) RestartPrimary() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.primary == nil {
		c.restartLocked()
	}
}

// Injected counts the faults injected so far, by kind.
func (c *Cluster) Injected() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]int{}
	for k, n := range c.injected {
		out[k] = n
	}
	return out
}

// healAll ends every fault, so that operations blocked on one can finish.
func (c *Cluster) healAll() {
	c.SetDrops(false)
	c.Heal()
	c.RestartPrimary()
}

package chaos

import (
	"math/rand"
	"time"
)

// MyNemesis cycles through the three kinds of fault, each cycle in a fresh random order (so
// every kind comes up within one cycle, under 0.5 s): each fault is held for 40–120 ms (a crash
// for 10–40 ms), ended, and followed by 10–40 ms of healthy service, so that the consequences of
// the fault (a stale value, a lost state) can be read back by the clients.
func MyNemesis(c *Cluster, rng *rand.Rand, stop <-chan struct{}) {
	wait := func(lo, hi int) bool {
		select {
		case <-stop:
			return false
		case <-time.After(time.Duration(lo+rng.Intn(hi-lo)) * time.Millisecond):
			return true
		}
	}
	for {
		for _, kind := range rng.Perm(3) {
			if !fault(c, kind, wait) || !wait(10, 40) {
				return
			}
		}
	}
}

// fault injects one fault of the given kind and ends it; it reports whether stop is still open.
func fault(c *Cluster, kind int, wait func(lo, hi int) bool) bool {
	ok := true
	switch kind {
	case 0:
		c.SetDrops(true)
		ok = wait(40, 120)
		c.SetDrops(false)
	case 1:
		c.Partition()
		ok = wait(40, 120)
		c.Heal()
	case 2:
		c.CrashPrimary()
		ok = wait(10, 40)
		c.RestartPrimary()
	}
	return ok
}

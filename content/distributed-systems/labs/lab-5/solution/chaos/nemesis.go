package chaos

import (
	"math/rand"
	"time"
)

// MyNemesis cycles through the three kinds of fault in a random order: each round picks one,
// holds it for 40–120 ms, ends it, and lets the service run healthy for 10–40 ms so that the
// consequences of the fault (a stale value, a lost state) can be read back by the clients.
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
		switch rng.Intn(3) {
		case 0:
			c.SetDrops(true)
			wait(40, 120)
			c.SetDrops(false)
		case 1:
			c.Partition()
			wait(40, 120)
			c.Heal()
		case 2:
			c.CrashPrimary()
			wait(10, 40)
			c.RestartPrimary()
		}
		if !wait(10, 40) {
			return
		}
	}
}

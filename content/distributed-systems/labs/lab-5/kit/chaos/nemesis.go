package chaos

import "math/rand"

// MyNemesis is your fault schedule (5A). Run calls it in its own goroutine while the clients
// work; it injures c (SetDrops, Partition and Heal, CrashPrimary and RestartPrimary) until stop
// is closed, and must return soon after that. Draw every random choice from rng, never from the
// global math/rand or the clock, so that a seed names one schedule.
func MyNemesis(c *Cluster, rng *rand.Rand, stop <-chan struct{}) {
	<-stop
}

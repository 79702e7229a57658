package labnet

import (
	"os"
	"strconv"
	"time"
)

// SeedEnv names the environment variable that fixes the seed of a run.
const SeedEnv = "DSLABS_SEED"

// TB is the part of testing.TB that Seed uses.
type TB interface {
	Helper()
	Logf(format string, args ...interface{})
	Fatalf(format string, args ...interface{})
	Failed() bool
	Name() string
	Cleanup(func())
}

// Seed returns the seed for one test: the integer in DSLABS_SEED if it is set, else one taken
// from the clock. If the test fails, it logs the seed and how to run the test again with it.
func Seed(t TB) int64 {
	t.Helper()
	seed := time.Now().UnixNano()
	if s, ok := os.LookupEnv(SeedEnv); ok {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("labnet: %s=%q is not an integer; set it to a seed printed by a failed test, "+
				"e.g. %s=1234, or unset it", SeedEnv, s, SeedEnv)
		}
		seed = v
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("labnet: this run used seed %d; to run it again with the same seed, "+
				"in the kit folder: %s=%d go test -race -run '^%s$' ./...",
				seed, SeedEnv, seed, t.Name())
		}
	})
	return seed
}

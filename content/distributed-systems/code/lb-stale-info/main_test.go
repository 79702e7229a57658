package main

import (
	"reflect"
	"testing"
)

// Every policy must face the same request sequence, or the columns of the table compare
// different workloads. Fails on the version where one generator drove both the workload
// and the policies' random choices (two-choices draws twice per request, random once).
func TestPoliciesSeeTheSameArrivals(t *testing.T) {
	var want []arrival
	for i, p := range policies {
		var got []arrival
		simulate(20, 3, 5, p.f, func(a arrival) { got = append(got, a) })
		if i == 0 {
			want = got
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s saw a different request sequence than %s (%d vs %d requests)",
				p.name, policies[0].name, len(got), len(want))
		}
	}
}

// Stale load information: with fresh reports two-choices beats random, but with reports
// 1000 ticks old (about 900 mean service times) it herds toward the servers that were short
// at the last refresh and is worse than random. Fails on a simulator that refreshes every
// tick regardless of period (it would hide the effect of stale information).
func TestVeryStaleTwoChoicesIsWorseThanRandom(t *testing.T) {
	freshTwo, freshRandom := simulate(20, 3, 1, twoChoices, nil), simulate(20, 3, 1, random, nil)
	if freshTwo >= freshRandom {
		t.Fatalf("fresh: two-choices %.1f, random %.1f; want two-choices better", freshTwo, freshRandom)
	}
	staleTwo, staleRandom := simulate(20, 3, 1000, twoChoices, nil), simulate(20, 3, 1000, random, nil)
	if staleTwo <= staleRandom {
		t.Fatalf("period 1000: two-choices %.1f, random %.1f; want two-choices worse (herding)", staleTwo, staleRandom)
	}
}

// Many balancers sharing one fresh snapshot herd onto the same "least loaded" server; a
// single balancer with fresh information does not.
func TestLeastLoadedHerdsWithManyBalancers(t *testing.T) {
	one, many := simulate(1, 60, 1, leastLoaded, nil), simulate(20, 3, 1, leastLoaded, nil)
	if many <= 2*one {
		t.Fatalf("least-loaded: 1 LB %.1f, 20 LBs %.1f; want herding to at least double latency", one, many)
	}
}

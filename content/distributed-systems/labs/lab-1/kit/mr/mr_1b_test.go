package mr_test

import (
	"testing"
	"time"
)

// 1B: worker crashes and stalls, atomic output, and workers that stay until the job is done.

func TestCrash1B(t *testing.T) {
	j := newJob(t, jobSpec{app: "crash", workers: 3, nReduce: 10, deadline: 60 * time.Second,
		restart: true, atomic: true})
	j.expected("initials")
	j.run()
	j.checkOutput()
}

func TestEarlyExit1B(t *testing.T) {
	j := newJob(t, jobSpec{app: "earlyexit", workers: 3, nReduce: 10, deadline: 30 * time.Second,
		early: true})
	j.expected("initials")
	j.run()
	j.checkOutput()
}

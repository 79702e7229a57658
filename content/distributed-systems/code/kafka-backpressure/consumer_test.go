package backpressure

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// fakeConsumer hands out the records of each partition in offset order, at most batch per
// poll, honours Pause/Resume, and calls onPoll after every poll with the poll count.
type fakeConsumer struct {
	mu        sync.Mutex
	logs      [][]Record
	pos       []int
	paused    []bool
	committed []int64
	polls     int
	batch     int
	onPoll    func(polls int, committed []int64)
	resumed   int
}

func newFake(partitions int, perPartition int, batch int) *fakeConsumer {
	f := &fakeConsumer{logs: make([][]Record, partitions), pos: make([]int, partitions),
		paused: make([]bool, partitions), committed: make([]int64, partitions), batch: batch}
	for p := range f.logs {
		for off := 0; off < perPartition; off++ {
			f.logs[p] = append(f.logs[p], Record{Partition: p, Offset: int64(off), Value: fmt.Sprintf("p%d-%d", p, off)})
		}
	}
	return f
}

func (f *fakeConsumer) Poll(time.Duration) []Record {
	f.mu.Lock()
	var out []Record
	for p := range f.logs {
		for n := 0; n < f.batch && !f.paused[p] && f.pos[p] < len(f.logs[p]); n++ {
			out = append(out, f.logs[p][f.pos[p]])
			f.pos[p]++
		}
	}
	f.polls++
	polls, committed := f.polls, append([]int64(nil), f.committed...)
	f.mu.Unlock()
	if f.onPoll != nil {
		f.onPoll(polls, committed)
	}
	runtime.Gosched()
	return out
}

func (f *fakeConsumer) Pause(p int)  { f.mu.Lock(); f.paused[p] = true; f.mu.Unlock() }
func (f *fakeConsumer) Resume(p int) { f.mu.Lock(); f.paused[p] = false; f.resumed++; f.mu.Unlock() }
func (f *fakeConsumer) Commit(p int, next int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if next < f.committed[p] {
		panic(fmt.Sprintf("commit went back on p%d: %d after %d", p, next, f.committed[p]))
	}
	f.committed[p] = next
}

func start(parts int) *Offsets {
	m := map[int]int64{}
	for p := 0; p < parts; p++ {
		m[p] = 0
	}
	return NewOffsets(m)
}

// runWithWatchdog runs Run and fails the test if it does not return: a blocked poll loop is
// the bug these tests look for, and a real client would be evicted from its group for it.
func runWithWatchdog(t *testing.T, ctx context.Context, c Consumer, offs *Offsets, parts, workers int,
	process func(context.Context, Record) error) {
	t.Helper()
	done := make(chan struct{})
	go func() { Run(ctx, c, offs, parts, workers, process); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not return: the poll loop is blocked (a real client would leave the group after max.poll.interval.ms)")
	}
}

// Fails on the version that blocked on a full queue (`queues[i] <- r`): with the worker
// stuck, that loop stops polling, so the 50 polls that end this test never happen.
func TestFullQueuePausesPartitionAndKeepsPolling(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	f := newFake(1, 500, 50)
	f.onPoll = func(polls int, _ []int64) {
		if polls == 50 {
			f.mu.Lock()
			paused := f.paused[0]
			f.mu.Unlock()
			if !paused {
				t.Error("partition 0 not paused while its worker is stuck and its queue is full")
			}
			cancel()
		}
	}
	runWithWatchdog(t, ctx, f, start(1), 1, 1, func(ctx context.Context, r Record) error {
		select {
		case <-release:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	if f.committed[0] != 0 {
		t.Fatalf("committed %d, want 0: nothing was processed", f.committed[0])
	}
}

// After the worker catches up, the paused partition resumes and every record is processed
// once, in offset order, and committed.
func TestPausedPartitionResumesInOrder(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const n = 1000
	f := newFake(2, n, 64)
	gate := make(chan struct{})
	var once sync.Once
	f.onPoll = func(polls int, committed []int64) {
		if polls == 20 {
			once.Do(func() { close(gate) }) // the workers were slow for 20 polls
		}
		if committed[0] == n && committed[1] == n {
			cancel()
		}
	}
	var mu sync.Mutex
	seen := map[int][]int64{}
	runWithWatchdog(t, ctx, f, start(2), 2, 2, func(ctx context.Context, r Record) error {
		<-gate
		mu.Lock()
		seen[r.Partition] = append(seen[r.Partition], r.Offset)
		mu.Unlock()
		return nil
	})
	for p := 0; p < 2; p++ {
		if len(seen[p]) != n {
			t.Fatalf("p%d processed %d records, want %d", p, len(seen[p]), n)
		}
		for i, off := range seen[p] {
			if off != int64(i) {
				t.Fatalf("p%d record %d has offset %d: order lost", p, i, off)
			}
		}
		if f.committed[p] != n {
			t.Fatalf("p%d committed %d, want %d", p, f.committed[p], n)
		}
	}
	if f.resumed == 0 {
		t.Fatal("no partition was ever resumed; the test did not exercise back-pressure")
	}
}

// Shutdown while a worker is stuck: Run returns, and the offset of the record that was
// not processed is not committed, so a restart re-delivers it (at least once).
// Fails on the version that committed what it had polled instead of what was processed.
func TestShutdownCommitsOnlyProcessed(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := newFake(1, 10, 10)
	f.onPoll = func(polls int, _ []int64) {
		if polls == 30 {
			cancel()
		}
	}
	runWithWatchdog(t, ctx, f, start(1), 1, 1, func(ctx context.Context, r Record) error {
		if r.Offset >= 3 { // record 3 never finishes before shutdown
			<-ctx.Done()
			return ctx.Err()
		}
		return nil
	})
	if f.committed[0] != 3 {
		t.Fatalf("committed %d, want 3 (offsets 0..2 processed, 3 cut off by shutdown)", f.committed[0])
	}
}

// Fails on the version that committed max(done)+1: offset 12 is still in flight.
func TestCommitStopsAtFirstGap(t *testing.T) {
	o := NewOffsets(map[int]int64{0: 10})
	for _, off := range []int64{10, 11, 13} {
		o.MarkDone(0, off)
	}
	if got := o.Committable(0); got != 12 {
		t.Fatalf("committable %d, want 12 (12 not yet processed)", got)
	}
	o.MarkDone(0, 12)
	if got := o.Committable(0); got != 14 {
		t.Fatalf("after 12 is done committable %d, want 14", got)
	}
}

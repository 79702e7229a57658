package dstsim

import (
	"fmt"
	"strings"
	"testing"
)

// recorder remembers what it handled in memory and keeps a durable count on its "disk".
type recorder struct {
	id   int
	seen []string // memory: lost in a crash
	disk *int     // durable: survives a crash
	log  *[]string
}

func (r *recorder) Handle(m Message, send func(Message)) {
	r.seen = append(r.seen, m.Body)
	*r.disk++
	*r.log = append(*r.log, fmt.Sprintf("n%d<-%s", r.id, m.Body))
	if strings.HasPrefix(m.Body, "ping") {
		send(Message{From: r.id, To: m.From, Body: "pong" + m.Body[4:]})
	}
}

func cluster(n int, seed int64) (*Sim, []*int, *[]string) {
	disks := make([]*int, n)
	log := &[]string{}
	nodes := make([]Node, n)
	for i := range nodes {
		disks[i] = new(int)
		nodes[i] = &recorder{id: i, disk: disks[i], log: log}
	}
	s := New(seed, nodes, func(i int) Node { return &recorder{id: i, disk: disks[i], log: log} })
	return s, disks, log
}

func noCheck() error { return nil }

// Fails on the version whose crash-and-restart was immediate: the node then handles the
// message sent while it should be down.
func TestCrashedNodeMissesMessagesUntilRestart(t *testing.T) {
	s, disks, log := cluster(2, 1)
	s.Inject(Message{From: 0, To: 1, Body: "before"}, 10)
	s.Inject(Message{From: 0, To: 1, Body: "while-down"}, 500)
	s.Inject(Message{From: 0, To: 1, Body: "after"}, 2000)
	if err := s.Run(1, noCheck); err != nil {
		t.Fatal(err)
	}
	s.Crash(1, 1000) // down from t=10 to t=1010
	if !s.Crashed(1) {
		t.Fatal("node 1 not crashed after Crash")
	}
	if err := s.Run(100, noCheck); err != nil {
		t.Fatal(err)
	}
	want := []string{"n1<-before", "n1<-after"}
	if strings.Join(*log, ",") != strings.Join(want, ",") {
		t.Fatalf("handled %v, want %v", *log, want)
	}
	if s.Crashed(1) {
		t.Fatal("node 1 still crashed after its restart time")
	}
	if *disks[1] != 2 {
		t.Fatalf("durable count %d, want 2 (disk survives the crash)", *disks[1])
	}
}

// Fails on the version where nothing scheduled the restart: crashed nodes stay down forever.
func TestEveryCrashedNodeRestarts(t *testing.T) {
	s, _, _ := cluster(3, 7)
	s.CrashProb = 0.2
	for i := 0; i < 50; i++ {
		s.Inject(Message{From: 0, To: i % 3, Body: fmt.Sprintf("ping%d", i)}, int64(i*100))
	}
	if err := s.Run(1_000_000, noCheck); err != nil {
		t.Fatal(err)
	}
	for n := 0; n < 3; n++ {
		if s.Crashed(n) {
			t.Fatalf("node %d still down after the queue drained", n)
		}
	}
}

// Restart rebuilds memory from disk: what the node had only in memory is gone.
func TestRestartLosesMemoryKeepsDisk(t *testing.T) {
	s, disks, _ := cluster(1, 3)
	s.Inject(Message{From: 0, To: 0, Body: "x"}, 1)
	s.Inject(Message{From: 0, To: 0, Body: "y"}, 5000)
	if err := s.Run(1, noCheck); err != nil {
		t.Fatal(err)
	}
	s.Crash(0, 100)
	if err := s.Run(10, noCheck); err != nil {
		t.Fatal(err)
	}
	r := s.nodes[0].(*recorder)
	if len(r.seen) != 1 || r.seen[0] != "y" || *disks[0] != 2 {
		t.Fatalf("after restart memory %v disk %d, want [y] and 2", r.seen, *disks[0])
	}
}

// Same seed, same run: the whole point of the method.
func TestSameSeedReplaysExactly(t *testing.T) {
	run := func() string {
		s, _, log := cluster(3, 42)
		s.CrashProb = 0.05
		for i := 0; i < 30; i++ {
			s.Inject(Message{From: (i + 1) % 3, To: i % 3, Body: fmt.Sprintf("ping%d", i)}, int64(i*300))
		}
		if err := s.Run(10_000, noCheck); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%v@%d", *log, s.Now())
	}
	if a, b := run(), run(); a != b {
		t.Fatalf("two runs with seed 42 differ:\n%s\n%s", a, b)
	}
}

// A failing invariant stops the run and names the step and the virtual time.
func TestCheckFailureReportsStepAndTime(t *testing.T) {
	s, disks, _ := cluster(1, 1)
	s.Inject(Message{To: 0, Body: "a"}, 7)
	s.Inject(Message{To: 0, Body: "b"}, 9)
	err := s.Run(10, func() error {
		if *disks[0] > 1 {
			return fmt.Errorf("count %d", *disks[0])
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "第 1 步，虚拟时间 9") {
		t.Fatalf("err = %v, want failure at step 1, time 9", err)
	}
}

package raft

// The test harness: it runs n Raft peers on a labnet network, watches what each one applies,
// and injures them (partitions, crashes and restarts, an unreliable network). Do not change it:
// the graders use the original. Read it to learn what the tests expect.

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"dslabs/labnet"
)

// RaftElectionTimeout is how long the tests give a cluster to notice a failure and elect a new
// leader. A correct Raft elects within well under this time when a majority can talk.
const RaftElectionTimeout = 1000 * time.Millisecond

// SnapShotInterval is how many applied commands the 3D tests' service lets pass between
// snapshots; MaxLogSize bounds the persisted Raft state (bytes) when snapshots are taken.
const (
	SnapShotInterval = 10
	MaxLogSize       = 2000
)

// testTimeLimit is the longest a single test may run; the harness fails it after that. If the
// test is stuck inside a Raft method (a deadlock), a watchdog ends the run a little later.
const testTimeLimit = 90 * time.Second

type config struct {
	t     *testing.T
	net   *labnet.Network
	n     int
	start time.Time
	done  chan struct{} // closed when the test ends; appliers stop reading
	dog   *time.Timer   // the watchdog

	rngMu sync.Mutex
	rng   *rand.Rand // the test's own random choices, from the printed seed

	mu          sync.Mutex
	rafts       []*Raft
	connected   []bool
	saved       []*Persister
	endnames    [][]string            // endnames[i][j]: the endpoint i uses to call j
	generation  []int                 // bumped at every crash, so a dead instance's applies are ignored
	logs        []map[int]interface{} // logs[i][k]: the command server i's instance applied at k
	history     map[int]interface{}   // every command any instance ever applied, by index
	lastApplied []int
	applyErr    string // the first apply error any server made
	snapshot    bool
	endSeq      int
}

// makeConfig starts n peers, all connected. unreliable turns on message loss and delays;
// snapshot makes the service snapshot every SnapShotInterval commands (3D).
func makeConfig(t *testing.T, n int, unreliable bool, snapshot bool) *config {
	seed := labnet.Seed(t)
	cfg := &config{
		t:           t,
		net:         labnet.NewNetwork(seed),
		n:           n,
		start:       time.Now(),
		done:        make(chan struct{}),
		rng:         rand.New(rand.NewSource(seed)),
		rafts:       make([]*Raft, n),
		connected:   make([]bool, n),
		saved:       make([]*Persister, n),
		endnames:    make([][]string, n),
		generation:  make([]int, n),
		logs:        make([]map[int]interface{}, n),
		history:     map[int]interface{}{},
		lastApplied: make([]int, n),
		snapshot:    snapshot,
	}
	cfg.setUnreliable(unreliable)
	cfg.net.SetLongDelays(true)
	name := t.Name()
	cfg.dog = time.AfterFunc(testTimeLimit+15*time.Second, func() { watchdog(name, seed) })
	t.Cleanup(cfg.cleanup)
	for i := 0; i < n; i++ {
		cfg.start1(i)
	}
	for i := 0; i < n; i++ {
		cfg.connect(i)
	}
	return cfg
}

// watchdog ends a test that is stuck, most likely in a Raft method that waits for a lock held
// by a goroutine that waits for something else. It prints every goroutine's stack first.
func watchdog(name string, seed int64) {
	buf := make([]byte, 1<<22)
	buf = buf[:runtime.Stack(buf, true)]
	fmt.Fprintf(os.Stderr, "%s\n", buf)
	panic(fmt.Sprintf("%s is stuck: it did not finish within %v. Look in the goroutine stacks "+
		"above for Raft goroutines blocked in Lock, Call or a channel send (a lock held while "+
		"calling Call or sending on applyCh is the usual cause). Seed: %s=%d",
		name, testTimeLimit+15*time.Second, labnet.SeedEnv, seed))
}

func (cfg *config) cleanup() {
	cfg.dog.Stop()
	cfg.mu.Lock()
	rafts := append([]*Raft(nil), cfg.rafts...)
	cfg.mu.Unlock()
	for _, rf := range rafts {
		if rf != nil {
			rf.Kill()
		}
	}
	close(cfg.done)
	cfg.net.Close()
}

// randInt returns a number in [0, n) from the test's seeded source.
func (cfg *config) randInt(n int) int {
	cfg.rngMu.Lock()
	defer cfg.rngMu.Unlock()
	return cfg.rng.Intn(n)
}

func serverName(i int) string { return fmt.Sprintf("server-%d", i) }

// crash1 disconnects server i, removes it from the network and kills it. Its persisted state is
// copied first, so whatever the dying instance writes afterwards is lost, as in a real crash.
func (cfg *config) crash1(i int) {
	cfg.disconnect(i)
	cfg.net.RemoveServer(serverName(i))
	cfg.mu.Lock()
	if cfg.saved[i] != nil {
		cfg.saved[i] = cfg.saved[i].Copy()
	}
	rf := cfg.rafts[i]
	cfg.rafts[i] = nil
	cfg.generation[i]++
	cfg.mu.Unlock()
	if rf != nil {
		rf.Kill()
	}
}

// start1 (re)starts server i from its persisted state, with fresh endpoints (so replies meant
// for the old instance never reach the new one). The new instance starts disconnected.
func (cfg *config) start1(i int) {
	cfg.crash1(i)

	cfg.mu.Lock()
	cfg.endSeq++
	cfg.endnames[i] = make([]string, cfg.n)
	ends := make([]*labnet.Endpoint, cfg.n)
	for j := 0; j < cfg.n; j++ {
		cfg.endnames[i][j] = fmt.Sprintf("%d->%d/%d", i, j, cfg.endSeq)
		ends[j] = cfg.net.NewEndpoint(cfg.endnames[i][j])
		cfg.net.Connect(cfg.endnames[i][j], serverName(j))
	}
	if cfg.saved[i] == nil {
		cfg.saved[i] = MakePersister()
	}
	persister := cfg.saved[i]
	gen := cfg.generation[i]
	cfg.logs[i] = map[int]interface{}{}
	cfg.lastApplied[i] = 0
	if snap := persister.ReadSnapshot(); len(snap) > 0 {
		if err := cfg.ingestSnapLocked(i, snap, -1); err != "" {
			cfg.mu.Unlock()
			cfg.t.Fatal(err)
		}
	}
	cfg.mu.Unlock()

	applyCh := make(chan ApplyMsg)
	rf := Make(ends, i, persister, applyCh)
	go cfg.applier(i, gen, rf, applyCh)

	cfg.mu.Lock()
	cfg.rafts[i] = rf
	cfg.mu.Unlock()

	srv := labnet.NewServer()
	srv.Register("Raft", rf)
	cfg.net.AddServer(serverName(i), srv)
}

// connect attaches server i to the network: its links to and from every connected server work.
func (cfg *config) connect(i int) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.connected[i] = true
	for j := 0; j < cfg.n; j++ {
		if cfg.connected[j] {
			cfg.net.Enable(cfg.endnames[i][j], true)
			cfg.net.Enable(cfg.endnames[j][i], true)
		}
	}
}

// disconnect cuts server i off: every message to or from it is lost.
func (cfg *config) disconnect(i int) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.connected[i] = false
	for j := 0; j < cfg.n; j++ {
		if cfg.endnames[i] != nil {
			cfg.net.Enable(cfg.endnames[i][j], false)
		}
		if cfg.endnames[j] != nil {
			cfg.net.Enable(cfg.endnames[j][i], false)
		}
	}
}

func (cfg *config) setUnreliable(yes bool) { cfg.net.SetReliable(!yes) }

func (cfg *config) rpcTotal() int { return cfg.net.TotalRPCs() }

func (cfg *config) bytesTotal() int64 { return cfg.net.TotalBytes() }

// raftsNow returns the live instances and whether each is connected, read under the lock; the
// caller then calls into them without holding cfg.mu.
func (cfg *config) raftsNow() ([]*Raft, []bool) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	return append([]*Raft(nil), cfg.rafts...), append([]bool(nil), cfg.connected...)
}

func (cfg *config) logSize(i int) int {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	return cfg.saved[i].RaftStateSize()
}

// checkHealth fails the test if a server applied something wrong or the test ran too long.
func (cfg *config) checkHealth() {
	cfg.t.Helper()
	if err := cfg.healthErr(); err != "" {
		cfg.t.Fatal(err)
	}
}

// healthErr is checkHealth for goroutines other than the test's, which may not fail it: it
// returns what is wrong ("" if nothing is).
func (cfg *config) healthErr() string {
	cfg.mu.Lock()
	err := cfg.applyErr
	cfg.mu.Unlock()
	if err != "" {
		return err
	}
	if time.Since(cfg.start) > testTimeLimit {
		return fmt.Sprintf("test took longer than %v", testTimeLimit)
	}
	return ""
}

// checkOneLeader waits for a leader among the connected servers and returns it. It fails if a
// term has two leaders, or if no leader appears within about 5 seconds.
func (cfg *config) checkOneLeader() int {
	cfg.t.Helper()
	for iter := 0; iter < 10; iter++ {
		time.Sleep(time.Duration(450+cfg.randInt(100)) * time.Millisecond)
		cfg.checkHealth()
		rafts, connected := cfg.raftsNow()
		leaders := map[int][]int{}
		for i, rf := range rafts {
			if rf != nil && connected[i] {
				if term, isLeader := rf.GetState(); isLeader {
					leaders[term] = append(leaders[term], i)
				}
			}
		}
		lastTerm := -1
		for term, ls := range leaders {
			if len(ls) > 1 {
				cfg.t.Fatalf("term %d has %d leaders (servers %v); a term may have at most one",
					term, len(ls), ls)
			}
			if term > lastTerm {
				lastTerm = term
			}
		}
		if len(leaders) != 0 {
			return leaders[lastTerm][0]
		}
	}
	cfg.t.Fatalf("expected one leader, got none (no connected server said it was leader in %v)",
		5*time.Second)
	return -1
}

// checkTerms returns the term the connected servers agree on, and fails if they disagree.
func (cfg *config) checkTerms() int {
	cfg.t.Helper()
	term := -1
	rafts, connected := cfg.raftsNow()
	for i, rf := range rafts {
		if rf != nil && connected[i] {
			t, _ := rf.GetState()
			if term == -1 {
				term = t
			} else if t != term {
				cfg.t.Fatalf("connected servers disagree on the term: %d and %d", term, t)
			}
		}
	}
	return term
}

// checkNoLeader fails if a connected server thinks it is leader.
func (cfg *config) checkNoLeader() {
	cfg.t.Helper()
	rafts, connected := cfg.raftsNow()
	for i, rf := range rafts {
		if rf != nil && connected[i] {
			if _, isLeader := rf.GetState(); isLeader {
				cfg.t.Fatalf("expected no leader among the connected servers, but server %d "+
					"claims to be leader", i)
			}
		}
	}
}

// nCommitted returns how many servers have applied index, and the command there. (The
// applier has already checked that no two servers applied different commands at one index.)
func (cfg *config) nCommitted(index int) (int, interface{}) {
	cfg.t.Helper()
	cfg.checkHealth()
	return cfg.nCommittedNoFail(index)
}

// nCommittedNoFail is nCommitted for goroutines other than the test's, which may not fail it.
func (cfg *config) nCommittedNoFail(index int) (int, interface{}) {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	count := 0
	var cmd interface{}
	for i := 0; i < cfg.n; i++ {
		if v, ok := cfg.logs[i][index]; ok {
			count++
			cmd = v
		}
	}
	return count, cmd
}

// wait waits for at least n servers to apply index and returns the command there. If startTerm
// is not -1 and some server moves past it, wait gives up and returns -1: the entry may never
// commit, and the caller retries.
func (cfg *config) wait(index int, n int, startTerm int) interface{} {
	cfg.t.Helper()
	to := 10 * time.Millisecond
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		nd, _ := cfg.nCommitted(index)
		if nd >= n {
			break
		}
		time.Sleep(to)
		if to < time.Second {
			to *= 2
		}
		if startTerm > -1 {
			rafts, _ := cfg.raftsNow()
			for _, rf := range rafts {
				if rf != nil {
					if t, _ := rf.GetState(); t > startTerm {
						return -1 // someone moved on; the entry may never commit
					}
				}
			}
		}
	}
	nd, cmd := cfg.nCommitted(index)
	if nd < n {
		cfg.t.Fatalf("only %d servers applied index %d within 10 s; wanted %d", nd, index, n)
	}
	return cmd
}

// one submits cmd to whichever connected server accepts it as leader, and waits until at least
// expectedServers servers have applied it. With retry, it submits again if the first leader
// fails to commit it; without, that is a failure. It returns the index of the command.
func (cfg *config) one(cmd interface{}, expectedServers int, retry bool) int {
	cfg.t.Helper()
	index, err := cfg.oneErr(cmd, expectedServers, retry)
	if err != "" {
		cfg.t.Fatal(err)
	}
	return index
}

// oneErr is one for goroutines other than the test's, which may not fail it (a Fatal from
// another goroutine after the test has ended panics the whole test binary). It returns what
// went wrong instead, and gives up as soon as the test has ended.
func (cfg *config) oneErr(cmd interface{}, expectedServers int, retry bool) (int, string) {
	t0 := time.Now()
	lastAccepted := t0
	next := 0
	for time.Since(t0) < 10*time.Second {
		if err := cfg.healthErr(); err != "" {
			return -1, err
		}
		if cfg.ended() {
			return -1, fmt.Sprintf("one(%v): the test ended before agreement", cmd)
		}
		index := -1
		rafts, connected := cfg.raftsNow()
		for k := 0; k < cfg.n; k++ {
			next = (next + 1) % cfg.n
			if rf := rafts[next]; rf != nil && connected[next] {
				if i, _, ok := rf.Start(cmd); ok {
					index = i
					break
				}
			}
		}
		if index == -1 {
			if time.Since(lastAccepted) > 5*time.Second {
				return -1, fmt.Sprintf("one(%v): expected one leader, got none (no connected "+
					"server accepted Start for 5 s)", cmd)
			}
			time.Sleep(50 * time.Millisecond)
			continue
		}
		lastAccepted = time.Now()
		for t1 := time.Now(); time.Since(t1) < 2*time.Second && !cfg.ended(); {
			if err := cfg.healthErr(); err != "" {
				return -1, err
			}
			nd, got := cfg.nCommittedNoFail(index)
			if nd > 0 && nd >= expectedServers && got == cmd {
				return index, ""
			}
			time.Sleep(20 * time.Millisecond)
		}
		if !retry {
			return -1, fmt.Sprintf("one(%v) failed to reach agreement: the leader accepted it "+
				"at index %d, but %d servers did not apply it within 2 s", cmd, index,
				expectedServers)
		}
	}
	return -1, fmt.Sprintf("one(%v) failed to reach agreement within 10 s", cmd)
}

// ended reports whether the test has ended (its cleanup has run).
func (cfg *config) ended() bool {
	select {
	case <-cfg.done:
		return true
	default:
		return false
	}
}

// applier reads everything server i's instance gen sends on applyCh and checks it: commands in
// index order with no gaps, the same command at an index on every server, and (3D) a snapshot
// every SnapShotInterval commands. Messages from a crashed instance are read and ignored.
func (cfg *config) applier(i int, gen int, rf *Raft, applyCh chan ApplyMsg) {
	for {
		var m ApplyMsg
		select {
		case m = <-applyCh:
		case <-cfg.done:
			return
		}
		cfg.mu.Lock()
		if cfg.generation[i] != gen {
			cfg.mu.Unlock()
			continue
		}
		var err string
		takeSnapshot := false
		switch {
		case m.CommandValid:
			err = cfg.applyLocked(i, m)
			takeSnapshot = err == "" && cfg.snapshot && m.CommandIndex%SnapShotInterval == 0
		case m.SnapshotValid:
			if !cfg.snapshot {
				err = fmt.Sprintf("server %d sent a snapshot on applyCh, but no one called "+
					"Snapshot in this test", i)
			} else {
				err = cfg.ingestSnapLocked(i, m.Snapshot, m.SnapshotIndex)
			}
		}
		var snap []byte
		if takeSnapshot {
			snap = cfg.encodeSnapshotLocked(i, m.CommandIndex)
		}
		if err != "" && cfg.applyErr == "" {
			cfg.applyErr = err
		}
		cfg.mu.Unlock()
		if snap != nil {
			rf.Snapshot(m.CommandIndex, snap)
		}
	}
}

// applyLocked records a command server i applied, or returns what is wrong with it.
func (cfg *config) applyLocked(i int, m ApplyMsg) string {
	if m.CommandIndex != cfg.lastApplied[i]+1 {
		return fmt.Sprintf("server %d applied index %d out of order: the previous command it "+
			"applied was index %d, so the next must be %d", i, m.CommandIndex,
			cfg.lastApplied[i], cfg.lastApplied[i]+1)
	}
	if err := cfg.agreeLocked(i, m.CommandIndex, m.Command); err != "" {
		return err
	}
	cfg.logs[i][m.CommandIndex] = m.Command
	cfg.lastApplied[i] = m.CommandIndex
	return ""
}

// agreeLocked checks that no server, now or before a crash, applied a different command at
// index, and records cmd as the command there.
func (cfg *config) agreeLocked(i int, index int, cmd interface{}) string {
	if old, ok := cfg.history[index]; ok && old != cmd {
		return fmt.Sprintf("server %d applied %v at index %d, but %v was applied there before: "+
			"two different commands committed at the same index", i, cmd, index, old)
	}
	cfg.history[index] = cmd
	return ""
}

// The 3D service's snapshot is the index it covers and every command up to it.
type testSnapshot struct {
	Index    int
	Commands []interface{} // Commands[k] is the command at index k; Commands[0] is unused
}

func (cfg *config) encodeSnapshotLocked(i int, index int) []byte {
	s := testSnapshot{Index: index, Commands: make([]interface{}, index+1)}
	for k := 1; k <= index; k++ {
		s.Commands[k] = cfg.logs[i][k]
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		panic(fmt.Sprintf("encoding the test snapshot: %v", err))
	}
	return buf.Bytes()
}

// ingestSnapLocked replaces server i's applied state with a snapshot; index is the
// SnapshotIndex the ApplyMsg claimed (-1 when the harness reads a snapshot at restart).
func (cfg *config) ingestSnapLocked(i int, data []byte, index int) string {
	var s testSnapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return fmt.Sprintf("server %d: cannot decode a snapshot (%d bytes) that should be one "+
			"the service made: %v; Raft must deliver and store the service's bytes unchanged",
			i, len(data), err)
	}
	if index != -1 && index != s.Index {
		return fmt.Sprintf("server %d: ApplyMsg says SnapshotIndex=%d, but the snapshot covers "+
			"up to index %d", i, index, s.Index)
	}
	if index != -1 && s.Index < cfg.lastApplied[i] {
		return fmt.Sprintf("server %d: a snapshot up to index %d would move the service back: "+
			"it has already applied up to index %d", i, s.Index, cfg.lastApplied[i])
	}
	applied := map[int]interface{}{}
	for k := 1; k <= s.Index && k < len(s.Commands); k++ {
		if err := cfg.agreeLocked(i, k, s.Commands[k]); err != "" {
			return err
		}
		applied[k] = s.Commands[k]
	}
	cfg.logs[i] = applied
	cfg.lastApplied[i] = s.Index
	return ""
}

// begin logs what the test checks; end logs how much it cost.
func (cfg *config) begin(description string) {
	cfg.t.Helper()
	cfg.t.Logf("%s ...", description)
	cfg.start = time.Now()
	rpcs0, bytes0 := cfg.rpcTotal(), cfg.bytesTotal()
	cfg.t.Cleanup(func() {
		if !cfg.t.Failed() {
			cfg.t.Logf("  ... Passed -- %4.1fs, %d peers, %d RPCs, %d bytes",
				time.Since(cfg.start).Seconds(), cfg.n, cfg.rpcTotal()-rpcs0,
				cfg.bytesTotal()-bytes0)
		}
	})
}

package labnet

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type EchoArgs struct {
	Text  string
	Items []int
}

type EchoReply struct {
	Text  string
	Items []int
	Calls int
}

// echo is a test service; block, when set, holds every handler until it is closed.
type echo struct {
	calls int64
	block chan struct{}
	seen  chan []int // receives the slice each handler got, when set
}

func (e *echo) Echo(args *EchoArgs, reply *EchoReply) {
	if e.block != nil {
		<-e.block
	}
	if e.seen != nil {
		e.seen <- args.Items
	}
	reply.Text = args.Text
	reply.Items = args.Items
	reply.Calls = int(atomic.AddInt64(&e.calls, 1))
}

// Helper has the wrong shape for a handler and must not be callable.
func (e *echo) Helper(x int) int { return x }

// fixture is a network with one server "s" serving an echo service and one enabled endpoint "c".
func fixture(t *testing.T, e *echo) (*Network, *Endpoint) {
	net := NewNetwork(1)
	t.Cleanup(net.Close)
	srv := NewServer()
	srv.Register("Echo", e)
	net.AddServer("s", srv)
	end := net.NewEndpoint("c")
	net.Connect("c", "s")
	net.Enable("c", true)
	return net, end
}

func TestCallDeliversAndCopies(t *testing.T) {
	e := &echo{seen: make(chan []int, 1)}
	_, end := fixture(t, e)
	items := []int{1, 2, 3}
	var reply EchoReply
	if !end.Call("Echo.Echo", &EchoArgs{Text: "hi", Items: items}, &reply) {
		t.Fatal("Call over a reliable, enabled link returned false")
	}
	if reply.Text != "hi" || fmt.Sprint(reply.Items) != "[1 2 3]" || reply.Calls != 1 {
		t.Fatalf("reply = %+v, want Text hi, Items [1 2 3], Calls 1", reply)
	}
	got := <-e.seen
	got[0] = 100
	reply.Items[1] = 200
	if items[0] != 1 || items[1] != 2 {
		t.Fatalf("caller's slice changed to %v: arguments or replies share memory", items)
	}
}

func TestReplyIsDecodedIntoAFreshValue(t *testing.T) {
	_, end := fixture(t, &echo{})
	reply := EchoReply{Text: "stale", Items: []int{9}}
	if !end.Call("Echo.Echo", &EchoArgs{}, &reply) {
		t.Fatal("Call returned false")
	}
	if reply.Text != "" || reply.Items != nil {
		t.Fatalf("reply = %+v: fields the server left zero kept the caller's old values", reply)
	}
}

func TestUnknownMethodPanicsWithTheKnownOnes(t *testing.T) {
	_, end := fixture(t, &echo{})
	for _, method := range []string{"Echo.Ech", "Echo.Helper", "Nope.Echo", "Echo"} {
		msg := panicMessage(func() { end.Call(method, &EchoArgs{}, &EchoReply{}) })
		if !strings.Contains(msg, method) {
			t.Errorf("Call(%q) panicked with %q; want a message naming the method", method, msg)
		}
		if method != "Echo" && !strings.Contains(msg, "Echo.Echo") {
			t.Errorf("Call(%q) panicked with %q; want it to list Echo.Echo", method, msg)
		}
	}
}

func TestRegisterRejectsObjectsWithoutHandlers(t *testing.T) {
	msg := panicMessage(func() { NewServer().Register("X", &strings.Builder{}) })
	if !strings.Contains(msg, "no method of the form") {
		t.Fatalf("Register panicked with %q", msg)
	}
	srv := NewServer()
	srv.Register("E", &echo{})
	if msg := panicMessage(func() { srv.Register("E", &echo{}) }); !strings.Contains(msg, "already") {
		t.Fatalf("second Register panicked with %q", msg)
	}
}

func TestDisabledAndUnconnectedEndpointsLoseCalls(t *testing.T) {
	net, end := fixture(t, &echo{})
	net.Enable("c", false)
	if end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) {
		t.Fatal("Call over a disabled endpoint returned true")
	}
	net.Enable("c", true)
	if !end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) {
		t.Fatal("Call after re-enabling returned false")
	}
	lone := net.NewEndpoint("lone")
	net.Enable("lone", true)
	if lone.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) {
		t.Fatal("Call on an endpoint connected to nothing returned true")
	}
	if net.RPCCount("s") != 1 {
		t.Fatalf("server handled %d calls, want 1 (lost calls must not reach it)", net.RPCCount("s"))
	}
}

// inFlight starts a call that blocks in the handler and returns a channel with its result.
func inFlight(end *Endpoint) <-chan bool {
	out := make(chan bool, 1)
	go func() { out <- end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) }()
	return out
}

// outcome waits for an in-flight call to return, failing the test if it is still waiting after
// 3 s: a call whose reply can no longer arrive must not hang.
func outcome(t *testing.T, res <-chan bool) bool {
	t.Helper()
	select {
	case ok := <-res:
		return ok
	case <-time.After(3 * time.Second):
		t.Fatal("a call was still waiting 3 s after its reply was discarded")
		return false
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func TestCrashDiscardsInFlightRepliesAndRestartServes(t *testing.T) {
	e := &echo{block: make(chan struct{})}
	net, end := fixture(t, e)
	res := inFlight(end)
	waitFor(t, "the handler to start", func() bool { return net.RPCCount("s") == 1 })
	net.RemoveServer("s")
	ok := outcome(t, res)
	close(e.block) // the old handler finishes now; its reply must go nowhere
	if ok {
		t.Fatal("a call to a server that crashed while handling it returned true")
	}
	if end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) {
		t.Fatal("Call to a removed server returned true")
	}
	srv := NewServer()
	srv.Register("Echo", &echo{})
	net.AddServer("s", srv)
	var reply EchoReply
	if !end.Call("Echo.Echo", &EchoArgs{Text: "again"}, &reply) || reply.Calls != 1 {
		t.Fatalf("after restart: reply %+v; want the new incarnation's first call", reply)
	}
	if net.RPCCount("s") != 1 {
		t.Fatalf("RPCCount = %d, want 1: counts belong to the current incarnation", net.RPCCount("s"))
	}
}

func TestDisablingDiscardsInFlightReplies(t *testing.T) {
	e := &echo{block: make(chan struct{})}
	net, end := fixture(t, e)
	defer close(e.block)
	res := inFlight(end)
	waitFor(t, "the handler to start", func() bool { return net.RPCCount("s") == 1 })
	net.Enable("c", false)
	net.Enable("c", true) // re-enabling does not bring back the reply of the cut call
	if outcome(t, res) {
		t.Fatal("a call whose endpoint was disabled in flight returned true")
	}
}

func TestUnreliableDropsSomeButNotMost(t *testing.T) {
	t.Parallel()
	net, end := fixture(t, &echo{})
	net.SetReliable(false)
	const calls = 1000
	var ok int64
	var wg sync.WaitGroup
	for i := 0; i < calls; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) {
				atomic.AddInt64(&ok, 1)
			}
		}()
	}
	wg.Wait()
	// Each call survives with probability 0.9 × 0.9 = 0.81: 810 ± 12.4 (one standard deviation)
	// of 1000. Outside ±5 deviations happens less than once in a million runs; dropping only
	// requests or only replies (900) falls outside.
	if ok < 748 || ok > 872 {
		t.Fatalf("%d of %d unreliable calls succeeded; want about 81%%", ok, calls)
	}
}

// outcomes makes calls one after another on an unreliable network and records which succeeded.
func outcomes(seed int64) string {
	net := NewNetwork(seed)
	defer net.Close()
	srv := NewServer()
	srv.Register("Echo", &echo{})
	net.AddServer("s", srv)
	end := net.NewEndpoint("c")
	net.Connect("c", "s")
	net.Enable("c", true)
	net.SetReliable(false)
	var b strings.Builder
	for i := 0; i < 40; i++ {
		if end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) {
			b.WriteByte('+')
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func TestSameSeedSameOutcomes(t *testing.T) {
	t.Parallel()
	a, b, c := outcomes(7), outcomes(7), outcomes(8)
	if a != b {
		t.Fatalf("seed 7 gave %s and then %s", a, b)
	}
	if a == c {
		t.Fatalf("seeds 7 and 8 both gave %s", a)
	}
}

func TestLongReorderingReordersReplies(t *testing.T) {
	t.Parallel()
	net, end := fixture(t, &echo{})
	net.SetLongReordering(true)
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{})
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}(i)
		time.Sleep(5 * time.Millisecond)
	}
	wg.Wait()
	for i := 1; i < len(order); i++ {
		if order[i] < order[i-1] {
			return
		}
	}
	t.Fatalf("12 calls 5 ms apart returned in order %v with long reordering on", order)
}

func TestCloseEndsLongWaits(t *testing.T) {
	net, end := fixture(t, &echo{})
	net.SetLongDelays(true)
	net.Enable("c", false)
	res := make(chan time.Duration, 8)
	for i := 0; i < 8; i++ {
		go func() {
			start := time.Now()
			end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{})
			res <- time.Since(start)
		}()
	}
	time.Sleep(50 * time.Millisecond)
	net.Close()
	for i := 0; i < 8; i++ {
		if d := <-res; d > 3*time.Second {
			t.Fatalf("a call waited %v after Close", d)
		}
	}
	net.Enable("c", true)
	if end.Call("Echo.Echo", &EchoArgs{}, &EchoReply{}) {
		t.Fatal("Call on a closed network returned true")
	}
}

func TestCounters(t *testing.T) {
	net, end := fixture(t, &echo{})
	big := strings.Repeat("x", 1000)
	for i := 0; i < 3; i++ {
		end.Call("Echo.Echo", &EchoArgs{Text: big}, &EchoReply{})
	}
	net.Enable("c", false)
	end.Call("Echo.Echo", &EchoArgs{Text: big}, &EchoReply{})
	if net.TotalRPCs() != 4 || net.RPCCount("s") != 3 || net.RPCCount("nobody") != 0 {
		t.Fatalf("TotalRPCs %d, RPCCount(s) %d; want 4 and 3", net.TotalRPCs(), net.RPCCount("s"))
	}
	// 4 arguments and 3 replies of a bit more than 1000 bytes each.
	if b := net.TotalBytes(); b < 7000 || b > 7000+7*300 {
		t.Fatalf("TotalBytes = %d, want about 7000", b)
	}
}

type leaky struct {
	Term  int
	voted int
}

func TestWarnsOnceAboutUnexportedFields(t *testing.T) {
	var warnings []string
	checkedTypes.Range(func(k, _ interface{}) bool { checkedTypes.Delete(k); return true })
	saved := warnf
	defer func() { warnf = saved }()
	warnf = func(format string, args ...interface{}) {
		warnings = append(warnings, fmt.Sprintf(format, args...))
	}
	for i := 0; i < 2; i++ {
		if _, err := encode(&leaky{Term: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "field voted of") {
		t.Fatalf("warnings = %q, want one about field voted", warnings)
	}
}

func TestConcurrentUseIsRaceFree(t *testing.T) {
	t.Parallel()
	net := NewNetwork(3)
	defer net.Close()
	net.SetReliable(false)
	for s := 0; s < 3; s++ {
		srv := NewServer()
		srv.Register("Echo", &echo{})
		net.AddServer(fmt.Sprint(s), srv)
	}
	var wg sync.WaitGroup
	for c := 0; c < 6; c++ {
		name := fmt.Sprint("c", c)
		end := net.NewEndpoint(name)
		net.Connect(name, fmt.Sprint(c%3))
		net.Enable(name, true)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				end.Call("Echo.Echo", &EchoArgs{Items: []int{i}}, &EchoReply{})
			}
		}()
	}
	for i := 0; i < 30; i++ {
		net.Enable(fmt.Sprint("c", i%6), i%2 == 0)
		if i%10 == 0 {
			srv := NewServer()
			srv.Register("Echo", &echo{})
			net.AddServer(fmt.Sprint(i%3), srv)
		}
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
}

// fakeTB records what Seed does with a test.
type fakeTB struct {
	failed   bool
	logs     []string
	fatal    string
	cleanups []func()
}

func (f *fakeTB) Helper()           {}
func (f *fakeTB) Name() string      { return "TestX" }
func (f *fakeTB) Failed() bool      { return f.failed }
func (f *fakeTB) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }
func (f *fakeTB) Logf(format string, args ...interface{}) {
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Fatalf(format string, args ...interface{}) { f.fatal = fmt.Sprintf(format, args...) }

func TestSeedFromEnvIsReportedOnFailure(t *testing.T) {
	t.Setenv(SeedEnv, "42")
	f := &fakeTB{}
	if s := Seed(f); s != 42 {
		t.Fatalf("Seed = %d with %s=42", s, SeedEnv)
	}
	f.cleanups[0]()
	if len(f.logs) != 0 {
		t.Fatalf("a passing test logged %q", f.logs)
	}
	f.failed = true
	f.cleanups[0]()
	if len(f.logs) != 1 || !strings.Contains(f.logs[0], "DSLABS_SEED=42 go test") ||
		!strings.HasSuffix(f.logs[0], " ./...") {
		t.Fatalf("a failing test logged %q, want the seed and the command", f.logs)
	}
}

func TestSeedRejectsANonInteger(t *testing.T) {
	t.Setenv(SeedEnv, "abc")
	f := &fakeTB{}
	Seed(f)
	if !strings.Contains(f.fatal, `DSLABS_SEED="abc" is not an integer`) {
		t.Fatalf("Fatalf got %q", f.fatal)
	}
}

func TestSeedWithoutEnvVaries(t *testing.T) {
	t.Setenv(SeedEnv, "")
	os.Unsetenv(SeedEnv) // t.Setenv restores the caller's value afterwards
	a, b := Seed(&fakeTB{}), Seed(&fakeTB{})
	if a == b {
		t.Fatalf("two seeds from the clock were both %d", a)
	}
}

func panicMessage(f func()) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	f()
	return "no panic"
}

// Package labnet is the simulated network that the dslabs kits (labs 2–5) run their servers on.
//
// Everything lives in one process: a server is a set of Go objects whose methods are called by
// name, and a client holds an Endpoint that sends calls to whichever server the test connected it
// to. Arguments and replies travel as encoding/gob bytes, so caller and callee never share memory,
// exactly as if the call had crossed a real network. Only exported fields are sent.
//
// A test builds the network, the servers and the endpoints, and then injures them:
//
//	net := labnet.NewNetwork(labnet.Seed(t)) // seed from DSLABS_SEED, printed if the test fails
//	defer net.Close()
//
//	srv := labnet.NewServer()
//	srv.Register("Raft", rf)          // serves methods like func (rf *Raft) M(args *A, reply *R)
//	net.AddServer("s1", srv)
//
//	end := net.NewEndpoint("s0->s1")  // an endpoint has a unique name
//	net.Connect("s0->s1", "s1")       // and sends to one server
//	net.Enable("s0->s1", true)        // disabled endpoints lose every message (partitions)
//	ok := end.Call("Raft.RequestVote", &args, &reply)
//
// Call returns true if a reply arrived (and was decoded into reply) and false if the request or
// the reply was lost, the endpoint is disabled, or the server is gone. false does not mean the
// server did not run the handler: it may have run it, and its reply was lost. Call never returns
// an error; it panics on programming mistakes (an unknown method, arguments gob cannot encode),
// with a message naming the method.
//
// Faults:
//
//   - Enable(end, false) cuts one direction of one link; a call already in flight on that
//     endpoint returns false, and its reply is discarded.
//   - RemoveServer(name) crashes a server: calls in flight to it return false (their replies are
//     discarded, even if the handler finishes later) and new calls to it fail. AddServer(name,
//     NewServer()) with fresh objects restarts it; endpoints that point at the name reach the new
//     incarnation.
//   - SetReliable(false): every request and every reply is dropped with probability 1/10, and
//     each request is delayed 0–26 ms, which reorders concurrent calls.
//   - SetLongReordering(true): about two thirds of the replies are held back 200 ms to 2.2 s.
//   - SetLongDelays(true): a call that gets no reply (unreachable server, disabled endpoint)
//     waits up to 7 s before returning false, like a TCP timeout; otherwise up to 100 ms.
//
// Randomness: every random choice (drops, delays) is drawn from one math/rand source seeded with
// the seed given to NewNetwork, in the order the calls are made. Goroutine scheduling is not
// deterministic, so two runs with one seed are alike but not identical; a single goroutine making
// calls one after another sees the same outcomes for the same seed. Seed reads DSLABS_SEED so a
// failing run can be repeated with its seed.
//
// Counters for tests: RPCCount(server) counts the calls the server's current incarnation
// handled; TotalRPCs and TotalBytes count every call made and the gob bytes of the arguments and
// of the replies delivered.
//
// Close ends the network: calls waiting on delays return false at once and new calls fail, so a
// test leaves no goroutine sleeping for seconds behind it.
package labnet

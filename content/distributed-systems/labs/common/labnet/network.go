package labnet

import (
	"fmt"
	"math/rand"
	"reflect"
	"sync"
	"time"
)

// A Network connects endpoints to servers. All its methods are safe for concurrent use.
type Network struct {
	mu             sync.Mutex
	rng            *rand.Rand
	reliable       bool
	longDelays     bool
	longReordering bool
	ends           map[string]*link
	servers        map[string]*incarnation
	totalRPCs      int
	totalBytes     int64

	closeOnce sync.Once
	closed    chan struct{}
}

// link is the state of one endpoint: where it points and whether it carries messages.
type link struct {
	server  string
	enabled bool
	// cut is closed when the endpoint is disabled or pointed elsewhere, which discards the
	// replies of the calls in flight on it. A new channel replaces it on every such change.
	cut chan struct{}
}

// incarnation is one life of a server; dead is closed when it is removed (crashes).
type incarnation struct {
	srv  *Server
	dead chan struct{}
}

// An Endpoint is the client side of a link: the thing a server holds to call a peer.
type Endpoint struct {
	net  *Network
	name string
}

// NewNetwork returns a reliable network with no servers and no endpoints, whose random choices
// come from seed.
func NewNetwork(seed int64) *Network {
	return &Network{
		rng:      rand.New(rand.NewSource(seed)),
		reliable: true,
		ends:     map[string]*link{},
		servers:  map[string]*incarnation{},
		closed:   make(chan struct{}),
	}
}

// SetReliable turns random drops and short delays off (true, the default) or on (false).
func (n *Network) SetReliable(yes bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.reliable = yes
}

// SetLongDelays makes calls that get no reply wait up to 7 s (true) instead of 100 ms.
func (n *Network) SetLongDelays(yes bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.longDelays = yes
}

// SetLongReordering holds back about two thirds of the replies for 200 ms to 2.2 s.
func (n *Network) SetLongReordering(yes bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.longReordering = yes
}

// NewEndpoint creates a disabled, unconnected endpoint. It panics if the name is in use.
func (n *Network) NewEndpoint(name string) *Endpoint {
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, dup := n.ends[name]; dup {
		panic(fmt.Sprintf("labnet: NewEndpoint(%q): an endpoint of that name exists", name))
	}
	n.ends[name] = &link{cut: make(chan struct{})}
	return &Endpoint{net: n, name: name}
}

// Connect points the endpoint at the server name (which need not exist yet).
func (n *Network) Connect(endName, serverName string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	l := n.link(endName)
	if l.server != serverName {
		l.server = serverName
		close(l.cut)
		l.cut = make(chan struct{})
	}
}

// Enable lets the endpoint carry messages (true) or loses all of them (false).
func (n *Network) Enable(endName string, on bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	l := n.link(endName)
	if l.enabled && !on {
		close(l.cut)
		l.cut = make(chan struct{})
	}
	l.enabled = on
}

func (n *Network) link(endName string) *link {
	l, ok := n.ends[endName]
	if !ok {
		panic(fmt.Sprintf("labnet: no endpoint named %q (create it with NewEndpoint)", endName))
	}
	return l
}

// AddServer puts srv on the network under name, replacing (and crashing) any server of that name.
func (n *Network) AddServer(name string, srv *Server) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if old, ok := n.servers[name]; ok {
		close(old.dead)
	}
	n.servers[name] = &incarnation{srv: srv, dead: make(chan struct{})}
}

// RemoveServer crashes the server: calls in flight to it return false and new calls fail.
func (n *Network) RemoveServer(name string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if old, ok := n.servers[name]; ok {
		close(old.dead)
		delete(n.servers, name)
	}
}

// RPCCount is the number of calls handled by the server's current incarnation (0 if none).
func (n *Network) RPCCount(serverName string) int {
	n.mu.Lock()
	inc := n.servers[serverName]
	n.mu.Unlock()
	if inc == nil {
		return 0
	}
	return inc.srv.RPCCount()
}

// TotalRPCs is the number of calls made on the network, delivered or not.
func (n *Network) TotalRPCs() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.totalRPCs
}

// TotalBytes is the number of gob bytes of all arguments sent and all replies delivered.
func (n *Network) TotalBytes() int64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.totalBytes
}

// Close ends the network: waiting calls return false now, later calls return false at once.
func (n *Network) Close() {
	n.closeOnce.Do(func() { close(n.closed) })
}

// Name is the endpoint's name.
func (e *Endpoint) Name() string { return e.name }

// plan is everything random about one call, drawn under the network's lock when the call starts.
type plan struct {
	target     *incarnation // nil: unreachable
	cut        chan struct{}
	sendDelay  time.Duration
	dropSend   bool
	lostWait   time.Duration // how long an unanswered call takes to return false
	dropReply  bool
	replyDelay time.Duration
}

func (n *Network) plan(endName string) plan {
	n.mu.Lock()
	defer n.mu.Unlock()
	l := n.link(endName)
	p := plan{cut: l.cut}
	if l.enabled {
		p.target = n.servers[l.server]
	}
	if !n.reliable {
		p.sendDelay = time.Duration(n.rng.Intn(27)) * time.Millisecond
		p.dropSend = n.rng.Intn(10) == 0
		p.dropReply = n.rng.Intn(10) == 0
	}
	if n.longDelays {
		p.lostWait = time.Duration(n.rng.Intn(7000)) * time.Millisecond
	} else {
		p.lostWait = time.Duration(n.rng.Intn(100)) * time.Millisecond
	}
	if n.longReordering && n.rng.Intn(3) < 2 {
		p.replyDelay = time.Duration(200+n.rng.Intn(1+n.rng.Intn(2000))) * time.Millisecond
	}
	n.totalRPCs++
	return p
}

func (n *Network) addBytes(k int) {
	n.mu.Lock()
	n.totalBytes += int64(k)
	n.mu.Unlock()
}

// sleep waits d, or less if the network closes; it reports whether the network is still open.
func (n *Network) sleep(d time.Duration) bool {
	if d <= 0 {
		select {
		case <-n.closed:
			return false
		default:
			return true
		}
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-n.closed:
		return false
	}
}

type result struct {
	reply []byte
	err   error
}

// Call sends args to the method ("Service.Method") on the server the endpoint points at, and
// waits for the reply. It returns true if a reply arrived, decoded into reply (a non-nil
// pointer), and false if the call was lost. See the package comment for what can go wrong.
func (e *Endpoint) Call(method string, args interface{}, reply interface{}) bool {
	n := e.net
	rv := reflect.ValueOf(reply)
	if rv.Kind() != reflect.Ptr || rv.IsNil() {
		panic(fmt.Sprintf("labnet: Call(%q): reply must be a non-nil pointer, got %T", method, reply))
	}
	data, err := encode(args)
	if err != nil {
		panic(fmt.Sprintf("labnet: Call(%q): cannot encode the arguments (%T): %v", method, args, err))
	}
	p := n.plan(e.name)
	n.addBytes(len(data))
	if !n.sleep(p.sendDelay) {
		return false
	}
	if p.target == nil {
		n.sleep(p.lostWait)
		return false
	}
	if p.dropSend {
		return false
	}
	done := make(chan result, 1)
	go func() {
		out, err := p.target.srv.dispatch(method, data)
		done <- result{out, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-p.target.dead:
		return false
	case <-p.cut:
		return false
	case <-n.closed:
		return false
	}
	if r.err != nil {
		panic(r.err.Error())
	}
	if p.dropReply || !n.sleep(p.replyDelay) || !stillUp(p) {
		return false
	}
	n.addBytes(len(r.reply))
	if err := decodeInto(r.reply, rv); err != nil {
		panic(fmt.Sprintf("labnet: Call(%q): cannot decode the reply into %T: %v", method, reply, err))
	}
	return true
}

// stillUp reports whether the server has not crashed and the endpoint has not been cut since the
// call started: a reply from a dead server or over a cut link is never delivered.
func stillUp(p plan) bool {
	select {
	case <-p.target.dead:
		return false
	case <-p.cut:
		return false
	default:
		return true
	}
}

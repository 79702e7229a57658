package chaos

import (
	"fmt"
	"math/rand"
	"sync"
	"time"

	"dslabs/kvsvc"
	"dslabs/linz"
)

// A Nemesis injures c until stop is closed, drawing every random choice from rng. It must
// return soon after stop closes; Run heals whatever it leaves broken.
type Nemesis func(c *Cluster, rng *rand.Rand, stop <-chan struct{})

// The workload of one run.
const (
	Clients   = 3
	RunTime   = 700 * time.Millisecond // how long clients issue operations
	OpTimeout = 250 * time.Millisecond // a client gives up on an operation after this
	checkTime = 5 * time.Second        // linz budget
)

// Keys are the keys the clients use; few keys, so operations collide.
var Keys = []string{"x", "y"}

// Report is the outcome of one run.
type Report struct {
	Variant  kvsvc.Variant
	Seed     int64
	History  []linz.Op
	Result   linz.Result
	Injected map[string]int
}

func (r Report) String() string {
	return fmt.Sprintf("%v seed %d: %d operations, faults %v, verdict %v",
		r.Variant, r.Seed, len(r.History), r.Injected, r.Result.Verdict)
}

// Run starts the variant, runs Clients clients for RunTime while nemesis injures the cluster,
// heals everything, waits for the clients and checks their history. seed drives both the
// nemesis and the network, and the clients' choice of operations.
func Run(v kvsvc.Variant, seed int64, nemesis Nemesis) Report {
	c := newCluster(v, seed)
	defer c.net.Close()
	rec := NewRecorder()
	stop := make(chan struct{})
	nemDone := make(chan struct{})
	go func() {
		defer close(nemDone)
		nemesis(c, rand.New(rand.NewSource(seed)), stop)
	}()
	var wg sync.WaitGroup
	end := time.Now().Add(RunTime)
	for i := 0; i < Clients; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			client(c, rec, id, rand.New(rand.NewSource(seed*31+int64(id))), end)
		}(i)
	}
	time.Sleep(RunTime)
	close(stop)
	<-nemDone
	c.healAll()
	wg.Wait()
	h := rec.History()
	return Report{Variant: v, Seed: seed, History: h, Result: linz.Check(h, checkTime),
		Injected: c.Injected()}
}

// client issues random operations until end, recording each.
func client(c *Cluster, rec *Recorder, id int, rng *rand.Rand, end time.Time) {
	p := c.net.NewEndpoint(fmt.Sprintf("client%d->primary", id))
	c.net.Connect(p.Name(), "primary")
	c.net.Enable(p.Name(), true)
	b := c.net.NewEndpoint(fmt.Sprintf("client%d->backup", id))
	c.net.Connect(b.Name(), "backup")
	c.net.Enable(b.Name(), true)
	ck := kvsvc.NewClerk(c.variant, int64(id), p, b)
	for n := 0; time.Now().Before(end); n++ {
		key := Keys[rng.Intn(len(Keys))]
		kind, value := kvsvc.Get, ""
		switch r := rng.Intn(10); {
		case r < 4:
			kind, value = kvsvc.Append, fmt.Sprintf("%d.%d ", id, n)
		case r < 5:
			kind, value = kvsvc.Put, fmt.Sprintf("%d.%d ", id, n)
		}
		i := rec.Invoke(id, kind, key, value)
		out, ok := ck.Do(kind, key, value, time.Now().Add(OpTimeout))
		if ok {
			rec.Complete(i, out)
		}
	}
}

package txn

// 参考实现：协调者。

import (
	"bytes"
	"encoding/gob"
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
)

const prepareTimeout = 500 * time.Millisecond

// Coordinator 是事务协调者。
type Coordinator struct {
	mu        sync.Mutex
	cond      *sync.Cond
	shards    []*labnet.Endpoint
	persister *Persister
	dead      int32

	decisions map[string]bool  // 持久化：每个已决定事务的决定
	unacked   map[string][]int // 持久化：决定还没被确认的分片
	active    map[string]bool  // 只在内存：本实例正在收集投票的事务
}

type coordinatorState struct {
	Decisions map[string]bool
	Unacked   map[string][]int
}

func (c *Coordinator) persist() {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(coordinatorState{c.decisions, c.unacked}); err != nil {
		panic(err)
	}
	c.persister.Save(buf.Bytes())
}

// Submit 运行两阶段提交：并行 PREPARE，全部 YES 则提交，任何 NO 或超时则中止。
func (c *Coordinator) Submit(args *SubmitArgs, reply *SubmitReply) {
	id := args.Txn.ID
	c.mu.Lock()
	for c.active[id] && !c.killed() {
		c.cond.Wait() // 同一个 ID 的另一次 Submit 正在进行
	}
	if d, ok := c.decisions[id]; ok {
		reply.Committed = d
		c.mu.Unlock()
		return
	}
	c.active[id] = true
	c.mu.Unlock()

	pieces := args.Txn.Split(len(c.shards))
	votes := make(chan bool, len(pieces))
	var shards []int
	for s, piece := range pieces {
		shards = append(shards, s)
		go func(s int, piece Txn) { votes <- c.prepare(s, piece) }(s, piece)
	}
	commit := true
	for range pieces {
		if !<-votes {
			commit = false
		}
	}
	reply.Committed = c.decide(id, commit, shards)
}

// prepare 向分片 s 发 PREPARE，丢失时重试，直到得到投票或超时（超时算 NO）。
func (c *Coordinator) prepare(s int, piece Txn) bool {
	deadline := time.Now().Add(prepareTimeout)
	for time.Now().Before(deadline) && !c.killed() {
		var reply PrepareReply
		if c.shards[s].Call("Participant.Prepare", &PrepareArgs{Txn: piece}, &reply) {
			return reply.Yes
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// decide 先把决定写入稳定存储，再发给参与者；已有决定时沿用它。
func (c *Coordinator) decide(id string, commit bool, shards []int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.active, id)
	c.cond.Broadcast()
	if d, ok := c.decisions[id]; ok {
		return d
	}
	c.decisions[id] = commit
	c.unacked[id] = shards
	c.persist()
	for _, s := range shards {
		go c.deliver(id, commit, s)
	}
	return commit
}

// deliver 把决定发给分片 s，直到它确认。
func (c *Coordinator) deliver(id string, commit bool, s int) {
	for !c.killed() {
		if c.shards[s].Call("Participant.Decide", &DecideArgs{ID: id, Commit: commit}, &DecideReply{}) {
			c.mu.Lock()
			var rest []int
			for _, x := range c.unacked[id] {
				if x != s {
					rest = append(rest, x)
				}
			}
			if len(rest) == 0 {
				delete(c.unacked, id)
			} else {
				c.unacked[id] = rest
			}
			c.mu.Unlock()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Status 回答参与者。没有记录、也不在本实例中进行的事务按推定中止（presumed abort）处理，
// 并把中止写下来，使以后同一个 ID 的 Submit 得到同样的回答。
func (c *Coordinator) Status(args *StatusArgs, reply *StatusReply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.decisions[args.ID]; ok {
		reply.Decided, reply.Commit = true, d
		return
	}
	if c.active[args.ID] {
		return
	}
	c.decisions[args.ID] = false
	c.persist()
	reply.Decided = true
}

// Kill 由测试在让协调者崩溃时调用。
func (c *Coordinator) Kill() {
	atomic.StoreInt32(&c.dead, 1)
	c.mu.Lock()
	c.cond.Broadcast()
	c.mu.Unlock()
}

func (c *Coordinator) killed() bool {
	return atomic.LoadInt32(&c.dead) == 1
}

// MakeCoordinator 创建协调者，从稳定存储恢复决定，并继续投递没被确认的决定。
func MakeCoordinator(shards []*labnet.Endpoint, persister *Persister) *Coordinator {
	c := &Coordinator{shards: shards, persister: persister,
		decisions: map[string]bool{}, unacked: map[string][]int{}, active: map[string]bool{}}
	c.cond = sync.NewCond(&c.mu)
	if b := persister.Read(); len(b) > 0 {
		var st coordinatorState
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&st); err != nil {
			panic(err)
		}
		for id, d := range st.Decisions {
			c.decisions[id] = d
		}
		for id, ss := range st.Unacked {
			c.unacked[id] = ss
			for _, s := range ss {
				go c.deliver(id, c.decisions[id], s)
			}
		}
	}
	return c
}

package txn

// 参考实现：协调者。协调者组的复制日志里只有两种命令：一个事务的决定，和"决定已经送到
// 所有分片"。决定先提交到日志，再告诉任何人；组里任何一台服务器成为领导者后，都从日志里
// 知道哪些决定还没送到，接着送。

import (
	"encoding/gob"
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
	"dslabs/rlog"
)

const (
	prepareTimeout  = time.Second
	deliverInterval = 20 * time.Millisecond
)

// CoordOp 是协调者写进日志的命令。
type CoordOp struct {
	Kind   string // "Decide" 或 "Done"
	ID     string
	Commit bool
	Shards []int // Decide：要通知的分片
}

func init() { gob.Register(CoordOp{}) }

type decision struct {
	commit bool
	shards []int
	done   bool
}

// Coordinator 是协调者组里的一台服务器。
type Coordinator struct {
	mu     sync.Mutex
	cond   *sync.Cond
	shards [][]*labnet.Endpoint
	log    *rlog.Log
	dead   int32

	decisions map[string]*decision // 日志里每个事务的第一个决定（之后的决定被忽略）
	applied   int                  // 已执行的最后一个日志索引
	active    map[string]bool      // 只在内存：本实例正在收集投票的事务
	sending   map[string]bool      // 只在内存：本实例正在投递决定的事务
}

func (c *Coordinator) applier(applyCh chan rlog.ApplyMsg) {
	for msg := range applyCh {
		op, _ := msg.Command.(CoordOp) // 空条目（no-op）的 Kind 是 ""
		c.mu.Lock()
		switch op.Kind {
		case "Decide":
			if _, ok := c.decisions[op.ID]; !ok {
				c.decisions[op.ID] = &decision{commit: op.Commit, shards: op.Shards}
			}
		case "Done":
			if d, ok := c.decisions[op.ID]; ok {
				d.done = true
			}
		}
		c.applied = msg.Index
		c.cond.Broadcast()
		c.mu.Unlock()
	}
}

// logDecision 把决定写进日志并等它执行，返回日志里这个事务的决定（可能是别人先写的那个）。
// 不是领导者或等不到时 ok 为 false。
func (c *Coordinator) logDecision(id string, commit bool, shards []int) (bool, bool) {
	index, _, ok := c.log.Start(CoordOp{Kind: "Decide", ID: id, Commit: commit, Shards: shards})
	if !ok {
		return false, false
	}
	deadline := time.Now().Add(applyWait)
	go func() { time.Sleep(applyWait); c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() }()
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.applied < index && time.Now().Before(deadline) && !c.killed() {
		c.cond.Wait()
	}
	d, ok := c.decisions[id]
	if !ok {
		return false, false
	}
	return d.commit, true
}

// Submit 运行两阶段提交：并行 PREPARE，全部 YES 则提交，任何 NO 或超时则中止；决定提交到
// 日志之后才回复，也才开始投递。
func (c *Coordinator) Submit(args *SubmitArgs, reply *SubmitReply) {
	id := args.Txn.ID
	if _, leader := c.log.State(); !leader {
		reply.WrongLeader = true
		return
	}
	c.mu.Lock()
	for c.active[id] && !c.killed() {
		c.cond.Wait() // 同一个 ID 的另一次 Submit 正在进行
	}
	if d, ok := c.decisions[id]; ok {
		reply.Committed = d.commit
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
	d, ok := c.logDecision(id, commit, shards)
	c.mu.Lock()
	delete(c.active, id)
	c.cond.Broadcast()
	c.mu.Unlock()
	reply.WrongLeader, reply.Committed = !ok, d
}

// call 把一个调用发给分片 s 的组，直到组里有一台以领导者身份回答，或到了 deadline。
func (c *Coordinator) call(s int, deadline time.Time, try func(end *labnet.Endpoint) (bool, bool)) bool {
	for !c.killed() && time.Now().Before(deadline) {
		for _, end := range c.shards[s] {
			if ok, wrong := try(end); ok && !wrong {
				return true
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// prepare 向分片 s 发 PREPARE，直到得到投票或超时（超时算 NO）。
func (c *Coordinator) prepare(s int, piece Txn) bool {
	var reply PrepareReply
	ok := c.call(s, time.Now().Add(prepareTimeout), func(end *labnet.Endpoint) (bool, bool) {
		reply = PrepareReply{}
		ok := end.Call("Participant.Prepare", &PrepareArgs{Txn: piece}, &reply)
		return ok, reply.WrongLeader
	})
	return ok && reply.Yes
}

// deliverer：领导者把日志里还没送完的决定送给分片，全部确认后在日志里记下 Done。
func (c *Coordinator) deliverer() {
	for !c.killed() {
		time.Sleep(deliverInterval)
		if _, leader := c.log.State(); !leader {
			continue
		}
		c.mu.Lock()
		for id, d := range c.decisions {
			if !d.done && !c.sending[id] {
				c.sending[id] = true
				go c.deliver(id, d.commit, d.shards)
			}
		}
		c.mu.Unlock()
	}
}

func (c *Coordinator) deliver(id string, commit bool, shards []int) {
	acks := make(chan bool, len(shards))
	for _, s := range shards {
		go func(s int) {
			acks <- c.call(s, time.Now().Add(time.Second), func(end *labnet.Endpoint) (bool, bool) {
				var reply DecideReply
				ok := end.Call("Participant.Decide", &DecideArgs{ID: id, Commit: commit}, &reply)
				return ok, reply.WrongLeader
			})
		}(s)
	}
	acked := true
	for range shards {
		if !<-acks {
			acked = false
		}
	}
	if acked {
		c.log.Start(CoordOp{Kind: "Done", ID: id})
	}
	c.mu.Lock()
	delete(c.sending, id)
	c.mu.Unlock()
}

// Status 回答参与者。日志里没有决定、也不在本实例中进行的事务按推定中止（presumed abort）
// 处理：先把 ABORT 写进日志，使以后同一个 ID 的 Submit 得到同样的回答。
func (c *Coordinator) Status(args *StatusArgs, reply *StatusReply) {
	if _, leader := c.log.State(); !leader {
		reply.WrongLeader = true
		return
	}
	c.mu.Lock()
	d, ok := c.decisions[args.ID]
	active := c.active[args.ID]
	c.mu.Unlock()
	if ok {
		reply.Decided, reply.Commit = true, d.commit
		return
	}
	if active {
		return
	}
	commit, ok := c.logDecision(args.ID, false, nil)
	reply.WrongLeader, reply.Decided, reply.Commit = !ok, ok, commit
}

// Kill 由测试在让这台服务器崩溃时调用。
func (c *Coordinator) Kill() {
	atomic.StoreInt32(&c.dead, 1)
	c.mu.Lock()
	c.cond.Broadcast()
	c.mu.Unlock()
}

func (c *Coordinator) killed() bool {
	return atomic.LoadInt32(&c.dead) == 1
}

// MakeCoordinator 创建协调者组里的一台服务器。日志从索引 1 重放，决定随之恢复。
func MakeCoordinator(shards [][]*labnet.Endpoint, log *rlog.Log, applyCh chan rlog.ApplyMsg) *Coordinator {
	c := &Coordinator{shards: shards, log: log, decisions: map[string]*decision{},
		active: map[string]bool{}, sending: map[string]bool{}}
	c.cond = sync.NewCond(&c.mu)
	go c.applier(applyCh)
	go c.deliverer()
	return c
}

package txn

// 参考实现：参与者。它是分片组复制日志之上的一个状态机：每个 Prepare、Decide、Get 都先写进
// 日志，按日志顺序执行，所以组里每台服务器的状态相同，崩溃重启后重放日志就回到原来的状态。

import (
	"encoding/gob"
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
	"dslabs/rlog"
)

const (
	applyWait       = 800 * time.Millisecond // 等自己的命令提交的上限，超时回复 WrongLeader
	inquireInterval = 100 * time.Millisecond
)

// PartOp 是参与者写进日志的命令。
type PartOp struct {
	Kind   string // "Prepare"、"Decide" 或 "Get"
	Txn    Txn    // Prepare
	ID     string // Decide
	Commit bool   // Decide
	Key    string // Get
}

// partResult 是执行一条命令的结果，连同它所在条目的任期（用来识别条目是不是自己写的那条）。
type partResult struct {
	term   int
	yes    bool
	value  string
	locked bool
}

func init() { gob.Register(PartOp{}) }

// Participant 是一个分片组里的一台服务器。
type Participant struct {
	mu    sync.Mutex
	shard int
	coord []*labnet.Endpoint
	log   *rlog.Log
	dead  int32

	data     map[string]string       // 已提交的值
	prepared map[string]Txn          // 已投 YES、尚不知决定的事务
	decided  map[string]bool         // 已知决定的事务（含自己投 NO 的）
	locks    map[string]string       // 键 → 持有锁的已准备事务
	waiting  map[int]chan partResult // 日志索引 → 等这条命令结果的 RPC
}

// run 把 op 写进日志，等它被执行，返回结果；不是领导者或条目被别的领导者覆盖时 ok 为 false。
func (p *Participant) run(op PartOp) (partResult, bool) {
	p.mu.Lock()
	index, term, ok := p.log.Start(op)
	if !ok {
		p.mu.Unlock()
		return partResult{}, false
	}
	ch := make(chan partResult, 1)
	p.waiting[index] = ch
	p.mu.Unlock()
	select {
	case r := <-ch:
		return r, r.term == term
	case <-time.After(applyWait):
		p.mu.Lock()
		delete(p.waiting, index)
		p.mu.Unlock()
		return partResult{}, false
	}
}

// applier 按日志顺序执行命令，把结果交给等它的 RPC。
func (p *Participant) applier(applyCh chan rlog.ApplyMsg) {
	for msg := range applyCh {
		op, ok := msg.Command.(PartOp)
		if !ok {
			continue // 领导者上任时的空条目
		}
		p.mu.Lock()
		r := partResult{term: msg.Term}
		switch op.Kind {
		case "Prepare":
			r.yes = p.applyPrepare(op.Txn)
		case "Decide":
			p.applyDecide(op.ID, op.Commit)
		case "Get":
			r.value = p.data[op.Key]
			_, r.locked = p.locks[op.Key]
		}
		if ch, ok := p.waiting[msg.Index]; ok {
			ch <- r
			delete(p.waiting, msg.Index)
		}
		p.mu.Unlock()
	}
}

func keysOf(t Txn) []string {
	var ks []string
	for k := range t.Reads {
		ks = append(ks, k)
	}
	for k := range t.Writes {
		ks = append(ks, k)
	}
	return ks
}

// applyPrepare 投票：键都没被别的事务锁住、读到的值仍是期望值，才记下 PREPARED、加锁、投 YES。
func (p *Participant) applyPrepare(t Txn) bool {
	if d, ok := p.decided[t.ID]; ok {
		return d
	}
	if _, ok := p.prepared[t.ID]; ok {
		return true
	}
	for _, k := range keysOf(t) {
		if holder, held := p.locks[k]; held && holder != t.ID {
			p.decided[t.ID] = false
			return false
		}
	}
	for k, v := range t.Reads {
		if p.data[k] != v {
			p.decided[t.ID] = false
			return false
		}
	}
	p.prepared[t.ID] = t
	for _, k := range keysOf(t) {
		p.locks[k] = t.ID
	}
	return true
}

// applyDecide 执行决定；已知决定的事务再收到决定时什么也不做。
func (p *Participant) applyDecide(id string, commit bool) {
	if _, ok := p.decided[id]; ok {
		return
	}
	t, ok := p.prepared[id]
	if !ok {
		commit = false // 没准备过的事务不可能提交；记下中止，让迟到的 Prepare 投 NO
	}
	if commit {
		for k, v := range t.Writes {
			p.data[k] = v
		}
	}
	for _, k := range keysOf(t) {
		if p.locks[k] == id {
			delete(p.locks, k)
		}
	}
	delete(p.prepared, id)
	p.decided[id] = commit
}

// Prepare 把 PREPARE 写进日志，执行后回复投票。
func (p *Participant) Prepare(args *PrepareArgs, reply *PrepareReply) {
	r, ok := p.run(PartOp{Kind: "Prepare", Txn: args.Txn})
	reply.WrongLeader, reply.Yes = !ok, r.yes
}

// Decide 把决定写进日志，执行后确认。
func (p *Participant) Decide(args *DecideArgs, reply *DecideReply) {
	_, ok := p.run(PartOp{Kind: "Decide", ID: args.ID, Commit: args.Commit})
	reply.WrongLeader = !ok
}

// Get 也经过日志，所以读到的是日志里这一刻的状态，不会是一个过时的领导者的旧值。
func (p *Participant) Get(args *GetArgs, reply *GetReply) {
	r, ok := p.run(PartOp{Kind: "Get", Key: args.Key})
	reply.WrongLeader, reply.Value, reply.Locked = !ok, r.value, r.locked
}

// inquire：领导者周期性地向协调者组询问已准备事务的决定，并把得到的决定写进日志
// （协调者换了领导者或决定的消息丢了时，这是兜底）。
func (p *Participant) inquire() {
	for !p.killed() {
		time.Sleep(inquireInterval)
		if _, leader := p.log.State(); !leader {
			continue
		}
		p.mu.Lock()
		var ids []string
		for id := range p.prepared {
			ids = append(ids, id)
		}
		p.mu.Unlock()
		for _, id := range ids {
			for _, end := range p.coord {
				var reply StatusReply
				if end.Call("Coordinator.Status", &StatusArgs{ID: id}, &reply) && !reply.WrongLeader {
					if reply.Decided {
						p.run(PartOp{Kind: "Decide", ID: id, Commit: reply.Commit})
					}
					break
				}
			}
		}
	}
}

// Kill 由测试在让这台服务器崩溃时调用。
func (p *Participant) Kill() {
	atomic.StoreInt32(&p.dead, 1)
}

func (p *Participant) killed() bool {
	return atomic.LoadInt32(&p.dead) == 1
}

// MakeParticipant 创建分片 shard 的组里的一台服务器。日志从索引 1 重放，状态随之恢复。
func MakeParticipant(shard int, coord []*labnet.Endpoint, log *rlog.Log, applyCh chan rlog.ApplyMsg) *Participant {
	p := &Participant{shard: shard, coord: coord, log: log,
		data: map[string]string{}, prepared: map[string]Txn{}, decided: map[string]bool{},
		locks: map[string]string{}, waiting: map[int]chan partResult{}}
	go p.applier(applyCh)
	go p.inquire()
	return p
}

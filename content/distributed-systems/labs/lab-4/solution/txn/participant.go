package txn

// 参考实现：参与者。

import (
	"bytes"
	"encoding/gob"
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
)

// Participant 是一个分片的参与者。
type Participant struct {
	mu        sync.Mutex
	me        int
	coord     *labnet.Endpoint
	persister *Persister
	dead      int32

	data     map[string]string // 已提交的值
	prepared map[string]Txn    // 已投 YES、尚不知决定的事务
	decided  map[string]bool   // 已知决定的事务（含自己投 NO 的）
	locks    map[string]string // 键 → 持有锁的已准备事务
}

type participantState struct {
	Data     map[string]string
	Prepared map[string]Txn
	Decided  map[string]bool
}

func (p *Participant) persist() {
	var buf bytes.Buffer
	st := participantState{Data: p.data, Prepared: p.prepared, Decided: p.decided}
	if err := gob.NewEncoder(&buf).Encode(st); err != nil {
		panic(err)
	}
	p.persister.Save(buf.Bytes())
}

func (p *Participant) readPersist(b []byte) {
	if len(b) == 0 {
		return
	}
	var st participantState
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&st); err != nil {
		panic(err)
	}
	for k, v := range st.Data {
		p.data[k] = v
	}
	for id, d := range st.Decided {
		p.decided[id] = d
	}
	for id, t := range st.Prepared {
		p.prepared[id] = t
		p.lock(t)
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

func (p *Participant) lock(t Txn) {
	for _, k := range keysOf(t) {
		p.locks[k] = t.ID
	}
}

// Prepare 投票：键都没被别的事务锁住、读到的值仍是期望值，才先持久化 PREPARED 再投 YES。
func (p *Participant) Prepare(args *PrepareArgs, reply *PrepareReply) {
	p.mu.Lock()
	defer p.mu.Unlock()
	t := args.Txn
	if d, ok := p.decided[t.ID]; ok {
		reply.Yes = d
		return
	}
	if _, ok := p.prepared[t.ID]; ok {
		reply.Yes = true
		return
	}
	ok := true
	for _, k := range keysOf(t) {
		if holder, held := p.locks[k]; held && holder != t.ID {
			ok = false
		}
	}
	for k, v := range t.Reads {
		if p.data[k] != v {
			ok = false
		}
	}
	if !ok {
		p.decided[t.ID] = false
		p.persist()
		return
	}
	p.prepared[t.ID] = t
	p.lock(t)
	p.persist()
	reply.Yes = true
}

// Decide 执行决定；已知决定的事务再次收到决定时什么也不做。
func (p *Participant) Decide(args *DecideArgs, reply *DecideReply) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.apply(args.ID, args.Commit)
}

func (p *Participant) apply(id string, commit bool) {
	if _, ok := p.decided[id]; ok {
		return
	}
	t, ok := p.prepared[id]
	if !ok {
		// 没准备过的事务不可能提交；记下中止，让迟到的 Prepare 投 NO。
		commit = false
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
	p.persist()
}

// Get 返回已提交的值，以及键是否被已准备的事务锁住。
func (p *Participant) Get(args *GetArgs, reply *GetReply) {
	p.mu.Lock()
	defer p.mu.Unlock()
	reply.Value = p.data[args.Key]
	_, reply.Locked = p.locks[args.Key]
}

// inquire 周期性地向协调者询问已准备事务的决定（协调者崩溃重启后，决定可能没送到）。
func (p *Participant) inquire() {
	for !p.killed() {
		time.Sleep(100 * time.Millisecond)
		p.mu.Lock()
		var ids []string
		for id := range p.prepared {
			ids = append(ids, id)
		}
		p.mu.Unlock()
		for _, id := range ids {
			var reply StatusReply
			if p.coord.Call("Coordinator.Status", &StatusArgs{ID: id}, &reply) && reply.Decided && !p.killed() {
				p.mu.Lock()
				p.apply(id, reply.Commit)
				p.mu.Unlock()
			}
		}
	}
}

// Kill 由测试在让参与者崩溃时调用。
func (p *Participant) Kill() {
	atomic.StoreInt32(&p.dead, 1)
}

func (p *Participant) killed() bool {
	return atomic.LoadInt32(&p.dead) == 1
}

// MakeParticipant 创建第 me 个分片的参与者，从稳定存储恢复数据、决定和已准备的事务（连同锁）。
func MakeParticipant(me int, coord *labnet.Endpoint, persister *Persister) *Participant {
	p := &Participant{me: me, coord: coord, persister: persister,
		data: map[string]string{}, prepared: map[string]Txn{}, decided: map[string]bool{},
		locks: map[string]string{}}
	p.readPersist(persister.Read())
	go p.inquire()
	return p
}

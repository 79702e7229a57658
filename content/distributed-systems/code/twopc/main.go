// 两阶段提交（2PC）的确定性模拟：一个参与者投 NO，一个参与者在投 YES 之后崩溃再恢复。
// 稳定日志（StableLog）在崩溃后保留；参与者内存里的 pending 表会丢失。
package main

import (
	"fmt"
	"sort"
)

type Op struct {
	Shard   string
	Account string
	Delta   int
}

type Record struct {
	Kind string // PREPARED, COMMIT, ABORT, END
	Tx   int
	Ops  []Op // PREPARED 记录必须带上修改内容，恢复时才能重做
}

func (r Record) String() string {
	s := fmt.Sprintf("%s T%d", r.Kind, r.Tx)
	for _, op := range r.Ops {
		s += fmt.Sprintf(" %s%+d", op.Account, op.Delta)
	}
	return s
}

// StableLog 模拟磁盘上的日志。force 表示写完并 fsync 之后才继续往下走。
type StableLog struct {
	owner   string
	records []Record
}

func (l *StableLog) Write(r Record, force bool) {
	l.records = append(l.records, r)
	how := "write"
	if force {
		how = "force"
	}
	fmt.Printf("  %-2s %s %v\n", l.owner, how, r)
}

type Participant struct {
	name     string
	log      StableLog
	up       bool
	balances map[string]int // 已提交的数据（简化：视为已在磁盘上）
	pending  map[int][]Op   // 易失状态：已 prepared、等待结果的事务（及其锁）
}

func NewParticipant(name string, balances map[string]int) *Participant {
	return &Participant{name: name, log: StableLog{owner: name}, up: true,
		balances: balances, pending: map[int][]Op{}}
}

// Prepare 返回 (投票, 是否有回复)。投 YES 之前必须先把 PREPARED 强制写盘。
func (p *Participant) Prepare(tx int, ops []Op) (bool, bool) {
	if !p.up {
		return false, false
	}
	for _, op := range ops {
		if after := p.balances[op.Account] + op.Delta; after < 0 {
			// 投 NO 不需要写日志：这个事务在本地就当没发生过
			fmt.Printf("  %-2s votes NO (%s would be %d)\n", p.name, op.Account, after)
			return false, true
		}
	}
	p.log.Write(Record{Kind: "PREPARED", Tx: tx, Ops: ops}, true)
	p.pending[tx] = ops
	fmt.Printf("  %-2s votes YES\n", p.name)
	return true, true
}

// Finish 处理 COMMIT/ABORT，返回是否送达（送达即 ACK）。对同一事务重复调用是无害的。
func (p *Participant) Finish(tx int, commit bool) bool {
	if !p.up {
		return false
	}
	ops, ok := p.pending[tx]
	if !ok {
		return true // 从未 prepared，或早已处理过：直接 ACK
	}
	if commit {
		p.log.Write(Record{Kind: "COMMIT", Tx: tx}, true)
		for _, op := range ops {
			p.balances[op.Account] += op.Delta
		}
	} else {
		p.log.Write(Record{Kind: "ABORT", Tx: tx}, false)
	}
	delete(p.pending, tx) // 释放锁
	return true
}

func (p *Participant) Crash() {
	p.up = false
	p.pending = nil
	fmt.Printf("  %-2s CRASH (volatile state lost)\n", p.name)
}

// Recover 扫描日志：有 PREPARED 而没有结果的事务处于"不确定"（in doubt）状态，只能问协调者。
func (p *Participant) Recover(tc *Coordinator) {
	p.up = true
	p.pending = map[int][]Op{}
	done := map[int]bool{}
	for _, r := range p.log.records {
		if r.Kind == "COMMIT" || r.Kind == "ABORT" {
			done[r.Tx] = true
		}
	}
	for _, r := range p.log.records {
		if r.Kind == "PREPARED" && !done[r.Tx] {
			p.pending[r.Tx] = r.Ops
			fmt.Printf("  %-2s recovers: T%d is in doubt, asks TC\n", p.name, r.Tx)
			commit := tc.Outcome(r.Tx)
			fmt.Printf("  TC answers T%d: %s\n", r.Tx, word(commit))
			p.Finish(r.Tx, commit)
			tc.Ack(r.Tx, p.name)
		}
	}
}

type Coordinator struct {
	log     StableLog
	parts   map[string]*Participant
	waiting map[int]map[string]bool // 还没 ACK 的参与者
}

func word(commit bool) string {
	if commit {
		return "COMMIT"
	}
	return "ABORT"
}

// Run 执行一个事务；crashAfterPrepare 非空时，该参与者在投票之后、收到结果之前崩溃。
func (c *Coordinator) Run(tx int, ops []Op, crashAfterPrepare string) {
	fmt.Printf("T%d:", tx)
	byShard := map[string][]Op{}
	for _, op := range ops {
		byShard[op.Shard] = append(byShard[op.Shard], op)
		fmt.Printf(" %s@%s:%+d", op.Account, op.Shard, op.Delta)
	}
	fmt.Println()
	shards := make([]string, 0, len(byShard))
	for s := range byShard {
		shards = append(shards, s)
	}
	sort.Strings(shards) // 固定顺序，输出才确定

	allYes := true
	for _, s := range shards {
		yes, replied := c.parts[s].Prepare(tx, byShard[s])
		if !replied {
			fmt.Printf("  TC no reply from %s: timeout counts as NO\n", s)
		}
		allYes = allYes && yes && replied
	}
	if crashAfterPrepare != "" {
		c.parts[crashAfterPrepare].Crash()
	}
	if allYes {
		c.log.Write(Record{Kind: "COMMIT", Tx: tx}, true) // 先落盘，再发 COMMIT
	} else {
		fmt.Println("  TC decides ABORT (nothing forced: presumed abort)")
	}
	c.waiting[tx] = map[string]bool{}
	for _, s := range shards {
		if c.parts[s].Finish(tx, allYes) {
			continue
		}
		c.waiting[tx][s] = true
		fmt.Printf("  TC %s to %s lost; keeps retrying\n", word(allYes), s)
	}
	c.maybeEnd(tx, allYes)
}

// Outcome 回答参与者的询问：日志里有 COMMIT 就是提交，否则一律是中止。
func (c *Coordinator) Outcome(tx int) bool {
	for _, r := range c.log.records {
		if r.Kind == "COMMIT" && r.Tx == tx {
			return true
		}
	}
	return false
}

func (c *Coordinator) Ack(tx int, from string) {
	delete(c.waiting[tx], from)
	c.maybeEnd(tx, c.Outcome(tx))
}

// 所有参与者都 ACK 之后，协调者才能忘掉这个事务
func (c *Coordinator) maybeEnd(tx int, committed bool) {
	if committed && len(c.waiting[tx]) == 0 {
		c.log.Write(Record{Kind: "END", Tx: tx}, false)
	}
}

func main() {
	a := NewParticipant("A", map[string]int{"alice": 500})
	b := NewParticipant("B", map[string]int{"bob": 200, "carol": 50})
	tc := &Coordinator{log: StableLog{owner: "TC"},
		parts: map[string]*Participant{"A": a, "B": b}, waiting: map[int]map[string]bool{}}

	tc.Run(1, []Op{{"A", "alice", -100}, {"B", "bob", +100}}, "")
	tc.Run(2, []Op{{"B", "carol", -80}, {"A", "alice", +80}}, "")
	tc.Run(3, []Op{{"A", "alice", -50}, {"B", "bob", +50}}, "B")
	fmt.Println("later:")
	b.Recover(tc)

	fmt.Println("B's log:")
	for _, r := range b.log.records {
		fmt.Printf("  %v\n", r)
	}
	total := a.balances["alice"] + b.balances["bob"] + b.balances["carol"]
	fmt.Printf("alice=%d bob=%d carol=%d total=%d\n",
		a.balances["alice"], b.balances["bob"], b.balances["carol"], total)
}

// Output:
// T1: alice@A:-100 bob@B:+100
//   A  force PREPARED T1 alice-100
//   A  votes YES
//   B  force PREPARED T1 bob+100
//   B  votes YES
//   TC force COMMIT T1
//   A  force COMMIT T1
//   B  force COMMIT T1
//   TC write END T1
// T2: carol@B:-80 alice@A:+80
//   A  force PREPARED T2 alice+80
//   A  votes YES
//   B  votes NO (carol would be -30)
//   TC decides ABORT (nothing forced: presumed abort)
//   A  write ABORT T2
// T3: alice@A:-50 bob@B:+50
//   A  force PREPARED T3 alice-50
//   A  votes YES
//   B  force PREPARED T3 bob+50
//   B  votes YES
//   B  CRASH (volatile state lost)
//   TC force COMMIT T3
//   A  force COMMIT T3
//   TC COMMIT to B lost; keeps retrying
// later:
//   B  recovers: T3 is in doubt, asks TC
//   TC answers T3: COMMIT
//   B  force COMMIT T3
//   TC write END T3
// B's log:
//   PREPARED T1 bob+100
//   COMMIT T1
//   PREPARED T3 bob+50
//   COMMIT T3
// alice=350 bob=350 carol=50 total=750

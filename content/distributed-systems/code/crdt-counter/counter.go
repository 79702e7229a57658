// Package crdt 是第 23 讲的基于状态的 CRDT（state-based CRDT）：只增计数器 G-Counter
// 与可增可减的 PN-Counter。合并取逐项最大值，满足交换律、结合律和幂等律，
// 所以副本之间无论按什么顺序、重复多少次交换状态，最终都收敛到同一个值。
package crdt

// ANCHOR: gcounter
// GCounter 为每个副本记一个只增的计数；值是各项之和。
type GCounter map[string]uint64

// Inc 只能由副本 id 自己调用：每个副本只增加自己那一项。
func (g GCounter) Inc(id string, n uint64) { g[id] += n }

func (g GCounter) Value() uint64 {
	var sum uint64
	for _, v := range g {
		sum += v
	}
	return sum
}

// Merge 把另一个副本的状态并进来：逐项取最大值。
// 取最大而不是相加：同一份状态收到两次（重复投递），结果不变。
func (g GCounter) Merge(other GCounter) {
	for id, v := range other {
		if v > g[id] {
			g[id] = v
		}
	}
}

// ANCHOR_END: gcounter

// Clone 返回一份独立的拷贝，模拟“把状态发给另一个副本”。
func (g GCounter) Clone() GCounter {
	c := GCounter{}
	for id, v := range g {
		c[id] = v
	}
	return c
}

// ANCHOR: pncounter
// PNCounter 用两个 G-Counter 分别记增加和减少；值是两者之差。
type PNCounter struct {
	P, N GCounter
}

func NewPNCounter() PNCounter { return PNCounter{P: GCounter{}, N: GCounter{}} }

func (c PNCounter) Inc(id string, n uint64) { c.P.Inc(id, n) }
func (c PNCounter) Dec(id string, n uint64) { c.N.Inc(id, n) }
func (c PNCounter) Value() int64            { return int64(c.P.Value()) - int64(c.N.Value()) }

func (c PNCounter) Merge(other PNCounter) {
	c.P.Merge(other.P)
	c.N.Merge(other.N)
}

// ANCHOR_END: pncounter

func (c PNCounter) Clone() PNCounter { return PNCounter{P: c.P.Clone(), N: c.N.Clone()} }

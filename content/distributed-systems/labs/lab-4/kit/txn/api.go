package txn

// 这个文件定义事务、RPC 的参数与回复，以及键到分片的映射。不要修改它：测试直接用这些
// 类型调用你的协调者（coordinator）和参与者（participant）。
//
// 每个分片和协调者都是一组（3 台）服务器，共用一份复制日志（dslabs/rlog）。每个回复都有
// WrongLeader：为 true 表示"我不是领导者（leader），或者没能把请求写进日志"，调用者应当换
// 组里的另一台服务器重试；为 false 时回复的其余字段才有意义。

import "hash/fnv"

// Txn 是一个跨分片事务。ID 由客户端选定，全局唯一；客户端重试时用同一个 ID。
//
// Reads 是事务的读集合及其期望值：键 → 事务开始前读到的已提交值（"" 表示键不存在）。
// 参与者在准备（prepare）时检查这些键的当前值仍是期望值，否则投反对票（NO）。
// Writes 是写集合：提交时把每个键设成对应的值。
type Txn struct {
	ID     string
	Reads  map[string]string
	Writes map[string]string
}

// ShardOf 返回 key 所在的分片（0 到 nshards-1）。
func ShardOf(key string, nshards int) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(nshards))
}

// Split 把事务按分片拆开：结果的键是分片号，值是只含该分片的键的 Txn（ID 不变）。
// 只涉及读或只涉及写的分片也在结果中。
func (t Txn) Split(nshards int) map[int]Txn {
	out := map[int]Txn{}
	piece := func(s int) Txn {
		p, ok := out[s]
		if !ok {
			p = Txn{ID: t.ID, Reads: map[string]string{}, Writes: map[string]string{}}
			out[s] = p
		}
		return p
	}
	for k, v := range t.Reads {
		piece(ShardOf(k, nshards)).Reads[k] = v
	}
	for k, v := range t.Writes {
		piece(ShardOf(k, nshards)).Writes[k] = v
	}
	return out
}

// 参与者的 RPC（服务名 "Participant"）。

// PrepareArgs：协调者请参与者准备 Txn（只含这个分片的键）。
type PrepareArgs struct {
	Txn Txn
}

// PrepareReply：Yes 为 true 表示赞成票（YES），false 表示反对票（NO）。
type PrepareReply struct {
	WrongLeader bool
	Yes         bool
}

// DecideArgs：协调者把决定告诉参与者。Commit 为 true 表示提交（COMMIT），false 表示中止（ABORT）。
type DecideArgs struct {
	ID     string
	Commit bool
}

// DecideReply：WrongLeader 为 false 表示这个分片已经把决定写进日志并执行了它
// （确认，acknowledgement）。
type DecideReply struct {
	WrongLeader bool
}

// GetArgs：读一个键的已提交值（事务之外的读）。
type GetArgs struct {
	Key string
}

// GetReply：Value 是最近一次提交的值（"" 表示不存在）。Locked 为 true 表示这个键正被一个
// 已准备（prepared）但尚未得知决定的事务锁住，此时 Value 是锁住之前的已提交值。
type GetReply struct {
	WrongLeader bool
	Value       string
	Locked      bool
}

// 协调者的 RPC（服务名 "Coordinator"）。

// SubmitArgs：客户端提交一个事务。
type SubmitArgs struct {
	Txn Txn
}

// SubmitReply：Committed 为 true 表示事务已提交，false 表示已中止。协调者必须在决定
// 提交到它的复制日志之后才回复。同一个 ID 重复提交，得到的是同一个决定。
type SubmitReply struct {
	WrongLeader bool
	Committed   bool
}

// StatusArgs：参与者询问一个事务的决定。
type StatusArgs struct {
	ID string
}

// StatusReply：Decided 为 false 表示协调者还在收集投票；否则 Commit 是决定。
type StatusReply struct {
	WrongLeader bool
	Decided     bool
	Commit      bool
}

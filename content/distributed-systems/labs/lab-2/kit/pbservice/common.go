package pbservice

// 主从键值服务的公共定义：客户端 RPC 的参数与回复。不要修改这个文件。
// 服务器之间的 RPC（转发、状态传输）由你自己在 server.go 里定义。

// Err 是 RPC 的结果。
type Err string

const (
	OK             Err = "OK"
	ErrNoKey       Err = "ErrNoKey"       // Get 的键不存在（客户端把它当作空字符串）
	ErrWrongServer Err = "ErrWrongServer" // 我不是主，或者现在不能安全地回答；客户端换个服务器重试
)

// PutAppendArgs 是 Put 和 Append 的参数。ClientID 和 Seq 一起唯一地标识一次操作：
// 客户端重试同一次操作时发送同样的 (ClientID, Seq)，每个客户端的 Seq 从 1 开始逐次加 1，
// 并且一个客户端同时只有一个操作在进行。
type PutAppendArgs struct {
	Key      string
	Value    string
	Append   bool // false：Put；true：Append
	ClientID int64
	Seq      int64
}

// PutAppendReply 是 Put 和 Append 的回复。
type PutAppendReply struct {
	Err Err
}

// GetArgs 是 Get 的参数。
type GetArgs struct {
	Key      string
	ClientID int64
	Seq      int64
}

// GetReply 是 Get 的回复。
type GetReply struct {
	Err   Err
	Value string
}

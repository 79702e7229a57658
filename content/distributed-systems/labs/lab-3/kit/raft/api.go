package raft

// 这个文件定义 Raft 与上层服务（以及测试）之间的接口。不要修改它：测试和
// 之后的实验都依赖这里的字段名。

// ApplyMsg 是 Raft 通过 applyCh 交给上层服务的一条消息。
//
// 一条已提交的日志条目：CommandValid 为 true，Command 是 Start 收到的命令，
// CommandIndex 是它在日志中的索引（index，从 1 开始）。
//
// 一个快照（3D）：SnapshotValid 为 true，Snapshot 是领导者通过 InstallSnapshot
// 发来的快照数据，SnapshotTerm 和 SnapshotIndex 是快照所含最后一个条目的任期和索引。
// 服务收到快照后用它替换自己的状态，然后从 SnapshotIndex+1 继续应用。
//
// 同一个 applyCh 上的消息必须按索引严格递增地送达：每条命令的 CommandIndex 恰好比
// 上一条大 1；快照只能让状态前进，不能后退。
type ApplyMsg struct {
	CommandValid bool
	Command      interface{}
	CommandIndex int

	SnapshotValid bool
	Snapshot      []byte
	SnapshotTerm  int
	SnapshotIndex int
}

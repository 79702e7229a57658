package raft

import "sync"

// Persister 模拟一块稳定存储（stable storage）：Raft 把必须在崩溃后保留的状态写在这里，
// 重启时测试把同一块存储的内容交给新的 Make。不要修改这个文件：测试用它模拟崩溃。
//
// 测试在让一台服务器"崩溃"时会复制它的 Persister，并把副本交给重启后的实例，所以旧实例
// 崩溃后再写的任何东西都不会被新实例看到，正如真实的崩溃一样。
//
// Persister 只保存 Save 交给它的字节，和它们的编码无关。Raft 通常用 encoding/gob 把
// currentTerm、votedFor 和日志编码成 raftstate。
type Persister struct {
	mu        sync.Mutex
	raftstate []byte
	snapshot  []byte
}

// MakePersister 返回一块空的存储。
func MakePersister() *Persister {
	return &Persister{}
}

func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	c := make([]byte, len(b))
	copy(c, b)
	return c
}

// Copy 返回一块内容相同、彼此独立的存储。
func (ps *Persister) Copy() *Persister {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return &Persister{raftstate: clone(ps.raftstate), snapshot: clone(ps.snapshot)}
}

// Save 原子地同时写入 Raft 状态和快照：两者一起替换旧的内容。没有快照时传 nil；
// 已经有快照时必须把它一起传进来，否则旧快照会被 nil 覆盖而丢失。
func (ps *Persister) Save(raftstate []byte, snapshot []byte) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.raftstate = clone(raftstate)
	ps.snapshot = clone(snapshot)
}

// ReadRaftState 返回最近一次 Save 的 Raft 状态（从未保存过时为 nil）。
func (ps *Persister) ReadRaftState() []byte {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return clone(ps.raftstate)
}

// ReadSnapshot 返回最近一次 Save 的快照（从未保存过时为 nil）。
func (ps *Persister) ReadSnapshot() []byte {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return clone(ps.snapshot)
}

// RaftStateSize 是 Raft 状态的字节数；3D 的测试用它检查日志是否被快照截短。
func (ps *Persister) RaftStateSize() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return len(ps.raftstate)
}

// SnapshotSize 是快照的字节数。
func (ps *Persister) SnapshotSize() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return len(ps.snapshot)
}

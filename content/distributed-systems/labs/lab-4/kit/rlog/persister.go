package rlog

import "sync"

// Persister 模拟一台服务器的稳定存储（stable storage）：方法返回时数据已经"落盘"，崩溃后
// 仍在。复制日志在这里存两样东西：一小块状态（任期和投票），和日志条目（每个条目单独编码，
// 所以追加一个条目不必重写整个日志）。测试用它模拟崩溃，不要修改这个文件。
//
// 测试让一台服务器崩溃时会复制它的 Persister，把副本交给重启后的实例，所以旧实例崩溃之后
// 再写的东西，新实例看不到，正如真实的崩溃一样。
type Persister struct {
	mu      sync.Mutex
	state   []byte
	entries [][]byte
	size    int
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
	c := &Persister{state: clone(ps.state), size: ps.size}
	for _, e := range ps.entries {
		c.entries = append(c.entries, clone(e))
	}
	return c
}

// SaveState 原子地替换那一小块状态。
func (ps *Persister) SaveState(state []byte) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.size += len(state) - len(ps.state)
	ps.state = clone(state)
}

// ReadState 返回最近一次 SaveState 的内容（从未保存过时为 nil）。
func (ps *Persister) ReadState() []byte {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return clone(ps.state)
}

// SaveEntries 原子地只留下前 keep 个条目，再把 entries 接在后面。
func (ps *Persister) SaveEntries(keep int, entries [][]byte) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, e := range ps.entries[keep:] {
		ps.size -= len(e)
	}
	ps.entries = ps.entries[:keep:keep]
	for _, e := range entries {
		ps.entries = append(ps.entries, clone(e))
		ps.size += len(e)
	}
}

// ReadEntries 返回存着的全部条目，按顺序。
func (ps *Persister) ReadEntries() [][]byte {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	out := make([][]byte, len(ps.entries))
	for i, e := range ps.entries {
		out[i] = clone(e)
	}
	return out
}

// Size 是存储内容的总字节数。
func (ps *Persister) Size() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.size
}

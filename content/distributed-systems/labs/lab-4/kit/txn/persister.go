package txn

import "sync"

// Persister 模拟一个节点的稳定存储（stable storage）：Save 返回时数据已经"落盘"，
// 崩溃后仍在。不要修改这个文件：测试用它模拟崩溃。
//
// 测试让一个节点崩溃时会复制它的 Persister，把副本交给重启后的实例，所以旧实例崩溃之后
// 再写的东西，新实例看不到，正如真实的崩溃一样。
type Persister struct {
	mu    sync.Mutex
	state []byte
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
	return &Persister{state: clone(ps.state)}
}

// Save 原子地用 state 替换存储的全部内容。
func (ps *Persister) Save(state []byte) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.state = clone(state)
}

// Read 返回最近一次 Save 的内容（从未保存过时为 nil）。
func (ps *Persister) Read() []byte {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return clone(ps.state)
}

// Size 是存储内容的字节数。
func (ps *Persister) Size() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return len(ps.state)
}

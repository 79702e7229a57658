// Package lockmanager 是第 10 讲的锁管理器：只有排他锁，锁持有到事务结束（严格 2PL），
// 在等待会形成环时报告死锁。
package lockmanager

import (
	"errors"
	"sync"
)

// ANCHOR: manager
var ErrDeadlock = errors.New("deadlock: abort this transaction and retry")

// LockManager 只实现排他锁（exclusive lock），锁一直持有到事务提交或中止。
type LockManager struct {
	mu       sync.Mutex
	cond     *sync.Cond       // 等锁的事务在这里睡眠，与 mu 配对
	owner    map[string]int   // key -> 持有它的事务
	held     map[int][]string // 事务 -> 它持有的全部 key
	waitsFor map[int]int      // 事务 -> 它正在等待的事务（等待图的边）
}

func NewLockManager() *LockManager {
	lm := &LockManager{owner: map[string]int{}, held: map[int][]string{}, waitsFor: map[int]int{}}
	lm.cond = sync.NewCond(&lm.mu)
	return lm
}

// Acquire 在事务第一次读或写 key 之前调用（增长阶段）。
// 如果等待会在等待图里形成环，返回 ErrDeadlock，由调用者中止这个事务。
func (lm *LockManager) Acquire(tx int, key string) error {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	for {
		holder, locked := lm.owner[key]
		if !locked {
			break
		}
		if holder == tx {
			return nil // 已经持有
		}
		if lm.reaches(holder, tx) { // holder 直接或间接在等 tx：再等就成环
			delete(lm.waitsFor, tx)
			return ErrDeadlock
		}
		lm.waitsFor[tx] = holder
		lm.cond.Wait() // 释放 mu 并睡眠；被唤醒后重新检查
	}
	delete(lm.waitsFor, tx)
	lm.owner[key] = tx
	lm.held[tx] = append(lm.held[tx], key)
	return nil
}

// reaches 沿等待边从 from 走下去，看能否走到 to。
// 只有排他锁时每个事务最多等一个事务，所以只需沿着一条链走。
func (lm *LockManager) reaches(from, to int) bool {
	for cur, ok := from, true; ok; cur, ok = lm.waitsFor[cur] {
		if cur == to {
			return true
		}
	}
	return false
}

// ReleaseAll 只在提交或中止记录已经写入日志之后调用：
// 严格 2PL 把收缩阶段压缩成了事务结束的一瞬间。
func (lm *LockManager) ReleaseAll(tx int) {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	for _, key := range lm.held[tx] {
		delete(lm.owner, key)
	}
	delete(lm.held, tx)
	delete(lm.waitsFor, tx)
	lm.cond.Broadcast()
}

// ANCHOR_END: manager

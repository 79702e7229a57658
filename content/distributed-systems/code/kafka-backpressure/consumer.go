// Package backpressure is lecture 17's consumer loop: a poll loop feeds bounded per-worker
// queues, pauses a partition whose queue is full instead of blocking, and commits only the
// contiguous prefix of processed offsets.
package backpressure

import (
	"context"
	"sync"
	"time"
)

// Record is one message of a partition.
type Record struct {
	Partition int
	Offset    int64
	Value     string
}

// Consumer is the part of a Kafka-style client the loop uses. Poll must be called often:
// a real client that is not polled within max.poll.interval.ms leaves the group.
// A paused partition returns no records until it is resumed.
type Consumer interface {
	Poll(timeout time.Duration) []Record
	Pause(partition int)
	Resume(partition int)
	Commit(partition int, next int64) // next: the next offset to read after a restart
}

// ANCHOR: offsets
// Offsets 记录每个分区处理完的 offset，只交出“连续前缀”之后的下一个位置。
type Offsets struct {
	mu   sync.Mutex
	next map[int]int64          // 每个分区：下一条尚未处理完的 offset
	done map[int]map[int64]bool // 已处理完、但前面还有空洞的 offset
}

func NewOffsets(start map[int]int64) *Offsets {
	o := &Offsets{next: map[int]int64{}, done: map[int]map[int64]bool{}}
	for p, off := range start {
		o.next[p] = off
		o.done[p] = map[int64]bool{}
	}
	return o
}

func (o *Offsets) MarkDone(p int, off int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.done[p][off] = true
	for o.done[p][o.next[p]] { // 空洞被填上，前缀向前推进
		delete(o.done[p], o.next[p])
		o.next[p]++
	}
}

// Committable 返回可以提交的位置：之前的 offset 全部处理完了。
func (o *Offsets) Committable(p int) int64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.next[p]
}

// ANCHOR_END: offsets

// ANCHOR: run
// Run 把每个分区固定交给一个 worker（保持分区内顺序），worker 之间用有界 channel 连接。
// 队列满时不阻塞拉取循环，而是暂停（Pause）这个分区，把已拉到的记录暂存，
// 队列有空位后再放进去并恢复（Resume）。拉取循环因此一直在调用 Poll。
func Run(ctx context.Context, c Consumer, offs *Offsets, partitions, workers int,
	process func(context.Context, Record) error) {
	queues := make([]chan Record, workers)
	var wg sync.WaitGroup
	for i := range queues {
		queues[i] = make(chan Record, 100) // 有界：每个 worker 最多积压 100 条
		wg.Add(1)
		go func(q <-chan Record) {
			defer wg.Done()
			for r := range q {
				if process(ctx, r) == nil { // 被取消的记录不标记完成，重启后会重新投递
					offs.MarkDone(r.Partition, r.Offset)
				}
			}
		}(queues[i])
	}
	pending := make([][]Record, partitions) // 已拉取、但所属队列已满的记录
	isPaused := make([]bool, partitions)
	for ctx.Err() == nil {
		for p := range pending { // 先把暂存的记录放进队列，放完就恢复这个分区
			pending[p] = offer(queues[p%workers], pending[p])
			if isPaused[p] && len(pending[p]) == 0 {
				c.Resume(p)
				isPaused[p] = false
			}
		}
		for _, r := range c.Poll(500 * time.Millisecond) {
			p := r.Partition
			pending[p] = offer(queues[p%workers], append(pending[p], r))
			if len(pending[p]) > 0 && !isPaused[p] {
				c.Pause(p) // 队列满：暂停这个分区，而不是阻塞整个拉取循环
				isPaused[p] = true
			}
		}
		for p := 0; p < partitions; p++ {
			c.Commit(p, offs.Committable(p)) // 只提交已经处理完的连续前缀
		}
	}
	for _, q := range queues {
		close(q)
	}
	wg.Wait()
	for p := 0; p < partitions; p++ {
		c.Commit(p, offs.Committable(p))
	}
}

// offer 把记录按顺序放进队列，不阻塞；返回放不下的部分。
func offer(q chan<- Record, rs []Record) []Record {
	for len(rs) > 0 {
		select {
		case q <- rs[0]:
			rs = rs[1:]
		default:
			return rs
		}
	}
	return nil
}

// ANCHOR_END: run

package main

import (
	"net/http"
	"sync"
)

// ANCHOR: weighted
// SmoothWeighted 是平滑加权轮询（NGINX upstream 默认的算法）。每次选择：
//  1. 每个候选者的 current 加上自己的 Weight，同时累计 total；
//  2. 选 current 最大的候选者（相等时取排在前面的）；
//  3. 被选中者的 current 减去 total。
//
// 只有候选者参与：不可用的后端既不加分也不计入 total，
// 它的份额按权重比例分给其余的后端；它回来时带着离开时的 current 继续。
type SmoothWeighted struct {
	mu      sync.Mutex // 负载均衡器并发调用 Pick
	current map[*Backend]int
}

func NewSmoothWeighted() *SmoothWeighted {
	return &SmoothWeighted{current: make(map[*Backend]int)}
}

func (s *SmoothWeighted) Pick(_ *http.Request, c []*Backend) (*Backend, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	total := 0
	var best *Backend
	for _, b := range c {
		s.current[b] += b.Weight
		total += b.Weight
		if best == nil || s.current[b] > s.current[best] {
			best = b
		}
	}
	if total <= 0 {
		return nil, ErrNoBackend // 没有候选者，或者权重全是 0
	}
	s.current[best] -= total
	return best, nil
}

// ANCHOR_END: weighted

// 100 台服务器、每 tick 各处理 1 个单位的工作；请求 90% 需要 1 个单位、10% 需要 10 个单位，
// 平均利用率约 90%。比较四种选服务器的办法，以及负载信息“过时”时它们的表现。
package main

import (
	"fmt"
	"math/rand"
)

type balancer struct {
	view []int // 它所知道的各服务器未完成请求数（上次刷新 + 自己后来派出的）
	next int   // 轮询指针：每个均衡器各有一个
}

type policy func(r *rand.Rand, b *balancer) int

func random(r *rand.Rand, b *balancer) int { return r.Intn(len(b.view)) }

func roundRobin(r *rand.Rand, b *balancer) int {
	b.next = (b.next + 1) % len(b.view)
	return b.next
}

func twoChoices(r *rand.Rand, b *balancer) int {
	x, y := r.Intn(len(b.view)), r.Intn(len(b.view))
	if b.view[y] < b.view[x] {
		return y
	}
	return x
}

func leastLoaded(r *rand.Rand, b *balancer) int {
	best := r.Intn(len(b.view)) // 从随机位置开始，平局时不总偏向 0 号
	for s, l := range b.view {
		if l < b.view[best] {
			best = s
		}
	}
	return best
}

// arrival 是一个请求：第几个 tick、由哪个均衡器派发、多大。
type arrival struct{ tick, lb, size int }

// ANCHOR: simulate
// simulate 返回平均响应时间（tick）。k 个均衡器每 tick 各有 tries 次机会、
// 以 0.79 的概率到来一个请求；每 period 个 tick 才把真实队列长度告诉所有均衡器。
// 负载（请求何时到、多大）和策略的随机选择用两个独立的随机数发生器：
// 不同策略消耗的随机数个数不同，共用一个发生器会让它们面对不同的请求序列。
func simulate(k, tries, period int, choose policy, trace func(arrival)) float64 {
	const servers, ticks = 100, 5000
	load := rand.New(rand.NewSource(42)) // 只决定负载：每种策略看到同一串请求
	pick := rand.New(rand.NewSource(7))  // 只供策略做随机选择
	work := make([][]int, servers)       // 每台服务器的 FIFO：各请求剩余工作量
	arrived := make([][]int, servers)    // 对应请求的到达时刻
	lbs := make([]*balancer, k)
	for i := range lbs {
		lbs[i] = &balancer{view: make([]int, servers), next: pick.Intn(servers)}
	}
	total, count := 0, 0
	for t := 0; t < ticks; t++ {
		if t%period == 0 {
			for _, b := range lbs {
				for s := range work {
					b.view[s] = len(work[s])
				}
			}
		}
		for i, b := range lbs {
			for j := 0; j < tries; j++ {
				if load.Float64() >= 0.79 {
					continue
				}
				size := 1
				if load.Intn(10) == 0 {
					size = 10
				}
				if trace != nil {
					trace(arrival{t, i, size})
				}
				s := choose(pick, b)
				work[s] = append(work[s], size)
				arrived[s] = append(arrived[s], t)
				b.view[s]++
			}
		}
		for s := range work {
			if len(work[s]) == 0 {
				continue
			}
			work[s][0]--
			if work[s][0] == 0 {
				total += t + 1 - arrived[s][0]
				count++
				work[s], arrived[s] = work[s][1:], arrived[s][1:]
			}
		}
	}
	return float64(total) / float64(count)
}

// ANCHOR_END: simulate

var policies = []struct {
	name string
	f    policy
}{{"random", random}, {"round-robin", roundRobin}, {"two-choices", twoChoices}, {"least-loaded", leastLoaded}}

func main() {
	fmt.Printf("%-13s %6s %6s %6s %6s %6s %6s\n", "mean latency", "1 LB", "20/1", "20/5", "20/20", "20/200", "20/1000")
	for _, p := range policies {
		fmt.Printf("%-13s %6.1f", p.name, simulate(1, 60, 1, p.f, nil))
		for _, period := range []int{1, 5, 20, 200, 1000} {
			fmt.Printf(" %6.1f", simulate(20, 3, period, p.f, nil))
		}
		fmt.Println()
	}
}

// Output:
// mean latency    1 LB   20/1   20/5  20/20 20/200 20/1000
// random          27.7   27.0   27.0   27.0   27.0   27.0
// round-robin     18.8   19.3   19.3   19.3   19.3   19.3
// two-choices      6.0    6.0    7.3   11.4   41.9  115.8
// least-loaded     1.9   13.7   17.1   39.7  229.9  312.8

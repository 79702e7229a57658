// 重试放大的确定性模拟：client -> frontend -> api -> storage。
// client、frontend、api 三层都会在下游失败时重试，每层最多尝试 3 次。
// 比较三种重试策略在三种故障下，各层收到的请求数与最终成功的用户请求数。
package main

import "fmt"

// Service 处理一次请求，返回是否成功。
type Service interface {
	Handle() bool
}

// Storage 是调用链的最底层，每个请求以 failRate 的概率失败。
// 随机数来自一个固定种子的线性同余发生器，所以每次运行结果完全相同。
type Storage struct {
	received int
	failRate float64
	seed     uint64
}

func (s *Storage) Handle() bool {
	s.received++
	s.seed = s.seed*6364136223846793005 + 1442695040888963407
	u := float64(s.seed>>11) / float64(1<<53) // [0, 1) 上的均匀分布
	return u >= s.failRate
}

// 每层的重试预算：每 budgetEvery 个首次请求挣得 1 次重试（10%），
// 没用掉的额度最多存 budgetBurst 次，多出的作废。
const (
	budgetEvery = 10
	budgetBurst = 10
)

// Budget 是一个有上限的令牌桶：每个首次请求存入 1 个单位，每次重试取出 every 个单位，
// 桶里最多存 every*burst 个单位。上限保证健康时期没用掉的额度不会留到故障时一起花掉：
// 任何一段连续的 n 个首次请求里，重试都不超过 n/every + burst 次。
// 用整数计数，避免 0.1 累加十次小于 1 这类浮点误差。
type Budget struct {
	every, burst int
	credit       int // 以 1/every 次重试为单位
}

func newBudget() *Budget { return &Budget{every: budgetEvery, burst: budgetBurst} }

func (b *Budget) firstAttempt() {
	if b != nil && b.credit < b.every*b.burst {
		b.credit++
	}
}

func (b *Budget) allowRetry() bool {
	if b == nil {
		return true // 没有预算：想重试就重试
	}
	if b.credit < b.every {
		return false
	}
	b.credit -= b.every
	return true
}

// Caller 代表调用链中的一层：它收到请求后调用下游，失败时按策略重试。
type Caller struct {
	received    int
	maxAttempts int
	budget      *Budget
	next        Service
}

func (c *Caller) Handle() bool {
	c.received++
	c.budget.firstAttempt()
	for attempt := 1; attempt <= c.maxAttempts; attempt++ {
		if attempt > 1 && !c.budget.allowRetry() {
			return false
		}
		if c.next.Handle() {
			return true
		}
	}
	return false
}

type policy struct {
	name     string
	attempts [3]int // client、frontend、api 三层各自的最大尝试次数
	budget   bool   // 每层是否启用 10% 的重试预算
}

// result 是一次模拟里各层收到的请求数和最终成功的用户请求数。
type result struct {
	frontend, api, storage, ok int
}

func run(p policy, failRate float64, users int) result {
	budget := func() *Budget {
		if p.budget {
			return newBudget()
		}
		return nil
	}
	storage := &Storage{failRate: failRate, seed: 42}
	api := &Caller{maxAttempts: p.attempts[2], budget: budget(), next: storage}
	frontend := &Caller{maxAttempts: p.attempts[1], budget: budget(), next: api}
	client := &Caller{maxAttempts: p.attempts[0], budget: budget(), next: frontend}
	ok := 0
	for i := 0; i < users; i++ {
		if client.Handle() {
			ok++
		}
	}
	return result{frontend.received, api.received, storage.received, ok}
}

func main() {
	policies := []policy{
		{"3 attempts everywhere", [3]int{3, 3, 3}, false},
		{"retry only at api", [3]int{1, 1, 3}, false},
		{"3 attempts + budget", [3]int{3, 3, 3}, true},
	}
	for _, f := range []struct {
		title    string
		failRate float64
	}{{"storage down (100% fail)", 1.0}, {"storage degraded (30% fail)", 0.3}, {"transient errors (5% fail)", 0.05}} {
		fmt.Printf("== %s, 1000 user requests\n", f.title)
		fmt.Printf("%-22s %8s %8s %8s %8s\n", "policy", "frontend", "api", "storage", "ok")
		for _, p := range policies {
			r := run(p, f.failRate, 1000)
			fmt.Printf("%-22s %8d %8d %8d %8d\n", p.name, r.frontend, r.api, r.storage, r.ok)
		}
	}
}

// Output:
// == storage down (100% fail), 1000 user requests
// policy                 frontend      api  storage       ok
// 3 attempts everywhere      3000     9000    27000        0
// retry only at api          1000     1000     3000        0
// 3 attempts + budget        1100     1210     1331        0
// == storage degraded (30% fail), 1000 user requests
// policy                 frontend      api  storage       ok
// 3 attempts everywhere      1000     1030     1410     1000
// retry only at api          1000     1000     1368      970
// 3 attempts + budget        1098     1207     1327      937
// == transient errors (5% fail), 1000 user requests
// policy                 frontend      api  storage       ok
// 3 attempts everywhere      1000     1000     1056     1000
// retry only at api          1000     1000     1056     1000
// 3 attempts + budget        1000     1001     1054      998

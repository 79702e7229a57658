// 幂等的扣款任务：任务队列至少投递一次，同一笔订单可能被执行多次（重试、可见性超时后
// 被另一个 worker 再取走）。正确的顺序是：先查“已完成”标记，再带着幂等键调用支付网关，
// 网关返回成功之后才写“已完成”标记。把标记放在扣款之前，一次崩溃就会让订单永远不被扣款。
package main

import (
	"errors"
	"fmt"
)

// Gateway 是外部支付网关的替身：它按调用方给的幂等键去重，同一个键只扣一次款
// （许多支付 API 支持这种幂等键请求头，例如 Stripe 的 Idempotency-Key）。
type Gateway struct {
	seen    map[string]bool
	charged map[string]int // 订单 -> 实际扣款次数
	failN   int            // 模拟：前几次调用超时，请求没有到达网关
}

var errTimeout = errors.New("payment gateway timeout")

func (g *Gateway) Charge(idemKey, order string) error {
	if g.failN > 0 {
		g.failN--
		return errTimeout
	}
	if g.seen[idemKey] {
		return nil // 重复请求：返回上次的结果，不再扣款
	}
	g.seen[idemKey] = true
	g.charged[order]++
	return nil
}

// Worker 的 done 集合是本地的“已完成”标记（在 Redis 里就是 SADD done:charge <order>）。
type Worker struct {
	gw   *Gateway
	done map[string]bool
	// crashAfterCharge：模拟 worker 在网关返回成功之后、写标记之前崩溃
	crashAfterCharge bool
}

var errCrash = errors.New("worker crashed")

// ANCHOR: charge
// ChargeOrder 可以被执行任意多次；返回 nil 表示这笔订单已经扣过款（恰好一次）。
func (w *Worker) ChargeOrder(order string) (skipped bool, err error) {
	if w.done[order] {
		return true, nil // 标记只在扣款成功之后写入，所以它一定意味着“已经扣过”
	}
	// 幂等键由业务 ID 构造，每次重试都相同，网关据此去重。
	if err := w.gw.Charge("charge:"+order, order); err != nil {
		return false, err // 没有写标记：任务重试时会再次调用网关
	}
	if w.crashAfterCharge {
		w.crashAfterCharge = false
		return false, errCrash // 扣了款、没写标记：重试会再调一次网关，网关去重
	}
	w.done[order] = true
	return false, nil
}

// ANCHOR_END: charge

func main() {
	gw := &Gateway{seen: map[string]bool{}, charged: map[string]int{}, failN: 1}
	w := &Worker{gw: gw, done: map[string]bool{}}
	for attempt := 1; attempt <= 2; attempt++ { // 第一次网关超时，第二次成功
		_, err := w.ChargeOrder("42")
		fmt.Printf("order 42 attempt %d: err=%v\n", attempt, err)
	}
	w.crashAfterCharge = true
	_, err := w.ChargeOrder("77")
	fmt.Printf("order 77 attempt 1: err=%v\n", err)
	skipped, err := w.ChargeOrder("77") // 重试：网关按幂等键去重
	fmt.Printf("order 77 attempt 2: skipped=%v err=%v\n", skipped, err)
	skipped, _ = w.ChargeOrder("77") // 迟到的 worker：本地标记已存在
	fmt.Printf("order 77 attempt 3: skipped=%v\n", skipped)
	fmt.Println("charges:", gw.charged["42"], gw.charged["77"])
}

// Output:
// order 42 attempt 1: err=payment gateway timeout
// order 42 attempt 2: err=<nil>
// order 77 attempt 1: err=worker crashed
// order 77 attempt 2: skipped=false err=<nil>
// order 77 attempt 3: skipped=true
// charges: 1 1

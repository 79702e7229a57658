// 本周项目三：编排式 Saga 协调器——状态机、持久化日志、逆序补偿、重试与崩溃恢复。
// 三个“服务”都是内存里的替身；每个操作都按 (sagaID, 步骤) 做幂等。
package main

import (
	"errors"
	"fmt"
	"strings"
)

// ---------- 参与者服务（替身） ----------

type Orders struct {
	status      map[string]string
	approveFail int // 模拟：Approve 前几次遇到瞬时故障
}

type Inventory struct {
	stock     int
	reserved  map[string]bool // sagaID -> 是否持有预留
	failOnce  bool            // 模拟一次瞬时故障
	callCount int
}

type Payments struct {
	balance int
	charged map[string]int // sagaID -> 扣款金额，用于幂等和退款
}

var errTransient = errors.New("transient network error")

func (o *Orders) Create(id string) error { o.status[id] = "PENDING"; return nil } // 语义锁：PENDING
func (o *Orders) Cancel(id string) error { o.status[id] = "CANCELLED"; return nil }
func (o *Orders) Approve(id string) error {
	if o.approveFail > 0 {
		o.approveFail--
		return errTransient
	}
	o.status[id] = "APPROVED"
	return nil
}

func (inv *Inventory) Reserve(id string) error {
	if inv.reserved[id] {
		return nil // 重复请求：已经预留过
	}
	if inv.stock == 0 {
		return errors.New("out of stock")
	}
	inv.stock--
	inv.reserved[id] = true
	return nil
}

func (inv *Inventory) Release(id string) error {
	inv.callCount++
	if inv.failOnce {
		inv.failOnce = false
		return errTransient
	}
	if !inv.reserved[id] {
		return nil // 幂等：没预留过（空补偿）或已经释放过，什么也不做
	}
	inv.stock++
	delete(inv.reserved, id)
	return nil
}

func (p *Payments) Charge(id string, amount int) error {
	if _, ok := p.charged[id]; ok {
		return nil
	}
	if p.balance < amount {
		return errors.New("insufficient balance")
	}
	p.balance -= amount
	p.charged[id] = amount
	return nil
}

func (p *Payments) Refund(id string) error {
	if amount, ok := p.charged[id]; ok {
		p.balance += amount
		delete(p.charged, id)
	}
	return nil
}

// ---------- Saga 定义与协调器 ----------

type Step struct {
	Name       string
	Action     func(sagaID string) error
	Compensate func(sagaID string) error // nil 表示不需要补偿（可重试的收尾步骤）
}

// Record 是协调器日志中的一条。真实系统里它写在数据库里，与状态一起持久化。
type Record struct {
	SagaID string
	Step   int
	Event  string // "done" | "failed" | "compensated"
}

// ANCHOR: coordinator
type Coordinator struct {
	steps      []Step
	pivot      int      // 关键步骤（pivot）的下标：它完成之后只能向前恢复
	log        []Record // 持久化日志的替身：协调器崩溃后它还在
	maxRetries int
	crashOnce  bool   // 模拟：补偿动作已执行、补偿记录尚未写入时协调器崩溃
	crashAfter string // 模拟：这一步的 done 记录写完之后协调器崩溃
	trace      []string
}

var errCrash = errors.New("coordinator crashed")

func (c *Coordinator) append(r Record) {
	c.log = append(c.log, r)
}

// retry 对补偿动作做有限次重试；补偿必须最终成功，否则只能转人工。
func (c *Coordinator) retry(name string, f func() error) error {
	var err error
	for attempt := 1; attempt <= c.maxRetries; attempt++ {
		if err = f(); err == nil {
			return nil
		}
		c.trace = append(c.trace, fmt.Sprintf("%s attempt %d: %v", name, attempt, err))
	}
	return err
}

// Run 从头执行一个 Saga。
func (c *Coordinator) Run(sagaID string) (string, error) {
	for i, s := range c.steps {
		if i > c.pivot { // 关键点之后：只能向前
			return c.forwardFrom(sagaID, i)
		}
		if err := s.Action(sagaID); err != nil {
			c.trace = append(c.trace, fmt.Sprintf("%s failed: %v", s.Name, err))
			c.append(Record{sagaID, i, "failed"})
			return c.compensateFrom(sagaID, i-1)
		}
		if err := c.done(sagaID, i); err != nil {
			return "", err
		}
	}
	return "COMPLETED", nil
}

func (c *Coordinator) done(sagaID string, i int) error {
	c.trace = append(c.trace, c.steps[i].Name+" ok")
	c.append(Record{sagaID, i, "done"})
	if c.crashAfter == c.steps[i].Name {
		c.crashAfter = ""
		return errCrash // 这一步做完并记了日志，下一步还没开始
	}
	return nil
}

// forwardFrom 向前恢复：关键点之后的步骤只重试、不补偿。重试用尽时 Saga 仍是
// “进行中”，留给下一次恢复继续重试；它绝不会回头去退款。
func (c *Coordinator) forwardFrom(sagaID string, first int) (string, error) {
	for i := first; i < len(c.steps); i++ {
		s := c.steps[i]
		if err := c.retry(s.Name, func() error { return s.Action(sagaID) }); err != nil {
			return "IN PROGRESS (retry later)", nil
		}
		if err := c.done(sagaID, i); err != nil {
			return "", err
		}
	}
	return "COMPLETED", nil
}

// compensateFrom 从第 last 步开始逆序补偿已完成的步骤。
func (c *Coordinator) compensateFrom(sagaID string, last int) (string, error) {
	for i := last; i >= 0; i-- {
		s := c.steps[i]
		if s.Compensate == nil {
			continue
		}
		if err := c.retry("compensate "+s.Name, func() error { return s.Compensate(sagaID) }); err != nil {
			return "FAILED (needs manual repair)", nil
		}
		c.trace = append(c.trace, "compensate "+s.Name+" ok")
		if c.crashOnce {
			c.crashOnce = false
			return "", errCrash // 补偿做了，日志还没写
		}
		c.append(Record{sagaID, i, "compensated"})
	}
	return "ABORTED", nil
}

// Recover 读日志重建 Saga 的进度，然后把它推到终态。
func (c *Coordinator) Recover(sagaID string) (string, error) {
	done, compensated, failed := -1, map[int]bool{}, false
	for _, r := range c.log {
		if r.SagaID != sagaID {
			continue
		}
		switch r.Event {
		case "done":
			done = r.Step
		case "failed":
			failed = true
		case "compensated":
			compensated[r.Step] = true
		}
	}
	if !failed && done == len(c.steps)-1 {
		return "COMPLETED", nil
	}
	if !failed && done >= c.pivot { // 关键步骤已经完成：向前恢复，绝不退款
		c.trace = append(c.trace, fmt.Sprintf("recover: pivot done, resume forward from step %d", done+1))
		return c.forwardFrom(sagaID, done+1)
	}
	last := done
	if !failed { // 崩溃时还在关键点之前正向执行：向后恢复
		// 第 done+1 步可能已经执行、只是没来得及记日志：连它一起补偿（空补偿是无害的）
		last = done + 1
		c.append(Record{sagaID, last, "failed"})
	}
	for last >= 0 && compensated[last] {
		last-- // 已经补偿过的步骤不再重复（即使重复，幂等也保证无害）
	}
	c.trace = append(c.trace, fmt.Sprintf("recover: resume compensation from step %d", last))
	return c.compensateFrom(sagaID, last)
}

// ANCHOR_END: coordinator

func main() {
	orders := &Orders{status: map[string]string{}}
	inv := &Inventory{stock: 2, reserved: map[string]bool{}}
	pay := &Payments{balance: 150, charged: map[string]int{}}
	prices := map[string]int{"s1": 100, "s2": 80, "s3": 30}

	steps := []Step{
		{"order.create", orders.Create, orders.Cancel},
		{"inventory.reserve", inv.Reserve, inv.Release},
		{"payment.charge", func(id string) error { return pay.Charge(id, prices[id]) }, pay.Refund},
		{"order.approve", orders.Approve, nil}, // 支付成功之后只剩可重试的步骤，不需要补偿
	}
	report := func(c *Coordinator, id, result string) {
		fmt.Printf("%s -> %s\n  %s\n", id, result, strings.Join(c.trace, "; "))
		fmt.Printf("  order=%s stock=%d balance=%d\n", orders.status[id], inv.stock, pay.balance)
		c.trace = nil
	}

	c := &Coordinator{steps: steps, pivot: 2, maxRetries: 3}
	result, _ := c.Run("s1") // 全部成功
	report(c, "s1", result)

	inv.failOnce = true // s2：余额不足；释放库存时第一次遇到瞬时故障，重试成功
	result, _ = c.Run("s2")
	report(c, "s2", result)

	// s3：库存已释放、但“已补偿”还没写进日志时协调器崩溃；新协调器从同一份日志恢复，
	// 会再调用一次 Release——幂等保证库存不会被加两次
	pay.balance = 10
	c.crashOnce = true
	if _, err := c.Run("s3"); err != nil {
		c.trace = append(c.trace, err.Error())
	}
	c2 := &Coordinator{steps: steps, pivot: 2, log: c.log, maxRetries: 3, trace: c.trace}
	result, _ = c2.Recover("s3")
	report(c2, "s3", result)
	fmt.Printf("release calls=%d: s2 twice (retry), s3 twice (redo after crash)\n", inv.callCount)

	// s4：扣款成功并记入日志之后协调器崩溃。恢复必须向前走完 order.approve，
	// 即使 approve 第一次遇到瞬时故障，也只重试、不退款。
	pay.balance, prices["s4"] = 100, 40
	c3 := &Coordinator{steps: steps, pivot: 2, log: c2.log, maxRetries: 3, crashAfter: "payment.charge"}
	if _, err := c3.Run("s4"); err != nil {
		c3.trace = append(c3.trace, err.Error())
	}
	orders.approveFail = 1
	c4 := &Coordinator{steps: steps, pivot: 2, log: c3.log, maxRetries: 3, trace: c3.trace}
	result, _ = c4.Recover("s4")
	report(c4, "s4", result)
}

// Output:
// s1 -> COMPLETED
//   order.create ok; inventory.reserve ok; payment.charge ok; order.approve ok
//   order=APPROVED stock=1 balance=50
// s2 -> ABORTED
//   order.create ok; inventory.reserve ok; payment.charge failed: insufficient balance; compensate inventory.reserve attempt 1: transient network error; compensate inventory.reserve ok; compensate order.create ok
//   order=CANCELLED stock=1 balance=50
// s3 -> ABORTED
//   order.create ok; inventory.reserve ok; payment.charge failed: insufficient balance; compensate inventory.reserve ok; coordinator crashed; recover: resume compensation from step 1; compensate inventory.reserve ok; compensate order.create ok
//   order=CANCELLED stock=1 balance=10
// release calls=4: s2 twice (retry), s3 twice (redo after crash)
// s4 -> COMPLETED
//   order.create ok; inventory.reserve ok; payment.charge ok; coordinator crashed; recover: pivot done, resume forward from step 3; order.approve attempt 1: transient network error; order.approve ok
//   order=APPROVED stock=0 balance=60

package main

import "testing"

type world struct {
	orders *Orders
	inv    *Inventory
	pay    *Payments
	steps  []Step
}

func newWorld(balance int) *world {
	w := &world{
		orders: &Orders{status: map[string]string{}},
		inv:    &Inventory{stock: 1, reserved: map[string]bool{}},
		pay:    &Payments{balance: balance, charged: map[string]int{}},
	}
	w.steps = []Step{
		{"order.create", w.orders.Create, w.orders.Cancel},
		{"inventory.reserve", w.inv.Reserve, w.inv.Release},
		{"payment.charge", func(id string) error { return w.pay.Charge(id, 40) }, w.pay.Refund},
		{"order.approve", w.orders.Approve, nil},
	}
	return w
}

func (w *world) check(t *testing.T, status string, stock, balance int) {
	t.Helper()
	if got := w.orders.status["x"]; got != status {
		t.Errorf("order = %s, want %s", got, status)
	}
	if w.inv.stock != stock || w.pay.balance != balance {
		t.Errorf("stock=%d balance=%d, want stock=%d balance=%d", w.inv.stock, w.pay.balance, stock, balance)
	}
}

// Fails on the version whose Recover always compensated: the paid order was refunded
// and CANCELLED after a crash that followed the logged payment.charge.
func TestRecoverAfterPivotGoesForwardNotRefund(t *testing.T) {
	w := newWorld(100)
	c := &Coordinator{steps: w.steps, pivot: 2, maxRetries: 3, crashAfter: "payment.charge"}
	if _, err := c.Run("x"); err != errCrash {
		t.Fatalf("Run: %v, want the simulated crash", err)
	}
	w.orders.approveFail = 2 // forward recovery must retry, not give up and refund
	r := &Coordinator{steps: w.steps, pivot: 2, log: c.log, maxRetries: 3}
	if got, _ := r.Recover("x"); got != "COMPLETED" {
		t.Fatalf("Recover = %s, want COMPLETED", got)
	}
	w.check(t, "APPROVED", 0, 60)
}

// A step after the pivot that keeps failing leaves the saga in progress; it never refunds.
func TestStepAfterPivotIsRetriedNotCompensated(t *testing.T) {
	w := newWorld(100)
	w.orders.approveFail = 5
	c := &Coordinator{steps: w.steps, pivot: 2, maxRetries: 3}
	if got, _ := c.Run("x"); got != "IN PROGRESS (retry later)" {
		t.Fatalf("Run = %s, want IN PROGRESS", got)
	}
	w.check(t, "PENDING", 0, 60)
	if got, _ := c.Recover("x"); got != "COMPLETED" { // the next recovery finishes it
		t.Fatalf("Recover = %s, want COMPLETED", got)
	}
	w.check(t, "APPROVED", 0, 60)
}

// Crash before the pivot is logged: the charge may or may not have happened, so
// recovery compensates it too (Refund of a saga never charged is a no-op).
func TestRecoverBeforePivotCompensates(t *testing.T) {
	w := newWorld(100)
	c := &Coordinator{steps: w.steps, pivot: 2, maxRetries: 3, crashAfter: "inventory.reserve"}
	if _, err := c.Run("x"); err != errCrash {
		t.Fatalf("Run: %v, want the simulated crash", err)
	}
	_ = w.pay.Charge("x", 40) // the charge went out, its "done" record did not
	r := &Coordinator{steps: w.steps, pivot: 2, log: c.log, maxRetries: 3}
	if got, _ := r.Recover("x"); got != "ABORTED" {
		t.Fatalf("Recover = %s, want ABORTED", got)
	}
	w.check(t, "CANCELLED", 1, 100)
}

// Crash after a compensation ran but before it was logged: redoing it is harmless.
func TestRecoverRedoesUnloggedCompensationIdempotently(t *testing.T) {
	w := newWorld(10) // insufficient balance: payment fails
	c := &Coordinator{steps: w.steps, pivot: 2, maxRetries: 3, crashOnce: true}
	if _, err := c.Run("x"); err != errCrash {
		t.Fatalf("Run: %v, want the simulated crash", err)
	}
	r := &Coordinator{steps: w.steps, pivot: 2, log: c.log, maxRetries: 3}
	if got, _ := r.Recover("x"); got != "ABORTED" {
		t.Fatalf("Recover = %s, want ABORTED", got)
	}
	w.check(t, "CANCELLED", 1, 10)
}

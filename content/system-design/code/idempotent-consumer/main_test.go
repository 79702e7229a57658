package main

import "testing"

func newWorker(failN int) (*Worker, *Gateway) {
	gw := &Gateway{seen: map[string]bool{}, charged: map[string]int{}, failN: failN}
	return &Worker{gw: gw, done: map[string]bool{}}, gw
}

// Fails on the version that claimed the idempotency mark (SADD done:charge) before the
// charge: after a gateway timeout every retry saw "already charged" and the order was
// charged zero times.
func TestGatewayFailureThenRetryChargesExactlyOnce(t *testing.T) {
	w, gw := newWorker(1)
	if _, err := w.ChargeOrder("42"); err != errTimeout {
		t.Fatalf("first attempt: %v, want timeout", err)
	}
	for i := 0; i < 3; i++ {
		if _, err := w.ChargeOrder("42"); err != nil {
			t.Fatalf("retry %d: %v", i, err)
		}
	}
	if n := gw.charged["42"]; n != 1 {
		t.Fatalf("order 42 charged %d times, want exactly 1", n)
	}
}

// Crash after the gateway charged but before the mark was written: the retry calls
// the gateway again with the same key and the gateway deduplicates.
func TestCrashAfterChargeDoesNotChargeTwice(t *testing.T) {
	w, gw := newWorker(0)
	w.crashAfterCharge = true
	if _, err := w.ChargeOrder("77"); err != errCrash {
		t.Fatalf("first attempt: %v, want simulated crash", err)
	}
	if _, err := w.ChargeOrder("77"); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if n := gw.charged["77"]; n != 1 {
		t.Fatalf("order 77 charged %d times, want exactly 1", n)
	}
	if !w.done["77"] {
		t.Fatal("mark not written after a successful retry")
	}
}

// Duplicate delivery to a second worker that shares the mark store.
func TestDuplicateDeliveryIsSkipped(t *testing.T) {
	w, gw := newWorker(0)
	w2 := &Worker{gw: gw, done: w.done}
	if _, err := w.ChargeOrder("9"); err != nil {
		t.Fatal(err)
	}
	if skipped, err := w2.ChargeOrder("9"); !skipped || err != nil {
		t.Fatalf("duplicate: skipped=%v err=%v, want skipped", skipped, err)
	}
	if n := gw.charged["9"]; n != 1 {
		t.Fatalf("charged %d times, want 1", n)
	}
}

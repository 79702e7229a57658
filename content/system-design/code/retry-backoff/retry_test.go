package retry

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"testing"
)

// The last attempt fails and, while it runs, the caller's deadline passes (modelled
// by cancelling ctx inside the call). Fails on the version that slept after the last
// attempt: it returned ctx.Err() instead of the call's own error.
func TestLastAttemptReturnsRealErrorNotCtxErr(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rng := rand.New(rand.NewSource(1))
	calls := 0
	err := retry(ctx, rng, 3, func(context.Context) error {
		calls++
		if calls == 3 {
			cancel()
		}
		return fmt.Errorf("attempt %d: %w", calls, ErrUnavailable)
	})
	if calls != 3 {
		t.Fatalf("calls = %d, want 3", calls)
	}
	if err == nil || err.Error() != "attempt 3: unavailable" {
		t.Fatalf("retry returned %v, want the last call's error", err)
	}
}

// A cancelled context during backoff stops retrying and still reports the real error.
func TestCancelDuringBackoffKeepsRealError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := retry(ctx, rand.New(rand.NewSource(1)), 5, func(context.Context) error {
		calls++
		cancel()
		return ErrUnavailable
	})
	if calls != 1 || !errors.Is(err, ErrUnavailable) {
		t.Fatalf("calls = %d, err = %v; want 1 call and ErrUnavailable", calls, err)
	}
}

// Errors that are not retryable return at once; success stops the loop.
func TestNonRetryableAndSuccess(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	bad := errors.New("400 bad request")
	calls := 0
	if err := retry(context.Background(), rng, 3, func(context.Context) error { calls++; return bad }); err != bad || calls != 1 {
		t.Fatalf("non-retryable: err = %v, calls = %d", err, calls)
	}
	calls = 0
	err := retry(context.Background(), rng, 3, func(context.Context) error {
		calls++
		if calls < 2 {
			return ErrUnavailable
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Fatalf("transient: err = %v, calls = %d; want nil after 2 calls", err, calls)
	}
}

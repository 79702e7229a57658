package main

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"
)

// guard is a failure bound, not synchronisation: the fixed code returns at once.
const guard = 5 * time.Second

func codeOf(t *testing.T, err error) string {
	t.Helper()
	var se *StatusError
	if !errors.As(err, &se) {
		t.Fatalf("want a *StatusError, got %v", err)
	}
	return se.Code
}

// start serves handlers on one end of a pipe and returns a client on the other end.
func start(t *testing.T, handlers map[string]Handler) (*Client, net.Conn) {
	t.Helper()
	clientSide, serverSide := net.Pipe()
	go (&Server{codec: JSONCodec{}, handlers: handlers}).Serve(serverSide)
	t.Cleanup(func() { clientSide.Close(); serverSide.Close() })
	return NewClient(clientSide, JSONCodec{}), serverSide
}

// Fails on the version that built context.WithTimeout(..., 0) when no deadline was sent.
func TestCallWithoutDeadlineIsNotExpiredOnServer(t *testing.T) {
	client, _ := start(t, map[string]Handler{
		"Ctx.Err": func(ctx context.Context, _ []byte) ([]byte, error) {
			if err := ctx.Err(); err != nil {
				return nil, &StatusError{"DEADLINE_EXCEEDED", err.Error()}
			}
			if _, ok := ctx.Deadline(); ok {
				return nil, &StatusError{"INTERNAL", "server invented a deadline"}
			}
			return JSONCodec{}.Marshal("ok")
		},
	})
	var out string
	if err := client.Call(context.Background(), "Ctx.Err", nil, &out); err != nil || out != "ok" {
		t.Fatalf("Call without deadline = %q, %v; want ok, nil", out, err)
	}
}

// Fails (hangs until the guard) on the version whose readLoop returned without
// completing the pending calls when the connection died.
func TestPendingCallGetsUnavailableWhenConnectionDies(t *testing.T) {
	arrived := make(chan struct{})
	release := make(chan struct{})
	defer close(release)
	client, serverSide := start(t, map[string]Handler{
		"Block": func(ctx context.Context, _ []byte) ([]byte, error) {
			close(arrived)
			<-release
			return nil, nil
		},
	})
	done := make(chan error, 1)
	go func() { done <- client.Call(context.Background(), "Block", nil, nil) }()
	<-arrived
	serverSide.Close()
	select {
	case err := <-done:
		if c := codeOf(t, err); c != "UNAVAILABLE" {
			t.Fatalf("code = %s, want UNAVAILABLE", c)
		}
	case <-time.After(guard):
		t.Fatal("call without deadline still blocked after the connection died")
	}
	// Later calls fail fast too.
	if c := codeOf(t, client.Call(context.Background(), "Block", nil, nil)); c != "UNAVAILABLE" {
		t.Fatalf("call on a dead client: code = %s, want UNAVAILABLE", c)
	}
}

// A call with a deadline on a dead connection must say UNAVAILABLE (retryable),
// not DEADLINE_EXCEEDED; fails on the version without readLoop's fail().
func TestRetryableErrorOnDeadConnectionWithDeadline(t *testing.T) {
	arrived := make(chan struct{})
	release := make(chan struct{})
	defer close(release)
	client, serverSide := start(t, map[string]Handler{
		"Block": func(ctx context.Context, _ []byte) ([]byte, error) {
			close(arrived)
			<-release
			return nil, nil
		},
	})
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- client.Call(ctx, "Block", nil, nil) }()
	<-arrived
	serverSide.Close()
	if c := codeOf(t, <-done); c != "UNAVAILABLE" {
		t.Fatalf("code = %s, want UNAVAILABLE", c)
	}
}

type failingWriter struct{ net.Conn }

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// Fails on the version that returned the write error without removing pending[id].
func TestWriteErrorRemovesPendingEntry(t *testing.T) {
	clientSide, serverSide := net.Pipe()
	defer serverSide.Close()
	client := NewClient(failingWriter{clientSide}, JSONCodec{})
	err := client.Call(context.Background(), "Any", nil, nil)
	if c := codeOf(t, err); c != "UNAVAILABLE" {
		t.Fatalf("code = %s, want UNAVAILABLE", c)
	}
	client.mu.Lock()
	n := len(client.pending)
	client.mu.Unlock()
	if n != 0 {
		t.Fatalf("%d pending entries left after a failed write", n)
	}
}

// Fails on the version that reported every ctx.Done() as DEADLINE_EXCEEDED.
func TestCancelIsReportedAsCancelled(t *testing.T) {
	arrived := make(chan struct{})
	release := make(chan struct{})
	defer close(release)
	client, _ := start(t, map[string]Handler{
		"Block": func(ctx context.Context, _ []byte) ([]byte, error) {
			close(arrived)
			<-release
			return nil, nil
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- client.Call(ctx, "Block", nil, nil) }()
	<-arrived
	cancel()
	if c := codeOf(t, <-done); c != "CANCELLED" {
		t.Fatalf("code = %s, want CANCELLED", c)
	}
}

// Stale reply: a response that arrives after the caller gave up is dropped, and the
// next call on the same connection still gets its own answer.
func TestLateResponseIsDropped(t *testing.T) {
	arrived := make(chan struct{})
	release := make(chan struct{})
	client, _ := start(t, map[string]Handler{
		"Block": func(ctx context.Context, _ []byte) ([]byte, error) {
			close(arrived)
			<-release
			return JSONCodec{}.Marshal("late")
		},
		"Echo": func(ctx context.Context, req []byte) ([]byte, error) { return req, nil },
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- client.Call(ctx, "Block", nil, nil) }()
	<-arrived
	cancel()
	<-done
	close(release)
	var out string
	if err := client.Call(context.Background(), "Echo", "mine", &out); err != nil || out != "mine" {
		t.Fatalf("Echo = %q, %v; want mine", out, err)
	}
}

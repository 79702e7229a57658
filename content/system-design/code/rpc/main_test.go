package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"net"
	"strings"
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

// A handler's error message ends up in the response header, whose length field has 16 bits.
// Fails on the version that wrote uint16(len(header)) unchecked: a 70,000-byte message
// wrapped around, the client could not parse the frame, and the connection died
// ("connection lost: unexpected end of JSON input" on the next call).
func TestLongErrorMessageKeepsConnectionAlive(t *testing.T) {
	client, _ := start(t, map[string]Handler{
		"Long.Err": func(context.Context, []byte) ([]byte, error) {
			return nil, errors.New(strings.Repeat("x", 70000))
		},
		"Echo.Ok": func(context.Context, []byte) ([]byte, error) { return JSONCodec{}.Marshal("ok") },
	})
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	if code := codeOf(t, client.Call(ctx, "Long.Err", nil, nil)); code != "INTERNAL" {
		t.Fatalf("long handler error mapped to %s, want INTERNAL", code)
	}
	var out string
	if err := client.Call(ctx, "Echo.Ok", nil, &out); err != nil || out != "ok" {
		t.Fatalf("next call on the same connection = %q, %v; want ok", out, err)
	}
}

// A length prefix is untrusted input. Fails on the version that allocated whatever the
// prefix said (here 64 MB, up to 4 GiB) before reading a single byte of the frame.
func TestFrameLengthOverLimitIsRejectedBeforeAllocating(t *testing.T) {
	var prefix [4]byte
	binary.BigEndian.PutUint32(prefix[:], 64<<20)
	_, _, err := readFrame(bytes.NewReader(prefix[:]))
	if !errors.Is(err, errFrameTooLarge) {
		t.Fatalf("readFrame of a 64 MB length prefix = %v, want errFrameTooLarge", err)
	}
}

// A response over the frame limit becomes RESOURCE_EXHAUSTED for that call only.
func TestOversizedResponseFailsOnlyThatCall(t *testing.T) {
	client, _ := start(t, map[string]Handler{
		"Big.Body": func(context.Context, []byte) ([]byte, error) { return make([]byte, maxFrame+1), nil },
		"Echo.Ok":  func(context.Context, []byte) ([]byte, error) { return JSONCodec{}.Marshal("ok") },
	})
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	if code := codeOf(t, client.Call(ctx, "Big.Body", nil, nil)); code != "RESOURCE_EXHAUSTED" {
		t.Fatalf("oversized response gave %s, want RESOURCE_EXHAUSTED", code)
	}
	var out string
	if err := client.Call(ctx, "Echo.Ok", nil, &out); err != nil || out != "ok" {
		t.Fatalf("next call = %q, %v; want ok", out, err)
	}
}

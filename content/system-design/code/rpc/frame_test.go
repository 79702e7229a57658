package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"
)

// A handler's long error must come back as INTERNAL and leave the connection usable.
// Fails on the version that wrote the header length as uint16(len(hb)): a 70,000-byte
// message wrapped the length, the client could not parse the header, every in-flight
// call got UNAVAILABLE and the next call failed with "connection lost".
func TestLongHandlerErrorKeepsConnection(t *testing.T) {
	client, _ := start(t, map[string]Handler{
		"Big.Err": func(context.Context, []byte) ([]byte, error) {
			return nil, errors.New(strings.Repeat("x", 70000))
		},
		"Echo": func(_ context.Context, req []byte) ([]byte, error) { return req, nil },
	})
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	if code := codeOf(t, client.Call(ctx, "Big.Err", 1, new(int))); code != "INTERNAL" {
		t.Fatalf("long handler error came back as %s, want INTERNAL", code)
	}
	var got int
	if err := client.Call(ctx, "Echo", 7, &got); err != nil || got != 7 {
		t.Fatalf("next call on the same connection: got %d, %v", got, err)
	}
}

// Fails on the version that allocated whatever the length prefix said.
func TestReadFrameRejectsHugeLengthPrefix(t *testing.T) {
	var frame [4]byte
	binary.BigEndian.PutUint32(frame[:], 1<<30)
	_, _, err := readFrame(bytes.NewReader(frame[:]))
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("readFrame with a 1 GiB length prefix: %v, want a frame-too-large error", err)
	}
}

// An oversized request is refused before a byte is written, so the connection survives.
func TestOversizedRequestIsRefusedWithoutClosing(t *testing.T) {
	client, _ := start(t, map[string]Handler{
		"Echo": func(_ context.Context, req []byte) ([]byte, error) { return req, nil },
	})
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	big := strings.Repeat("y", 5<<20)
	if code := codeOf(t, client.Call(ctx, "Echo", big, new(string))); code != "RESOURCE_EXHAUSTED" {
		t.Fatalf("5 MiB request: %s, want RESOURCE_EXHAUSTED", code)
	}
	var got int
	if err := client.Call(ctx, "Echo", 7, &got); err != nil || got != 7 {
		t.Fatalf("next call on the same connection: got %d, %v", got, err)
	}
}

// A handler still running when the connection drops is cancelled. Fails on the version
// that derived handler contexts from context.Background(): it ran on until its own deadline.
func TestConnectionDropCancelsHandlers(t *testing.T) {
	cancelled := make(chan struct{})
	entered := make(chan struct{})
	client, serverSide := start(t, map[string]Handler{
		"Wait": func(ctx context.Context, _ []byte) ([]byte, error) {
			close(entered)
			<-ctx.Done()
			close(cancelled)
			return nil, ctx.Err()
		},
	})
	go client.Call(context.Background(), "Wait", 1, new(int))
	<-entered
	serverSide.Close()
	select {
	case <-cancelled:
	case <-time.After(guard):
		t.Fatal("handler not cancelled after the connection dropped")
	}
}

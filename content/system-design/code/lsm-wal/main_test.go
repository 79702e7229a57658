package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func openT(t *testing.T, dir string) *DB {
	t.Helper()
	db, err := Open(dir, 1000)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return db
}

func mustGet(t *testing.T, db *DB, key, want string) {
	t.Helper()
	if got, _ := db.Get(key); got != want {
		t.Fatalf("Get(%q) = %q, want %q", key, got, want)
	}
}

func walPath(dir string) string { return filepath.Join(dir, "wal.log") }

// Fails on the version that reopened the WAL with O_APPEND without truncating it to the
// last good record: c and d land after the torn fragment and are lost on the next recovery.
func TestWritesAfterTornTailSurviveNextRecovery(t *testing.T) {
	dir := t.TempDir()
	db := openT(t, dir)
	for _, k := range []string{"a", "b"} {
		if err := db.Put(k, "v-"+k); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	st, err := os.Stat(walPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(walPath(dir), st.Size()-1); err != nil { // b is torn
		t.Fatal(err)
	}

	db = openT(t, dir)
	mustGet(t, db, "a", "v-a")
	mustGet(t, db, "b", "(not found)")
	for _, k := range []string{"c", "d"} {
		if err := db.Put(k, "v-"+k); err != nil { // acknowledged: fsynced
			t.Fatal(err)
		}
	}
	db.Close()

	db = openT(t, dir)
	defer db.Close()
	mustGet(t, db, "a", "v-a")
	mustGet(t, db, "c", "v-c")
	mustGet(t, db, "d", "v-d")
}

// Fails on the version without a record checksum: a record whose value bytes were not
// all written (here: overwritten with zeros) replays as if it were valid.
func TestRecoverRejectsRecordWithBadChecksum(t *testing.T) {
	dir := t.TempDir()
	db := openT(t, dir)
	if err := db.Put("a", "1"); err != nil {
		t.Fatal(err)
	}
	if err := db.Put("b", "hello"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	data, err := os.ReadFile(walPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	copy(data[len(data)-5:], make([]byte, 5)) // the value of b never reached the disk
	if err := os.WriteFile(walPath(dir), data, 0o644); err != nil {
		t.Fatal(err)
	}
	db = openT(t, dir)
	defer db.Close()
	mustGet(t, db, "a", "1")
	mustGet(t, db, "b", "(not found)")
}

// A garbage header claiming a 4 GB key must be treated as a torn record, not allocated.
func TestRecoverRejectsGarbageLength(t *testing.T) {
	dir := t.TempDir()
	db := openT(t, dir)
	if err := db.Put("a", "1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	f, err := os.OpenFile(walPath(dir), os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	garbage := []byte{1, 2, 3, 4, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1}
	if _, err := f.Write(garbage); err != nil {
		t.Fatal(err)
	}
	f.Close()
	db = openT(t, dir)
	mustGet(t, db, "a", "1")
	if err := db.Put("z", "26"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openT(t, dir)
	defer db.Close()
	mustGet(t, db, "z", "26")
}

// Crash between writing an SSTable and clearing the WAL: both hold the data; reads agree.
func TestCrashBeforeWALClearIsHarmless(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Put("k", "1"); err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(walPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Put("m", "2"); err != nil { // flush + truncate
		t.Fatal(err)
	}
	db.Close()
	// Put the pre-flush WAL back, as if the truncate had not reached the disk.
	if err := os.WriteFile(walPath(dir), wal, 0o644); err != nil {
		t.Fatal(err)
	}
	db = openT(t, dir)
	defer db.Close()
	mustGet(t, db, "k", "1")
	mustGet(t, db, "m", "2")
}

// crashingWriter passes the first n bytes through and then fails, as a process that dies
// in the middle of writing a file would.
type crashingWriter struct {
	w io.Writer
	n int
}

var errCrash = errors.New("simulated crash")

func (c *crashingWriter) Write(p []byte) (int, error) {
	if len(p) > c.n {
		written, _ := c.w.Write(p[:c.n])
		c.n = 0
		return written, errCrash
	}
	c.n -= len(p)
	return c.w.Write(p)
}

// A crash in the middle of writing an SSTable must not stop the next Open: every
// acknowledged write is still in the WAL (it is cleared only after the table is durable).
// Fails on the version that created sst-NNN.dat directly: the torn table is found on
// restart and Open refuses to start ("sst-001.dat: torn or corrupt record").
func TestCrashWhileWritingTableKeepsDBOpenable(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	tableWriter = func(f *os.File) io.Writer { return &crashingWriter{w: f, n: 20} }
	defer func() { tableWriter = func(f *os.File) io.Writer { return f } }()
	for _, k := range []string{"a", "b"} {
		if err := db.Put(k, "v-"+k); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Put("c", "v-c"); !errors.Is(err, errCrash) { // the flush dies half-way
		t.Fatalf("Put that flushes returned %v, want the simulated crash", err)
	}
	db.Close()
	tableWriter = func(f *os.File) io.Writer { return f }

	db = openT(t, dir)
	defer db.Close()
	for _, k := range []string{"a", "b", "c"} {
		mustGet(t, db, k, "v-"+k)
	}
	if len(db.tables) != 0 {
		t.Fatalf("%d tables after recovery, want 0 (the torn one is not a table)", len(db.tables))
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(left) != 0 {
		t.Fatalf("leftover files after Open: %v", left)
	}
}

// Tables are ordered by their number, not by their name: from sst-1000.dat on, names no
// longer sort as numbers. Fails on the version that trusted os.ReadDir's name order: after
// a reopen it read k from sst-999.dat (older) and numbered the next table 1000 again,
// truncating the existing sst-1000.dat.
func TestTablesOrderedByNumberPast999(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	db.sequence = 998
	for _, v := range []string{"old", "new"} { // flushes to sst-999.dat, then sst-1000.dat
		if err := db.Put("k", v); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	db, err = Open(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	mustGet(t, db, "k", "new")
	if err := db.Put("x", "1"); err != nil { // the next table must be sst-1001.dat
		t.Fatal(err)
	}
	db.Close()
	db = openT(t, dir)
	defer db.Close()
	mustGet(t, db, "k", "new")
	mustGet(t, db, "x", "1")
}

// A WAL write that fails half-way (a full disk) leaves part of a record in the file. A
// later Put that reports success must survive a restart. Fails on the version that kept
// accepting writes after the error: b was fsynced and acknowledged behind the fragment,
// and the next recovery stopped at the fragment and lost it.
func TestFailedWALWriteDoesNotSwallowLaterWrites(t *testing.T) {
	dir := t.TempDir()
	db := openT(t, dir)
	if err := db.Put("a", "1"); err != nil {
		t.Fatal(err)
	}
	walWriter = func(f *os.File) io.Writer { return &crashingWriter{w: f, n: 5} }
	err := db.Put("x", "lost")
	walWriter = func(f *os.File) io.Writer { return f }
	if !errors.Is(err, errCrash) {
		t.Fatalf("Put during the failing write returned %v, want the write error", err)
	}
	acked := db.Put("b", "2") == nil
	db.Close()

	db = openT(t, dir)
	defer db.Close()
	mustGet(t, db, "a", "1")
	mustGet(t, db, "x", "(not found)")
	if acked {
		mustGet(t, db, "b", "2") // acknowledged, so it must be there
	}
}

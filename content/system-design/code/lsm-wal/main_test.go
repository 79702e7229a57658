package main

import (
	"errors"
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

// A crash in the middle of a flush: the table file is half written when the process
// dies (fsyncFile cuts the file to 3 bytes and fails). Every acknowledged write is still
// in the WAL, so Open must succeed. Fails on the version that wrote sst-NNN.dat directly
// (Open: "sst-001.dat: torn or corrupt record").
func TestCrashMidFlushDoesNotBlockOpen(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { fsyncFile = (*os.File).Sync }()
	fsyncFile = func(f *os.File) error {
		if err := f.Truncate(3); err != nil {
			return err
		}
		return errors.New("crash")
	}
	if err := db.Put("a", "1"); err != nil {
		t.Fatal(err)
	}
	if err := db.Put("b", "2"); err == nil { // triggers the flush that "crashes"
		t.Fatal("flush with a failing fsync reported success")
	}
	fsyncFile = (*os.File).Sync
	db.Close()
	// A power cut mid-write also leaves the temp file itself (os.Remove never ran).
	if err := os.WriteFile(filepath.Join(dir, "sst-001.tmp"), []byte{0xde, 0xad, 0xbe}, 0o644); err != nil {
		t.Fatal(err)
	}

	db = openT(t, dir)
	mustGet(t, db, "a", "1")
	mustGet(t, db, "b", "2")
	if left, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(left) != 0 {
		t.Fatalf("leftover temp files after Open: %v", left)
	}
	if err := db.flush(); err != nil {
		t.Fatalf("flush after recovery: %v", err)
	}
	db.Close()
	db = openT(t, dir)
	mustGet(t, db, "b", "2")
}

// Fails on the version that relied on os.ReadDir's name order: sst-1000.dat sorts before
// sst-999.dat, so the older table shadowed the newer one and the next flush reused 1000.
func TestTableOrderPastSequence999(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, 1) // every Put flushes
	if err != nil {
		t.Fatal(err)
	}
	db.sequence = 998
	for _, v := range []string{"old", "new"} { // sst-999.dat, sst-1000.dat
		if err := db.Put("a", v); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db = openT(t, dir)
	mustGet(t, db, "a", "new")
	if db.sequence != 1000 {
		t.Fatalf("sequence after reopen = %d, want 1000", db.sequence)
	}
}

// A WAL write fails part-way (simulated: the WAL handle is closed, then a fresh handle is
// put in place behind a 5-byte fragment). Fails on the version that kept accepting writes:
// c was fsynced and acknowledged behind the fragment, and the next recovery lost it.
func TestWriteAfterFailedWALWriteIsNotAcknowledged(t *testing.T) {
	dir := t.TempDir()
	db := openT(t, dir)
	if err := db.Put("a", "1"); err != nil {
		t.Fatal(err)
	}
	db.wal.Close()
	if err := db.Put("b", "2"); err == nil {
		t.Fatal("write on a closed WAL succeeded")
	}
	f, err := os.OpenFile(walPath(dir), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte{1, 2, 3, 4, 5}); err != nil {
		t.Fatal(err)
	}
	db.wal = f
	if err := db.Put("c", "3"); err == nil {
		db.Close()
		db = openT(t, dir)
		mustGet(t, db, "c", "3") // acknowledged, so it must survive
	}
	db.Close()
	db = openT(t, dir)
	mustGet(t, db, "a", "1")
	if err := db.Put("c", "3"); err != nil {
		t.Fatalf("write after reopen: %v", err)
	}
}

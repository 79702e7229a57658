// 一个极简的 LSM-Tree：WAL + MemTable + SSTable + 全量合并（compaction）。
// 所有文件写在临时目录里；程序模拟两次崩溃：一次干净的进程退出，
// 一次在 WAL 尾部留下半条记录（torn write），然后从 WAL 恢复 MemTable。
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// 一条记录：删除用墓碑（tombstone）表示，而不是真的删掉。
type entry struct {
	key, value string
	deleted    bool
}

// ANCHOR: record
// 记录格式：[4 字节 CRC32C][1 字节墓碑标志][4 字节键长][4 字节值长][键][值]
// 校验和覆盖标志、两个长度和键值。没有它，一次写了一半的记录可能留下
// “看起来合法”的长度字段（全 0，或者随机字节），恢复时就会把垃圾当成数据。
const headerSize = 13
const maxRecord = 1 << 20 // 单条记录的上限：长度字段超过它，一定是坏记录

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errCorrupt：记录不完整或校验和不符。出现在 WAL 尾部时，这是崩溃留下的痕迹。
var errCorrupt = errors.New("torn or corrupt record")

func writeRecord(w io.Writer, e entry) error {
	buf := make([]byte, headerSize+len(e.key)+len(e.value))
	if e.deleted {
		buf[4] = 1
	}
	binary.BigEndian.PutUint32(buf[5:9], uint32(len(e.key)))
	binary.BigEndian.PutUint32(buf[9:13], uint32(len(e.value)))
	copy(buf[headerSize:], e.key)
	copy(buf[headerSize+len(e.key):], e.value)
	binary.BigEndian.PutUint32(buf[0:4], crc32.Checksum(buf[4:], castagnoli))
	_, err := w.Write(buf)
	return err
}

// readRecord 返回记录和它占用的字节数。io.EOF：文件在记录边界上正常结束；
// errCorrupt：尾部只写了一半，或者内容被破坏。
func readRecord(r io.Reader) (entry, int, error) {
	var hdr [headerSize]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if err == io.EOF {
			return entry{}, 0, io.EOF
		}
		return entry{}, 0, errCorrupt // 头部只有一部分
	}
	kl, vl := binary.BigEndian.Uint32(hdr[5:9]), binary.BigEndian.Uint32(hdr[9:13])
	if kl > maxRecord || vl > maxRecord || hdr[4] > 1 {
		return entry{}, 0, errCorrupt // 不信任坏掉的长度：不按它分配内存
	}
	body := make([]byte, kl+vl)
	if _, err := io.ReadFull(r, body); err != nil {
		return entry{}, 0, errCorrupt
	}
	sum := crc32.Update(crc32.Checksum(hdr[4:], castagnoli), castagnoli, body)
	if sum != binary.BigEndian.Uint32(hdr[0:4]) {
		return entry{}, 0, errCorrupt
	}
	e := entry{key: string(body[:kl]), value: string(body[kl:]), deleted: hdr[4] == 1}
	return e, headerSize + len(body), nil
}

// ANCHOR_END: record

// SSTable：按键排序、不可修改的文件。这里把整个文件读进内存里的有序切片来查；
// 真实实现会分块存储，在内存里只保留稀疏索引和布隆过滤器。
type SSTable struct {
	path    string
	entries []entry
}

func (t *SSTable) get(key string) (entry, bool) {
	i := sort.Search(len(t.entries), func(i int) bool { return t.entries[i].key >= key })
	if i < len(t.entries) && t.entries[i].key == key {
		return t.entries[i], true
	}
	return entry{}, false
}

type DB struct {
	dir      string
	wal      *os.File
	mem      map[string]entry
	tables   []*SSTable // 从旧到新
	limit    int        // MemTable 达到多少条就刷盘
	sequence int
}

// ANCHOR: open
func Open(dir string, limit int) (*DB, error) {
	db := &DB{dir: dir, mem: map[string]entry{}, limit: limit}
	if err := db.loadTables(); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "wal.log")
	wal, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	good, n, err := db.replay(wal) // 崩溃恢复：重放 WAL，得到最后一条好记录的结尾
	if err == nil {
		// 关键一步：把文件截断到最后一条好记录。否则新记录会追加在半条垃圾之后，
		// 下次恢复读到垃圾就停下，这些已经 fsync、已经向调用者确认的写入全部丢失。
		err = wal.Truncate(good)
	}
	if err == nil {
		_, err = wal.Seek(good, io.SeekStart)
	}
	if err == nil {
		err = wal.Sync() // 截断本身也要落盘
	}
	if err == nil {
		err = syncDir(dir) // 新建的 wal.log 的目录项要落盘
	}
	if err != nil {
		wal.Close()
		return nil, err
	}
	if n > 0 {
		fmt.Printf("recovered %d records from WAL\n", n)
	}
	db.wal = wal
	return db, nil
}

// replay 读出所有完整且校验和正确的记录，返回它们结尾的偏移。
// 第一条坏记录之后的内容一律丢弃：它们没有被确认过（确认发生在 fsync 之后，
// 而 fsync 之前的写入不会越过一条尚未写完的记录）。
func (db *DB) replay(f *os.File) (good int64, n int, err error) {
	r := bufio.NewReader(f)
	for {
		e, size, err := readRecord(r)
		if err == io.EOF || err == errCorrupt {
			return good, n, nil
		}
		if err != nil {
			return 0, 0, err
		}
		db.mem[e.key] = e
		good += int64(size)
		n++
	}
}

// syncDir：fsync 目录。创建、删除、改名文件改的是目录的内容；只 fsync 文件本身，
// 崩溃后这个文件可能根本不在目录里（POSIX 不保证，Linux 的 fsync(2) 手册明确要求另外 fsync 目录）。
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// ANCHOR_END: open

// loadTables 扫描目录找回所有 SSTable。os.ReadDir 按文件名排序，序号即新旧顺序。
// SSTable 是写完并 fsync 之后才登记的，任何一条坏记录都是真正的损坏：报错，不能静默丢弃。
func (db *DB) loadTables() error {
	files, err := os.ReadDir(db.dir)
	if err != nil {
		return err
	}
	for _, fi := range files {
		var seq int
		if _, err := fmt.Sscanf(fi.Name(), "sst-%d.dat", &seq); err != nil {
			continue
		}
		t, err := readTable(filepath.Join(db.dir, fi.Name()))
		if err != nil {
			return err
		}
		db.tables = append(db.tables, t)
		db.sequence = seq
	}
	return nil
}

func readTable(path string) (*SSTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := &SSTable{path: path}
	r := bufio.NewReader(f)
	for {
		e, _, err := readRecord(r)
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		t.entries = append(t.entries, e)
	}
}

// ANCHOR: write
func (db *DB) write(e entry) error {
	if err := writeRecord(db.wal, e); err != nil { // 1. 先写日志
		return err
	}
	if err := db.wal.Sync(); err != nil { // 2. fsync 之后才算“已提交”
		return err
	}
	db.mem[e.key] = e // 3. 再更新内存
	if len(db.mem) >= db.limit {
		return db.flush()
	}
	return nil
}

func (db *DB) Put(k, v string) error { return db.write(entry{key: k, value: v}) }
func (db *DB) Delete(k string) error { return db.write(entry{key: k, deleted: true}) }

// flush：把 MemTable 排序后写成一个新的 SSTable（文件和目录都 fsync），然后清空 WAL。
func (db *DB) flush() error {
	entries := make([]entry, 0, len(db.mem))
	for _, e := range db.mem {
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	t, err := db.writeTable(entries)
	if err != nil {
		return err
	}
	db.tables = append(db.tables, t)
	db.mem = map[string]entry{}
	fmt.Printf("flush -> %s (%d entries)\n", filepath.Base(t.path), len(entries))
	if err := db.wal.Truncate(0); err != nil { // 数据已经安全地在 SSTable 里了
		return err
	}
	if _, err := db.wal.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return db.wal.Sync()
}

// ANCHOR_END: write

func (db *DB) writeTable(entries []entry) (*SSTable, error) {
	db.sequence++
	path := filepath.Join(db.dir, fmt.Sprintf("sst-%03d.dat", db.sequence))
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, e := range entries {
		if err := writeRecord(w, e); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, err
	}
	// 文件内容已落盘；再 fsync 目录，新文件名才一定在崩溃后还在。
	// 必须在清空 WAL 之前完成，否则崩溃后 SSTable 和 WAL 里的数据可能同时消失。
	return &SSTable{path: path, entries: entries}, syncDir(db.dir)
}

// Get：先查 MemTable，再从新到旧查 SSTable；遇到墓碑说明已删除。
func (db *DB) Get(key string) (string, string) {
	if e, ok := db.mem[key]; ok {
		return result(e, "memtable")
	}
	for i := len(db.tables) - 1; i >= 0; i-- {
		if e, ok := db.tables[i].get(key); ok {
			return result(e, filepath.Base(db.tables[i].path))
		}
	}
	return "(not found)", "-"
}

func result(e entry, where string) (string, string) {
	if e.deleted {
		return "(deleted)", where
	}
	return e.value, where
}

// Compact：把所有 SSTable 归并成一个。同一个键只保留最新版本；
// 因为合并的是全部文件、不存在更旧的数据，墓碑也可以一起丢掉。
func (db *DB) Compact() error {
	latest := map[string]entry{}
	for _, t := range db.tables { // 从旧到新，新的覆盖旧的
		for _, e := range t.entries {
			latest[e.key] = e
		}
	}
	var merged []entry
	for _, e := range latest {
		if !e.deleted {
			merged = append(merged, e)
		}
	}
	sort.Slice(merged, func(i, j int) bool { return merged[i].key < merged[j].key })
	before := 0
	for _, t := range db.tables {
		before += len(t.entries)
	}
	t, err := db.writeTable(merged) // 新文件先落盘（含目录），再删旧文件
	if err != nil {
		return err
	}
	for _, old := range db.tables {
		if err := os.Remove(old.path); err != nil {
			return err
		}
	}
	db.tables = []*SSTable{t}
	fmt.Printf("compact: %d entries -> %d in %s\n", before, len(merged), filepath.Base(t.path))
	return syncDir(db.dir)
}

func (db *DB) Close() error { return db.wal.Close() }

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	dir, err := os.MkdirTemp("", "lsm-demo")
	must(err)
	defer os.RemoveAll(dir)

	db, err := Open(dir, 3)
	must(err)
	must(db.Put("apple", "1"))
	must(db.Put("banana", "2"))
	must(db.Put("cherry", "3")) // 第 3 条：触发刷盘
	must(db.Put("apple", "10"))
	must(db.Delete("banana"))
	must(db.Put("durian", "4")) // 再次刷盘
	must(db.Put("elder", "5"))
	must(db.Put("apple", "100")) // 这两条只在 WAL 和 MemTable 里

	db.Close()              // 模拟进程崩溃：内存中的 MemTable 丢失
	db, err = Open(dir, 10) // 之后的演示不再刷盘
	must(err)
	fmt.Printf("reopened: %d sstables on disk\n", len(db.tables))
	for _, k := range []string{"apple", "banana", "cherry", "elder", "fig"} {
		v, where := db.Get(k)
		fmt.Printf("get %-6s = %-11s from %s\n", k, v, where)
	}

	// 第二次崩溃：最后一次写入只落盘了一部分（少了最后 1 个字节）。
	must(db.Put("fig", "6"))
	db.Close()
	wal := filepath.Join(dir, "wal.log")
	st, err := os.Stat(wal)
	must(err)
	must(os.Truncate(wal, st.Size()-1))
	db, err = Open(dir, 10) // 丢掉半条 fig，并把 WAL 截断到 elder/apple 之后
	must(err)
	must(db.Put("grape", "7")) // 已确认的新写入，接在好记录后面
	db.Close()
	db, err = Open(dir, 10)
	must(err)
	for _, k := range []string{"fig", "grape"} {
		v, where := db.Get(k)
		fmt.Printf("get %-6s = %-11s from %s\n", k, v, where)
	}
	must(db.Compact())
	v, where := db.Get("banana")
	fmt.Printf("get banana = %s from %s\n", v, where)
	db.Close()
}

// Output:
// flush -> sst-001.dat (3 entries)
// flush -> sst-002.dat (3 entries)
// recovered 2 records from WAL
// reopened: 2 sstables on disk
// get apple  = 100         from memtable
// get banana = (deleted)   from sst-002.dat
// get cherry = 3           from sst-001.dat
// get elder  = 5           from memtable
// get fig    = (not found) from -
// recovered 2 records from WAL
// recovered 3 records from WAL
// get fig    = (not found) from -
// get grape  = 7           from memtable
// compact: 6 entries -> 3 in sst-003.dat
// get banana = (not found) from -

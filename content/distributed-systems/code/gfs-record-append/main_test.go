package main

import (
	"fmt"
	"strings"
	"testing"
)

// at 返回副本 k 上文件偏移 off 处长度为 n 的字节。
func (f *file) at(k, off, n int) string {
	c := f.chunks[off/chunkSize].replicas[k]
	start := off % chunkSize
	if start+n > len(c.data) {
		return ""
	}
	return string(c.data[start : start+n])
}

// 记录追加的保证：主副本报告成功的偏移上，每个副本都有这条完整的记录（定义的区域），
// 哪怕之前的尝试在某个副本上失败过。有副本失败仍报告成功时失败。
func TestReportedOffsetHoldsTheRecordOnEveryReplica(t *testing.T) {
	f := &file{chunks: []*chunk{newChunk()}}
	recs := []string{"<1:ab>", "<2:cd>", "<3:ef>", "<4:gh>", "<5:ij>", "<6:kl>"}
	for i, rec := range recs {
		f.chunks[len(f.chunks)-1].replicas[i%3].failNext = i%2 == 1 // 每隔一条注入一次半写失败
		off := f.appendWithRetry(rec)
		for k := 0; k < 3; k++ {
			if got := f.at(k, off, len(rec)); got != rec {
				t.Fatalf("%s reported at %d, but replica %d has %q there", rec, off, k, got)
			}
		}
	}
}

// 记录不跨块：块放不下时，所有副本都被填充到块尾，记录去下一个块。
// 只填充主副本时失败（从副本上的下一次追加会落在不同的偏移）。
func TestFullChunkIsPaddedOnEveryReplica(t *testing.T) {
	f := &file{chunks: []*chunk{newChunk()}}
	for _, rec := range []string{"<1:ab>", "<2:cd>", "<3:ef>", "<4:gh>", "<5:ij>"} {
		off := f.appendWithRetry(rec)
		if off/chunkSize != (off+len(rec)-1)/chunkSize {
			t.Fatalf("%s at %d straddles a chunk boundary", rec, off)
		}
	}
	if len(f.chunks) < 2 {
		t.Fatal("five 6-byte records fit in one 28-byte chunk?")
	}
	for k, r := range f.chunks[0].replicas {
		if len(r.data) != chunkSize || !strings.HasSuffix(string(r.data), "____") {
			t.Fatalf("replica %d of the full chunk is %q, want it padded to %d bytes", k, r.data, chunkSize)
		}
	}
}

// 至少一次：读者从任何一个副本读，都恰好拿到每条记录一次，残片和填充被跳过，
// 重复被去掉。读者不按 id 去重时失败。
func TestReaderSeesEachRecordOnceOnEveryReplica(t *testing.T) {
	f := &file{chunks: []*chunk{newChunk()}}
	var want []string
	for i := 1; i <= 8; i++ {
		if i%3 == 0 {
			f.chunks[len(f.chunks)-1].replicas[2].failNext = true
		}
		rec := fmt.Sprintf("<%d:xy>", i)
		f.appendWithRetry(rec)
		want = append(want, strings.Trim(rec, "<>"))
	}
	for k := 0; k < 3; k++ {
		var all []byte
		for _, c := range f.chunks {
			all = append(all, c.replicas[k].data...)
		}
		recs, _, _ := readRecords(all)
		if strings.Join(recs, " ") != strings.Join(want, " ") {
			t.Fatalf("reader on replica %d got %v, want %v", k, recs, want)
		}
	}
}

// GFS 记录追加（record append）的确定性模拟：副本写失败后整条重试，块满时填充到块尾。
package main

import (
	"errors"
	"fmt"
	"strings"
)

// 真实的 GFS 块大小是 64 MB；这里缩小到 28 字节，方便把整个块打印出来。
const chunkSize = 28

// 论文把单条记录追加的大小限制在块大小的 1/4 以内，以控制填充造成的浪费。
const maxRecord = chunkSize / 4

var errChunkFull = errors.New("chunk full, retry on next chunk")

// replica 是某个块在一台 chunkserver 上的副本。
type replica struct {
	server   string
	data     []byte
	failNext bool // 故障注入：下一次写只写进一半就失败
}

// fillTo 把副本延长到 n 字节，新增的字节用 b 填充。
func (r *replica) fillTo(n int, b byte) {
	for len(r.data) < n {
		r.data = append(r.data, b)
	}
}

// writeAt 在偏移 off 处写入 rec。从未写过的空洞用 '.' 表示（内容不确定）。
func (r *replica) writeAt(off int, rec []byte) error {
	r.fillTo(off, '.')
	n := len(rec)
	if r.failNext {
		r.failNext = false
		n = len(rec) / 2
	}
	r.fillTo(off+n, '.')
	copy(r.data[off:], rec[:n])
	if n < len(rec) {
		return fmt.Errorf("write failed on %s", r.server)
	}
	return nil
}

// chunk 的第一个副本充当持有租约的主副本（primary）。
type chunk struct {
	replicas []*replica
}

type file struct {
	chunks []*chunk
}

func newChunk() *chunk {
	c := &chunk{}
	for _, s := range []string{"S1", "S2", "S3"} {
		c.replicas = append(c.replicas, &replica{server: s})
	}
	return c
}

// recordAppend 是主副本上的逻辑：由主副本选偏移，所有副本写到同一偏移。
func (f *file) recordAppend(rec []byte) (int, error) {
	idx := len(f.chunks) - 1
	c := f.chunks[idx]
	off := len(c.replicas[0].data)
	if off+len(rec) > chunkSize {
		for _, r := range c.replicas {
			r.fillTo(chunkSize, '_') // 主副本和从副本都填充到块尾
		}
		return 0, errChunkFull
	}
	var failed error
	for _, r := range c.replicas {
		if err := r.writeAt(off, rec); err != nil {
			failed = err
		}
	}
	if failed != nil {
		return 0, failed
	}
	return idx*chunkSize + off, nil
}

// appendWithRetry 是客户端库：失败就整条重试，因此语义是“至少一次”。
// 返回主副本最终报告成功的偏移。
func (f *file) appendWithRetry(rec string) int {
	for {
		off, err := f.recordAppend([]byte(rec))
		switch {
		case err == errChunkFull:
			fmt.Printf("append %s: chunk %d padded, retry on chunk %d\n", rec, len(f.chunks)-1, len(f.chunks))
			f.chunks = append(f.chunks, newChunk())
		case err != nil:
			fmt.Printf("append %s: %v, retry\n", rec, err)
		default:
			fmt.Printf("append %s: ok at offset %d\n", rec, off)
			return off
		}
	}
}

// readRecords 是应用层读者：只接受形如 <id:payload> 的完整记录，
// 逐字节跳过填充、空洞与残片，并按 id 去掉重复。真实应用会用长度 + 校验和。
func readRecords(data []byte) (recs []string, junk, dups int) {
	s := string(data)
	seen := map[string]bool{}
	for i := 0; i < len(s); {
		n := strings.IndexByte(s[i:], '>') + 1 // 候选记录的长度
		if s[i] != '<' || n == 0 || n > maxRecord || strings.Contains(s[i+1:i+n], "<") {
			junk++
			i++
			continue
		}
		body := s[i+1 : i+n-1]
		id := strings.SplitN(body, ":", 2)[0]
		if seen[id] {
			dups++
		} else {
			seen[id] = true
			recs = append(recs, body)
		}
		i += n
	}
	return recs, junk, dups
}

func main() {
	f := &file{chunks: []*chunk{newChunk()}}
	f.appendWithRetry("<1:ab>")
	f.chunks[0].replicas[2].failNext = true // S3 将在下一次追加时出错
	f.appendWithRetry("<2:cd>")
	f.appendWithRetry("<3:ef>")
	f.appendWithRetry("<4:gh>")

	for i, c := range f.chunks {
		fmt.Printf("chunk %d:\n", i)
		for _, r := range c.replicas {
			fmt.Printf("  %s |%s|\n", r.server, r.data)
		}
	}
	for _, k := range []int{0, 2} { // 分别从 S1 和 S3 读整个文件
		var all []byte
		for _, c := range f.chunks {
			all = append(all, c.replicas[k].data...)
		}
		recs, junk, dups := readRecords(all)
		fmt.Printf("reader on %s: %s (junk %d bytes, %d duplicate)\n",
			f.chunks[0].replicas[k].server, strings.Join(recs, " "), junk, dups)
	}
}

// Output:
// append <1:ab>: ok at offset 0
// append <2:cd>: write failed on S3, retry
// append <2:cd>: ok at offset 12
// append <3:ef>: ok at offset 18
// append <4:gh>: chunk 0 padded, retry on chunk 1
// append <4:gh>: ok at offset 28
// chunk 0:
//   S1 |<1:ab><2:cd><2:cd><3:ef>____|
//   S2 |<1:ab><2:cd><2:cd><3:ef>____|
//   S3 |<1:ab><2:...<2:cd><3:ef>____|
// chunk 1:
//   S1 |<4:gh>|
//   S2 |<4:gh>|
//   S3 |<4:gh>|
// reader on S1: 1:ab 2:cd 3:ef 4:gh (junk 4 bytes, 1 duplicate)
// reader on S3: 1:ab 2:cd 3:ef 4:gh (junk 10 bytes, 0 duplicate)

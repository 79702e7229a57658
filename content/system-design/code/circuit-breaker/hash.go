package main

import (
	"fmt"
	"hash/fnv"
	"net"
	"net/http"
	"sort"
)

// ANCHOR: hash
// ConsistentHash 把同一个键（默认是客户端 IP）总发到同一个后端。环由整个后端池构建，
// 每个后端放 Weight × vnodes 个虚拟节点；查找时从键的位置顺时针走，
// 跳过不在候选集里的后端。于是一个后端下线时，只有它的键改投各自的下一个候选者，
// 其余键原地不动——效果与把它从环上删掉相同，但它恢复后键会回到原处。
type ConsistentHash struct {
	points []ringPoint // 按 hash 升序
	key    func(*http.Request) string
}

type ringPoint struct {
	hash uint32
	b    *Backend
}

func NewConsistentHash(pool []*Backend, vnodes int, key func(*http.Request) string) *ConsistentHash {
	h := &ConsistentHash{key: key}
	for _, b := range pool {
		for i := 0; i < b.Weight*vnodes; i++ { // 权重 0：没有虚拟节点，永远分不到键
			h.points = append(h.points, ringPoint{hash32(fmt.Sprintf("%s#%d", b.URL.Host, i)), b})
		}
	}
	sort.Slice(h.points, func(i, j int) bool { return h.points[i].hash < h.points[j].hash })
	return h
}

func (h *ConsistentHash) Pick(r *http.Request, c []*Backend) (*Backend, error) {
	ok := make(map[*Backend]bool, len(c))
	for _, b := range c {
		ok[b] = true
	}
	k := hash32(h.key(r))
	start := sort.Search(len(h.points), func(i int) bool { return h.points[i].hash >= k })
	for i := range h.points { // 最多绕环一圈
		if p := h.points[(start+i)%len(h.points)]; ok[p.b] {
			return p.b, nil
		}
	}
	return nil, ErrNoBackend // 没有候选者，或者候选者在环上没有点（权重 0）
}

// ClientIP 是默认的键：RemoteAddr 去掉端口。身后是同一个 NAT 出口的用户会落到同一台。
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ANCHOR_END: hash

// hash32 是 FNV-1a 再加 murmur3 的 fmix32 混合，与正文里一致性哈希实验的函数相同。
func hash32(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	x := h.Sum32()
	x ^= x >> 16
	x *= 0x85ebca6b
	x ^= x >> 13
	x *= 0xc2b2ae35
	x ^= x >> 16
	return x
}

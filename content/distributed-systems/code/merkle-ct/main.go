// RFC 6962 风格的 Merkle 树：叶子哈希 SHA-256(0x00 || 数据)，内部节点 SHA-256(0x01 || 左 || 右)。
// 生成并验证包含证明（inclusion proof）与一致性证明（consistency proof）。
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

type hash = []byte

func leafHash(data []byte) hash {
	h := sha256.Sum256(append([]byte{0x00}, data...))
	return h[:]
}

func nodeHash(l, r hash) hash {
	b := append([]byte{0x01}, l...)
	h := sha256.Sum256(append(b, r...))
	return h[:]
}

// split 返回小于 n 的最大的 2 的幂（n >= 2）。
func split(n int) int {
	k := 1
	for k<<1 < n {
		k <<= 1
	}
	return k
}

// root 计算 MTH(D[0:n])。
func root(leaves []hash) hash {
	switch n := len(leaves); n {
	case 0:
		h := sha256.Sum256(nil)
		return h[:]
	case 1:
		return leaves[0]
	default:
		k := split(n)
		return nodeHash(root(leaves[:k]), root(leaves[k:]))
	}
}

// inclusionProof 即 RFC 6962 的 PATH(m, D[n])：从叶子往上，每层的兄弟子树根。
func inclusionProof(m int, leaves []hash) []hash {
	n := len(leaves)
	if n <= 1 {
		return nil
	}
	k := split(n)
	if m < k {
		return append(inclusionProof(m, leaves[:k]), root(leaves[k:]))
	}
	return append(inclusionProof(m-k, leaves[k:]), root(leaves[:k]))
}

// verifyInclusion 按 RFC 9162 2.1.3.2 的算法，只用叶子哈希、证明和树根验证。
func verifyInclusion(index, size int, leaf hash, proof []hash, want hash) bool {
	if index >= size {
		return false
	}
	fn, sn, r := index, size-1, leaf
	for _, p := range proof {
		if sn == 0 {
			return false
		}
		if fn&1 == 1 || fn == sn {
			r = nodeHash(p, r)
			for fn&1 == 0 && fn != 0 {
				fn >>= 1
				sn >>= 1
			}
		} else {
			r = nodeHash(r, p)
		}
		fn >>= 1
		sn >>= 1
	}
	return sn == 0 && bytes.Equal(r, want)
}

// consistencyProof 即 RFC 6962 的 PROOF(m, D[n]) = SUBPROOF(m, D[n], true)，只对 0 < m <= n 有定义。
// m = 0（空树没有可证明的东西）或 m > n 时返回 nil；否则 subproof 在 m = 0 时会无限递归。
func consistencyProof(m int, leaves []hash) []hash {
	if m <= 0 || m > len(leaves) {
		return nil
	}
	return subproof(m, leaves, true)
}

func subproof(m int, leaves []hash, whole bool) []hash {
	n := len(leaves)
	if m == n {
		if whole {
			return nil
		}
		return []hash{root(leaves)}
	}
	k := split(n)
	if m <= k {
		return append(subproof(m, leaves[:k], whole), root(leaves[k:]))
	}
	return append(subproof(m-k, leaves[k:], false), root(leaves[:k]))
}

// verifyConsistency 按 RFC 9162 2.1.4.2：证明大小为 first 的旧树是大小为 second 的新树的前缀。
func verifyConsistency(first, second int, oldRoot, newRoot hash, proof []hash) bool {
	if first == second {
		return len(proof) == 0 && bytes.Equal(oldRoot, newRoot)
	}
	if first == 0 || first > second || len(proof) == 0 {
		return false
	}
	if first&(first-1) == 0 { // first 是 2 的幂：旧树根本身就是新树里的一个完整子树
		proof = append([]hash{oldRoot}, proof...)
	}
	fn, sn := first-1, second-1
	for fn&1 == 1 {
		fn >>= 1
		sn >>= 1
	}
	fr, sr := proof[0], proof[0]
	for _, c := range proof[1:] {
		if sn == 0 {
			return false
		}
		if fn&1 == 1 || fn == sn {
			fr = nodeHash(c, fr)
			sr = nodeHash(c, sr)
			for fn&1 == 0 && fn != 0 {
				fn >>= 1
				sn >>= 1
			}
		} else {
			sr = nodeHash(sr, c)
		}
		fn >>= 1
		sn >>= 1
	}
	return sn == 0 && bytes.Equal(fr, oldRoot) && bytes.Equal(sr, newRoot)
}

func short(h hash) string { return hex.EncodeToString(h)[:16] }

func main() {
	var log []hash
	for i := 0; i < 7; i++ {
		log = append(log, leafHash([]byte(fmt.Sprintf("cert-%d", i))))
	}
	root7 := root(log)
	fmt.Println("root(7) =", short(root7))

	proof := inclusionProof(3, log)
	fmt.Printf("inclusion proof for cert-3: %d hashes\n", len(proof))
	fmt.Println("verify cert-3:", verifyInclusion(3, 7, log[3], proof, root7))
	fmt.Println("verify forged cert-3:", verifyInclusion(3, 7, leafHash([]byte("cert-3-forged")), proof, root7))

	log = append(log, leafHash([]byte("cert-7")))
	root8 := root(log)
	fmt.Println("root(8) =", short(root8))
	cp := consistencyProof(7, log)
	fmt.Printf("consistency proof 7 -> 8: %d hashes, valid: %v\n", len(cp), verifyConsistency(7, 8, root7, root8, cp))

	// 日志偷偷改写了历史：把 cert-2 换掉，再追加 cert-7。
	rewritten := append([]hash{}, log...)
	rewritten[2] = leafHash([]byte("cert-2-evil"))
	evilRoot := root(rewritten)
	evilProof := consistencyProof(7, rewritten)
	fmt.Println("rewritten root(8) =", short(evilRoot))
	fmt.Println("consistency with old root(7):", verifyConsistency(7, 8, root7, evilRoot, evilProof))
}

// Output:
// root(7) = 35ffa91fb535d616
// inclusion proof for cert-3: 3 hashes
// verify cert-3: true
// verify forged cert-3: false
// root(8) = b09efc433bf41226
// consistency proof 7 -> 8: 4 hashes, valid: true
// rewritten root(8) = 7a5ca5381ce4637d
// consistency with old root(7): false

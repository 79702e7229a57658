package main

import (
	"fmt"
	"testing"
)

func leaves(n int) []hash {
	var l []hash
	for i := 0; i < n; i++ {
		l = append(l, leafHash([]byte(fmt.Sprintf("cert-%d", i))))
	}
	return l
}

func flip(h hash) hash {
	c := append(hash(nil), h...)
	c[0] ^= 1
	return c
}

// 每个大小、每个位置：正确的包含证明通过；换了叶子、改了证明里任一个哈希、
// 报错位置、多一个或少一个哈希，都必须失败。
func TestInclusionProofsAllSizes(t *testing.T) {
	for n := 1; n <= 33; n++ {
		l := leaves(n)
		r := root(l)
		for m := 0; m < n; m++ {
			p := inclusionProof(m, l)
			if !verifyInclusion(m, n, l[m], p, r) {
				t.Fatalf("n=%d m=%d: valid proof rejected", n, m)
			}
			if verifyInclusion(m, n, leafHash([]byte("forged")), p, r) {
				t.Fatalf("n=%d m=%d: forged leaf accepted", n, m)
			}
			for i := range p {
				bad := append([]hash(nil), p...)
				bad[i] = flip(bad[i])
				if verifyInclusion(m, n, l[m], bad, r) {
					t.Fatalf("n=%d m=%d: proof with hash %d changed accepted", n, m, i)
				}
			}
			if m+1 < n && verifyInclusion(m+1, n, l[m], p, r) {
				t.Fatalf("n=%d m=%d: proof accepted for the wrong index %d", n, m, m+1)
			}
			if verifyInclusion(m, n, l[m], append(p, r), r) {
				t.Fatalf("n=%d m=%d: proof with an extra hash accepted", n, m)
			}
			if len(p) > 0 && verifyInclusion(m, n, l[m], p[:len(p)-1], r) {
				t.Fatalf("n=%d m=%d: truncated proof accepted", n, m)
			}
		}
	}
}

// 每对 1 <= m <= n：一致性证明通过；若日志改写了旧树里的任一个叶子，
// 它给出的证明（按改写后的树生成）不能同时算出客户端手里的旧根。
// 只核对新根、不核对旧根的验证者在这里失败：它接受改写过的历史。
func TestConsistencyProofsDetectRewrites(t *testing.T) {
	for n := 1; n <= 20; n++ {
		l := leaves(n)
		newRoot := root(l)
		for m := 1; m <= n; m++ {
			oldRoot := root(l[:m])
			p := consistencyProof(m, l)
			if !verifyConsistency(m, n, oldRoot, newRoot, p) {
				t.Fatalf("m=%d n=%d: valid proof rejected", m, n)
			}
			for i := 0; i < m; i++ {
				evil := append([]hash(nil), l...)
				evil[i] = leafHash([]byte("evil"))
				if verifyConsistency(m, n, oldRoot, root(evil), consistencyProof(m, evil)) {
					t.Fatalf("m=%d n=%d: log that rewrote leaf %d passed", m, n, i)
				}
			}
			for i := range p {
				bad := append([]hash(nil), p...)
				bad[i] = flip(bad[i])
				if verifyConsistency(m, n, oldRoot, newRoot, bad) {
					t.Fatalf("m=%d n=%d: proof with hash %d changed accepted", m, n, i)
				}
			}
		}
	}
}

func TestConsistencyEdgeCases(t *testing.T) {
	l := leaves(8)
	r8, r5 := root(l), root(l[:5])
	if verifyConsistency(0, 8, root(nil), r8, consistencyProof(0, l)) {
		t.Error("proof from the empty tree must be rejected by this verifier (RFC 9162: nothing to prove)")
	}
	if verifyConsistency(8, 5, r8, r5, consistencyProof(5, l)) {
		t.Error("a tree cannot be consistent with a smaller one")
	}
	if verifyConsistency(8, 8, r8, r8, []hash{r8}) {
		t.Error("equal sizes take an empty proof")
	}
	if verifyConsistency(5, 8, r5, r8, nil) {
		t.Error("an empty proof between different sizes must be rejected")
	}
}

package mr_test

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The input texts: eight files of made-up prose, the same in every run (a fixed seed per file,
// independent of the test's seed), written into each job's directory.

const nInputs = 8

var vocabulary = strings.Fields(`
the a of and to in is it that was for on are as with his they at be this from have or by
one had not but what all were when we there can an your which their said if do will each
about how up out them then she many some so these would other into has more her two like
him see time could no make than first been its who now people my made over did down only
way find use may water long little very after words called just where most know
map reduce worker coordinator task file key value output input partition hash crash
timeout rename atomic cluster machine network disk failure retry deterministic shuffle
sort merge job split record server client replica log commit leader follower term vote
Apple Banana Cherry Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike
quasar zephyr xylophone yonder umbrella ivory orbit nebula kernel lattice
分布式 系统 任务 协调者 容错 文件 网络 机器 故障 输出`)

// makeInputs writes the input files into dir and returns their names.
func makeInputs(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	for i := 0; i < nInputs; i++ {
		name := fmt.Sprintf("input-%d.txt", i)
		text := inputText(int64(1000+i), 900+100*i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatalf("cannot write input %s: %v", name, err)
		}
		names = append(names, name)
	}
	return names
}

// inputText makes n words of text from the vocabulary, common words more often than rare
// ones, with punctuation and line breaks, deterministically from seed.
func inputText(seed int64, n int) string {
	rng := rand.New(rand.NewSource(seed))
	var b strings.Builder
	for i := 1; i <= n; i++ {
		w := vocabulary[int(math.Pow(rng.Float64(), 2.2)*float64(len(vocabulary)))]
		b.WriteString(w)
		switch {
		case i%12 == 0:
			b.WriteString(".\n")
		case rng.Intn(15) == 0:
			b.WriteString(", ")
		case rng.Intn(40) == 0:
			b.WriteString("'s ")
		case rng.Intn(60) == 0:
			b.WriteString(" -- ")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

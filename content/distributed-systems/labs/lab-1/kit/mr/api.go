package mr

// 这个文件定义了 MapReduce 库与应用之间的接口，以及测试依赖的常量。不要修改它：
// 评分时使用原始版本。

import (
	"hash/fnv"
	"time"
)

// KeyValue 是 Map 产生的一个中间键值对。
type KeyValue struct {
	Key   string
	Value string
}

// App 是一个 MapReduce 应用：用户写的 map 和 reduce 函数。mrapps 包里有词频统计（wc）、
// 倒排索引（indexer）和测试用的几个应用。两个函数都必须是确定性的：同样的输入永远给出
// 同样的输出，所以一个任务重做多少次、采用哪一次的结果都一样。
type App interface {
	// Map 对一个输入文件调用一次：filename 是文件名，contents 是它的全部内容。
	Map(filename string, contents string) []KeyValue
	// Reduce 对每个不同的键调用一次，values 是所有 map 任务为这个键产生的全部值。
	Reduce(key string, values []string) string
}

// IHash 决定一个键属于哪个 reduce 任务：IHash(key) % nReduce。
// 所有 worker 必须用同一个分区函数，否则同一个键会落进两个 reduce 任务。
func IHash(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() & 0x7fffffff)
}

// TaskTimeout 是协调者等待一个任务的最长时间：一个任务分配出去之后超过这么久还没有
// 报告完成，协调者就认为执行它的 worker 已经崩溃或卡住，把任务改派给别的 worker。
// 协调者不应在这之前改派（TestJobCount1A 会数每个 map 任务执行了几次），
// 也不应比这晚太多（TestCrash1B 等崩溃的任务被重做）。
const TaskTimeout = 2 * time.Second

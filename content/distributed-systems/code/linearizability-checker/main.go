package main

import (
	"fmt"
	"strings"
)

// Inf 表示“没有返回”：客户端超时放弃了，操作可能生效也可能没生效。
const Inf = 1 << 30

// Op 是历史中的一次操作：对同一个寄存器的读或写，以及调用、返回时刻（毫秒）。
type Op struct {
	Client string
	Kind   string // "W" 写，"R" 读
	Value  int    // 写入的值，或读到的值
	Call   int
	Return int
}

func (op Op) String() string {
	if op.Kind == "W" {
		return fmt.Sprintf("%s:W(%d)", op.Client, op.Value)
	}
	return fmt.Sprintf("%s:R->%d", op.Client, op.Value)
}

// mustPrecede 描述一种一致性模型：a 是否必须排在 b 之前。
type mustPrecede func(a, b Op) bool

// 线性一致：真实时间上 a 返回之后 b 才调用，则 a 必须在前。
func realTime(a, b Op) bool { return a.Return < b.Call }

// 顺序一致：只要求同一个客户端的操作保持程序顺序。
func programOrder(a, b Op) bool { return a.Client == b.Client && a.Call < b.Call }

// search 回溯地构造一个全序：每一步挑一个“前驱都已排好”的操作，
// 并按寄存器的顺序规约检查它：写改变当前值，读必须读到当前值。
func search(ops []Op, before mustPrecede, used []bool, order []Op, cur int) ([]Op, bool) {
	if len(order) == len(ops) {
		return order, true
	}
	for i, op := range ops {
		if used[i] {
			continue
		}
		ready := true
		for j, other := range ops {
			if !used[j] && j != i && before(other, op) {
				ready = false
				break
			}
		}
		if !ready {
			continue
		}
		next := cur
		if op.Kind == "W" {
			next = op.Value
		} else if op.Value != cur {
			continue // 这个读不能排在这里：它读到的不是当前值
		}
		used[i] = true
		if found, ok := search(ops, before, used, append(order, op), next); ok {
			return found, true
		}
		used[i] = false
	}
	return nil, false
}

func check(ops []Op, before mustPrecede) ([]Op, bool) {
	return search(ops, before, make([]bool, len(ops)), nil, 0) // 寄存器初值为 0
}

func describe(order []Op, ok bool) string {
	if !ok {
		return "no"
	}
	parts := make([]string, len(order))
	for i, op := range order {
		parts[i] = op.String()
	}
	return "yes  " + strings.Join(parts, " ")
}

func main() {
	histories := []struct {
		name string
		ops  []Op
	}{
		{"H1 overlapping writes", []Op{
			{"C1", "W", 1, 0, 10}, {"C2", "W", 2, 5, 15}, {"C3", "R", 1, 20, 25}, {"C3", "R", 1, 30, 35}}},
		{"H2 stale read after a newer read", []Op{
			{"C1", "W", 1, 0, 30}, {"C2", "R", 1, 5, 10}, {"C3", "R", 0, 15, 20}}},
		{"H3 concurrent reads disagree", []Op{
			{"C1", "W", 1, 0, 10}, {"C2", "W", 2, 5, 15}, {"C3", "R", 2, 20, 30}, {"C4", "R", 1, 22, 28}}},
		{"H4 reads during a write", []Op{
			{"C1", "W", 1, 0, 20}, {"C2", "R", 0, 5, 10}, {"C3", "R", 1, 12, 18}}},
		{"H5 a client sees time go backwards", []Op{
			{"C1", "W", 1, 0, 10}, {"C1", "W", 2, 20, 30}, {"C2", "R", 2, 40, 50}, {"C2", "R", 1, 60, 70}}},
		{"H6 timed-out write, later read sees it", []Op{
			{"C1", "W", 1, 0, Inf}, {"C2", "R", 1, 50, 60}}},
	}
	for _, h := range histories {
		fmt.Println(h.name)
		fmt.Println("  linearizable:", describe(check(h.ops, realTime)))
		fmt.Println("  sequential:  ", describe(check(h.ops, programOrder)))
	}
}

// Output:
// H1 overlapping writes
//   linearizable: yes  C2:W(2) C1:W(1) C3:R->1 C3:R->1
//   sequential:   yes  C1:W(1) C3:R->1 C3:R->1 C2:W(2)
// H2 stale read after a newer read
//   linearizable: no
//   sequential:   yes  C3:R->0 C1:W(1) C2:R->1
// H3 concurrent reads disagree
//   linearizable: no
//   sequential:   yes  C1:W(1) C4:R->1 C2:W(2) C3:R->2
// H4 reads during a write
//   linearizable: yes  C2:R->0 C1:W(1) C3:R->1
//   sequential:   yes  C2:R->0 C1:W(1) C3:R->1
// H5 a client sees time go backwards
//   linearizable: no
//   sequential:   no
// H6 timed-out write, later read sees it
//   linearizable: yes  C1:W(1) C2:R->1
//   sequential:   yes  C1:W(1) C2:R->1

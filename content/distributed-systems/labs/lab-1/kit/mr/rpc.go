package mr

// 协调者与 worker 之间的 RPC 参数和回复类型，由你设计。
//
// 每个 RPC 是协调者的一个导出方法，形如
//
//	func (c *Coordinator) Name(args *NameArgs, reply *NameReply) error
//
// worker 这样调用它：call(sock, "Coordinator.Name", &args, &reply)（见 rpcutil.go）。
// 结构体的字段必须大写开头：encoding/gob 不发送小写字段，接收方只会看到零值。
//
// 下面是一个例子，说明写法；你可以删掉它。

// ExampleArgs 是 Coordinator.Example 的参数。
type ExampleArgs struct {
	X int
}

// ExampleReply 是 Coordinator.Example 的回复。
type ExampleReply struct {
	Y int
}

// 在这里定义你的 RPC 类型（1A）。

package mr

// 这是你要完成的文件之一。测试这样使用协调者（coordinator）：
//
//	c := MakeCoordinator(sock, files, nReduce) // 开始服务，立即返回
//	for !c.Done() { time.Sleep(...) }          // 测试反复询问作业是否完成
//	c.Shutdown()                               // 作业结束后关掉 RPC 服务（rpcutil.go）
//
// 协调者不读输入、不写任何文件，只负责分配任务、记录进度，并在任务超过 TaskTimeout
// 没有完成时把它改派给别的 worker。它的方法会被许多 RPC 并发调用，要用锁保护状态。

import "sync"

// Coordinator 是协调者的全部状态。
type Coordinator struct {
	mu  sync.Mutex // 保护下面你加入的字段
	srv *rpcServer // RPC 服务，由 server() 设置（不要删除）

	// 在这里加入你的状态（1A）：每个 map、reduce 任务的状态，它何时被分配……
}

// Example 是一个 RPC 处理函数的例子，说明写法；你可以删掉它。
func (c *Coordinator) Example(args *ExampleArgs, reply *ExampleReply) error {
	reply.Y = args.X + 1
	return nil
}

// 在这里加入你的 RPC 处理函数（1A）。

// Done 报告整个作业是否已经完成：所有 reduce 任务的输出都已经写好。
// 测试会反复调用它，它必须很快返回。
func (c *Coordinator) Done() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	// 你的代码（1A）。
	return false
}

// MakeCoordinator 创建协调者：files 是输入文件名（每个文件一个 map 任务，
// 文件名相对于 worker 的当前目录），nReduce 是 reduce 任务的个数。
// 它在 sock 上开始 RPC 服务，然后立即返回。
func MakeCoordinator(sock string, files []string, nReduce int) *Coordinator {
	c := &Coordinator{}
	// 你的代码（1A）。
	c.server(sock)
	return c
}

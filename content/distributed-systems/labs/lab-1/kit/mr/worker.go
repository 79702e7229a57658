package mr

// 这是你要完成的文件之一。测试在单独的进程里运行 worker：
//
//	mr.Worker(sock, app) // 反复向 sock 上的协调者要任务、执行、报告，直到作业完成
//
// worker 的当前目录就是作业目录：输入文件在这里，中间文件和输出文件也写在这里。
// reduce 任务 Y 的输出文件叫 mr-out-Y，每个键一行，格式是 fmt.Sprintf("%v %v\n", key, value)。
// 中间文件怎样命名、怎样编码由你决定（例如 mr-X-Y，用 encoding/json 每行一个 KeyValue）。

// Worker 是一个 worker 进程的主循环。作业完成后（协调者这样告诉它，或者再也连不上
// 协调者），它返回，进程随之退出。
func Worker(sock string, app App) {
	// 你的代码（1A）：向协调者要任务，执行 map 或 reduce，报告完成，重复。
}

package pbservice

// 参考实现：主从复制的键值服务器。
//
// 主串行地处理操作：持有 mu 把操作转发给从，从确认后再在本地执行并回复，所以主从以同样的
// 顺序执行同样的操作。视图里出现新的从时，主在 tick 里先把全部状态传给它，成功之后才用这个
// 视图号 Ping（确认），所以视图服务只会把有数据的从提升为主。Get 也要经过从：一个已被取代的
// 旧主转发时会被新主拒绝，于是它回答 ErrWrongServer 而不是旧值。

import (
	"sync"
	"sync/atomic"
	"time"

	"dslabs/labnet"
	"dslabs/viewservice"
)

// PBServer 是一台键值服务器。
type PBServer struct {
	mu    sync.Mutex
	me    string
	vs    *viewservice.Clerk
	peers map[string]*labnet.Endpoint
	dead  int32

	view   viewservice.View // 最近从视图服务得知的视图
	acked  uint             // Ping 时发的视图号
	synced uint             // 作为主：已把状态传给了这个视图的从；作为从：已从这个视图的主收到状态
	data   map[string]string
	seen   map[int64]int64 // ClientID -> 已执行的最大 Seq（Put/Append）
}

// ForwardArgs 是主转发给从的一个操作；Get 也转发，让从确认发送者仍然是主。
type ForwardArgs struct {
	Viewnum uint
	Op      string // "Get"、"Put" 或 "Append"
	Key     string
	Value   string
	Client  int64
	Seq     int64
}

type ForwardReply struct {
	Err Err
}

// TransferArgs 是主传给新从的全部状态。
type TransferArgs struct {
	Viewnum uint
	Data    map[string]string
	Seen    map[int64]int64
}

type TransferReply struct {
	Err Err
}

// apply 执行一个写操作，同一个 (Client, Seq) 至多一次。
func (pb *PBServer) apply(op, key, value string, client, seq int64) {
	if pb.seen[client] >= seq {
		return
	}
	if op == "Append" {
		pb.data[key] += value
	} else {
		pb.data[key] = value
	}
	pb.seen[client] = seq
}

// forward 把操作交给当前视图的从（没有从时直接成功）。调用者持有 mu。
//
// 转发失败时，从可能已经执行了这个操作（只是回复丢了）。从对写操作按 (Client, Seq) 去重，所以
// 重发同一个操作是安全的；但如果几次都失败，主就不能接着处理别的操作，否则从会比主多出一个
// 操作、两者的顺序从此不同。这时把 synced 清零：在 tick 重新把全部状态传给从之前，主不再服务。
func (pb *PBServer) forward(args *ForwardArgs) bool {
	if pb.view.Backup == "" {
		return true
	}
	end, ok := pb.peers[pb.view.Backup]
	if !ok || pb.synced != pb.view.Viewnum {
		return false
	}
	args.Viewnum = pb.view.Viewnum
	for try := 0; try < 3; try++ {
		var reply ForwardReply
		if end.Call("PBServer.Forward", args, &reply) {
			if reply.Err == OK {
				return true
			}
			break // 从拒绝了：它不再是这个视图的从
		}
	}
	pb.synced = 0
	return false
}

// Get 处理客户端的 Get。
func (pb *PBServer) Get(args *GetArgs, reply *GetReply) {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if pb.view.Primary != pb.me || !pb.forward(&ForwardArgs{Op: "Get", Key: args.Key}) {
		reply.Err = ErrWrongServer
		return
	}
	v, ok := pb.data[args.Key]
	if !ok {
		reply.Err = ErrNoKey
		return
	}
	reply.Err, reply.Value = OK, v
}

// PutAppend 处理客户端的 Put 和 Append。
func (pb *PBServer) PutAppend(args *PutAppendArgs, reply *PutAppendReply) {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if pb.view.Primary != pb.me {
		reply.Err = ErrWrongServer
		return
	}
	if pb.seen[args.ClientID] >= args.Seq { // 重试：已经在主和从上执行过
		reply.Err = OK
		return
	}
	op := "Put"
	if args.Append {
		op = "Append"
	}
	fa := ForwardArgs{Op: op, Key: args.Key, Value: args.Value, Client: args.ClientID, Seq: args.Seq}
	if !pb.forward(&fa) {
		reply.Err = ErrWrongServer
		return
	}
	pb.apply(op, args.Key, args.Value, args.ClientID, args.Seq)
	reply.Err = OK
}

// Forward 在从上执行主转发来的操作。只接受已经传过状态的那个视图的主发来的操作。
func (pb *PBServer) Forward(args *ForwardArgs, reply *ForwardReply) {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if pb.synced != args.Viewnum || pb.view.Viewnum > args.Viewnum || pb.view.Primary == pb.me {
		reply.Err = ErrWrongServer
		return
	}
	if args.Op != "Get" {
		pb.apply(args.Op, args.Key, args.Value, args.Client, args.Seq)
	}
	reply.Err = OK
}

// Transfer 让从接收主的全部状态。
func (pb *PBServer) Transfer(args *TransferArgs, reply *TransferReply) {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if args.Viewnum < pb.view.Viewnum || pb.view.Primary == pb.me {
		reply.Err = ErrWrongServer
		return
	}
	pb.data, pb.seen = args.Data, args.Seen
	pb.synced = args.Viewnum
	reply.Err = OK
}

// tick Ping 视图服务；作为主，把状态传给新的从之后才确认新视图。
func (pb *PBServer) tick() {
	pb.mu.Lock()
	acked := pb.acked
	pb.mu.Unlock()
	v, ok := pb.vs.Ping(acked)
	if !ok {
		return
	}
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if v.Viewnum < pb.view.Viewnum {
		return // 迟到的回复
	}
	pb.view = v
	if v.Primary == pb.me && v.Backup != "" && pb.synced != v.Viewnum {
		end, ok := pb.peers[v.Backup]
		args := TransferArgs{Viewnum: v.Viewnum, Data: pb.data, Seen: pb.seen}
		var reply TransferReply
		if !ok || !end.Call("PBServer.Transfer", &args, &reply) || reply.Err != OK {
			return // 下一个 tick 再试；在此之前不确认视图
		}
		pb.synced = v.Viewnum
	}
	pb.acked = v.Viewnum
}

// Kill 由测试在让服务器崩溃时调用。
func (pb *PBServer) Kill() {
	atomic.StoreInt32(&pb.dead, 1)
}

func (pb *PBServer) killed() bool {
	return atomic.LoadInt32(&pb.dead) == 1
}

func (pb *PBServer) ticker() {
	for !pb.killed() {
		pb.tick()
		time.Sleep(viewservice.PingInterval)
	}
}

// StartServer 创建名为 me 的服务器，并启动 ticker。
func StartServer(me string, vs *viewservice.Clerk, peers map[string]*labnet.Endpoint) *PBServer {
	pb := &PBServer{me: me, vs: vs, peers: peers, data: map[string]string{}, seen: map[int64]int64{}}
	go pb.ticker()
	return pb
}

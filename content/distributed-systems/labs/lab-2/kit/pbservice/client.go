package pbservice

// 键值服务的客户端 Clerk。不要修改这个文件：测试用它发请求并记录历史。

import (
	"crypto/rand"
	"encoding/binary"
	"sync/atomic"
	"time"

	"dslabs/labnet"
	"dslabs/viewservice"
)

// Clerk 向视图服务问出主，把请求发给主；消息丢失或回复的 Err 不是 OK（Get 还接受 ErrNoKey）时，
// 重新问视图、用同一个 (ClientID, Seq) 重试，直到成功或超过 Timeout。
type Clerk struct {
	vs      *viewservice.Clerk
	servers map[string]*labnet.Endpoint // 服务器名 -> 到它的端点
	id      int64
	seq     int64
	primary string // 最近知道的主
	Timeout time.Duration
	stopped int32
}

// MakeClerk 返回一个新客户端，它有一个随机的 ClientID。
func MakeClerk(vs *viewservice.Clerk, servers map[string]*labnet.Endpoint) *Clerk {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("pbservice: MakeClerk: no randomness for a client id: " + err.Error())
	}
	id := int64(binary.LittleEndian.Uint64(b[:]) >> 1)
	return &Clerk{vs: vs, servers: servers, id: id, Timeout: 10 * time.Second}
}

// Stop 让正在进行和以后的操作尽快放弃（测试结束时调用）。
func (ck *Clerk) Stop() { atomic.StoreInt32(&ck.stopped, 1) }

// retry 反复调用 try（参数是当前的主），直到它返回 true、超过 Timeout 或 Stop。
func (ck *Clerk) retry(try func(end *labnet.Endpoint) bool) bool {
	deadline := time.Now().Add(ck.Timeout)
	for time.Now().Before(deadline) && atomic.LoadInt32(&ck.stopped) == 0 {
		if ck.primary == "" {
			if v, ok := ck.vs.Get(); ok {
				ck.primary = v.Primary
			}
		}
		if end, ok := ck.servers[ck.primary]; ok && try(end) {
			return true
		}
		ck.primary = ""
		time.Sleep(viewservice.PingInterval / 10)
	}
	return false
}

// Get 返回 key 的当前值（不存在时返回 ""）。ok 为 false 表示超时放弃。
func (ck *Clerk) Get(key string) (value string, ok bool) {
	ck.seq++
	args := GetArgs{Key: key, ClientID: ck.id, Seq: ck.seq}
	ok = ck.retry(func(end *labnet.Endpoint) bool {
		var reply GetReply
		if !end.Call("PBServer.Get", &args, &reply) {
			return false
		}
		switch reply.Err {
		case OK:
			value = reply.Value
			return true
		case ErrNoKey:
			value = ""
			return true
		}
		return false
	})
	return value, ok
}

func (ck *Clerk) putAppend(key, value string, isAppend bool) bool {
	ck.seq++
	args := PutAppendArgs{Key: key, Value: value, Append: isAppend, ClientID: ck.id, Seq: ck.seq}
	return ck.retry(func(end *labnet.Endpoint) bool {
		var reply PutAppendReply
		return end.Call("PBServer.PutAppend", &args, &reply) && reply.Err == OK
	})
}

// Put 把 key 设为 value。false 表示超时放弃（操作可能生效了，也可能没有）。
func (ck *Clerk) Put(key, value string) bool { return ck.putAppend(key, value, false) }

// Append 把 value 接到 key 的值后面。false 表示超时放弃（操作可能生效了，也可能没有）。
func (ck *Clerk) Append(key, value string) bool { return ck.putAppend(key, value, true) }

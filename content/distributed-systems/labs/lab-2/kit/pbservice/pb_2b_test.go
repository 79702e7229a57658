package pbservice

// 2B 的测试：主从键值服务。不要修改这个文件。

import (
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dslabs/viewservice"
)

func TestBasic2B(t *testing.T) {
	cfg := makeConfig(t, 2, true)
	cfg.startServer("s1")
	cfg.waitView("s1 to become the first primary (does the server Ping the view service?)",
		func(v viewservice.View) bool { return v.Primary == "s1" })
	c := cfg.client()
	c.mustGet("a", "")
	c.mustPut("a", "1")
	c.mustGet("a", "1")
	c.mustAppend("a", "2")
	c.mustAppend("b", "x")
	c.mustGet("a", "12")
	c.mustGet("b", "x")
	c.mustPut("a", "3")
	c.mustGet("a", "3")
	cfg.checkHistory()
}

func TestBackupTakesOver2B(t *testing.T) {
	cfg := makeConfig(t, 2, true)
	cfg.startServer("s1")
	cfg.waitView("s1 to become the first primary (does the server Ping the view service?)",
		func(v viewservice.View) bool { return v.Primary == "s1" })
	c := cfg.client()
	for i := 0; i < 10; i++ {
		c.mustPut(fmt.Sprintf("k%d", i), fmt.Sprintf("before%d", i)) // 要靠状态传输到达从
	}
	cfg.startServer("s2")
	cfg.waitAcked(cfg.waitView("s2 to become the backup", func(v viewservice.View) bool { return v.Backup == "s2" }))
	for i := 0; i < 10; i += 2 {
		c.mustAppend(fmt.Sprintf("k%d", i), "+after") // 要靠转发到达从
	}
	cfg.crash("s1")
	cfg.waitView("the backup s2 to take over after the primary s1 crashed (did s1 acknowledge the view "+
		"after sending s2 its state?)", func(v viewservice.View) bool { return v.Primary == "s2" })
	for i := 0; i < 10; i++ {
		want := fmt.Sprintf("before%d", i)
		if i%2 == 0 {
			want += "+after"
		}
		c.mustGet(fmt.Sprintf("k%d", i), want)
	}
	cfg.checkHistory()
}

func TestRestartedServerGetsState2B(t *testing.T) {
	cfg := makeConfig(t, 2, true)
	cfg.startPair()
	c := cfg.client()
	c.mustPut("x", "1")
	c.mustAppend("x", "2")
	cfg.crash("s1")
	cfg.waitView("s2 to take over", func(v viewservice.View) bool { return v.Primary == "s2" })
	c.mustAppend("x", "3")
	cfg.startServer("s1") // 新实例，没有数据：要从 s2 得到全部状态
	cfg.waitAcked(cfg.waitView("the restarted s1 to become the backup", func(v viewservice.View) bool { return v.Backup == "s1" }))
	c.mustAppend("x", "4")
	cfg.crash("s2")
	cfg.waitView("the restarted s1 to take over", func(v viewservice.View) bool { return v.Primary == "s1" })
	c.mustGet("x", "1234")
	cfg.checkHistory()
}

func TestPrimaryWaitsForBackup2B(t *testing.T) {
	cfg := makeConfig(t, 2, true)
	cfg.startPair()
	c := cfg.client()
	c.mustPut("k", "a")
	// 主 s1 到从 s2 的链路断了，两台服务器都还在 Ping。主不能让 Append 生效并回复：
	// 从没有它，主一旦崩溃，这个写就丢了。
	cfg.cutLink("s1", "s2")
	done := make(chan bool, 1)
	go func() { done <- c.append("k", "b") }()
	select {
	case <-done:
		t.Fatalf("Append(\"k\", \"b\") completed while the primary s1 could not reach its backup s2: " +
			"the primary must not reply before the backup has the operation")
	case <-time.After(5 * viewservice.PingInterval):
	}
	cfg.crash("s1")
	cfg.waitView("s2 to take over", func(v viewservice.View) bool { return v.Primary == "s2" })
	if ok := <-done; !ok {
		t.Fatalf("Append(\"k\", \"b\") got no answer within %v after s2 took over", c.ck.Timeout)
	}
	c.mustGet("k", "ab")
	cfg.checkHistory()
}

func TestAtMostOnce2B(t *testing.T) {
	cfg := makeConfig(t, 2, false)
	cfg.startPair()
	c := cfg.client()
	// 网络丢请求也丢回复：客户端会重试已经执行过的 Append。每个 Append 只能生效一次。
	var want strings.Builder
	for i := 0; i < 40; i++ {
		v := fmt.Sprintf("%d.", i)
		c.mustAppend("k", v)
		want.WriteString(v)
	}
	c.mustGet("k", want.String())
	cfg.checkHistory()
}

func TestPartitionedPrimary2B(t *testing.T) {
	cfg := makeConfig(t, 3, true)
	cfg.startPair()
	cfg.startServer("s3")
	c := cfg.client()
	c.mustPut("k", "old")
	// s1 与视图服务失联，但客户端和 s2 仍然连得上它。视图服务让 s2 接任主、s3 当从。
	cfg.isolateFromVS("s1")
	cfg.waitAcked(cfg.waitView("s2 to take over from s1, which can no longer reach the view service",
		func(v viewservice.View) bool { return v.Primary == "s2" && v.Backup == "s3" }))
	c.mustPut("k", "new")
	// 直接问旧主 s1：它不知道自己已经不是主了，但它绝不能回答旧值，也不能接受写。
	cfg.mu.Lock()
	end := cfg.link("stale-client", "s1")
	cfg.mu.Unlock()
	var gr GetReply
	if end.Call("PBServer.Get", &GetArgs{Key: "k", ClientID: 1, Seq: 1}, &gr) && gr.Err == OK {
		t.Fatalf("the old primary s1, cut off from the view service and replaced by s2, answered "+
			"Get(\"k\") = %q with OK; it must refuse (ErrWrongServer): the current value is \"new\"", gr.Value)
	}
	var pr PutAppendReply
	if end.Call("PBServer.PutAppend", &PutAppendArgs{Key: "k", Value: "lost", ClientID: 1, Seq: 2}, &pr) && pr.Err == OK {
		t.Fatalf("the old primary s1, cut off from the view service and replaced by s2, accepted " +
			"Put(\"k\", \"lost\") with OK; the write would be lost")
	}
	c.mustGet("k", "new")
	cfg.checkHistory()
}

// churn 让 clients 个客户端对 3 个键并发地做随机操作，同时反复让主崩溃（或与视图服务失联）
// 再重启它，最后检查历史。
func churn(t *testing.T, reliable bool, failures int) {
	cfg := makeConfig(t, 3, reliable)
	cfg.startPair()
	cfg.startServer("s3")
	const clients = 4
	var stop int32 // 1：客户端停下
	var wg sync.WaitGroup
	errs := make(chan string, clients)
	for i := 0; i < clients; i++ {
		c := cfg.client()
		wg.Add(1)
		go func(c *client, seed int64) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(seed))
			for n := 0; atomic.LoadInt32(&stop) == 0; n++ {
				key := fmt.Sprintf("k%d", rng.Intn(3))
				var ok bool
				switch rng.Intn(4) {
				case 0:
					_, ok = c.get(key)
				case 1:
					ok = c.put(key, fmt.Sprintf("c%d.%d;", c.id, n))
				default:
					ok = c.append(key, fmt.Sprintf("c%d.%d;", c.id, n))
				}
				if !ok && atomic.LoadInt32(&stop) == 0 {
					errs <- fmt.Sprintf("client %d: an operation on %q got no answer within %v", c.id, key, c.ck.Timeout)
					return
				}
			}
		}(c, int64(i))
	}
	for f := 0; f < failures; f++ {
		v := cfg.waitView("a primary and a backup", func(v viewservice.View) bool {
			return v.Primary != "" && v.Backup != ""
		})
		cfg.waitAcked(v)
		time.Sleep(300 * time.Millisecond) // 让客户端在这个视图里做些操作
		old := v.Primary
		if f%2 == 1 {
			cfg.isolateFromVS(old) // 旧主还活着，仍能被客户端和其他服务器访问
		} else {
			cfg.crash(old)
		}
		cfg.waitView(fmt.Sprintf("a new primary (the backup %s) to replace the failed primary %s", v.Backup, old),
			func(nv viewservice.View) bool { return nv.Viewnum > v.Viewnum && nv.Primary != old && nv.Primary != "" })
		cfg.crash(old)
		cfg.startServer(old) // 以新实例回来，成为空闲服务器或新的从
	}
	atomic.StoreInt32(&stop, 1)
	wg.Wait()
	select {
	case e := <-errs:
		t.Fatal(e)
	default:
	}
	cfg.checkHistory()
}

func TestFailuresUnderLoad2B(t *testing.T) {
	churn(t, true, 4)
}

func TestFailuresUnreliable2B(t *testing.T) {
	churn(t, false, 4)
}

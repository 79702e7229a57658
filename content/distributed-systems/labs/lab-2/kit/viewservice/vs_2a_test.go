package viewservice

// 2A 的测试：视图服务。不要修改这个文件。

import "testing"

func TestFirstPrimary2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1 := cfg.server("s1")
	cfg.check(s1, 0, "", "")
	cfg.waitFor([]*server{s1}, "the first server that pings to become primary", func(v View) bool { return v.Primary == "s1" })
	cfg.check(s1, 1, "s1", "")
}

func TestFirstBackup2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2 := cfg.server("s1"), cfg.server("s2")
	cfg.primaryAndBackup(s1, s2)
}

func TestBackupTakesOver2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2 := cfg.server("s1"), cfg.server("s2")
	cfg.primaryAndBackup(s1, s2)
	// s1 不再 Ping：DeadPings 个间隔之后它算死，s2 接任主。
	cfg.waitFor([]*server{s2}, "the backup s2 to take over after the primary s1 stopped pinging",
		func(v View) bool { return v.Primary == "s2" })
	cfg.check(s2, 3, "s2", "")
}

func TestRestartedServerBecomesBackup2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2 := cfg.server("s1"), cfg.server("s2")
	cfg.primaryAndBackup(s1, s2)
	cfg.waitFor([]*server{s2}, "s2 to take over", func(v View) bool { return v.Primary == "s2" })
	s2.ping() // s2 确认视图 3
	s1.restart()
	cfg.waitFor([]*server{s2, s1}, "the restarted s1 to become s2's backup",
		func(v View) bool { return v.Backup == "s1" })
	cfg.check(s2, 4, "s2", "s1")
}

func TestIdleServerBecomesBackup2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2, s3 := cfg.server("s1"), cfg.server("s2"), cfg.server("s3")
	cfg.primaryAndBackup(s1, s2)
	// s3 只是空闲（idle）地 Ping：视图已经有主和从，它不该进入视图。
	resetGaps(s1, s2)
	if v := cfg.pingRounds([]*server{s1, s2, s3}, 3); v != (View{2, "s1", "s2"}) && !tooSlow(s1, s2) {
		t.Fatalf("view is %s while s1 and s2 kept pinging, want {2, s1, s2}: the idle s3 waits", show(v))
	}
	// 主 s1 死了：s2 接任，空闲的 s3 成为从。
	cfg.waitFor([]*server{s2, s3}, "s2 to take over and the idle s3 to become backup",
		func(v View) bool { return v.Primary == "s2" && v.Backup == "s3" })
	if v, _ := s2.ck.Get(); v.Viewnum != 3 {
		t.Fatalf("view is %s, want viewnum 3: s2 and s3 join in one view change", show(v))
	}
}

func TestRestartedPrimaryIsDead2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2 := cfg.server("s1"), cfg.server("s2")
	cfg.primaryAndBackup(s1, s2)
	// s1 很快重启，一次 Ping 也没错过，但它用 Viewnum 0 Ping：它的数据没了，不能再当主。
	s1.restart()
	v := cfg.waitFor([]*server{s1, s2}, "the backup s2 to replace the restarted primary s1",
		func(v View) bool { return v.Primary == "s2" })
	// 视图 3 是 {s2, 无}；s2 确认之后，活着的 s1 可以在视图 4 里当从。
	if v.Viewnum != 3 && !(v.Viewnum == 4 && v.Backup == "s1") {
		t.Fatalf("view is %s, want {3, s2, none} (or {4, s2, s1} one step later)", show(v))
	}
}

func TestDeadBackupRemoved2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2 := cfg.server("s1"), cfg.server("s2")
	cfg.primaryAndBackup(s1, s2)
	cfg.waitFor([]*server{s1}, "the dead backup s2 to be removed", func(v View) bool { return v.Backup == "" })
	cfg.check(s1, 3, "s1", "")
}

func TestWaitsForPrimaryAck2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2, s3 := cfg.server("s1"), cfg.server("s2"), cfg.server("s3")
	cfg.waitFor([]*server{s1}, "s1 to become primary", func(v View) bool { return v.Primary == "s1" })
	s1.ping() // 确认视图 1
	s1.hold = true
	// s1 此后一直 Ping 1，不确认视图 2。
	cfg.waitFor([]*server{s1, s2}, "s2 to become backup", func(v View) bool { return v.Backup == "s2" })
	cfg.check(s1, 2, "s1", "s2")
	// s2 死了、s3 空闲：若 s1 确认了视图 2，视图服务会进入 {3, s1, s3}。但 s1 没有确认，
	// 它可能根本不知道 s2 是从，所以视图服务必须停在视图 2。
	cfg.pingRounds([]*server{s1, s3}, 2*DeadPings)
	if v, _ := s1.ck.Get(); v.Viewnum != 2 {
		t.Fatalf("view is %s, want still viewnum 2: the primary s1 never acknowledged view 2, "+
			"so the view service must not move on", show(v))
	}
	s1.hold = false // s1 确认视图 2
	cfg.waitFor([]*server{s1, s3}, "s3 to replace the dead backup once s1 acknowledged view 2",
		func(v View) bool { return v.Backup == "s3" })
	cfg.check(s1, 3, "s1", "s3")
}

func TestUninitializedNotPrimary2A(t *testing.T) {
	cfg := makeConfig(t, true)
	s1, s2, s3 := cfg.server("s1"), cfg.server("s2"), cfg.server("s3")
	cfg.primaryAndBackup(s1, s2)
	// 主和从一起死掉，只剩没有数据的 s3：它绝不能成为主。
	for i := 0; i < 2*DeadPings; i++ {
		if v := cfg.pingRounds([]*server{s3}, 1); v.Primary == "s3" {
			t.Fatalf("view is %s: s3 never held the data (it was never a backup), so it must not become primary", show(v))
		}
	}
}

func TestUnreliablePings2A(t *testing.T) {
	cfg := makeConfig(t, false)
	s1, s2 := cfg.server("s1"), cfg.server("s2")
	// 网络丢 10% 的消息：丢掉几次 Ping 不能让视图服务误判（DeadPings 次才算死），
	// 视图照样前进。
	cfg.waitFor([]*server{s1}, "a primary on an unreliable network", func(v View) bool { return v.Primary == "s1" })
	cfg.waitFor([]*server{s1, s2}, "a backup on an unreliable network", func(v View) bool { return v.Backup == "s2" })
	resetGaps(s1, s2)
	for i := 0; i < 2*DeadPings; i++ {
		v := cfg.pingRounds([]*server{s1, s2}, 1)
		if v.Viewnum != 0 && (v.Primary != "s1" || v.Backup != "s2") {
			if tooSlow(s1, s2) {
				t.Logf("view changed to %s, but this machine delayed the test's own pings by almost "+
					"DeadPings intervals, so that is allowed; the stability check is skipped", show(v))
				break
			}
			t.Fatalf("view is %s after a few lost pings, want {2, s1, s2}: one lost ping is not a crash", show(v))
		}
	}
	cfg.waitFor([]*server{s2}, "s2 to take over on an unreliable network", func(v View) bool { return v.Primary == "s2" })
}

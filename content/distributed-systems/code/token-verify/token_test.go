package token

import (
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	t0     = time.Unix(1_700_000_000, 0)
	oldKey = []byte("old-secret-0123456789abcdef")
	newKey = []byte("new-secret-0123456789abcdef")
)

func verifier() *Verifier {
	ks := NewKeySet()
	ks.Add("k1", oldKey)
	return &Verifier{Keys: ks, Issuer: "https://auth.example", Audience: "orders", Leeway: 30 * time.Second}
}

func claims() Claims {
	return Claims{Sub: "alice", Iss: "https://auth.example", Aud: "orders", Exp: t0.Add(10 * time.Minute).Unix()}
}

func sign(t *testing.T, kid string, key []byte, c Claims) string {
	t.Helper()
	tok, err := Sign(kid, key, c)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func expect(t *testing.T, v *Verifier, tok string, now time.Time, want error) {
	t.Helper()
	c, err := v.Verify(tok, now)
	if !errors.Is(err, want) {
		t.Fatalf("Verify at %v: err %v, want %v", now.Sub(t0), err, want)
	}
	if want == nil && c.Sub != "alice" {
		t.Fatalf("claims %+v", c)
	}
}

func TestValidToken(t *testing.T) {
	expect(t, verifier(), sign(t, "k1", oldKey, claims()), t0, nil)
}

func TestTamperedClaimsRejected(t *testing.T) {
	tok := sign(t, "k1", oldKey, claims())
	parts := strings.Split(tok, ".")
	forged := claims()
	forged.Sub = "mallory"
	other := sign(t, "k1", []byte("attacker-key"), forged)
	parts[1] = strings.Split(other, ".")[1] // 换上别的声明，签名不变
	expect(t, verifier(), strings.Join(parts, "."), t0, ErrSignature)
}

func TestUnknownKeyID(t *testing.T) {
	expect(t, verifier(), sign(t, "k9", oldKey, claims()), t0, ErrUnknownKey)
}

func TestMalformed(t *testing.T) {
	v := verifier()
	good := sign(t, "k1", oldKey, claims())
	noExp := claims()
	noExp.Exp = 0
	bad := []string{
		"only.two",
		good + ".extra",
		strings.Replace(good, ".", ".!", 1), // 声明不是 base64url（签名也对不上，先报签名）
		"k1." + base64.RawURLEncoding.EncodeToString([]byte("{")) + ".", // 空签名
		sign(t, "k1", oldKey, noExp),
	}
	wants := []error{ErrMalformed, ErrMalformed, ErrSignature, ErrSignature, ErrMalformed}
	for i, tok := range bad {
		if _, err := v.Verify(tok, t0); !errors.Is(err, wants[i]) {
			t.Errorf("case %d %q: err %v, want %v", i, tok, err, wants[i])
		}
	}
}

func TestSignedButNotJSON(t *testing.T) {
	signed := "k1." + base64.RawURLEncoding.EncodeToString([]byte("not json"))
	tok := signed + "." + base64.RawURLEncoding.EncodeToString(mac(oldKey, signed))
	expect(t, verifier(), tok, t0, ErrMalformed)
}

// 过期检查带宽限：exp 之后 30 秒内仍接受，30 秒整起拒绝。
func TestExpiryLeeway(t *testing.T) {
	v, tok := verifier(), sign(t, "k1", oldKey, claims())
	exp := time.Unix(claims().Exp, 0)
	expect(t, v, tok, exp.Add(29*time.Second), nil)
	expect(t, v, tok, exp.Add(30*time.Second), ErrExpired)
}

// 签发者的时钟比验证者快 20 秒：nbf 在验证者看来还在未来，但在宽限之内，必须接受；
// 超出宽限的 nbf 必须拒绝。没有 nbf 检查的版本在第二个断言上失败。
func TestNotBeforeLeeway(t *testing.T) {
	v := verifier()
	c := claims()
	c.Nbf = t0.Add(20 * time.Second).Unix()
	expect(t, v, sign(t, "k1", oldKey, c), t0, nil)
	c.Nbf = t0.Add(5 * time.Minute).Unix()
	expect(t, v, sign(t, "k1", oldKey, c), t0, ErrNotYet)
}

func TestIssuerAndAudience(t *testing.T) {
	v := verifier()
	c := claims()
	c.Iss = "https://evil.example"
	expect(t, v, sign(t, "k1", oldKey, c), t0, ErrIssuer)
	c = claims()
	c.Aud = "payments" // 发给别的服务的令牌
	expect(t, v, sign(t, "k1", oldKey, c), t0, ErrAudience)
}

// 讲义的三步轮换：先分发新密钥（新旧都接受），再改用新密钥签名，最后删旧密钥。
func TestRotationOrder(t *testing.T) {
	v := verifier()
	oldTok := sign(t, "k1", oldKey, claims())
	v.Keys.Add("k2", newKey)
	expect(t, v, oldTok, t0, nil)
	expect(t, v, sign(t, "k2", newKey, claims()), t0, nil)
	v.Keys.Remove("k1")
	expect(t, v, oldTok, t0, ErrUnknownKey)
}

// 轮换与验证并发进行（用 -race 运行）。密钥集合是一个不加锁的全局 map 的版本，
// 在这里被 race detector 报告为数据竞争。
func TestRotationWhileVerifying(t *testing.T) {
	v := verifier()
	tok := sign(t, "k1", oldKey, claims())
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := v.Verify(tok, t0); err != nil {
					t.Errorf("k1 stays in the set during rotation, got %v", err)
					return
				}
			}
		}()
	}
	for i := 0; i < 200; i++ {
		v.Keys.Add("k2", newKey)
		v.Keys.Remove("k2")
	}
	close(stop)
	wg.Wait()
}

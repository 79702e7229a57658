// Package token 是第 20 讲的签名令牌：结构与 JWT 相似，但用 Go 标准库的 HMAC-SHA256，
// 不是 JWT。令牌格式：kid.base64url(claims).base64url(HMAC-SHA256(key, "kid.claims"))。
// Verify 按讲义给出的顺序检查：先选密钥、验签名，签名通过之后才解析和相信声明，
// 再检查 exp、nbf（带时钟偏差的宽限）、iss 与 aud。密钥集合可以在验证进行时轮换。
package token

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"time"
)

// ANCHOR: claims
type Claims struct {
	Sub string `json:"sub"` // 主体：谁
	Iss string `json:"iss"` // 签发者：谁签的
	Aud string `json:"aud"` // 受众：给哪个服务用的
	Exp int64  `json:"exp"` // 过期时刻（Unix 秒），必填
	Nbf int64  `json:"nbf"` // 生效时刻（Unix 秒），可省略
}

var (
	ErrMalformed  = errors.New("malformed token")
	ErrUnknownKey = errors.New("unknown key id")
	ErrSignature  = errors.New("bad signature")
	ErrExpired    = errors.New("token expired")
	ErrNotYet     = errors.New("token not yet valid")
	ErrIssuer     = errors.New("wrong issuer")
	ErrAudience   = errors.New("wrong audience")
)

// ANCHOR_END: claims

// ANCHOR: keyset
// KeySet 按 kid 保存验证密钥，从机密管理服务加载（绝不写在代码或镜像里）。
// 轮换期间新旧两把密钥同时存在；Add 与 Remove 可以和 Verify 并发调用。
type KeySet struct {
	mu   sync.RWMutex
	keys map[string][]byte
}

func NewKeySet() *KeySet { return &KeySet{keys: map[string][]byte{}} }

func (s *KeySet) Add(kid string, key []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys[kid] = append([]byte(nil), key...)
}

func (s *KeySet) Remove(kid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.keys, kid)
}

func (s *KeySet) lookup(kid string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	key, ok := s.keys[kid]
	return key, ok
}

// ANCHOR_END: keyset

// Sign 是签发者一侧：用 kid 对应的密钥签名 claims。
func Sign(kid string, key []byte, c Claims) (string, error) {
	raw, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	signed := kid + "." + base64.RawURLEncoding.EncodeToString(raw)
	return signed + "." + base64.RawURLEncoding.EncodeToString(mac(key, signed)), nil
}

func mac(key []byte, signed string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(signed))
	return m.Sum(nil)
}

// ANCHOR: verify
// Verifier 是资源服务器一侧：它信任的密钥、预期的签发者、自己的名字，以及允许的时钟偏差。
type Verifier struct {
	Keys     *KeySet
	Issuer   string
	Audience string
	Leeway   time.Duration // 例如 30 秒：签发者与验证者的时钟不会完全一致
}

func (v *Verifier) Verify(token string, now time.Time) (*Claims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, ErrMalformed
	}
	key, ok := v.Keys.lookup(parts[0]) // kid 只能在服务端信任的密钥里挑；算法固定，不由令牌指定
	if !ok {
		return nil, ErrUnknownKey
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, ErrMalformed
	}
	if !hmac.Equal(sig, mac(key, parts[0]+"."+parts[1])) { // 常数时间比较
		return nil, ErrSignature
	}
	// 签名通过之后，才去解析和相信 claims 的内容。
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil, ErrMalformed
	}
	var c Claims
	if err := json.Unmarshal(raw, &c); err != nil || c.Exp == 0 {
		return nil, ErrMalformed // 没有过期时刻的令牌一律不收
	}
	if !now.Before(time.Unix(c.Exp, 0).Add(v.Leeway)) {
		return nil, ErrExpired
	}
	if c.Nbf != 0 && now.Add(v.Leeway).Before(time.Unix(c.Nbf, 0)) {
		return nil, ErrNotYet
	}
	if c.Iss != v.Issuer {
		return nil, ErrIssuer
	}
	if c.Aud != v.Audience { // 发给别的服务的令牌，不能拿来访问我
		return nil, ErrAudience
	}
	return &c, nil
}

// ANCHOR_END: verify

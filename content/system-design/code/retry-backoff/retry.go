// Package retry 是第 7 周“重试”一节的完整代码：完全抖动的指数退避，受截止时间约束。
package retry

import (
	"context"
	"errors"
	"math/rand"
	"time"
)

// ErrUnavailable 代表一个值得重试的瞬时错误（连接失败、503、429）。
var ErrUnavailable = errors.New("unavailable")

// retryable 判断错误是否值得重试；4xx、鉴权失败之类的错误重试多少次结果都一样。
func retryable(err error) bool { return errors.Is(err, ErrUnavailable) }

// ANCHOR: retry
// retry 在截止时间之内按“完全抖动”的指数退避重试；rng 由调用方传入，便于测试。
// 最后一次尝试失败后不再等待，直接返回真实的错误。
func retry(ctx context.Context, rng *rand.Rand, maxAttempts int, call func(context.Context) error) error {
	const base, maxBackoff = 100 * time.Millisecond, 2 * time.Second
	var err error
	for attempt := 0; attempt < maxAttempts; attempt++ {
		if err = call(ctx); err == nil || !retryable(err) {
			return err
		}
		if attempt == maxAttempts-1 {
			break // 没有下一次了：再睡一觉只会白白拖延，还可能把真实错误换成 ctx.Err()
		}
		backoff := base << attempt // base * 2^attempt
		if backoff > maxBackoff || backoff <= 0 {
			backoff = maxBackoff
		}
		sleep := time.Duration(rng.Int63n(int64(backoff)))
		select {
		case <-time.After(sleep):
		case <-ctx.Done():
			return err // 截止时间到了：不再重试，返回最后一次的真实错误
		}
	}
	return err
}

// ANCHOR_END: retry

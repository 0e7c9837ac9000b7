package io.windbell.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.windbell.platform.throttle.RateLimiter.Decision;

class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000);

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void aBurstIsAllowedThenRefusedWithTheTimeUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(0.5, 3, 100, clock::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1").allowed()).isTrue();
        }
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(new Decision(false, 2));
        advance(Duration.ofMillis(1500));
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(new Decision(false, 1));
    }

    @Test
    void anotherKeyIsUnaffected() {
        RateLimiter limiter = new RateLimiter(1, 2, 100, clock::get);
        limiter.acquire("a");
        limiter.acquire("a");
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void requestsPassAgainAfterTheRefill() {
        RateLimiter limiter = new RateLimiter(2, 2, 100, clock::get);
        limiter.acquire("a");
        limiter.acquire("a");
        assertThat(limiter.acquire("a").allowed()).isFalse();
        advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        advance(Duration.ofHours(1));
        // never more than the burst, however long the pause
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void memoryIsBoundedByDroppingTheLeastRecentlyActiveKey() {
        RateLimiter limiter = new RateLimiter(1, 1, 3, clock::get);
        limiter.acquire("a");
        limiter.acquire("b");
        limiter.acquire("c");
        assertThat(limiter.acquire("a").allowed()).isFalse(); // a is now the most recently active
        limiter.acquire("d"); // drops b
        assertThat(limiter.size()).isEqualTo(3);
        assertThat(limiter.acquire("a").allowed()).isFalse(); // still remembered
        assertThat(limiter.acquire("b").allowed()).isTrue(); // forgotten: a full bucket again
    }

    @Test
    void idleKeysAreSweptOnceTheirBucketIsFullAgain() {
        RateLimiter limiter = new RateLimiter(1, 5, 10_000, clock::get);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("idle-" + i);
        }
        advance(Duration.ofSeconds(5));
        for (int i = 0; i < 300; i++) {
            limiter.acquire("active");
        }
        assertThat(limiter.size()).isEqualTo(1);
    }
}

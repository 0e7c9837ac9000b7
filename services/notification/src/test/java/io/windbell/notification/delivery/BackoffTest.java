package io.windbell.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void theCeilingDoublesWithEveryFailureUpToTheMaximum() {
        assertThat(Backoff.ceiling(1, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.ceiling(2, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.ceiling(3, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Backoff.ceiling(9, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(2560));
        // 10 s * 2^9 = 5120 s is past the hour
        assertThat(Backoff.ceiling(10, INITIAL, MAX)).isEqualTo(MAX);
        assertThat(Backoff.ceiling(1000, INITIAL, MAX)).as("no overflow").isEqualTo(MAX);
    }

    @Test
    void theDelayIsDrawnFromZeroToTheCeiling() {
        assertThat(Backoff.delay(3, INITIAL, MAX, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(Backoff.delay(3, INITIAL, MAX, 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.delay(3, INITIAL, MAX, 0.25)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.delay(3, INITIAL, MAX, 0.999_999)).isLessThan(Duration.ofSeconds(40))
                .isGreaterThan(Duration.ofMillis(39_900));
        assertThat(Backoff.delay(50, INITIAL, MAX, 0.5)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> Backoff.ceiling(0, INITIAL, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.delay(1, INITIAL, MAX, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.delay(1, INITIAL, MAX, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorTextsKeepNoUrlPathOrQuery() {
        assertThat(ErrorText.clean("POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET failed"))
                .isEqualTo("POST https://qyapi.weixin.qq.com/… failed").doesNotContain("SECRET");
        assertThat(ErrorText.clean("x".repeat(1000))).hasSize(ErrorText.MAX);
    }
}

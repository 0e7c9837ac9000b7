package io.windbell.notification.delivery;

import java.time.Duration;

/**
 * Exponential backoff with full jitter: after the n-th failure the delay is drawn uniformly from
 * {@code [0, min(max, initial × 2^(n-1))]}, so replicas retrying the same broken receiver spread out instead of calling
 * it in lockstep.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The ceiling of the delay after {@code failures} failed attempts (1 = the first failure). */
    public static Duration ceiling(int failures, Duration initial, Duration max) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        long initialMillis = Math.max(1, initial.toMillis());
        long maxMillis = Math.max(initialMillis, max.toMillis());
        // the doubling stops once it passes max: 2^62 would overflow long long before anyone waits that long
        int doublings = Math.min(failures - 1, 62);
        long ceiling = initialMillis;
        for (int i = 0; i < doublings && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        return Duration.ofMillis(Math.min(ceiling, maxMillis));
    }

    /** The delay after {@code failures} failed attempts for a {@code random} value in {@code [0, 1)}. */
    public static Duration delay(int failures, Duration initial, Duration max, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1)");
        }
        return Duration.ofMillis((long) (ceiling(failures, initial, max).toMillis() * random));
    }
}

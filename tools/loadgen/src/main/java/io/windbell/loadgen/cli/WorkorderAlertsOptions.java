package io.windbell.loadgen.cli;

import java.time.Duration;

/**
 * What {@code workorder-alerts} adds to the common settings ({@code --rate}, default 100 alerts/s).
 *
 * @param count
 *            alerts measured, sent after the warm-up
 * @param warmupCount
 *            alerts sent first at the same rate and left out of the figures (JIT, connection pools, caches)
 * @param firstCustomer
 *            the index of the first customer ({@code C00000001} is 0): another run against the same database starts
 *            past the customers whose recoveries are still open, or its alerts would be attached, not opened
 * @param answerTimeout
 *            an alert whose {@code workorder.created} has not been received this long after it was sent counts as never
 *            answered
 */
public record WorkorderAlertsOptions(long count, long warmupCount, int firstCustomer, String alertsTopic,
        String workorderTopic, Duration answerTimeout) {

    public static final long DEFAULT_COUNT = 3_000;
    public static final long DEFAULT_WARMUP_COUNT = 200;
    public static final double DEFAULT_RATE = 100;
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(30);
}

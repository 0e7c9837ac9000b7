package io.windbell.loadgen.cli;

import java.time.Duration;

/**
 * What {@code respond} adds to the common settings.
 *
 * @param responseRate
 *            the share of invitations the simulated customers answer, 0..1
 * @param maxDelay
 *            how long after delivery a customer answers at most (uniformly between 0 and this)
 * @param group
 *            the Kafka consumer group reading the survey topic
 */
public record RespondOptions(double responseRate, Duration maxDelay, String group) {

    public static final double DEFAULT_RESPONSE_RATE = 0.6;
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(3);
    public static final String DEFAULT_GROUP = "windbell-loadgen-respond";
}

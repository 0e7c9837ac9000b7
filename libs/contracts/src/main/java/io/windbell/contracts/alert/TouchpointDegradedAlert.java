package io.windbell.contracts.alert;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code alert.touchpoint-degraded}: a touchpoint's behavioural or survey metric moved significantly away from its
 * baseline; workorder turns it into a special task (专项整改) for the owning department.
 *
 * @param channel
 *            the channel the degradation is confined to; {@code null} when it spans channels
 * @param branchId
 *            the branch it is confined to; {@code null} when it spans branches
 * @param baseline
 *            the metric's value over the baseline period, in the metric's unit
 * @param current
 *            the metric's value over {@code [windowStart, windowEnd)}
 * @param sampleSize
 *            how many events or responses {@code current} is computed from
 */
public record TouchpointDegradedAlert(UUID alertId, String touchpointCode, String channel, String branchId,
        Metric metric, double baseline, double current, Instant windowStart, Instant windowEnd, long sampleSize,
        Severity severity, Instant raisedAt) implements EventPayload {

    public static final String TYPE = "alert.touchpoint-degraded";
    public static final String TOPIC = Topics.EXPERIENCE_ALERTS;

    /**
     * What degraded. Rates are fractions in [0, 1], durations milliseconds, survey metrics their own scale;
     * {@code DETRACTOR_RATE} is the share of the touchpoint's factor answers (survey questions about it) that were
     * detractor answers.
     */
    public enum Metric {
        SUCCESS_RATE, ERROR_RATE, ABANDONMENT_RATE, DETRACTOR_RATE, P90_DURATION_MS, NPS, CSAT, CES
    }

    /** Keyed by touchpoint code: the alert is about no single customer, and one touchpoint's alerts stay ordered. */
    @Override
    public String partitionKey() {
        return touchpointCode;
    }
}

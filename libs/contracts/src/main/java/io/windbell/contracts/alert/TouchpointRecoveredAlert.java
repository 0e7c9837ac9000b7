package io.windbell.contracts.alert;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;

/**
 * {@code alert.touchpoint-recovered}: a touchpoint that was reported degraded is back within its baseline; workorder
 * can close or verify the special task opened for {@code degradedAlertId}.
 *
 * @param degradedAlertId
 *            the {@code alert.touchpoint-degraded} this recovery ends
 * @param metric
 *            the metric that had degraded
 * @param baseline
 *            the metric's value over the baseline period, in the metric's unit
 * @param current
 *            the metric's value over {@code [windowStart, windowEnd)}, the window that confirmed the recovery
 * @param sampleSize
 *            how many events or answers {@code current} is computed from
 */
public record TouchpointRecoveredAlert(UUID alertId, String touchpointCode, UUID degradedAlertId, Metric metric,
        double baseline, double current, Instant windowStart, Instant windowEnd, long sampleSize, Instant raisedAt)
        implements EventPayload {

    public static final String TYPE = "alert.touchpoint-recovered";
    public static final String TOPIC = Topics.EXPERIENCE_ALERTS;

    /** Keyed by touchpoint code like the degraded alert, so a recovery is never read before its degradation. */
    @Override
    public String partitionKey() {
        return touchpointCode;
    }
}

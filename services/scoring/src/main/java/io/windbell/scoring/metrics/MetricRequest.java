package io.windbell.scoring.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One metric series to compute: the metric, an optional dimension to group by ({@link Source#dimensions()}) and an
 * optional place to group by ({@code branch} or {@code region}), the bucket, the bank days [from, to] (both included)
 * and the filters. The caller's branch and region come separately, as the narrowed
 * {@link io.windbell.platform.security.DataScope.Filter}.
 *
 * @param journey
 *            journey definition code filter (journey metrics and {@link Metric#FACTOR_SCORE}), or {@code null}
 * @param touchpoint
 *            touchpoint code filter (touchpoint metrics and {@link Metric#FACTOR_SCORE}), or {@code null}
 * @param channel
 *            channel filter of the touchpoint metrics (the rows of dimension {@code channel}); only without a
 *            {@code dimension} that is another slice of the same rows
 */
public record MetricRequest(Metric metric, String dimension, Place place, Bucket bucket, LocalDate from, LocalDate to,
        String journey, String touchpoint, String channel) {

    /** Grouping by the branch or the region of the rows. */
    public enum Place {
        BRANCH("branch", "branch_id"), REGION("region", "region_id");

        private final String code;
        private final String column;

        Place(String code, String column) {
            this.code = code;
            this.column = column;
        }

        public String code() {
            return code;
        }

        String column() {
            return column;
        }
    }

    public MetricRequest {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (dimension != null && !metric.source().dimensions().contains(dimension)) {
            throw new IllegalArgumentException(metric + " has no dimension " + dimension);
        }
        if (channel != null && (metric.source() != Source.TOUCHPOINTS
                || dimension != null && metric.source().isRowDimension(dimension))) {
            throw new IllegalArgumentException("a channel filter needs a touchpoint metric without another slice");
        }
    }

    /** A series without filters. */
    public static MetricRequest of(Metric metric, String dimension, Place place, Bucket bucket, LocalDate from,
            LocalDate to) {
        return new MetricRequest(metric, dimension, place, bucket, from, to, null, null, null);
    }
}

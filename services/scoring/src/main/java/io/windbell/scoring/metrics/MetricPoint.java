package io.windbell.scoring.metrics;

import java.time.LocalDate;
import java.util.Map;

import io.windbell.scoring.stats.Estimate;

/**
 * One value of a metric series: the first day of its bucket, its group (dimension name to value, {@code ''} for an
 * unknown value; empty without grouping), the estimate, whether its sample is below the configured low-sample size, and
 * the counts it came from.
 */
public record MetricPoint(LocalDate bucketStart, Map<String, String> group, Estimate estimate, boolean lowSample,
        Map<String, Long> components) {

    public MetricPoint {
        group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
        components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
    }
}

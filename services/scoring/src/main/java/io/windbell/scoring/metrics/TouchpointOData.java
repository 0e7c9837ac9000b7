package io.windbell.scoring.metrics;

import java.time.LocalDate;
import java.util.List;

import io.windbell.scoring.stats.Estimate;

/**
 * The behaviour of one touchpoint over bank days [from, to]: events, the outcome rates (of the events with an outcome),
 * failures by error code (the most frequent first) and duration percentiles.
 *
 * @param events
 *            every event, INFO included
 * @param errorsByCode
 *            at most {@link TouchpointODataQuery#TOP_ERRORS}; counted over every channel (the error rollup has no
 *            channel slice)
 */
public record TouchpointOData(String touchpoint, LocalDate from, LocalDate to, String channel, long events,
        Estimate successRate, Estimate errorRate, Estimate abandonmentRate, List<ErrorCount> errorsByCode,
        Estimate durationP50, Estimate durationP90, boolean lowSample) {

    /** Failures with one error code. */
    public record ErrorCount(String errorCode, long n) {
    }

    public TouchpointOData {
        errorsByCode = List.copyOf(errorsByCode);
    }
}

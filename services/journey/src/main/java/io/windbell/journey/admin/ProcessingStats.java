package io.windbell.journey.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.windbell.messaging.consumer.Delivery;

/**
 * How long touchpoint events take from being published to their journey state being committed: the record's Kafka
 * timestamp (set by the producer) to the moment after the commit, per event, in an HdrHistogram.
 */
@ApplicationScoped
public class ProcessingStats {

    /** Latency percentiles since the last reset, in milliseconds. */
    public record Latency(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
    }

    private final Recorder recorder = new Recorder(3);
    private final Histogram accumulated = new Histogram(3);

    /** Records the latency of every event of a batch whose transaction just committed. */
    public void committed(List<? extends Delivery<?>> batch) {
        long now = System.currentTimeMillis();
        for (Delivery<?> delivery : batch) {
            recorder.recordValue(Math.max(0, now - delivery.record().timestamp()));
        }
    }

    public synchronized Latency latency() {
        accumulated.add(recorder.getIntervalHistogram());
        return new Latency(accumulated.getTotalCount(), accumulated.getValueAtPercentile(50),
                accumulated.getValueAtPercentile(99), accumulated.getValueAtPercentile(99.9),
                accumulated.getMaxValue());
    }

    public synchronized void reset() {
        recorder.reset();
        accumulated.reset();
    }
}

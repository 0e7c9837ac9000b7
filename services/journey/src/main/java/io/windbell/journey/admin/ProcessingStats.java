package io.windbell.journey.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.windbell.messaging.envelope.Envelope;

/**
 * Where the time of touchpoint processing goes. Per event: from being published (the Kafka record timestamp, set by the
 * producer) to its journey state being committed, and the part of it spent waiting before its batch was taken up. Per
 * batch: the phases of the transaction. All in HdrHistograms, since the last {@link #reset()}.
 */
@ApplicationScoped
public class ProcessingStats {

    /** The phases of one batch, in order. */
    public static final List<String> PHASES = List.of("lock", "load", "route", "timeline", "journeys", "outbox",
            "commit");

    /** Percentiles in milliseconds. */
    public record Latency(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
    }

    /** Mean and tail of one phase per batch, in milliseconds. */
    public record Phase(long batches, double meanMs, double p50Ms, double p99Ms) {
    }

    /** Everything, as the admin endpoint shows it. */
    public record Snapshot(Latency latency, Latency waitBeforeBatch, double meanBatchSize, Map<String, Phase> phases) {
    }

    /** Times the phases of one batch: {@code lap("lock")} closes the phase that began at the previous lap. */
    public final class Lap {
        private long last = System.nanoTime();

        public void lap(String phase) {
            long now = System.nanoTime();
            phaseRecorders.get(phase).recordValue(Math.max(0, (now - last) / 1_000));
            last = now;
        }
    }

    private final Recorder latency = new Recorder(3);
    private final Recorder waiting = new Recorder(3);
    private final Recorder batchSizes = new Recorder(3);
    private final Map<String, Recorder> phaseRecorders = new LinkedHashMap<>();
    private final Histogram latencyTotal = new Histogram(3);
    private final Histogram waitingTotal = new Histogram(3);
    private final Histogram batchSizeTotal = new Histogram(3);
    private final Map<String, Histogram> phaseTotals = new LinkedHashMap<>();

    public ProcessingStats() {
        for (String phase : PHASES) {
            phaseRecorders.put(phase, new Recorder(3));
            phaseTotals.put(phase, new Histogram(3));
        }
    }

    /** Starts timing a batch whose records were handed over now. */
    public Lap begin(List<? extends Envelope<?>> batch) {
        long now = System.currentTimeMillis();
        for (Envelope<?> delivery : batch) {
            waiting.recordValue(Math.max(0, now - delivery.publishedAt().toEpochMilli()));
        }
        batchSizes.recordValue(batch.size());
        return new Lap();
    }

    /** Records the latency of every event of a batch whose transaction just committed. */
    public void committed(List<? extends Envelope<?>> batch) {
        long now = System.currentTimeMillis();
        for (Envelope<?> delivery : batch) {
            latency.recordValue(Math.max(0, now - delivery.publishedAt().toEpochMilli()));
        }
    }

    public synchronized Snapshot snapshot() {
        latencyTotal.add(latency.getIntervalHistogram());
        waitingTotal.add(waiting.getIntervalHistogram());
        batchSizeTotal.add(batchSizes.getIntervalHistogram());
        Map<String, Phase> phases = new LinkedHashMap<>();
        for (String phase : PHASES) {
            Histogram total = phaseTotals.get(phase);
            total.add(phaseRecorders.get(phase).getIntervalHistogram());
            phases.put(phase, new Phase(total.getTotalCount(), total.getMean() / 1_000.0,
                    total.getValueAtPercentile(50) / 1_000.0, total.getValueAtPercentile(99) / 1_000.0));
        }
        return new Snapshot(percentiles(latencyTotal), percentiles(waitingTotal),
                batchSizeTotal.getTotalCount() == 0 ? 0 : batchSizeTotal.getMean(), phases);
    }

    public synchronized void reset() {
        for (Recorder recorder : List.of(latency, waiting, batchSizes)) {
            recorder.reset();
        }
        phaseRecorders.values().forEach(Recorder::reset);
        for (Histogram histogram : List.of(latencyTotal, waitingTotal, batchSizeTotal)) {
            histogram.reset();
        }
        phaseTotals.values().forEach(Histogram::reset);
    }

    private static Latency percentiles(Histogram histogram) {
        return new Latency(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }
}

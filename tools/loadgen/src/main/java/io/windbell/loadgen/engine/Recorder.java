package io.windbell.loadgen.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Collects the outcome of every request. Only requests that <em>started</em> (intended start in an open loop, actual
 * start in a closed loop) inside the measured window, after the warmup, count in the summary; all count in progress.
 * Not thread-safe: the runner calls it from one thread.
 */
public final class Recorder {

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final long warmupNanos;
    private final long durationNanos;
    private final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final Map<String, Long> ioFailures = new TreeMap<>();

    private long start;
    private long closedAt = -1;
    private long lastMeasuredDone = -1;
    private long completed;
    private long failed;
    private long requests;
    private long events;
    private long errors;
    private long ioErrors;

    public Recorder(long warmupNanos, long durationNanos) {
        this.warmupNanos = warmupNanos;
        this.durationNanos = durationNanos;
    }

    public void begin(long startNanos) {
        this.start = startNanos;
    }

    /**
     * Ends the measured window early, when the run stops before its time for another reason (the request cap):
     * otherwise the throughput would be spread over time in which nothing was sent.
     */
    public void closeWindow(long nowNanos) {
        if (closedAt < 0) {
            closedAt = nowNanos;
        }
    }

    /** Records one finished request that started at {@code startedNanos} and carried {@code eventCount} events. */
    public void record(long startedNanos, long doneNanos, int eventCount, Response response) {
        completed++;
        if (!response.ok()) {
            failed++;
        }
        if (!measured(startedNanos)) {
            return;
        }
        requests++;
        lastMeasuredDone = Math.max(lastMeasuredDone, doneNanos);
        if (response.ioFailure()) {
            ioErrors++;
            errors++;
            ioFailures.merge(response.failure(), 1L, Long::sum);
            return;
        }
        statuses.merge(response.status(), 1L, Long::sum);
        // Every answered request counts in latency, rejected ones too: leaving them out would flatter an overloaded
        // server.
        latencyMicros.recordValue(Math.clamp((doneNanos - startedNanos) / 1_000, 0, HIGHEST_MICROS));
        if (response.ok()) {
            events += eventCount;
        } else {
            errors++;
        }
    }

    public boolean measured(long startedNanos) {
        long offset = startedNanos - start;
        return offset >= warmupNanos && offset < warmupNanos + durationNanos;
    }

    /** {@code warmup}, {@code run}, or {@code drain} once the window has closed and answers are still awaited. */
    public String phase(long nowNanos) {
        long offset = nowNanos - start;
        return offset < warmupNanos ? "warmup" : offset < warmupNanos + durationNanos ? "run" : "drain";
    }

    /**
     * Length of the measured window in seconds: from the end of the warmup until the last measured request finished,
     * and at least until the window closed. A server that falls behind an open-loop rate thus shows a lower throughput
     * instead of the target rate.
     */
    public double durationSeconds() {
        long windowStart = start + warmupNanos;
        long windowEnd = start + warmupNanos + durationNanos;
        if (closedAt >= 0) {
            windowEnd = Math.max(windowStart, Math.min(windowEnd, closedAt));
        }
        long last = Math.max(windowEnd, lastMeasuredDone);
        return Math.max(0, last - windowStart) / 1e9;
    }

    public long completed() {
        return completed;
    }

    public long failed() {
        return failed;
    }

    public long requests() {
        return requests;
    }

    public long events() {
        return events;
    }

    public long errors() {
        return errors;
    }

    public long ioErrors() {
        return ioErrors;
    }

    public Map<Integer, Long> statuses() {
        return statuses;
    }

    public Map<String, Long> ioFailures() {
        return ioFailures;
    }

    public Histogram latencyMicros() {
        return latencyMicros;
    }
}

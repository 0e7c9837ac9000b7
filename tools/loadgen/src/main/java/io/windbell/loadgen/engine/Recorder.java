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
    private final Histogram waitMicros = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram answerMicros = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram freshConnectionMicros = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram tickGapMicros = new Histogram(HIGHEST_MICROS, 3);
    private final Map<Long, SecondStats> seconds = new TreeMap<>();
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
    private long lastTick = -1;
    private int backlogAtWindowStart = -1;

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

    /** Records one finished request that was sent when it was due (a closed loop sends each at once). */
    public void record(long startedNanos, long doneNanos, int eventCount, Response response) {
        record(startedNanos, startedNanos, doneNanos, eventCount, response);
    }

    /**
     * Records one finished request that was due at {@code startedNanos}, handed to the HTTP client at {@code sentNanos}
     * and answered at {@code doneNanos}, carrying {@code eventCount} events. The latency counts from when it was due;
     * the split (waited to be sent, then in flight) tells the load generator's own delay from the server's.
     */
    public void record(long startedNanos, long sentNanos, long doneNanos, int eventCount, Response response) {
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
        long latency = micros(doneNanos - startedNanos);
        latencyMicros.recordValue(latency);
        waitMicros.recordValue(micros(sentNanos - startedNanos));
        answerMicros.recordValue(micros(doneNanos - sentNanos));
        if (response.freshConnection()) {
            freshConnectionMicros.recordValue(latency);
        }
        seconds.computeIfAbsent((startedNanos - start - warmupNanos) / 1_000_000_000L, s -> new SecondStats())
                .add(latency);
        if (response.ok()) {
            events += eventCount;
        } else {
            errors++;
        }
    }

    /**
     * Notes one tick of the runner's timer. Gaps far above the timer's period mean the load generator itself was late
     * (its JVM paused, or it did not get a core), which no server could cause.
     */
    public void tick(long nowNanos, int backlog) {
        if (phase(nowNanos).equals("run")) {
            if (backlogAtWindowStart < 0) {
                backlogAtWindowStart = backlog;
            }
            if (lastTick >= 0) {
                tickGapMicros.recordValue(micros(nowNanos - lastTick));
            }
        }
        lastTick = nowNanos;
    }

    /**
     * Requests still waiting for a connection when the measured window opened (-1 before it opened): more than a
     * handful means the warmup's transient spills into the figures.
     */
    public int backlogAtWindowStart() {
        return backlogAtWindowStart;
    }

    private static long micros(long nanos) {
        return Math.clamp(nanos / 1_000, 0, HIGHEST_MICROS);
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

    /**
     * Intended start until handed to the HTTP client: the backlog's wait (all connections busy, or the generator late).
     */
    public Histogram waitMicros() {
        return waitMicros;
    }

    /** Handed to the HTTP client until answered: connect (if fresh), the request, the server, the response. */
    public Histogram answerMicros() {
        return answerMicros;
    }

    /** Latency of the requests that were the first on a newly opened connection. */
    public Histogram freshConnectionMicros() {
        return freshConnectionMicros;
    }

    /** Gaps between the runner's ticks (period 1 ms) inside the measured window. */
    public Histogram tickGapMicros() {
        return tickGapMicros;
    }

    /** Per second of the measured window (by intended start): requests, those over 100 ms, the slowest. */
    public Map<Long, SecondStats> seconds() {
        return seconds;
    }

    /** Latency of the requests due within one second of the run. */
    public static final class SecondStats {

        static final long SLOW_MICROS = 100_000;

        private long requests;
        private long slow;
        private long maxMicros;

        void add(long latencyMicros) {
            requests++;
            if (latencyMicros > SLOW_MICROS) {
                slow++;
            }
            maxMicros = Math.max(maxMicros, latencyMicros);
        }

        public long requests() {
            return requests;
        }

        public long slow() {
            return slow;
        }

        public long maxMicros() {
            return maxMicros;
        }
    }
}

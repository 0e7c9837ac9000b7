package io.windbell.loadgen.engine;

import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Requests at a fixed rate, optionally reached by a linear ramp: during the first {@code ramp} seconds the rate rises
 * from 0 to {@code rate}, then it holds. Without a ramp request {@code i} is intended to start at {@code i / rate}
 * seconds, whatever happened to the requests before it.
 * <p>
 * The ramp exists because the load generator's own JVM starts cold: sending the full rate on the first millisecond
 * makes its JIT compiler compete with the server for the cores while a backlog builds that takes many seconds to drain
 * at 70 % load (docs/benchmarks.md, "Ingest's one-second tail").
 */
public final class FixedRateSchedule implements Schedule {

    private final double ratePerNano;
    private final double rampNanos;
    private final long count;
    private final Supplier<Payload> payloads;
    private long index;

    public FixedRateSchedule(double ratePerSecond, long count, Supplier<Payload> payloads) {
        this(ratePerSecond, 0, count, payloads);
    }

    public FixedRateSchedule(double ratePerSecond, long rampNanos, long count, Supplier<Payload> payloads) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (rampNanos < 0) {
            throw new IllegalArgumentException("ramp must not be negative: " + rampNanos);
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.rampNanos = rampNanos;
        this.count = count;
        this.payloads = payloads;
    }

    /** How many requests a run of {@code seconds} at {@code rate} sends, at most {@code cap}. */
    public static long countFor(double ratePerSecond, double seconds, long cap) {
        return countFor(ratePerSecond, 0, seconds, cap);
    }

    /** How many requests a run of {@code seconds}, the first {@code rampSeconds} of them ramping up, sends. */
    public static long countFor(double ratePerSecond, double rampSeconds, double seconds, long cap) {
        double ramp = Math.min(rampSeconds, seconds);
        // the ramp sends the area under its line: rate * t^2 / (2 * ramp) by time t
        double inRamp = ramp > 0 ? ratePerSecond * ramp * ramp / (2 * rampSeconds) : 0;
        return Math.min(cap, (long) Math.ceil(inRamp + ratePerSecond * (seconds - ramp) - 1e-9));
    }

    /**
     * Intended start of request {@code i}, computed from the index so that no rounding error accumulates: on the ramp
     * the inverse of {@code i = rate * t^2 / (2 * ramp)}, after it {@code ramp + (i - rate * ramp / 2) / rate}.
     */
    public long intendedNanos(long i) {
        double inRamp = ratePerNano * rampNanos / 2;
        if (i < inRamp) {
            return Math.round(Math.sqrt(2 * i * rampNanos / ratePerNano));
        }
        return Math.round(rampNanos + (i - inRamp) / ratePerNano);
    }

    @Override
    public boolean hasNext() {
        return index < count;
    }

    @Override
    public long peekNanos() {
        return intendedNanos(index);
    }

    @Override
    public Planned next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return new Planned(intendedNanos(index++), payloads);
    }
}

package io.windbell.loadgen.engine;

import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Requests at a fixed rate: request {@code i} is intended to start at {@code i / rate} seconds, whatever happened to
 * the requests before it.
 */
public final class FixedRateSchedule implements Schedule {

    private final double intervalNanos;
    private final long count;
    private final Supplier<Payload> payloads;
    private long index;

    public FixedRateSchedule(double ratePerSecond, long count, Supplier<Payload> payloads) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.intervalNanos = 1e9 / ratePerSecond;
        this.count = count;
        this.payloads = payloads;
    }

    /** How many requests a run of {@code seconds} at {@code rate} sends, at most {@code cap}. */
    public static long countFor(double ratePerSecond, double seconds, long cap) {
        return Math.min(cap, (long) Math.ceil(ratePerSecond * seconds - 1e-9));
    }

    /** Intended start of request {@code i}, computed from the index so that no rounding error accumulates. */
    public long intendedNanos(long i) {
        return Math.round(i * intervalNanos);
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

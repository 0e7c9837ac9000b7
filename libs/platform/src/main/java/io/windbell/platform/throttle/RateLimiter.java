package io.windbell.platform.throttle;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (e.g. per client address): each key may make {@code burst} requests at once and then
 * {@code ratePerSecond} on average. Memory is bounded: a key whose bucket has refilled completely is no different from
 * a key never seen, so it is dropped (idle keys are swept as requests come), and beyond {@code maxKeys} the least
 * recently active key is dropped first (it starts again with a full bucket, which errs on the side of letting a
 * respondent in). The clock is injected so tests can move time without waiting. Thread-safe.
 */
public final class RateLimiter {

    /** The answer for one request: allowed, or refused until {@code retryAfterSeconds} from now (at least 1). */
    public record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOW = new Decision(true, 0);
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SWEEP_EVERY = 256;

    private final double ratePerNano;
    private final int burst;
    private final int maxKeys;
    private final long refillNanos;
    private final LongSupplier nanoClock;
    /** In access order: the eldest entry is the least recently active key. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);
    private int sinceSweep;

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    /**
     * @param ratePerSecond
     *            tokens added per second (may be below 1, e.g. 0.5 for one request every two seconds)
     * @param burst
     *            how many requests a key may make at once (the bucket's size)
     * @param maxKeys
     *            how many keys are remembered at most
     * @param nanoClock
     *            a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public RateLimiter(double ratePerSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate must be > 0, burst and maxKeys >= 1");
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.refillNanos = (long) Math.ceil(burst / this.ratePerNano);
        this.nanoClock = nanoClock;
    }

    /** Takes one token from {@code key}'s bucket, or says how long until one is there. */
    public synchronized Decision acquire(String key) {
        long now = nanoClock.getAsLong();
        if (++sinceSweep >= SWEEP_EVERY) {
            sinceSweep = 0;
            sweepIdle(now);
        }
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                Iterator<String> eldest = buckets.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            buckets.put(key, new Bucket(burst - 1, now));
            return Decision.ALLOW;
        }
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * ratePerNano);
        bucket.updated = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Decision.ALLOW;
        }
        double missingNanos = (1 - bucket.tokens) / ratePerNano;
        return new Decision(false, Math.max(1, (long) Math.ceil(missingNanos / NANOS_PER_SECOND)));
    }

    /** How many keys are remembered now. */
    public synchronized int size() {
        return buckets.size();
    }

    /** Drops keys idle long enough to have a full bucket again, eldest first (they are in access order). */
    private void sweepIdle(long now) {
        Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            if (now - it.next().getValue().updated < refillNanos) {
                return;
            }
            it.remove();
        }
    }
}

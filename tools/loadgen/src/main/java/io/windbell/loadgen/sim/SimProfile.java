package io.windbell.loadgen.sim;

/**
 * How simulated customers behave: chances per step (key nodes fail and lose people more often), what they do after a
 * failure, and how much faster than real life they move.
 *
 * @param timeScale
 *            real time divided by simulated time (60: a minute of a customer's life takes a second)
 * @param maxGapMillis
 *            longest pause between two events of one customer after compression
 */
public record SimProfile(double anonymousShare, double failKey, double failOther, double abandonKey,
        double abandonOther, double stallKey, double stallOther, double preferAssistedAtKey, double retryAfterFailure,
        double switchAfterFailure, double abandonAfterFailure, double retrySucceeds, double timeScale,
        long minGapMillis, long maxGapMillis) {

    public static SimProfile defaults(double timeScale) {
        return new SimProfile(0.35, 0.12, 0.02, 0.05, 0.015, 0.05, 0.015, 0.03, 0.45, 0.25, 0.15, 0.75, timeScale, 20,
                15_000);
    }

    /** A real-life duration squeezed by the time scale and kept within the gap bounds. */
    public long compress(double realMillis) {
        return Math.clamp(Math.round(realMillis / timeScale), minGapMillis, maxGapMillis);
    }
}

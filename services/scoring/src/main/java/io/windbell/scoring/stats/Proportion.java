package io.windbell.scoring.stats;

/** Estimates of a share {@code x / n} (success rate, top-2-box, response rate) with the binomial variance. */
public final class Proportion {

    private Proportion() {
    }

    public static Estimate of(long x, long n) {
        if (n == 0) {
            return Estimate.EMPTY;
        }
        double p = (double) x / n;
        return new Estimate(p, p * (1 - p) / n, n);
    }
}

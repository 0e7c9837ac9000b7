package io.windbell.scoring.stats;

/**
 * The mean of observations kept as the additive triple (n, sum, sum of squares), so that day rows add up to weeks and
 * months; the variance of the mean is {@code s² / n} with the unbiased sample variance {@code s²}.
 */
public final class Mean {

    private Mean() {
    }

    public static Estimate of(long n, double sum, double sumOfSquares) {
        if (n == 0) {
            return Estimate.EMPTY;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, 1);
        }
        double sampleVariance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        return new Estimate(mean, sampleVariance / n, n);
    }
}

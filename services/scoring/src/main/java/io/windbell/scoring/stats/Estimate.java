package io.windbell.scoring.stats;

/**
 * A metric's value with its sampling variance and sample size: what every comparison (trend, degradation, margin of
 * error) needs. The variance is of the estimate, not of the individual observations.
 *
 * @param value
 *            the estimate in the metric's unit ({@code NaN} when {@code n == 0})
 * @param variance
 *            the sampling variance of {@code value} ({@code NaN} when it cannot be estimated)
 */
public record Estimate(double value, double variance, long n) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static final Estimate EMPTY = new Estimate(Double.NaN, Double.NaN, 0);

    /** Half the width of the 95% confidence interval (normal approximation); {@code NaN} without a variance. */
    public double marginOfError95() {
        return Z95 * Math.sqrt(variance);
    }

    /** Whether this is an actual estimate (at least one observation and a finite variance). */
    public boolean defined() {
        return n > 0 && !Double.isNaN(value) && !Double.isNaN(variance);
    }
}

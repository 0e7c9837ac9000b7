package io.windbell.scoring.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Whether two estimates differ by more than chance: the z test of the difference of two independent estimates,
 * {@code z = (b - a) / sqrt(var(a) + var(b))}. For proportions with the pooled variance use {@link #twoProportions}.
 * One implementation for trends, degradation and pyramid arrows.
 */
public final class Significance {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private Significance() {
    }

    /** The outcome of a test: the statistic, its two-sided p-value, and whether p is below alpha. */
    public record Test(double z, double pValue, boolean significant) {

        public static final Test UNDEFINED = new Test(Double.NaN, Double.NaN, false);
    }

    /** Compares {@code current} with {@code baseline}; undefined (never significant) if either is undefined. */
    public static Test difference(Estimate baseline, Estimate current, double alpha) {
        if (!baseline.defined() || !current.defined()) {
            return Test.UNDEFINED;
        }
        double se = Math.sqrt(baseline.variance() + current.variance());
        if (se == 0) {
            return baseline.value() == current.value() ? new Test(0, 1, false) : Test.UNDEFINED;
        }
        return test((current.value() - baseline.value()) / se, alpha);
    }

    /**
     * The two-proportion z test with the pooled proportion: {@code x1} of {@code n1} against {@code x2} of {@code n2};
     * positive z when the second proportion is higher.
     */
    public static Test twoProportions(long x1, long n1, long x2, long n2, double alpha) {
        if (n1 == 0 || n2 == 0) {
            return Test.UNDEFINED;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new Test(0, 1, false);
        }
        return test((p2 - p1) / se, alpha);
    }

    private static Test test(double z, double alpha) {
        double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
        return new Test(z, p, p < alpha);
    }
}

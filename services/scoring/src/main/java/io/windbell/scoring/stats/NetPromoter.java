package io.windbell.scoring.stats;

/**
 * The Net Promoter Score from its three counts: {@code NPS = 100 (P - D) / n}. Each answer scores +100 (promoter,
 * 9-10), 0 (passive, 7-8) or -100 (detractor, 0-6), so NPS is a mean and its sampling variance is
 * {@code 100² (p + d - (p - d)²) / n} with the shares {@code p} and {@code d}: the margin of error is
 * {@code 1.96 sqrt(variance)}.
 */
public final class NetPromoter {

    private NetPromoter() {
    }

    public static Estimate of(long promoters, long passives, long detractors) {
        long n = promoters + passives + detractors;
        if (n == 0) {
            return Estimate.EMPTY;
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double nps = 100 * (p - d);
        double variance = 100 * 100 * (p + d - (p - d) * (p - d)) / n;
        return new Estimate(nps, variance, n);
    }
}

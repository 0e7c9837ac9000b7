package io.windbell.scoring.rollup;

import java.util.Arrays;

import io.windbell.scoring.stats.Estimate;
import io.windbell.scoring.stats.Mean;
import io.windbell.scoring.stats.NetPromoter;
import io.windbell.scoring.stats.Proportion;

/**
 * How many answers gave each score of a scale ({@code counts[k]} = answers scoring {@code min + k}): the additive state
 * of every X-data rollup row, from which NPS, CSAT, CES and their variances follow exactly. Rows add cell by cell, so a
 * week is the sum of its days.
 */
public final class ScoreCounts {

    private final int min;
    private final long[] counts;

    public ScoreCounts(int min, int max) {
        this(min, new long[max - min + 1]);
    }

    public ScoreCounts(int min, long[] counts) {
        this.min = min;
        this.counts = counts.clone();
    }

    /** The scale of a question type or anchor metric: NPS 0..10, CSAT 1..5, CES 1..7, RATING 1..5. */
    public static ScoreCounts forScale(String type) {
        return switch (type) {
        case "NPS" -> new ScoreCounts(0, 10);
        case "CSAT", "RATING" -> new ScoreCounts(1, 5);
        case "CES" -> new ScoreCounts(1, 7);
        default -> throw new IllegalArgumentException("not a scored type: " + type);
        };
    }

    /** Counts one answer; a score outside the scale is refused (the caller decides what to do with it). */
    public boolean add(int score) {
        int k = score - min;
        if (k < 0 || k >= counts.length) {
            return false;
        }
        counts[k]++;
        return true;
    }

    /** Adds another row of the same scale cell by cell. */
    public void add(ScoreCounts other) {
        if (other.min != min || other.counts.length != counts.length) {
            throw new IllegalArgumentException("different scales");
        }
        for (int k = 0; k < counts.length; k++) {
            counts[k] += other.counts[k];
        }
    }

    public long n() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Answers scoring from {@code low} to {@code high}, both included. */
    public long between(int low, int high) {
        long total = 0;
        for (int score = Math.max(low, min); score <= Math.min(high, min + counts.length - 1); score++) {
            total += counts[score - min];
        }
        return total;
    }

    public long[] counts() {
        return counts.clone();
    }

    public int min() {
        return min;
    }

    /** NPS (-100..100): promoters 9-10, passives 7-8, detractors 0-6 of a 0..10 scale. */
    public Estimate nps() {
        return NetPromoter.of(between(9, 10), between(7, 8), between(0, 6));
    }

    /** Share of the top two scores of the scale (CSAT top-2-box: 4 and 5). */
    public Estimate topTwoShare() {
        int max = min + counts.length - 1;
        return Proportion.of(between(max - 1, max), n());
    }

    /** Share of the bottom-of-scale "hard" answers of a 1..7 CES: 5, 6 and 7. */
    public Estimate hardShare() {
        return Proportion.of(between(5, 7), n());
    }

    /** Mean score with the variance of the mean. */
    public Estimate mean() {
        long n = 0;
        double sum = 0;
        double squares = 0;
        for (int k = 0; k < counts.length; k++) {
            int score = min + k;
            n += counts[k];
            sum += (double) counts[k] * score;
            squares += (double) counts[k] * score * score;
        }
        return Mean.of(n, sum, squares);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreCounts other && other.min == min && Arrays.equals(other.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * min + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ScoreCounts" + Arrays.toString(counts) + " from " + min;
    }
}

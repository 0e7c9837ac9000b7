package io.windbell.scoring.metrics;

import java.util.Arrays;

import org.HdrHistogram.Histogram;

/**
 * The rollup rows of one bucket and group added up: the sums of the source's additive columns in {@link Source#sums()}
 * order, the merged sketch ({@code null} when the source has none or no row had one), and the scale of the rows (the
 * question type of {@code factor_rollup}, else {@code null}).
 */
public record Totals(long[] sums, Histogram sketch, String scale) {

    public Totals {
        sums = sums.clone();
    }

    public long sum(int index) {
        return sums[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totals other && Arrays.equals(sums, other.sums)
                && java.util.Objects.equals(scale, other.scale) && java.util.Objects.equals(sketch, other.sketch);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sums);
    }

    @Override
    public String toString() {
        return "Totals" + Arrays.toString(sums) + (scale == null ? "" : " " + scale);
    }
}

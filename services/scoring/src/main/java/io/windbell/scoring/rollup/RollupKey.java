package io.windbell.scoring.rollup;

import java.time.LocalDate;

/**
 * The primary key of one rollup row in the column order of its table: {@code subject} is the metric, touchpoint,
 * journey or survey the row is about, {@code dimension} and {@code value} the slice (for {@code factor_rollup}: the
 * touchpoint and the question type; for {@code invitation_rollup}: the delivery channel and {@code ''}). The region is
 * not part of the key: it follows from the branch (the batch's {@code Attribution}). Keys sort in primary key order, so
 * that every writer locks rows in the same order.
 */
public record RollupKey(String subject, String dimension, String value, LocalDate day, String branchId)
        implements Comparable<RollupKey> {

    /** The key of a row of a table with a {@code dimension} column; {@code null} values are {@code ''}. */
    public static RollupKey of(String subject, Dimension dimension, String value, Place place) {
        return new RollupKey(subject, dimension.code(), value == null ? "" : value, place.day(), place.branchId());
    }

    // written out rather than a Comparator chain: a batch sorts thousands of keys (a profile showed the chain)
    @Override
    public int compareTo(RollupKey other) {
        int c = subject.compareTo(other.subject);
        if (c == 0) {
            c = dimension.compareTo(other.dimension);
        }
        if (c == 0) {
            c = value.compareTo(other.value);
        }
        if (c == 0) {
            c = day.compareTo(other.day);
        }
        return c != 0 ? c : branchId.compareTo(other.branchId);
    }

    /** Where and when one event is counted: its bank day and branch. */
    public record Place(LocalDate day, String branchId) {
    }
}

package io.windbell.scoring.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The rollup table a metric reads, and how: the additive columns it sums (in the order {@link Totals#sums()} holds
 * them), the sketch it merges, the slices of its {@code dimension} column and the dimensions that are columns of their
 * own (the API name, then the column). Every metric of one source reads the same sums.
 */
public enum Source {
    /** {@code response_rollup}: n and the eleven cells of a 0..10 scale (CSAT and CES use the first 5 and 7). */
    RESPONSES("response_rollup", "metric", counts(), null,
            Set.of("journey", "phase", "channel", "employee", "product", "tier", "survey"), Map.of(), null),
    /** {@code factor_rollup}: as {@link #RESPONSES}, per question type (always a group: scales do not mix). */
    FACTORS("factor_rollup", null, counts(), null, Set.of(), Map.of("journey", "journey", "touchpoint", "touchpoint"),
            "question_type"),
    /** {@code invitation_rollup}: invited, responded, expired. */
    INVITATIONS("invitation_rollup", null, List.of("invited", "responded", "expired"), null, Set.of(),
            Map.of("survey", "survey_code", "channel", "channel"), null),
    /** {@code touchpoint_rollup}: n, successes, failures, abandoned, duration_n, duration_sum; the duration sketch. */
    TOUCHPOINTS("touchpoint_rollup", null,
            List.of("n", "successes", "failures", "abandoned", "duration_n", "duration_sum"), "duration_hist",
            Set.of("channel", "employee", "product", "tier"), Map.of("touchpoint", "touchpoint"), null),
    /**
     * {@code journey_rollup}: started, completed, interrupted, resumed, ended, switched, ttc_n, ttc_sum; ttc sketch.
     */
    JOURNEYS("journey_rollup", null,
            List.of("started", "completed", "interrupted", "resumed", "ended", "switched", "ttc_n", "ttc_sum"),
            "ttc_hist", Set.of("channel", "product", "tier"), Map.of("journey", "journey"), null);

    /** The most cells a {@code counts} array has (NPS, 0..10). */
    static final int MAX_CELLS = 11;

    private final String table;
    private final String subjectColumn;
    private final List<String> sums;
    private final String sketch;
    private final Set<String> rowDimensions;
    private final Map<String, String> columnDimensions;
    private final String scaleColumn;

    Source(String table, String subjectColumn, List<String> sums, String sketch, Set<String> rowDimensions,
            Map<String, String> columnDimensions, String scaleColumn) {
        this.table = table;
        this.subjectColumn = subjectColumn;
        this.sums = sums;
        this.sketch = sketch;
        this.rowDimensions = rowDimensions;
        this.columnDimensions = columnDimensions;
        this.scaleColumn = scaleColumn;
    }

    private static List<String> counts() {
        List<String> sums = new ArrayList<>(List.of("n"));
        IntStream.rangeClosed(1, MAX_CELLS).forEach(k -> sums.add("counts[" + k + "]"));
        return List.copyOf(sums);
    }

    public String table() {
        return table;
    }

    /** The column the metric's anchor is stored in ({@code response_rollup.metric}), or {@code null}. */
    String subjectColumn() {
        return subjectColumn;
    }

    List<String> sums() {
        return sums;
    }

    /** The sketch column, or {@code null}. */
    String sketch() {
        return sketch;
    }

    /** Whether the table slices by a {@code dimension}/{@code value} pair. */
    boolean hasDimensionColumn() {
        return !rowDimensions.isEmpty();
    }

    boolean isRowDimension(String dimension) {
        return rowDimensions.contains(dimension);
    }

    /** The column of a dimension that is a column of its own, or {@code null}. */
    String column(String dimension) {
        return columnDimensions.get(dimension);
    }

    /** The dimensions that are columns of their own (and so filters too: journey, touchpoint, survey, channel). */
    public Set<String> columnDimensions() {
        return columnDimensions.keySet();
    }

    /** The column of the scale of each row ({@code question_type}), always grouped by, or {@code null}. */
    String scaleColumn() {
        return scaleColumn;
    }

    /** Every dimension a metric of this source can be grouped by, besides branch and region. */
    public Set<String> dimensions() {
        Set<String> all = new TreeSet<>(rowDimensions);
        all.addAll(columnDimensions.keySet());
        return all;
    }
}

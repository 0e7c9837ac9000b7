package io.windbell.scoring.rollup;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.platform.security.DataScope;

/**
 * Period totals of the rollup tables of {@code V2__rollups.sql} (the contract; another part of scoring fills them):
 * sums over the days {@code [from, to]} (both included, the bank's days) of the rows a {@link DataScope.Filter} lets
 * through. PostgreSQL adds the day rows up, so a read returns one row per key, never one per day.
 */
@ApplicationScoped
public class RollupReader {

    /**
     * The cell-by-cell sums of a {@code counts} array of up to 11 cells (NPS 0..10), one column each: on the bench's
     * rollups summing one column per cell took a fifth of the time of unnesting every row's array and grouping by cell.
     */
    private static final String CELL_SUMS = IntStream.rangeClosed(1, 11).mapToObj(k -> "sum(r.counts[" + k + "])")
            .collect(Collectors.joining(", "));

    /** The key of a question factor: a touchpoint question asked in a journey's survey, by question type. */
    public record FactorKey(String journey, String touchpoint, String questionType) {
    }

    /** A touchpoint's outcomes over a period (dimension {@code all}). */
    public record TouchpointTotals(long n, long successes, long failures, long abandoned) {

        public static final TouchpointTotals NONE = new TouchpointTotals(0, 0, 0, 0);

        public TouchpointTotals plus(TouchpointTotals other) {
            return new TouchpointTotals(n + other.n, successes + other.successes, failures + other.failures,
                    abandoned + other.abandoned);
        }
    }

    /** A journey's starts and ends over a period (dimension {@code all}); {@code ended = completed + interrupted}. */
    public record JourneyTotals(long started, long completed, long interrupted, long ended) {

        public static final JourneyTotals NONE = new JourneyTotals(0, 0, 0, 0);

        public JourneyTotals plus(JourneyTotals other) {
            return new JourneyTotals(started + other.started, completed + other.completed,
                    interrupted + other.interrupted, ended + other.ended);
        }
    }

    /**
     * Anchor answers of {@code metric} (NPS, CSAT, CES) by the values of {@code dimension} ({@code all} has the one
     * value {@code ''}).
     */
    public Map<String, ScoreCounts> responsesBy(Connection connection, String metric, String dimension, LocalDate from,
            LocalDate to, DataScope.Filter filter) throws SQLException {
        Where where = Where.of(from, to, filter).and("metric = ?", metric).and("dimension = ?", dimension);
        String sql = "select r.value, " + CELL_SUMS + " from response_rollup r where " + where.sql
                + " group by r.value";
        ScoreCounts scale = ScoreCounts.forScale(metric);
        Map<String, ScoreCounts> counts = new HashMap<>();
        try (PreparedStatement select = where.prepare(connection, sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), new ScoreCounts(scale.min(), cells(rows, 2, scale.counts().length)));
            }
        }
        return counts;
    }

    /** Answers to touchpoint questions by journey, touchpoint and question type. */
    public Map<FactorKey, ScoreCounts> factors(Connection connection, LocalDate from, LocalDate to,
            DataScope.Filter filter) throws SQLException {
        Where where = Where.of(from, to, filter);
        String sql = "select r.journey, r.touchpoint, r.question_type, " + CELL_SUMS + " from factor_rollup r where "
                + where.sql + " group by r.journey, r.touchpoint, r.question_type";
        Map<FactorKey, ScoreCounts> counts = new HashMap<>();
        try (PreparedStatement select = where.prepare(connection, sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String type = rows.getString(3);
                if (!scored(type)) {
                    continue; // a type this reader does not know (a newer writer): not a score it can add up
                }
                ScoreCounts scale = ScoreCounts.forScale(type);
                counts.put(new FactorKey(rows.getString(1), rows.getString(2), type),
                        new ScoreCounts(scale.min(), cells(rows, 4, scale.counts().length)));
            }
        }
        return counts;
    }

    /** Outcomes by touchpoint. */
    public Map<String, TouchpointTotals> touchpoints(Connection connection, LocalDate from, LocalDate to,
            DataScope.Filter filter) throws SQLException {
        return sumsBy(connection, "touchpoint_rollup", "touchpoint", "n, successes, failures, abandoned", from, to,
                filter, sums -> new TouchpointTotals(sums[0], sums[1], sums[2], sums[3]));
    }

    /** Starts and ends by journey. */
    public Map<String, JourneyTotals> journeys(Connection connection, LocalDate from, LocalDate to,
            DataScope.Filter filter) throws SQLException {
        return sumsBy(connection, "journey_rollup", "journey", "started, completed, interrupted, ended", from, to,
                filter, sums -> new JourneyTotals(sums[0], sums[1], sums[2], sums[3]));
    }

    /** The sums of {@code columns} (dimension {@code all}) by {@code key}, each turned into a record. */
    private static <T> Map<String, T> sumsBy(Connection connection, String table, String key, String columns,
            LocalDate from, LocalDate to, DataScope.Filter filter, Function<long[], T> record) throws SQLException {
        String[] names = columns.split(", ");
        // a literal, not a parameter: the partial index of V8 (dimension = 'all') serves only plans that know it
        Where where = Where.of(from, to, filter).and("dimension = 'all'");
        String sql = "select " + key + ", sum(" + String.join("), sum(", names) + ") from " + table + " where "
                + where.sql + " group by " + key;
        Map<String, T> totals = new HashMap<>();
        try (PreparedStatement select = where.prepare(connection, sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long[] sums = new long[names.length];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = rows.getLong(i + 2);
                }
                totals.put(rows.getString(1), record.apply(sums));
            }
        }
        return totals;
    }

    private static boolean scored(String type) {
        return "NPS".equals(type) || "CSAT".equals(type) || "CES".equals(type) || "RATING".equals(type);
    }

    /** Adds a 1-based cell; a cell beyond the scale (a corrupt row) is ignored rather than failing the whole read. */
    /** The first {@code size} cell sums of a row, from column {@code first} on (a sum over no cell is 0). */
    private static long[] cells(ResultSet rows, int first, int size) throws SQLException {
        long[] cells = new long[size];
        for (int k = 0; k < size; k++) {
            cells[k] = rows.getLong(first + k);
        }
        return cells;
    }

    /** The conditions every period read shares (the days and the scope), and their parameters in order. */
    private static final class Where {

        private final String sql;
        private final List<Object> parameters;

        private Where(String sql, List<Object> parameters) {
            this.sql = sql;
            this.parameters = parameters;
        }

        static Where of(LocalDate from, LocalDate to, DataScope.Filter filter) {
            Where where = new Where("day between ? and ?",
                    new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to))));
            if (filter.branchId() != null) {
                where = where.and("branch_id = ?", filter.branchId());
            }
            if (filter.regionId() != null) {
                where = where.and("region_id = ?", filter.regionId());
            }
            return where;
        }

        Where and(String condition) {
            return new Where(sql + " and " + condition, parameters);
        }

        Where and(String condition, Object parameter) {
            List<Object> more = new ArrayList<>(parameters);
            more.add(parameter);
            return new Where(sql + " and " + condition, more);
        }

        PreparedStatement prepare(Connection connection, String statement) throws SQLException {
            PreparedStatement prepared = connection.prepareStatement(statement);
            for (int i = 0; i < parameters.size(); i++) {
                prepared.setObject(i + 1, parameters.get(i));
            }
            return prepared;
        }
    }
}

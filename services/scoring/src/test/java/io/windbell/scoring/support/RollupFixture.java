package io.windbell.scoring.support;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import io.windbell.scoring.rollup.ScoreCounts;

/**
 * Writes rows of the V2 rollup tables directly, as the folds would have left them: the index and pyramid read period
 * totals and need not wait for events to be folded.
 */
public final class RollupFixture {

    private final DataSource dataSource;

    public RollupFixture(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A score distribution from (score, how many) pairs: {@code tally("NPS", 10, 6, 3, 2)} is six 10s and two 3s. */
    public static ScoreCounts tally(String scale, int... scoreAndTimes) {
        ScoreCounts counts = ScoreCounts.forScale(scale);
        for (int i = 0; i < scoreAndTimes.length; i += 2) {
            for (int k = 0; k < scoreAndTimes[i + 1]; k++) {
                counts.add(scoreAndTimes[i]);
            }
        }
        return counts;
    }

    /** Deletes every rollup row of the days {@code [from, to]}, so that a test starts from what it writes. */
    public void clear(LocalDate from, LocalDate to) throws SQLException {
        for (String table : new String[] { "response_rollup", "factor_rollup", "touchpoint_rollup",
                "journey_rollup" }) {
            update("delete from " + table + " where day between ? and ?", Date.valueOf(from), Date.valueOf(to));
        }
    }

    public RollupFixture response(String metric, String dimension, String value, String day, String branch,
            String region, ScoreCounts counts) throws SQLException {
        update("insert into response_rollup (metric, dimension, value, day, branch_id, region_id, n, counts)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", metric, dimension, value, Date.valueOf(day), branch, region,
                counts.n(), counts);
        return this;
    }

    public RollupFixture factor(String journey, String touchpoint, String questionType, String day, String branch,
            String region, ScoreCounts counts) throws SQLException {
        update("insert into factor_rollup (journey, touchpoint, question_type, day, branch_id, region_id, n, counts)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", journey, touchpoint, questionType, Date.valueOf(day), branch,
                region, counts.n(), counts);
        return this;
    }

    /** A touchpoint's outcomes of one day (dimension {@code all}, no durations). */
    public RollupFixture touchpoint(String touchpoint, String day, String branch, String region, long n, long successes,
            long failures, long abandoned) throws SQLException {
        update("insert into touchpoint_rollup (touchpoint, dimension, value, day, branch_id, region_id, n, successes,"
                + " failures, abandoned, duration_n, duration_sum) values (?, 'all', '', ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                touchpoint, Date.valueOf(day), branch, region, n, successes, failures, abandoned);
        return this;
    }

    /** A journey's starts and ends of one day (dimension {@code all}); ended = completed + interrupted. */
    public RollupFixture journey(String journey, String day, String branch, String region, long started, long completed,
            long interrupted) throws SQLException {
        update("insert into journey_rollup (journey, dimension, value, day, branch_id, region_id, started, completed,"
                + " interrupted, resumed, ended, switched, ttc_n, ttc_sum) values (?, 'all', '', ?, ?, ?, ?, ?, ?, 0,"
                + " ?, 0, 0, 0)", journey, Date.valueOf(day), branch, region, started, completed, interrupted,
                completed + interrupted);
        return this;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof ScoreCounts counts) {
                    Long[] cells = java.util.Arrays.stream(counts.counts()).boxed().toArray(Long[]::new);
                    parameter = connection.createArrayOf("bigint", cells);
                }
                statement.setObject(i + 1, parameter);
            }
            statement.executeUpdate();
        }
    }
}

package io.windbell.scoring.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.platform.security.DataScope;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.stats.Estimate;

/**
 * The O-data summary of one touchpoint: one {@link MetricsQuery} row (bucket TOTAL) read as every touchpoint metric,
 * and the top error codes from {@code touchpoint_error_rollup}.
 */
@ApplicationScoped
public class TouchpointODataQuery {

    public static final int TOP_ERRORS = 20;

    private static final String ERRORS = "select error_code, sum(n) as n from touchpoint_error_rollup r"
            + " where r.touchpoint = ? and r.day between ?::date and ?::date"
            + " and (?::text is null or r.branch_id = ?) and (?::text is null or r.region_id = ?)"
            + " group by error_code order by n desc, error_code collate \"C\" limit " + TOP_ERRORS;

    private static final Totals NONE = new Totals(new long[Source.TOUCHPOINTS.sums().size()], null, null);

    private final MetricsQuery metrics;
    private final DataSource dataSource;
    private final ScoringConfig config;

    public TouchpointODataQuery(MetricsQuery metrics, DataSource dataSource, ScoringConfig config) {
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The summary of [from, to] within {@code scope}. */
    public TouchpointOData summary(String touchpoint, LocalDate from, LocalDate to, String channel,
            DataScope.Filter scope) {
        MetricRequest request = new MetricRequest(Metric.SUCCESS_RATE, null, null, Bucket.TOTAL, from, to, null,
                touchpoint, channel);
        List<MetricsQuery.Row> rows = metrics.rows(request, scope);
        Totals totals = rows.isEmpty() ? NONE : rows.getFirst().totals();
        return summary(touchpoint, from, to, channel, totals, errors(touchpoint, from, to, scope));
    }

    /** The summary of no events: what a caller asking outside their scope gets. */
    public TouchpointOData nothing(String touchpoint, LocalDate from, LocalDate to, String channel) {
        return summary(touchpoint, from, to, channel, NONE, List.of());
    }

    private TouchpointOData summary(String touchpoint, LocalDate from, LocalDate to, String channel, Totals totals,
            List<TouchpointOData.ErrorCount> errors) {
        Estimate success = Metric.SUCCESS_RATE.read(totals).estimate();
        return new TouchpointOData(touchpoint, from, to, channel, totals.sum(0), success,
                Metric.ERROR_RATE.read(totals).estimate(), Metric.ABANDONMENT_RATE.read(totals).estimate(), errors,
                Metric.DURATION_P50.read(totals).estimate(), Metric.DURATION_P90.read(totals).estimate(),
                success.n() < config.lowSampleSize());
    }

    private List<TouchpointOData.ErrorCount> errors(String touchpoint, LocalDate from, LocalDate to,
            DataScope.Filter scope) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ERRORS)) {
            select.setString(1, touchpoint);
            select.setString(2, from.toString());
            select.setString(3, to.toString());
            select.setString(4, scope.branchId());
            select.setString(5, scope.branchId());
            select.setString(6, scope.regionId());
            select.setString(7, scope.regionId());
            List<TouchpointOData.ErrorCount> errors = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    errors.add(new TouchpointOData.ErrorCount(rows.getString(1), rows.getLong(2)));
                }
            }
            return errors;
        } catch (SQLException e) {
            throw new IllegalStateException("error code query failed", e);
        }
    }
}

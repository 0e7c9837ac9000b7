package io.windbell.scoring.driver;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.platform.security.DataScope;

/** The {@code driver_observation} table: one row per response, written by {@link DriverFold}, read by the analysis. */
@ApplicationScoped
public class DriverStore {

    /** One response as the regression needs it. */
    public record Row(UUID responseId, String journey, Instant respondedAt, LocalDate day, String branchId,
            String regionId, AnchorMetric metric, double anchor, Map<String, Double> factors) {
    }

    /** Inserts the batch's observations; a response already stored is left as it is. */
    public void insert(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into driver_observation (response_id, journey, responded_at, day, branch_id, region_id,
                  anchor_metric, anchor, factor_codes, factor_scores)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (response_id) do nothing
                """)) {
            for (Row row : rows) {
                List<String> codes = List.copyOf(row.factors().keySet());
                insert.setObject(1, row.responseId());
                insert.setString(2, row.journey());
                insert.setTimestamp(3, Timestamp.from(row.respondedAt()));
                insert.setDate(4, Date.valueOf(row.day()));
                insert.setString(5, row.branchId());
                insert.setString(6, row.regionId());
                insert.setString(7, row.metric().name());
                insert.setDouble(8, row.anchor());
                insert.setArray(9, connection.createArrayOf("varchar", codes.toArray()));
                insert.setArray(10, connection.createArrayOf("float8",
                        codes.stream().map(row.factors()::get).toArray(Double[]::new)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The observations of one journey and anchor metric responded in [from, to), within the filter; {@code metric}
     * {@code null} reads the metric most responses of the window are anchored on.
     */
    public List<DriverDesign.Observation> load(Connection connection, String journey, AnchorMetric metric, Instant from,
            Instant to, DataScope.Filter filter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select anchor, factor_codes, factor_scores from driver_observation
                where journey = ? and anchor_metric = ? and responded_at >= ? and responded_at < ?
                  and (?::varchar is null or branch_id = ?) and (?::varchar is null or region_id = ?)
                """)) {
            select.setString(1, journey);
            select.setString(2, metric.name());
            select.setTimestamp(3, Timestamp.from(from));
            select.setTimestamp(4, Timestamp.from(to));
            bindScope(select, 5, filter);
            List<DriverDesign.Observation> observations = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    observations.add(new DriverDesign.Observation(rows.getDouble(1),
                            factors(rows.getArray(2), rows.getArray(3))));
                }
            }
            return observations;
        }
    }

    /** The anchor metric most responses of the window are anchored on; {@code null} when there are none. */
    public AnchorMetric dominantMetric(Connection connection, String journey, Instant from, Instant to,
            DataScope.Filter filter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select anchor_metric from driver_observation
                where journey = ? and responded_at >= ? and responded_at < ?
                  and (?::varchar is null or branch_id = ?) and (?::varchar is null or region_id = ?)
                group by anchor_metric order by count(*) desc, anchor_metric limit 1
                """)) {
            select.setString(1, journey);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            bindScope(select, 4, filter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? AnchorMetric.valueOf(rows.getString(1)) : null;
            }
        }
    }

    /** Deletes at most {@code limit} observations responded before {@code cutoff}; for the retention purge. */
    public static int purge(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from driver_observation where response_id in (
                  select response_id from driver_observation where responded_at < ? limit ?)
                """)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    /** Binds the four parameters of {@code (? is null or branch_id = ?) and (? is null or region_id = ?)}. */
    private static void bindScope(PreparedStatement statement, int first, DataScope.Filter filter) throws SQLException {
        statement.setString(first, filter.branchId());
        statement.setString(first + 1, filter.branchId());
        statement.setString(first + 2, filter.regionId());
        statement.setString(first + 3, filter.regionId());
    }

    private static Map<String, Double> factors(Array codes, Array scores) throws SQLException {
        String[] names = (String[]) codes.getArray();
        Double[] values = (Double[]) scores.getArray();
        Map<String, Double> factors = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            factors.put(names[i], values[i]);
        }
        return factors;
    }
}

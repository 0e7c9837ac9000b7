package io.windbell.scoring.metrics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;

import io.windbell.platform.security.DataScope;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.rollup.Dimension;
import io.windbell.scoring.rollup.Sketches;

/**
 * Metric series from the rollup day rows: PostgreSQL sums the rows of each bucket and group (one {@code group by}
 * statement; days map to buckets through a day → bucket-start table that {@link Bucket} computes), Java merges the
 * sketches and turns the sums into estimates with {@link Metric#read}. Points are ordered by bucket, then by the group
 * values in byte order; buckets and groups without rows are absent.
 */
@ApplicationScoped
public class MetricsQuery {

    /** The summed rows of one bucket and group, before they become a metric value. */
    public record Row(LocalDate bucketStart, Map<String, String> group, Totals totals) {
    }

    private final DataSource dataSource;
    private final ScoringConfig config;

    public MetricsQuery(DataSource dataSource, ScoringConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The series of {@code request} within {@code scope} (the caller's narrowed branch and region filter). */
    public List<MetricPoint> query(MetricRequest request, DataScope.Filter scope) {
        List<MetricPoint> points = new ArrayList<>();
        for (Row row : rows(request, scope)) {
            Metric.Reading reading = request.metric().read(row.totals());
            points.add(new MetricPoint(row.bucketStart(), row.group(), reading.estimate(),
                    reading.estimate().n() < config.lowSampleSize(), reading.components()));
        }
        return points;
    }

    /** The summed rows of each bucket and group of {@code request} within {@code scope}. */
    public List<Row> rows(MetricRequest request, DataScope.Filter scope) {
        Statement statement = Statement.of(request, scope);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(statement.sql())) {
            Map<LocalDate, LocalDate> starts = request.bucket().starts(request.from(), request.to());
            select.setArray(1,
                    connection.createArrayOf("text", starts.keySet().stream().map(Object::toString).toArray()));
            select.setArray(2,
                    connection.createArrayOf("text", starts.values().stream().map(Object::toString).toArray()));
            for (int i = 0; i < statement.parameters().size(); i++) {
                select.setObject(i + 3, statement.parameters().get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(read(result, request.metric().source(), statement.groupNames()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("metric query failed", e);
        }
    }

    private static Row read(ResultSet result, Source source, List<String> groupNames) throws SQLException {
        int column = 1;
        LocalDate bucketStart = result.getObject(column++, LocalDate.class);
        Map<String, String> group = new LinkedHashMap<>();
        for (String name : groupNames) {
            group.put(name, result.getString(column++));
        }
        long[] sums = new long[source.sums().size()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = result.getLong(column++);
        }
        Histogram sketch = null;
        if (source.sketch() != null) {
            Array stored = result.getArray(column);
            if (stored != null) {
                sketch = Sketches.empty();
                for (Object bytes : (Object[]) stored.getArray()) {
                    Sketches.addEncoded(sketch, (byte[]) bytes);
                }
            }
        }
        String scale = source.scaleColumn() == null ? null : group.get(Statement.SCALE);
        return new Row(bucketStart, group, new Totals(sums, sketch, scale));
    }

    /** The SQL of one request, its parameters after the two day arrays, and the names of its group columns. */
    record Statement(String sql, List<Object> parameters, List<String> groupNames) {

        /** The group name of the scale column of {@link Source#FACTORS}. */
        static final String SCALE = "questionType";

        static Statement of(MetricRequest request, DataScope.Filter scope) {
            Source source = request.metric().source();
            List<String> names = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            List<String> where = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            where.add("r.day between ?::date and ?::date");
            parameters.add(request.from().toString());
            parameters.add(request.to().toString());
            if (source.subjectColumn() != null) {
                where.add("r." + source.subjectColumn() + " = ?");
                parameters.add(request.metric().anchor());
            }
            if (source.scaleColumn() != null) {
                names.add(SCALE);
                expressions.add("r." + source.scaleColumn());
            }
            String dimension = request.dimension();
            boolean sliced = dimension != null && source.isRowDimension(dimension);
            if (dimension != null) {
                names.add(dimension);
                expressions.add(sliced ? "r.value" : "r." + source.column(dimension));
            }
            if (source.hasDimensionColumn()) {
                // rows of one slice only: every slice adds up to the total, so two would count each event twice
                where.add("r.dimension = ?");
                if (sliced) {
                    parameters.add(dimension);
                } else if (request.channel() != null) {
                    parameters.add(Dimension.CHANNEL.code());
                    where.add("r.value = ?");
                    parameters.add(request.channel());
                } else {
                    parameters.add(Dimension.ALL.code());
                }
            }
            if (request.place() != null) {
                names.add(request.place().code());
                expressions.add("r." + request.place().column());
            }
            filter(where, parameters, source.column("journey"), request.journey());
            filter(where, parameters, source.column("touchpoint"), request.touchpoint());
            filter(where, parameters, "branch_id", scope.branchId());
            filter(where, parameters, "region_id", scope.regionId());

            StringBuilder sql = new StringBuilder("select b.bucket");
            expressions.forEach(e -> sql.append(", ").append(e));
            source.sums().forEach(c -> sql.append(", sum(r.").append(c).append(')'));
            if (source.sketch() != null) {
                sql.append(", array_agg(r.").append(source.sketch()).append(") filter (where r.")
                        .append(source.sketch()).append(" is not null)");
            }
            sql.append(" from ").append(source.table())
                    .append(" r join unnest(?::date[], ?::date[]) as b(day, bucket) on b.day = r.day where ")
                    .append(String.join(" and ", where)).append(" group by b.bucket");
            expressions.forEach(e -> sql.append(", ").append(e));
            sql.append(" order by b.bucket");
            expressions.forEach(e -> sql.append(", ").append(e).append(" collate \"C\""));
            return new Statement(sql.toString(), parameters, names);
        }

        private static void filter(List<String> where, List<Object> parameters, String column, String value) {
            if (value != null) {
                if (column == null) {
                    throw new IllegalArgumentException("no column to filter by for " + value);
                }
                where.add("r." + column + " = ?");
                parameters.add(value);
            }
        }
    }
}

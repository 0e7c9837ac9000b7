package io.windbell.scoring.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;

import io.windbell.contracts.Topics;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.rollup.ColumnArrays.Kind;
import io.windbell.scoring.rollup.RollupKey.Place;

/**
 * O-data per touchpoint: folds {@code touchpoint.recorded} into {@code touchpoint_rollup} (dimensions all, channel,
 * employee, product, tier; anonymous events count under tier {@code ''}) and failures with an error code into
 * {@code touchpoint_error_rollup}. The volume topic: the batch is aggregated in memory and each table gets one upsert
 * (plus one sketch update) per batch, whatever the number of events.
 */
@ApplicationScoped
public class TouchpointRollupFold implements Fold {

    private static final String UPSERT = """
            insert into touchpoint_rollup as t (touchpoint, dimension, value, day, branch_id, region_id, n, successes,
                failures, abandoned, duration_n, duration_sum)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[],
                ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
            on conflict (touchpoint, dimension, value, day, branch_id) do update set
                n = t.n + excluded.n, successes = t.successes + excluded.successes,
                failures = t.failures + excluded.failures, abandoned = t.abandoned + excluded.abandoned,
                duration_n = t.duration_n + excluded.duration_n, duration_sum = t.duration_sum + excluded.duration_sum
            returning touchpoint, dimension, value, day, branch_id, duration_hist
            """;

    private static final String SKETCH_UPDATE = """
            update touchpoint_rollup t set duration_hist = u.h
            from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::bytea[])
                as u(touchpoint, dimension, value, day, branch_id, h)
            where t.touchpoint = u.touchpoint and t.dimension = u.dimension and t.value = u.value and t.day = u.day
              and t.branch_id = u.branch_id
            """;

    private static final String UPSERT_ERRORS = """
            insert into touchpoint_error_rollup as t (touchpoint, error_code, day, branch_id, region_id, n)
            select * from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[])
            on conflict (touchpoint, error_code, day, branch_id) do update set n = t.n + excluded.n
            """;

    /** The additive state of one {@code touchpoint_rollup} row of a batch. */
    private static final class Counts {
        long n;
        long successes;
        long failures;
        long abandoned;
        long durationN;
        long durationSum;
        Histogram durations;

        void add(TouchpointRecorded event) {
            n++;
            switch (event.outcome()) {
            case SUCCESS -> successes++;
            case FAILURE -> failures++;
            case ABANDONED -> abandoned++;
            case INFO -> {
                // counted in n only: an INFO event reports no outcome
            }
            }
            Long duration = event.durationMs();
            if (duration != null && duration >= 0) {
                durationN++;
                durationSum += duration;
                if (durations == null) {
                    durations = Sketches.empty();
                }
                durations.recordValue(duration);
            }
        }
    }

    @Override
    public boolean reads(String topic) {
        return Topics.TOUCHPOINT_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        Attribution attribution = batch.attribution();
        Map<RollupKey, Counts> rows = new HashMap<>();
        Map<RollupKey, long[]> errors = new HashMap<>();
        for (TouchpointRecorded event : batch.payloads(TouchpointRecorded.class)) {
            Place place = new Place(attribution.day(event.occurredAt().toInstant()),
                    attribution.branch(event.customerId(), event.branchId()));
            String touchpoint = event.touchpoint();
            count(rows, RollupKey.of(touchpoint, Dimension.ALL, "", place), event);
            count(rows, RollupKey.of(touchpoint, Dimension.CHANNEL, event.channel(), place), event);
            count(rows, RollupKey.of(touchpoint, Dimension.EMPLOYEE, event.employeeId(), place), event);
            count(rows, RollupKey.of(touchpoint, Dimension.PRODUCT, event.productId(), place), event);
            count(rows, RollupKey.of(touchpoint, Dimension.TIER, attribution.tier(event.customerId()), place), event);
            if (event.outcome() == Outcome.FAILURE && event.errorCode() != null) {
                // error_code takes the place of the dimension: the table has no value column
                errors.computeIfAbsent(new RollupKey(touchpoint, event.errorCode(), "", place.day(), place.branchId()),
                        k -> new long[1])[0]++;
            }
        }
        writeRows(connection, rows, attribution);
        writeErrors(connection, errors, attribution);
    }

    private static void count(Map<RollupKey, Counts> rows, RollupKey key, TouchpointRecorded event) {
        rows.computeIfAbsent(key, k -> new Counts()).add(event);
    }

    private static void writeRows(Connection connection, Map<RollupKey, Counts> rows, Attribution attribution)
            throws SQLException {
        ColumnArrays columns = new ColumnArrays(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT,
                Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG, Kind.LONG);
        Map<RollupKey, Histogram> sketches = new HashMap<>();
        for (Map.Entry<RollupKey, Counts> row : new TreeMap<>(rows).entrySet()) {
            RollupKey key = row.getKey();
            Counts counts = row.getValue();
            columns.row(key.subject(), key.dimension(), key.value(), key.day(), key.branchId(),
                    attribution.region(key.branchId()), counts.n, counts.successes, counts.failures, counts.abandoned,
                    counts.durationN, counts.durationSum);
            if (counts.durations != null) {
                sketches.put(key, counts.durations);
            }
        }
        RollupWriter.upsertSketched(connection, UPSERT, columns, sketches, SKETCH_UPDATE);
    }

    private static void writeErrors(Connection connection, Map<RollupKey, long[]> errors, Attribution attribution)
            throws SQLException {
        ColumnArrays columns = new ColumnArrays(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.LONG);
        for (Map.Entry<RollupKey, long[]> row : new TreeMap<>(errors).entrySet()) {
            RollupKey key = row.getKey();
            columns.row(key.subject(), key.dimension(), key.day(), key.branchId(), attribution.region(key.branchId()),
                    row.getValue()[0]);
        }
        RollupWriter.upsert(connection, UPSERT_ERRORS, columns);
    }
}

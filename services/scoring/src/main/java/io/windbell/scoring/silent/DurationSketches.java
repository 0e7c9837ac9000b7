package io.windbell.scoring.silent;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.scoring.rollup.Sketches;

/**
 * Per touchpoint, the durations of every {@code touchpoint.recorded} in an HdrHistogram
 * ({@code silent_duration_sketch}, 1 ms to 1 day, 2 significant digits, stored as the rollups store theirs:
 * {@link Sketches}): what "slower than the touchpoint's p90" is measured against. One row write per touchpoint per
 * batch.
 */
@ApplicationScoped
public class DurationSketches {

    /** Durations above a day are recorded as a day. */
    static final long MAX_MS = 86_400_000L;

    private final SilentConfig.Slow config;

    public DurationSketches(SilentConfig config) {
        this.config = config.slow();
    }

    /** Adds the batch's durations to the sketches of their touchpoints. */
    public void record(Connection connection, List<TouchpointRecorded> events) throws SQLException {
        // sorted: two replicas lock the same touchpoints in the same order
        Map<String, Histogram> fresh = new TreeMap<>();
        for (TouchpointRecorded event : events) {
            if (event.durationMs() != null && event.durationMs() >= 0 && event.touchpoint() != null) {
                fresh.computeIfAbsent(event.touchpoint(), code -> histogram())
                        .recordValue(Math.min(MAX_MS, event.durationMs()));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, Histogram> stored = load(connection, fresh.keySet(), true);
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into silent_duration_sketch (touchpoint, n, histogram) values (?, ?, ?)
                on conflict (touchpoint) do update set n = excluded.n, histogram = excluded.histogram
                """)) {
            for (Map.Entry<String, Histogram> entry : fresh.entrySet()) {
                Histogram merged = entry.getValue();
                Histogram before = stored.get(entry.getKey());
                if (before != null) {
                    merged.add(before);
                }
                upsert.setString(1, entry.getKey());
                upsert.setLong(2, merged.getTotalCount());
                upsert.setBytes(3, Sketches.encode(merged));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * The duration (ms) above which a visit of each touchpoint is slow: the configured percentile of its sketch, or the
     * fallback threshold while the sketch has fewer than {@code min-samples} durations.
     */
    public Map<String, Long> thresholds(Connection connection, Collection<String> touchpoints) throws SQLException {
        Map<String, Histogram> stored = touchpoints.isEmpty() ? Map.of() : load(connection, touchpoints, false);
        Map<String, Long> thresholds = new HashMap<>();
        for (String touchpoint : touchpoints) {
            Histogram histogram = stored.get(touchpoint);
            thresholds.put(touchpoint, histogram == null || histogram.getTotalCount() < config.minSamples()
                    ? config.fallbackThreshold().toMillis() : histogram.getValueAtPercentile(config.percentile()));
        }
        return thresholds;
    }

    private static Map<String, Histogram> load(Connection connection, Collection<String> touchpoints, boolean forUpdate)
            throws SQLException {
        Map<String, Histogram> sketches = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select touchpoint, histogram from silent_duration_sketch where touchpoint = any (?) order by touchpoint"
                        + (forUpdate ? " for update" : ""))) {
            Array codes = connection.createArrayOf("varchar", touchpoints.toArray());
            select.setArray(1, codes);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sketches.put(rows.getString(1), Sketches.decode(rows.getBytes(2)));
                }
            }
        }
        return sketches;
    }

    private static Histogram histogram() {
        return new Histogram(1, MAX_MS, 2);
    }
}

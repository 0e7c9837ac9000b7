package io.windbell.scoring.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Writes the rows of one batch into a rollup table: one {@code insert … select from unnest(…) on conflict do update}
 * for the additive columns, and for a table with a duration sketch one {@code update … from unnest(…)} with the merged
 * sketches. The upsert locks every row of the batch (in key order, as the rows are given) and returns the sketch each
 * row had; the merge happens in Java while the locks are held, so a concurrent consumer cannot lose a sketch update
 * (HdrHistogram's encoding cannot be merged in SQL).
 */
final class RollupWriter {

    private RollupWriter() {
    }

    /** Executes an upsert whose parameters are the column arrays of {@code rows}. */
    static void upsert(Connection connection, String sql, ColumnArrays rows) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            rows.bind(connection, upsert);
            upsert.execute();
        }
    }

    /**
     * Executes an upsert that inserts new rows without a sketch and returns, per row, the five key columns and the
     * stored sketch; then adds the batch's sketch of each key to what was stored and writes the merged sketches with
     * one update.
     *
     * @param sketchUpdate
     *            {@code update <table> t set <sketch> = u.h from unnest(?::text[], ?::text[], ?::text[], ?::date[],
     *            ?::text[], ?::bytea[]) as u(k1, k2, k3, day, branch, h) where …}
     */
    static void upsertSketched(Connection connection, String upsertReturningSketch, ColumnArrays rows,
            Map<RollupKey, Histogram> batchSketches, String sketchUpdate) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        ColumnArrays merged = new ColumnArrays(ColumnArrays.Kind.TEXT, ColumnArrays.Kind.TEXT, ColumnArrays.Kind.TEXT,
                ColumnArrays.Kind.TEXT, ColumnArrays.Kind.TEXT, ColumnArrays.Kind.BYTES);
        try (PreparedStatement upsert = connection.prepareStatement(upsertReturningSketch)) {
            rows.bind(connection, upsert);
            try (ResultSet stored = upsert.executeQuery()) {
                while (stored.next()) {
                    RollupKey key = new RollupKey(stored.getString(1), stored.getString(2), stored.getString(3),
                            stored.getObject(4, java.time.LocalDate.class), stored.getString(5));
                    Histogram sketch = batchSketches.get(key);
                    if (sketch == null) {
                        continue;
                    }
                    Sketches.addEncoded(sketch, stored.getBytes(6));
                    merged.row(key.subject(), key.dimension(), key.value(), key.day(), key.branchId(),
                            Sketches.encode(sketch));
                }
            }
        }
        upsert(connection, sketchUpdate, merged);
    }
}

package io.windbell.scoring.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.support.ScoringEvents;
import io.windbell.scoring.support.ScoringTestResource;

/**
 * The volume rule: a batch of 500 touchpoint events about 3 touchpoints leaves one row per key, written once (plus the
 * sketch update), never one write per event; a second batch of the same keys updates the same rows.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class FoldPerKeyTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private static final List<String> TOUCHPOINTS = List.of("perkey.a_" + RUN, "perkey.b_" + RUN, "perkey.c_" + RUN);
    private static final Instant AT = Instant.parse("2025-05-05T02:00:00Z");

    @Inject
    TouchpointRollupFold fold;

    @Inject
    DataSource dataSource;

    private FoldBatch batch() {
        List<Envelope<EventPayload>> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            EventPayload event = ScoringEvents.touchpoint(TOUCHPOINTS.get(i % 3), null, AT.plusSeconds(i),
                    i % 10 == 0 ? Outcome.FAILURE : Outcome.SUCCESS, i % 10 == 0 ? "E_" + (i % 20) : null, 50L + i,
                    "B001", "MOBILE_APP");
            events.add(new Envelope<>(UUID.randomUUID(), EventType.of(event), null, AT, event));
        }
        return new FoldBatch(Topics.TOUCHPOINT_EVENTS, events, AT,
                new Attribution(Map.of(), Map.of("B001", "R01"), ZoneId.of("Asia/Shanghai")));
    }

    /**
     * Applies one batch in one transaction; returns the rows it inserted or updated per table: the difference of the
     * backend's counters around the fold (they may still hold an earlier transaction's counts not yet flushed).
     */
    private Map<String, Long> applyCountingWrites() throws SQLException {
        FoldBatch batch = batch();
        return Transactions.inTransaction(dataSource, connection -> {
            Map<String, Long> before = writes(connection);
            fold.apply(connection, batch);
            Map<String, Long> after = writes(connection);
            after.replaceAll((table, count) -> count - before.getOrDefault(table, 0L));
            return after;
        });
    }

    private static Map<String, Long> writes(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select relname, n_tup_ins + n_tup_upd"
                + " from pg_stat_xact_user_tables where relname in ('touchpoint_rollup', 'touchpoint_error_rollup')");
                ResultSet rows = select.executeQuery()) {
            Map<String, Long> writes = new java.util.HashMap<>();
            while (rows.next()) {
                writes.put(rows.getString(1), rows.getLong(2));
            }
            return writes;
        }
    }

    @Test
    void aBatchWritesEachKeyOnceNotEachEvent() throws SQLException {
        // 3 touchpoints x 5 slices (all, channel MOBILE_APP, employee '', product '', tier '') = 15 rows, each
        // written by the upsert and once more by the sketch update: 30 writes for 500 events
        Map<String, Long> first = applyCountingWrites();
        assertThat(first.get("touchpoint_rollup")).isEqualTo(30);
        // failures: i % 10 == 0 -> 50 events, codes E_0 and E_10, spread over the 3 touchpoints: 6 keys at most
        assertThat(first.get("touchpoint_error_rollup")).isLessThanOrEqualTo(6);

        Map<String, Long> second = applyCountingWrites();
        assertThat(second.get("touchpoint_rollup")).isEqualTo(30);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select count(*), sum(n), sum(duration_n),"
                        + " count(*) filter (where dimension = 'all') from touchpoint_rollup"
                        + " where touchpoint = any (?)")) {
            select.setArray(1, connection.createArrayOf("text", TOUCHPOINTS.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(15);
                // every event is in each of the 5 slices: 5 x 1000 events over the two batches
                assertThat(rows.getLong(2)).isEqualTo(5 * 1000);
                assertThat(rows.getLong(3)).isEqualTo(5 * 1000);
                assertThat(rows.getLong(4)).isEqualTo(3);
            }
        }
    }
}

package io.windbell.journey.store;

import static io.windbell.journey.support.Journeys.LATENESS;
import static io.windbell.journey.support.Journeys.WEALTH;
import static io.windbell.journey.support.Journeys.lookup;
import static io.windbell.journey.support.Journeys.minutes;
import static io.windbell.journey.support.Journeys.tp;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.windbell.contracts.EventJson;
import io.windbell.journey.JourneyInstance;
import io.windbell.journey.JourneyState;
import io.windbell.journey.support.Journeys.Tp;
import io.windbell.testing.TestInfrastructure;

/**
 * V4 turns the {@code state} column from {@code jsonb} into bytes on a database that holds journeys: a journey stored
 * by the code before it is read back whole after the migration, goes on, and is then stored as Smile.
 */
class StateColumnMigrationTest {

    private static final String INSERT_AS_BEFORE_V4 = """
            INSERT INTO journey_instance (id, definition_code, definition_version, subject, customer_id, status, closed,
                started_at, updated_at, last_activity_at, revision, state)
            VALUES (?, ?, ?, 'c:C1', 'C1', ?, false, ?, ?, ?, ?, ?::jsonb)
            """;

    @Test
    void aJourneyStoredAsJsonbIsReadAfterTheMigrationAndThenStoredAsSmile() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(infra.jdbcUrl(infra.database("journey_state_v4")));
        pg.setUser(infra.pgUser());
        pg.setPassword(infra.pgPassword());
        Flyway.configure().dataSource(pg).locations("classpath:db/migration", "classpath:db/messaging")
                .cleanDisabled(false).target("3").load().clean();
        Flyway.configure().dataSource(pg).locations("classpath:db/migration", "classpath:db/messaging").target("3")
                .load().migrate();

        Tp first = tp("wealth.product_browse").product("WP-001");
        JourneyInstance journey = JourneyInstance.start(UUID.randomUUID(), WEALTH, "C1", null, first.visit(WEALTH),
                first.instant());
        Tp detail = tp("wealth.product_detail").at(minutes(2)).channel("WEB");
        journey.apply(detail.visit(WEALTH), detail.instant(), LATENESS);
        JourneyState before = journey.state();
        try (Connection c = pg.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT_AS_BEFORE_V4)) {
            insert.setObject(1, before.id());
            insert.setString(2, before.definitionCode());
            insert.setInt(3, before.definitionVersion());
            insert.setString(4, before.status().name());
            insert.setTimestamp(5, Timestamp.from(before.startedAt()));
            insert.setTimestamp(6, Timestamp.from(before.updatedAt()));
            insert.setTimestamp(7, Timestamp.from(before.lastActivityAt()));
            insert.setLong(8, before.revision());
            insert.setString(9, EventJson.mapper().writeValueAsString(before));
            insert.executeUpdate();
        }

        Flyway.configure().dataSource(pg).locations("classpath:db/migration", "classpath:db/messaging").load()
                .migrate();

        JourneyStore store = new JourneyStore(lookup(WEALTH));
        try (Connection c = pg.getConnection()) {
            assertThat(storedForm(c, before.id())).as("the migrated row keeps its JSON text").startsWith("{");
            List<JourneyInstance> read = store.loadById(c, List.of(before.id()));
            assertThat(read).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(before));

            JourneyInstance restored = read.getFirst();
            Tp risk = tp("wealth.risk_assessment").at(minutes(4));
            restored.apply(risk.visit(WEALTH), risk.instant(), LATENESS);
            store.saveInstances(c, List.of(restored), Instant.now(), Map.of());

            assertThat(storedForm(c, before.id())).as("written again: Smile").startsWith(":)\n");
            assertThat(store.loadById(c, List.of(before.id()))).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(restored.state());
                assertThat(r.visits()).hasSize(3);
            });
        }
    }

    /** The first bytes of the stored state, as text. */
    private static String storedForm(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c
                .prepareStatement("SELECT convert_from(substring(state from 1 for 3), 'SQL_ASCII') FROM "
                        + "journey_instance WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}

package io.windbell.journey.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.windbell.config.VersionedStore;
import io.windbell.config.Versions;
import io.windbell.contracts.EventContent;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.JourneyConfig;
import io.windbell.journey.admin.ProcessingStats;
import io.windbell.journey.definition.DefinitionLookup;
import io.windbell.journey.definition.DefinitionSpec;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.journey.service.ReconstructionService;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.HostileTouchpoints;
import io.windbell.testing.TestInfrastructure;

/**
 * The journey half of issue 10's property: every {@code touchpoint.recorded} the contract accepts (its schema and
 * {@link EventContent}), with hostile strings in every field, is stored by journey's reconstruction against the real
 * PostgreSQL: timeline row, journey state, interruptions, outbox. Ingest's {@code ValidatorAcceptsOnlyContractTextTest}
 * proves the other half (what ingest accepts is contract-valid), so no event answered 202 can fail to store here.
 * <p>
 * Events go the way the bus carries them (serialised, read back as the record) and are applied one per transaction, so
 * a failure names its event. A seeded generator ({@link HostileTouchpoints}) instead of jqwik: see the report of issue
 * 10; a failure names its seed, and {@code -Dwindbell.property.seed=<seed>} repeats it.
 */
class StoringWhatTheContractAcceptsTest {

    private static final int TRIES = 400;
    private static final List<String> TOUCHPOINTS = List.of("wealth.product_browse", "wealth.risk_assessment",
            "wealth.order_submit", "wealth.payment_confirm", "wealth.holding_view", "loan.application_form",
            "loan.credit_check", "loan.disbursement", "account.entry", "account.opened", "transfer.start",
            "transfer.result", "complaint.submit", "complaint.closed");
    private static final List<String> CHANNELS = List.of("MOBILE_APP", "WEB", "BRANCH", "CALL_CENTER", "WECHAT", "ATM",
            "RM_VISIT");

    private static DataSource dataSource;
    private static ReconstructionService reconstruction;

    @BeforeAll
    static void journeyDatabase() {
        TestInfrastructure infra = TestInfrastructure.get();
        String database = infra.database("journey_contract_text");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(infra.jdbcUrl(database));
        pg.setUser(infra.pgUser());
        pg.setPassword(infra.pgPassword());
        dataSource = pg;
        // the locations of quarkus.flyway.locations: the service's own and the kit's (outbox, inbox)
        Flyway.configure().dataSource(pg).locations("classpath:db/migration", "classpath:db/messaging").load()
                .migrate();

        Versions<JourneyDefinition> versions = new VersionedStore<>(pg, "journey definition", "journey_definition",
                "code", DefinitionSpec.CODEC).index();
        DefinitionLookup definitions = new DefinitionLookup() {
            @Override
            public List<JourneyDefinition> active() {
                return versions.active().stream().map(VersionedStore.Stored::value).toList();
            }

            @Override
            public Optional<JourneyDefinition> find(String code, int version) {
                return versions.version(code, version).map(VersionedStore.Stored::value);
            }
        };
        assertThat(definitions.active()).as("the seeded definitions").isNotEmpty();
        reconstruction = new ReconstructionService(new JourneyStore(definitions), definitions, new Config());
    }

    @Test
    void everyContractValidEventWithHostileStringsIsStored() throws Exception {
        long seed = Long.getLong("windbell.property.seed", System.nanoTime());
        HostileTouchpoints events = new HostileTouchpoints(seed, TOUCHPOINTS, CHANNELS, 0.01);
        ProcessingStats stats = new ProcessingStats();
        List<UUID> stored = new ArrayList<>();
        int refusedByContract = 0;
        for (int i = 0; i < TRIES; i++) {
            Instant now = Instant.now();
            ObjectNode event = events.next(now);
            event.put("receivedAt", now.toString());
            String shown = "seed " + seed + ", try " + i + ": " + EventContent.printable(event.toString());
            if (!ContractAssertions.violations(EventType.TOUCHPOINT_RECORDED, event).isEmpty()
                    || !EventContent.refusedPaths(event).isEmpty()) {
                refusedByContract++;
                continue;
            }
            TouchpointRecorded record = EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(event),
                    TouchpointRecorded.class);
            List<Envelope<TouchpointRecorded>> batch = List
                    .of(new Envelope<>(record.eventId(), EventType.TOUCHPOINT_RECORDED, null, now, record));
            try {
                Transactions.inTransaction(dataSource,
                        connection -> reconstruction.apply(connection, batch, now, stats.begin(batch)));
            } catch (SQLException e) {
                throw new AssertionError("a contract-valid event failed to store (SQLState " + e.getSQLState() + ": "
                        + EventContent.printable(e.getMessage()) + ")\n" + shown, e);
            }
            stored.add(record.eventId());
        }

        assertThat(stored.size()).as("stored of %d (seed %d)", TRIES, seed).isGreaterThan(TRIES / 5);
        assertThat(refusedByContract).as("refused by the contract (seed %d)", seed).isGreaterThan(TRIES / 20);
        assertThat(count("SELECT count(*) FROM touchpoint_event WHERE event_id = ANY(?)", stored))
                .as("every stored event is on the timeline").isEqualTo(stored.size());
    }

    private static long count(String sql, List<UUID> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The service's settings (application.properties) as the reconstruction reads them. */
    private static final class Config implements JourneyConfig {
        @Override
        public Duration lateness() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration postCompletionWindow() {
            return Duration.ofDays(1);
        }

        @Override
        public Timers timers() {
            return new Timers() {
                @Override
                public Duration pollInterval() {
                    return Duration.ofMillis(250);
                }

                @Override
                public int batchSize() {
                    return 200;
                }
            };
        }
    }
}

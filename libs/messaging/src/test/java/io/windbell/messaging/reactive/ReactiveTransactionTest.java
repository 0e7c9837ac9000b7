package io.windbell.messaging.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.messaging.outbox.Outbox;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.messaging.outbox.OutboxRelay;
import io.windbell.messaging.reactive.TallyHandler.HandlerFailed;
import io.windbell.testing.TopicProbe;
import io.windbell.testing.WindbellTestResource;

/**
 * The reactive flavour against real PostgreSQL and Kafka: inbox claim, aggregate change and outbox append in one
 * Hibernate Reactive transaction, published by the same JDBC {@link OutboxRelay} the stream processors run.
 */
@QuarkusTest
@QuarkusTestResource(value = WindbellTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_reactive"), restrictToAnnotatedClass = true)
class ReactiveTransactionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aHandlerThatFailsAfterWritingLeavesNoClaimNoEventAndNoChange() throws Throwable {
        String tally = newTally();
        UUID messageId = UUID.randomUUID();
        OutboxMessage event = event();

        assertThatThrownBy(() -> inVertx(() -> TallyHandler.handle(tally, messageId, event, true)))
                .isInstanceOf(HandlerFailed.class);

        assertThat(claims(messageId)).isZero();
        assertThat(outboxRows(event)).isZero();
        assertThat(applied(tally)).isZero();

        // the rollback released the claim, so the redelivery is applied: the message is delayed, not lost
        OutboxMessage retried = event();
        assertThat(inVertx(() -> TallyHandler.handle(tally, messageId, retried, false))).isTrue();
        assertThat(claims(messageId)).isEqualTo(1);
        assertThat(outboxRows(retried)).isEqualTo(1);
        assertThat(applied(tally)).isEqualTo(1);
    }

    @Test
    void aHandlerThatSucceedsCommitsAllThreeAndTheJdbcRelayPublishesTheEvent() throws Throwable {
        String tally = newTally();
        UUID messageId = UUID.randomUUID();
        OutboxMessage event = event();

        assertThat(inVertx(() -> TallyHandler.handle(tally, messageId, event, false))).isTrue();

        assertThat(claims(messageId)).isEqualTo(1);
        assertThat(outboxRows(event)).isEqualTo(1);
        assertThat(applied(tally)).isEqualTo(1);

        long waiting = count("SELECT count(*) FROM outbox");
        try (TopicProbe probe = TopicProbe.on(event.topic());
                OutboxPublisher publisher = new OutboxPublisher(dataSource, bootstrap, Map.of(), "reactive-test",
                        new OutboxRelay.Settings(100, Duration.ofMillis(200), Duration.ofSeconds(10), 11L))) {
            publisher.wake();
            ConsumerRecord<String, byte[]> record = probe
                    .await(r -> event.id().toString().equals(header(r, CloudEvents.ID_HEADER)), 1, WAIT).getFirst();

            assertThat(record.key()).isEqualTo(event.key()).isNotBlank();
            assertThat(record.value()).isEqualTo(event.payload());
            assertThat(headers(record)).isEqualTo(event.headers());
            assertThat(header(record, CloudEvents.TYPE_HEADER)).isEqualTo(EventType.WORKORDER_CREATED.type());
            assertThat(header(record, CloudEvents.TRACEPARENT_HEADER)).isEqualTo(TRACEPARENT);
            assertThat(EventJson.read(record.value(), header(record, CloudEvents.TYPE_HEADER)))
                    .isEqualTo(EventJson.example(EventType.WORKORDER_CREATED));

            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM outbox") == 0);
            assertThat(publisher.status().published()).isEqualTo(waiting);
            assertThat(probe.seen()).filteredOn(r -> event.id().toString().equals(header(r, CloudEvents.ID_HEADER)))
                    .hasSize(1);
        }

        // delivered again after it was published: skipped, so there is nothing new to publish
        assertThat(inVertx(() -> TallyHandler.handle(tally, messageId, event(), false))).isFalse();
        assertThat(count("SELECT count(*) FROM outbox")).isZero();
        assertThat(applied(tally)).isEqualTo(1);
    }

    @Test
    void aRedeliveredMessageIsSkippedByTheClaim() throws Throwable {
        String tally = newTally();
        UUID messageId = UUID.randomUUID();
        OutboxMessage first = event();
        OutboxMessage second = event();

        assertThat(inVertx(() -> TallyHandler.handle(tally, messageId, first, false))).isTrue();
        assertThat(inVertx(() -> TallyHandler.handle(tally, messageId, second, false))).isFalse();

        assertThat(claims(messageId)).isEqualTo(1);
        assertThat(outboxRows(first)).isEqualTo(1);
        assertThat(outboxRows(second)).isZero();
        assertThat(applied(tally)).isEqualTo(1);
        // another consumer of the same message has a ledger of its own
        boolean anotherConsumerClaims = inVertx(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> ReactiveInbox.claim(session, "another-consumer", messageId))));
        assertThat(anotherConsumerClaims).isTrue();
    }

    @Test
    void theReactiveAppendWritesTheRowsTheJdbcAppendWrites() throws Throwable {
        OutboxMessage catalogEvent = event();
        UUID rawId = UUID.randomUUID();
        OutboxMessage withoutKey = new OutboxMessage(rawId, "messaging.reactive-test", null,
                CloudEvents.headers(rawId.toString(), CloudEvents.source("messaging-test"), "test.raw",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), null),
                "{\"quote\":\"\\\"\",\"bytes\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        List<OutboxMessage> reactive = List.of(catalogEvent, withoutKey);
        List<OutboxMessage> jdbc = reactive.stream()
                .map(m -> new OutboxMessage(UUID.randomUUID(), m.topic(), m.key(), m.headers(), m.payload())).toList();

        inVertx(() -> Panache.withTransaction(
                () -> Panache.getSession().chain(session -> ReactiveOutbox.append(session, reactive))));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Outbox.append(connection, jdbc);
            connection.commit();
        }

        try {
            List<List<Object>> reactiveRows = rows(reactive);
            assertThat(reactiveRows).hasSize(2).isEqualTo(rows(jdbc));
            assertThat(reactiveRows.get(1).get(1)).isNull();
        } finally {
            // rows of this test only; no relay runs here and none should publish them later
            for (OutboxMessage message : Stream.concat(reactive.stream(), jdbc.stream()).toList()) {
                execute("DELETE FROM outbox WHERE id = '" + message.id() + "'");
            }
        }
    }

    @Test
    void aLongAppendSpansSeveralStatementsAndKeepsTheListOrder() throws Throwable {
        String topic = "messaging.reactive-order-test";
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            UUID id = UUID.randomUUID();
            messages.add(new OutboxMessage(
                    id, topic, "key-" + (i % 7), CloudEvents.headers(id.toString(),
                            CloudEvents.source("messaging-test"), "test.order", Instant.now(), null),
                    Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        }

        inVertx(() -> Panache.withTransaction(
                () -> Panache.getSession().chain(session -> ReactiveOutbox.append(session, messages))));

        try {
            List<String> stored = new ArrayList<>();
            for (List<Object> row : rows(messages)) {
                stored.add(new String(HexFormat.of().parseHex((String) row.get(3)), StandardCharsets.UTF_8));
            }
            assertThat(stored).hasSize(messages.size());
            assertThat(stored)
                    .isEqualTo(messages.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList());
        } finally {
            execute("DELETE FROM outbox WHERE topic = '" + topic + "'");
        }
    }

    @Test
    void claimAndAppendRefuseToRunOutsideATransaction() {
        UUID messageId = UUID.randomUUID();
        OutboxMessage event = event();

        assertThatThrownBy(() -> inVertx(() -> Panache.withSession(
                () -> Panache.getSession().chain(session -> ReactiveInbox.claim(session, "outside", messageId)))))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
        assertThatThrownBy(() -> inVertx(() -> Panache.withSession(
                () -> Panache.getSession().chain(session -> ReactiveOutbox.append(session, List.of(event))))))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");

        assertThat(count("SELECT count(*) FROM inbox WHERE message_id = '" + messageId + "'")).isZero();
        assertThat(outboxRows(event)).isZero();
    }

    /** Runs reactive work as a consumer thread of an entity service would: on a Vert.x context, awaiting its end. */
    private static <T> T inVertx(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static OutboxMessage event() {
        return OutboxMessage.of(EventJson.example(EventType.WORKORDER_CREATED), CloudEvents.source("messaging-test"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), TRACEPARENT);
    }

    private String newTally() {
        String id = "tally-" + UUID.randomUUID();
        execute("INSERT INTO test_tally (id, applied) VALUES ('" + id + "', 0)");
        return id;
    }

    private long claims(UUID messageId) {
        return count("SELECT count(*) FROM inbox WHERE consumer = '" + TallyHandler.CONSUMER + "' AND message_id = '"
                + messageId + "'");
    }

    private long outboxRows(OutboxMessage message) {
        return count("SELECT count(*) FROM outbox WHERE id = '" + message.id() + "'");
    }

    private long applied(String tally) {
        return count("SELECT applied FROM test_tally WHERE id = '" + tally + "'");
    }

    /** The stored columns but the id, in {@code seq} order. */
    private List<List<Object>> rows(List<OutboxMessage> messages) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT topic, msg_key, headers::text, encode(payload, 'hex') FROM outbox WHERE id = ANY(?) ORDER BY seq")) {
            select.setArray(1, connection.createArrayOf("uuid", messages.stream().map(OutboxMessage::id).toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(Arrays.asList(result.getString(1), result.getString(2), result.getString(3),
                            result.getString(4)));
                }
            }
        }
        return rows;
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}

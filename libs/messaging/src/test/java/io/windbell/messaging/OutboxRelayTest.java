package io.windbell.messaging;

import static io.windbell.messaging.MessagingTestSupport.count;
import static io.windbell.messaging.MessagingTestSupport.createTopics;
import static io.windbell.messaging.MessagingTestSupport.header;
import static io.windbell.messaging.MessagingTestSupport.headers;
import static io.windbell.messaging.MessagingTestSupport.recordCount;
import static io.windbell.messaging.MessagingTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.messaging.outbox.Outbox;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.messaging.outbox.OutboxRelay;
import io.windbell.testing.TopicProbe;

/** The outbox and its relay against a real PostgreSQL and a real Kafka broker. */
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final AtomicLong LOCK_KEYS = new AtomicLong(7_000);

    private static PGSimpleDataSource dataSource;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void infrastructure() {
        dataSource = MessagingTestSupport.freshDatabase("messaging_outbox");
        createTopics(EventType.JOURNEY_STARTED.topic(), EventType.WORKORDER_CREATED.topic());
    }

    @AfterEach
    void closeResources() throws Exception {
        // relays first, then their producers
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        // every test leaves the shared outbox empty for the next
        MessagingTestSupport.execute(dataSource, "DELETE FROM outbox");
    }

    @Test
    void aCommittedAppendIsPublishedWithKeyPayloadAndHeadersThenDeleted() throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OutboxMessage started = OutboxMessage.of(EventJson.example(EventType.JOURNEY_STARTED),
                CloudEvents.source("journey"), time, TRACEPARENT);
        OutboxMessage created = OutboxMessage.of(EventJson.example(EventType.WORKORDER_CREATED),
                CloudEvents.source("workorder"), time, null);
        assertThat(started.headers()).containsKeys(CloudEvents.ID_HEADER, CloudEvents.TYPE_HEADER,
                CloudEvents.SUBJECT_HEADER, CloudEvents.TRACEPARENT_HEADER);

        commit(List.of(started, created));
        assertThat(outboxSize()).isEqualTo(2);
        OutboxRelay relay = startRelay(producer(), 100);
        relay.wake();

        Map<OutboxMessage, ConsumerRecord<String, byte[]>> published = new HashMap<>();
        for (OutboxMessage message : List.of(started, created)) {
            try (TopicProbe probe = TopicProbe.on(message.topic())) {
                published.put(message,
                        probe.await(r -> message.id().toString().equals(header(r, CloudEvents.ID_HEADER)), 1, WAIT)
                                .getFirst());
            }
        }
        for (Map.Entry<OutboxMessage, ConsumerRecord<String, byte[]>> entry : published.entrySet()) {
            OutboxMessage message = entry.getKey();
            ConsumerRecord<String, byte[]> record = entry.getValue();
            assertThat(record.topic()).isEqualTo(message.topic());
            assertThat(record.key()).isEqualTo(message.key()).isNotBlank();
            assertThat(record.value()).isEqualTo(message.payload());
            assertThat(headers(record)).isEqualTo(message.headers());
            assertThat(record.headers().toArray()).hasSize(message.headers().size());
        }
        ConsumerRecord<String, byte[]> startedRecord = published.get(started);
        assertThat(header(startedRecord, CloudEvents.TYPE_HEADER)).isEqualTo(EventType.JOURNEY_STARTED.type());
        assertThat(header(startedRecord, CloudEvents.SUBJECT_HEADER)).isEqualTo(startedRecord.key());
        assertThat(header(startedRecord, CloudEvents.TIME_HEADER)).isEqualTo(time.toString());
        assertThat(header(startedRecord, CloudEvents.TRACEPARENT_HEADER)).isEqualTo(TRACEPARENT);
        assertThat(header(published.get(created), CloudEvents.TRACEPARENT_HEADER)).isNull();
        assertThat(EventJson.read(startedRecord.value(), header(startedRecord, CloudEvents.TYPE_HEADER)))
                .isEqualTo(EventJson.example(EventType.JOURNEY_STARTED));

        await().atMost(WAIT).until(() -> outboxSize() == 0);
        assertThat(relay.status().published()).isEqualTo(2);
        assertThat(relay.status().lastError()).isNull();
        assertThat(relay.status().lastSuccess()).isNotNull();
        assertThat(relay.status().vacuums()).as("vacuumAfter 0: autovacuum's job").isZero();
    }

    @Test
    void aRolledBackAppendPublishesNothing() throws Exception {
        String topic = unique("outbox-rollback");
        createTopics(topic);
        OutboxMessage rolledBack = message(topic, "k", "rolled back");
        OutboxMessage committed = message(topic, "k", "committed");

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Outbox.append(connection, List.of(rolledBack));
            connection.rollback();
        }
        assertThat(outboxSize()).isZero();
        commit(List.of(committed));
        OutboxRelay relay = startRelay(producer(), 100);
        relay.wake();

        try (TopicProbe probe = TopicProbe.on(topic)) {
            probe.await(r -> committed.id().toString().equals(header(r, CloudEvents.ID_HEADER)), 1, WAIT);
            assertThat(probe.seen()).extracting(r -> header(r, CloudEvents.ID_HEADER))
                    .containsExactly(committed.id().toString());
        }
        await().atMost(WAIT).until(() -> outboxSize() == 0);
        assertThat(recordCount(topic)).isEqualTo(1);
        assertThat(relay.status().published()).isEqualTo(1);
    }

    @Test
    void theRelayVacuumsTheOutboxAfterEveryVacuumAfterRowsItDeleted() throws Exception {
        List<OutboxMessage> messages = onNewTopic("outbox-vacuum", 250, 7);
        String topic = messages.getFirst().topic();
        for (int from = 0; from < messages.size(); from += 50) {
            commit(messages.subList(from, from + 50));
        }
        long vacuumsBefore = outboxVacuums();
        long lockKey = LOCK_KEYS.incrementAndGet();
        OutboxRelay relay = startRelay(dataSource, producer(),
                new OutboxRelay.Settings(50, Duration.ofMillis(200), Duration.ofSeconds(10), lockKey, 100));
        relay.wake();

        await().atMost(WAIT).until(() -> outboxSize() == 0);
        assertThat(recordCount(topic)).isEqualTo(messages.size());
        // batches of at most 50 rows: the count crosses 100 twice in 250 deleted rows, and 50 are left over
        await().atMost(WAIT).until(() -> relay.status().vacuums() == 2);
        // and PostgreSQL counted two manual vacuums of the table (its statistics arrive within a second or so)
        await().atMost(WAIT).until(() -> outboxVacuums() - vacuumsBefore == 2);
        assertThat(relay.status().vacuums()).isEqualTo(2);
        assertThat(relay.status().lastError()).isNull();
    }

    @Test
    void aRelayWhoseUserMayNotVacuumTheOutboxStillPublishesEverythingAndCountsNoVacuum() throws Exception {
        List<OutboxMessage> messages = onNewTopic("outbox-not-owner", 150, 3);
        String topic = messages.getFirst().topic();
        String role = unique("relay_only").replace('-', '_');
        MessagingTestSupport.execute(dataSource, "CREATE ROLE " + role + " LOGIN PASSWORD 'relay'");
        MessagingTestSupport.execute(dataSource, "GRANT SELECT, DELETE ON outbox TO " + role);
        PGSimpleDataSource notOwner = new PGSimpleDataSource();
        notOwner.setUrl(dataSource.getUrl());
        notOwner.setUser(role);
        notOwner.setPassword("relay");
        commit(messages);
        long vacuumsBefore = outboxVacuums();
        OutboxRelay relay = startRelay(notOwner, producer(), new OutboxRelay.Settings(50, Duration.ofMillis(200),
                Duration.ofSeconds(10), LOCK_KEYS.incrementAndGet(), 50));
        relay.wake();

        await().atMost(WAIT).until(() -> outboxSize() == 0);
        assertThat(recordCount(topic)).isEqualTo(messages.size());
        assertThat(relay.status().published()).isEqualTo(messages.size());
        assertThat(relay.status().lastError()).isNull();
        // PostgreSQL skipped the table with a warning: nothing was vacuumed, and the relay does not count it as done
        assertThat(relay.status().vacuums()).isZero();
        assertThat(outboxVacuums()).isEqualTo(vacuumsBefore);
    }

    @Test
    void orderPerKeyIsPreservedAcrossManyMessagesAndBatches() throws Exception {
        String topic = unique("outbox-order");
        createTopics(topic);
        int keys = 5;
        int perKey = 100;
        List<OutboxMessage> messages = new ArrayList<>();
        for (int seq = 0; seq < perKey; seq++) {
            for (int k = 0; k < keys; k++) {
                messages.add(message(topic, "key-" + k, Integer.toString(seq)));
            }
        }
        // several transactions, and batches that do not line up with them
        for (int from = 0; from < messages.size(); from += 50) {
            commit(messages.subList(from, from + 50));
        }
        OutboxRelay relay = startRelay(producer(), 37);
        relay.wake();

        List<ConsumerRecord<String, byte[]>> records;
        try (TopicProbe probe = TopicProbe.on(topic)) {
            records = probe.await(r -> true, messages.size(), WAIT);
        }
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            sequences.computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(Integer.parseInt(new String(record.value(), StandardCharsets.UTF_8)));
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, perKey).boxed().toList();
        assertThat(sequences).hasSize(keys);
        sequences.forEach((key, seqs) -> assertThat(seqs).as("sequence of %s", key).isEqualTo(expected));
        await().atMost(WAIT).until(() -> outboxSize() == 0);
        assertThat(recordCount(topic)).isEqualTo(messages.size());
        assertThat(relay.status().published()).isEqualTo(messages.size());
    }

    @Test
    void twoRelaysOnOneDatabasePublishEveryMessageExactlyOnce() throws Exception {
        String topic = unique("outbox-two-relays");
        createTopics(topic);
        long lockKey = LOCK_KEYS.incrementAndGet();
        OutboxRelay first = startRelay(producer(), 25, lockKey);
        OutboxRelay second = startRelay(producer(), 25, lockKey);

        List<OutboxMessage> messages = new ArrayList<>();
        for (int tx = 0; tx < 40; tx++) {
            List<OutboxMessage> batch = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                batch.add(message(topic, "key-" + (i % 7), tx + "/" + i));
            }
            commit(batch);
            messages.addAll(batch);
            first.wake();
            second.wake();
        }

        List<ConsumerRecord<String, byte[]>> records;
        try (TopicProbe probe = TopicProbe.on(topic)) {
            records = probe.await(r -> true, messages.size(), WAIT);
        }
        await().atMost(WAIT).until(() -> outboxSize() == 0);
        Set<String> expectedIds = messages.stream().map(m -> m.id().toString()).collect(Collectors.toSet());
        List<String> publishedIds = records.stream().map(r -> header(r, CloudEvents.ID_HEADER)).toList();
        assertThat(publishedIds).doesNotHaveDuplicates();
        assertThat(Set.copyOf(publishedIds)).isEqualTo(expectedIds);
        // the rows are deleted only after their acks, so the topic is complete now: nothing else arrives later
        assertThat(recordCount(topic)).isEqualTo(messages.size());
        assertThat(first.status().published() + second.status().published()).isEqualTo(messages.size());
    }

    @Test
    void rowsStayInTheOutboxWhileTheBrokerIsUnreachableAndArePublishedOnceItIsBack() throws Exception {
        List<OutboxMessage> messages = onNewTopic("outbox-outage", 50, 3);
        String topic = messages.getFirst().topic();
        commit(messages);

        long lockKey = LOCK_KEYS.incrementAndGet();
        KafkaProducer<String, byte[]> unreachable = MessagingTestSupport
                .producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 300,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600));
        resources.add(unreachable);
        OutboxRelay failing = new OutboxRelay(dataSource, unreachable,
                new OutboxRelay.Settings(100, Duration.ofMillis(100), Duration.ofSeconds(2), lockKey));
        resources.add(failing);
        failing.start("outbox-relay-unreachable");
        failing.wake();

        // the first send that cannot reach the broker gives the batch back: the relay does not wait max.block.ms for
        // every row of it (50 x 500 ms here) while holding its transaction and the relay lock
        await().atMost(Duration.ofSeconds(5)).until(() -> failing.status().lastError() != null);
        assertThat(failing.status().lastError()).contains("Exception");
        assertThat(failing.status().running()).isTrue();
        assertThat(failing.status().published()).isZero();
        assertThat(outboxSize()).isEqualTo(messages.size());
        assertThat(recordCount(topic)).isZero();

        failing.close();
        OutboxRelay working = startRelay(producer(), 100, lockKey);
        working.wake();

        try (TopicProbe probe = TopicProbe.on(topic)) {
            List<ConsumerRecord<String, byte[]>> records = probe.await(r -> true, messages.size(), WAIT);
            assertThat(records).extracting(r -> header(r, CloudEvents.ID_HEADER))
                    .containsExactlyInAnyOrderElementsOf(messages.stream().map(m -> m.id().toString()).toList());
        }
        await().atMost(WAIT).until(() -> outboxSize() == 0);
        assertThat(working.status().published()).isEqualTo(messages.size());
        assertThat(working.status().lastError()).isNull();
    }

    private static OutboxMessage message(String topic, String key, String payload) {
        UUID id = UUID.randomUUID();
        Map<String, String> headers = CloudEvents.headers(id.toString(), CloudEvents.source("test"), "test.event",
                Instant.now(), key);
        return new OutboxMessage(id, topic, key, headers, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void commit(List<OutboxMessage> messages) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Outbox.append(connection, messages);
            connection.commit();
        }
    }

    private static long outboxVacuums() {
        return count(dataSource, "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox'");
    }

    private static long outboxSize() {
        return count(dataSource, "SELECT count(*) FROM outbox");
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> producer = MessagingTestSupport.producer(Map.of());
        resources.add(producer);
        return producer;
    }

    private OutboxRelay startRelay(KafkaProducer<String, byte[]> producer, int batchSize) {
        return startRelay(producer, batchSize, LOCK_KEYS.incrementAndGet());
    }

    private OutboxRelay startRelay(KafkaProducer<String, byte[]> producer, int batchSize, long lockKey) {
        return startRelay(dataSource, producer,
                new OutboxRelay.Settings(batchSize, Duration.ofMillis(200), Duration.ofSeconds(10), lockKey));
    }

    private OutboxRelay startRelay(DataSource source, KafkaProducer<String, byte[]> producer,
            OutboxRelay.Settings settings) {
        OutboxRelay relay = new OutboxRelay(source, producer, settings);
        resources.add(relay);
        relay.start("outbox-relay-" + resources.size());
        return relay;
    }

    /**
     * {@code count} messages on a topic made for the test, keyed round robin over {@code keys} keys, payload = index.
     */
    private static List<OutboxMessage> onNewTopic(String prefix, int count, int keys) {
        String topic = unique(prefix);
        createTopics(topic);
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message(topic, "key-" + (i % keys), Integer.toString(i)));
        }
        return messages;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

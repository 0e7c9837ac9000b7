package io.windbell.messaging;

import static io.windbell.messaging.MessagingTestSupport.count;
import static io.windbell.messaging.MessagingTestSupport.createTopics;
import static io.windbell.messaging.MessagingTestSupport.header;
import static io.windbell.messaging.MessagingTestSupport.headers;
import static io.windbell.messaging.MessagingTestSupport.recordCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.messaging.consumer.Failures;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.envelope.PoisonException;
import io.windbell.testing.TopicProbe;

/**
 * The kit's batch processor on a real PostgreSQL (inbox, one transaction per batch) and a real broker (dead letters).
 * The records are built in the test, as a poll would return them, so each failure case is exact.
 */
class BatchProcessorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOPIC = Topics.JOURNEY_EVENTS;
    private static final JourneyStarted EXAMPLE = (JourneyStarted) EventJson.example(EventType.JOURNEY_STARTED);

    private DataSource dataSource;
    private KafkaProducer<String, byte[]> producer;
    private String service;
    private String deadLetterTopic;
    private long nextOffset;

    @BeforeEach
    void setUp() {
        dataSource = MessagingTestSupport.freshDatabase("batch");
        service = "svc" + UUID.randomUUID().toString().substring(0, 6);
        deadLetterTopic = Topics.deadLetter(TOPIC, service);
        createTopics(deadLetterTopic);
        producer = MessagingTestSupport.producer(Map.of());
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void appliesEachNewEventOnceInBatchOrderAndARedeliveryChangesNothing() throws Exception {
        List<UUID> ids = freshIds(4);
        List<ConsumerRecord<String, byte[]>> batch = events(ids);
        batch.add(event(ids.get(1), EXAMPLE)); // a second copy within the batch
        List<UUID> applied = new CopyOnWriteArrayList<>();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger wakes = new AtomicInteger();
        BatchProcessor<ConsumerRecord<String, byte[]>, JourneyStarted> processor = processor(JourneyStarted.class,
                new BatchProcessor.Handler<>() {
                    @Override
                    public void apply(java.sql.Connection connection, List<Envelope<JourneyStarted>> fresh) {
                        fresh.forEach(envelope -> applied.add(envelope.id()));
                    }

                    @Override
                    public void committed(List<Envelope<JourneyStarted>> fresh) {
                        committed.addAndGet(fresh.size());
                    }
                }, 3, wakes::incrementAndGet);

        processor.process(batch);
        assertThat(applied).containsExactlyElementsOf(ids);
        assertThat(committed).hasValue(4);
        assertThat(wakes).hasValue(1);
        assertThat(count(dataSource, "SELECT count(*) FROM inbox WHERE consumer = 'test.consumer'")).isEqualTo(4);

        processor.process(batch);
        assertThat(applied).hasSize(4);
        assertThat(wakes).hasValue(1);
        BatchProcessor.Status status = processor.status();
        assertThat(status.applied()).isEqualTo(4);
        assertThat(status.skipped()).isEqualTo(6);
        assertThat(status.deadLettered()).isZero();
        assertThat(status.lastBatch()).isNotNull();
        assertThat(recordCount(deadLetterTopic)).isZero();
    }

    @Test
    void recordsThatCannotBeDecodedOrAreRejectedAreDeadLetteredAtOnceAndTheOthersApplied() throws Exception {
        UUID good = UUID.randomUUID();
        ConsumerRecord<String, byte[]> badJson = record(UUID.randomUUID().toString(), EventType.JOURNEY_STARTED.type(),
                "{not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> unknownType = record(UUID.randomUUID().toString(), "journey.teleported",
                "{}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> noId = record(null, EventType.JOURNEY_STARTED.type(),
                EventJson.toBytes(EXAMPLE));
        ConsumerRecord<String, byte[]> wrongTopic = record(UUID.randomUUID().toString(),
                EventType.SURVEY_EXPIRED.type(), EventJson.toBytes(EventJson.example(EventType.SURVEY_EXPIRED)));
        UUID rejectedId = UUID.randomUUID();
        ConsumerRecord<String, byte[]> rejected = event(rejectedId, EXAMPLE);
        List<UUID> applied = new CopyOnWriteArrayList<>();
        BatchProcessor<ConsumerRecord<String, byte[]>, JourneyStarted> processor = new BatchProcessor<>(dataSource,
                settings(3), JourneyStarted.class, envelope -> {
                    if (envelope.id().equals(rejectedId)) {
                        throw new PoisonException("rejected by the channel's check");
                    }
                }, (connection, fresh) -> fresh.forEach(envelope -> applied.add(envelope.id())), r -> r,
                this::deadLetter, () -> {
                });

        processor.process(List.of(badJson, event(good, EXAMPLE), unknownType, noId, wrongTopic, rejected));

        assertThat(applied).containsExactly(good);
        List<ConsumerRecord<String, byte[]>> letters;
        try (TopicProbe probe = TopicProbe.on(deadLetterTopic)) {
            letters = probe.await(r -> true, 5, WAIT);
        }
        assertThat(letters).hasSize(5);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(headers(letter)).containsEntry(DeadLetters.ATTEMPTS, "1")
                    .containsEntry(DeadLetters.ERROR_CLASS, PoisonException.class.getName())
                    .containsEntry(DeadLetters.ORIGINAL_TOPIC, TOPIC).containsEntry(DeadLetters.CONSUMER, service);
            assertThat(header(letter, "x-origin")).isEqualTo("test");
        });
        assertThat(letters).extracting(letter -> header(letter, DeadLetters.ERROR_MESSAGE))
                .anySatisfy(message -> assertThat(message).contains("journey.teleported"))
                .anySatisfy(message -> assertThat(message).contains("does not belong on " + TOPIC))
                .anySatisfy(message -> assertThat(message).contains("without ce_id"))
                .anySatisfy(message -> assertThat(message).contains("rejected by the channel's check"));
        ConsumerRecord<String, byte[]> badJsonLetter = letters.stream()
                .filter(letter -> header(letter, CloudEvents.ID_HEADER) != null
                        && header(letter, CloudEvents.ID_HEADER).equals(header(badJson, CloudEvents.ID_HEADER)))
                .findFirst().orElseThrow();
        assertThat(badJsonLetter.value()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(badJsonLetter.key()).isEqualTo(EXAMPLE.partitionKey());
        assertThat(headers(badJsonLetter)).containsEntry(DeadLetters.ORIGINAL_OFFSET, Long.toString(badJson.offset()));
        assertThat(processor.status().deadLettered()).isEqualTo(5);
        assertThat(processor.status().applied()).isEqualTo(1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAloneAfterMaxAttemptsWhileTheRestOfItsBatchIsAppliedInOrder() throws Exception {
        List<UUID> ids = freshIds(10);
        List<ConsumerRecord<String, byte[]>> batch = events(ids);
        UUID poison = ids.get(4);
        AtomicInteger poisonAlone = new AtomicInteger();
        List<UUID> applied = new CopyOnWriteArrayList<>();
        BatchProcessor<ConsumerRecord<String, byte[]>, JourneyStarted> processor = processor(JourneyStarted.class,
                (connection, fresh) -> {
                    if (fresh.stream().anyMatch(envelope -> envelope.id().equals(poison))) {
                        if (fresh.size() == 1) {
                            poisonAlone.incrementAndGet();
                        }
                        throw new IllegalStateException("cannot apply the poison record");
                    }
                    fresh.forEach(envelope -> applied.add(envelope.id()));
                }, 3, () -> {
                });

        processor.process(batch);

        // the failed tries' claims rolled back with them: what is applied is everything but the poison, in order
        List<UUID> expected = new ArrayList<>(ids);
        expected.remove(poison);
        assertThat(applied).containsExactlyElementsOf(expected);
        assertThat(poisonAlone).hasValue(3);
        assertThat(count(dataSource, "SELECT count(*) FROM inbox")).isEqualTo(9);
        assertThat(count(dataSource, "SELECT count(*) FROM inbox WHERE message_id = '" + poison + "'")).isZero();
        List<ConsumerRecord<String, byte[]>> letters;
        try (TopicProbe probe = TopicProbe.on(deadLetterTopic)) {
            letters = probe.await(r -> true, 1, WAIT);
        }
        ConsumerRecord<String, byte[]> letter = letters.getFirst();
        assertThat(header(letter, CloudEvents.ID_HEADER)).isEqualTo(poison.toString());
        assertThat(headers(letter)).containsEntry(DeadLetters.ATTEMPTS, "3")
                .containsEntry(DeadLetters.ERROR_CLASS, IllegalStateException.class.getName())
                .containsEntry(DeadLetters.ERROR_MESSAGE, "cannot apply the poison record")
                .containsEntry(DeadLetters.ORIGINAL_OFFSET, Long.toString(batch.get(4).offset()));
        assertThat(Instant.parse(header(letter, DeadLetters.FAILED_AT))).isBefore(Instant.now().plusSeconds(1));
        assertThat(processor.status().deadLettered()).isEqualTo(1);
        assertThat(processor.status().applied()).isEqualTo(9);
    }

    @Test
    void contentTheDatabaseRefusesIsPoisonAtOnceWithoutRetries() throws Exception {
        List<UUID> ids = freshIds(5);
        List<ConsumerRecord<String, byte[]>> batch = events(ids);
        UUID poison = ids.get(2);
        AtomicInteger calls = new AtomicInteger();
        List<UUID> applied = new CopyOnWriteArrayList<>();
        BatchProcessor<ConsumerRecord<String, byte[]>, JourneyStarted> processor = processor(JourneyStarted.class,
                (connection, fresh) -> {
                    calls.incrementAndGet();
                    for (Envelope<JourneyStarted> envelope : fresh) {
                        // the real refusal: PostgreSQL cannot store a NUL in text (SQLState 22021)
                        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT ?::text")) {
                            ps.setString(1, envelope.id().equals(poison) ? "sess\u0000ion" : "session");
                            ps.executeQuery().close();
                        }
                    }
                    fresh.forEach(envelope -> applied.add(envelope.id()));
                }, 3, () -> {
                });

        processor.process(batch);

        List<UUID> expected = new ArrayList<>(ids);
        expected.remove(poison);
        assertThat(applied).containsExactlyElementsOf(expected);
        assertThat(calls).as("the batch once, then each record once: no retries").hasValue(1 + ids.size());
        List<ConsumerRecord<String, byte[]>> letters;
        try (TopicProbe probe = TopicProbe.on(deadLetterTopic)) {
            letters = probe.await(r -> true, 1, WAIT);
        }
        assertThat(header(letters.getFirst(), CloudEvents.ID_HEADER)).isEqualTo(poison.toString());
        assertThat(headers(letters.getFirst())).containsEntry(DeadLetters.ATTEMPTS, "1");
        assertThat(processor.status().deadLettered()).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNeverDeadLettered() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(event(UUID.randomUUID(), EXAMPLE),
                event(UUID.randomUUID(), EXAMPLE));
        int failures = 4;
        AtomicInteger calls = new AtomicInteger();
        // more transient failures than maxAttempts: they must not count as attempts
        BatchProcessor<ConsumerRecord<String, byte[]>, JourneyStarted> processor = processor(JourneyStarted.class,
                (connection, fresh) -> {
                    if (calls.incrementAndGet() <= failures) {
                        throw new SQLTransientConnectionException("database unreachable", "08006");
                    }
                }, 2, () -> {
                });

        processor.process(batch);

        assertThat(calls).hasValue(failures + 1);
        assertThat(processor.status().applied()).isEqualTo(2);
        assertThat(processor.status().deadLettered()).isZero();
        assertThat(processor.status().lastError()).isNull();
        assertThat(recordCount(deadLetterTopic)).isZero();
    }

    @Test
    void closingWhileABatchWaitsForItsRetryLeavesItUnapplied() {
        AtomicInteger calls = new AtomicInteger();
        BatchProcessor<ConsumerRecord<String, byte[]>, JourneyStarted> processor = processor(JourneyStarted.class,
                (connection, fresh) -> {
                    calls.incrementAndGet();
                    throw new SQLTransientConnectionException("database unreachable", "08006");
                }, 3, () -> {
                });
        processor.close();

        assertThatThrownBy(() -> processor.process(List.of(event(UUID.randomUUID(), EXAMPLE))))
                .isInstanceOf(BatchProcessor.ClosedException.class);
        assertThat(calls).hasValue(1);
        assertThat(processor.status().applied()).isZero();
        assertThat(count(dataSource, "SELECT count(*) FROM inbox")).isZero();
    }

    @Test
    void transientFailuresAreRecognised() {
        assertThat(Failures.isTransient(new SQLException("connection failure", "08006"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("serialization failure", "40001"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("duplicate key", "23505"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(Failures.isTransient(new TimeoutException("broker did not answer"))).isTrue();
        assertThat(Failures.isTransient(new NotLeaderOrFollowerException("leader moved"))).isTrue();
        assertThat(Failures.isTransient(new ConnectException("Connection refused"))).isTrue();
        // found through the cause chain, as frameworks wrap them
        assertThat(Failures.isTransient(
                new IllegalStateException("transaction failed", new SQLException("deadlock detected", "40P01"))))
                        .isTrue();

        assertThat(Failures.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("foreign key violation", "23503"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("no state"))).isFalse();
        assertThat(Failures.isTransient(new SerializationException("bad bytes"))).isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("bug", new RuntimeException("root")))).isFalse();
    }

    @Test
    void refusedContentIsRecognisedByItsDataExceptionClass() {
        assertThat(Failures.isRefusedContent(new SQLException("invalid byte sequence 0x00", "22021"))).isTrue();
        assertThat(Failures.isRefusedContent(new SQLException("unsupported Unicode escape", "22P05"))).isTrue();
        assertThat(Failures.isRefusedContent(new SQLException("value too long", "22001"))).isTrue();
        assertThat(Failures.isRefusedContent(
                new IllegalStateException("wrapped", new SQLException("invalid byte sequence", "22021")))).isTrue();
        assertThat(Failures.isRefusedContent(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(Failures.isRefusedContent(new SQLException("foreign key violation", "23503"))).isFalse();
        assertThat(Failures.isRefusedContent(new SQLException("no state"))).isFalse();
    }

    private <T extends EventPayload> BatchProcessor<ConsumerRecord<String, byte[]>, T> processor(Class<T> type,
            BatchProcessor.Handler<T> handler, int maxAttempts, Runnable afterCommit) {
        return new BatchProcessor<>(dataSource, settings(maxAttempts), type, envelope -> {
        }, handler, r -> r, this::deadLetter, afterCommit);
    }

    private static BatchProcessor.Settings settings(int maxAttempts) {
        return new BatchProcessor.Settings("test-channel", "test.consumer", maxAttempts, Duration.ofMillis(20),
                Duration.ofMillis(200));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error, int attempts) throws Exception {
        new DeadLetters(producer, service).send(record, error, attempts).get(10, TimeUnit.SECONDS);
    }

    private static List<UUID> freshIds(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    /** One record per id, in order (a mutable list: tests add redeliveries and bad records to it). */
    private List<ConsumerRecord<String, byte[]>> events(List<UUID> ids) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        ids.forEach(id -> batch.add(event(id, EXAMPLE)));
        return batch;
    }

    private ConsumerRecord<String, byte[]> event(UUID id, EventPayload payload) {
        return record(id.toString(), EventType.of(payload).type(), EventJson.toBytes(payload));
    }

    private ConsumerRecord<String, byte[]> record(String id, String type, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents
                .headers(id == null ? "x" : id, CloudEvents.source("test"), type, Instant.now(), EXAMPLE.partitionKey())
                .forEach((name, text) -> {
                    if (id != null || !name.equals(CloudEvents.ID_HEADER)) {
                        headers.add(name, text.getBytes(StandardCharsets.UTF_8));
                    }
                });
        headers.add("x-origin", "test".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(TOPIC, 0, nextOffset++, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1,
                -1, EXAMPLE.partitionKey(), value, headers, java.util.Optional.empty());
    }
}

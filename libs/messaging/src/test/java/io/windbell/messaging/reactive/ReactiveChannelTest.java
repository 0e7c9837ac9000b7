package io.windbell.messaging.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.messaging.MessagingTestSupport;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.messaging.consumer.Selection;
import io.windbell.messaging.consumer.UnitOfWork;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.testing.TestInfrastructure;
import io.windbell.testing.TopicProbe;
import io.windbell.testing.WindbellTestResource;

/**
 * The kit's failure policy with the reactive unit of work, on real PostgreSQL (Hibernate Reactive, one transaction per
 * message) and a real broker (dead letters). The records are built as a poll returns them, so each case is exact.
 */
@QuarkusTest
@QuarkusTestResource(value = WindbellTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_reactive"), restrictToAnnotatedClass = true)
class ReactiveChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = Topics.JOURNEY_EVENTS;
    private static final String CONSUMER = "reactive-channel-test";

    @Inject
    AgroalDataSource dataSource;

    private KafkaProducer<String, byte[]> producer;
    private String service;
    private String tally;
    private long nextOffset;
    /** How often the handler ran for each message id. */
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(TestInfrastructure.get().kafkaClientProperties(), new StringSerializer(),
                new ByteArraySerializer());
        service = "rct" + UUID.randomUUID().toString().substring(0, 6);
        tally = "tally-" + UUID.randomUUID();
        execute("INSERT INTO test_tally (id, applied) VALUES ('" + tally + "', 0)");
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void eachMessageIsAppliedOnceInItsOwnTransactionAndARedeliveryIsSkipped() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = interruptions(3);
        AtomicInteger wakes = new AtomicInteger();
        BatchProcessor<ConsumerRecord<String, byte[]>, EventPayload> processor = processor(envelope -> count(envelope),
                3, wakes);

        processor.process(batch);
        processor.process(batch);

        assertThat(applied()).isEqualTo(3);
        assertThat(calls.values()).extracting(AtomicInteger::get).containsExactly(1, 1, 1);
        assertThat(claims()).isEqualTo(3);
        // the relay is woken after every committed message, not once per batch
        assertThat(wakes).hasValue(3);
        assertThat(processor.status().applied()).isEqualTo(3);
        assertThat(processor.status().skipped()).isEqualTo(3);
        assertThat(processor.status().deadLettered()).isZero();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAloneWhileThoseBeforeItStayCommittedAndThoseAfterItAreApplied() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = interruptions(4);
        UUID poison = id(batch.get(2));
        BatchProcessor<ConsumerRecord<String, byte[]>, EventPayload> processor = processor(envelope -> {
            if (envelope.id().equals(poison)) {
                calls.computeIfAbsent(poison, k -> new AtomicInteger()).incrementAndGet();
                return Uni.createFrom().failure(new IllegalStateException("cannot apply the poison message"));
            }
            return count(envelope);
        }, 3, new AtomicInteger());

        processor.process(batch);

        assertThat(applied()).isEqualTo(3);
        // the two before the poison committed in the first try: every retry and the split skipped them
        assertThat(calls.get(id(batch.get(0)))).hasValue(1);
        assertThat(calls.get(id(batch.get(1)))).hasValue(1);
        assertThat(calls.get(id(batch.get(3)))).hasValue(1);
        assertThat(claims()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM inbox WHERE message_id = '" + poison + "'")).isZero();
        try (TopicProbe probe = TopicProbe.on(Topics.deadLetter(TOPIC, service))) {
            ConsumerRecord<String, byte[]> letter = probe.await(r -> true, 1, WAIT).getFirst();
            assertThat(header(letter, CloudEvents.ID_HEADER)).isEqualTo(poison.toString());
            assertThat(header(letter, DeadLetters.ATTEMPTS)).isEqualTo("3");
            assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).isEqualTo("cannot apply the poison message");
        }
        assertThat(processor.status().deadLettered()).isEqualTo(1);
        assertThat(processor.status().applied()).isEqualTo(3);
    }

    @Test
    void aRealUniqueViolationFromHibernateReactiveIsTransientAndRetriedBeyondMaxAttempts() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = interruptions(1);
        AtomicInteger tries = new AtomicInteger();
        int failures = 3;
        // maxAttempts 2 < 3 failures: had the failure counted as an attempt, the message would be dead-lettered
        BatchProcessor<ConsumerRecord<String, byte[]>, EventPayload> processor = processor(envelope -> {
            if (tries.incrementAndGet() <= failures) {
                // the row exists: PostgreSQL answers 23505 through the Vert.x client and Hibernate Reactive
                return Panache.getSession()
                        .chain(session -> session
                                .createNativeQuery("INSERT INTO test_tally (id, applied) VALUES (?1, 0)")
                                .setParameter(1, tally).executeUpdate())
                        .replaceWithVoid();
            }
            return count(envelope);
        }, 2, new AtomicInteger());

        processor.process(batch);

        assertThat(tries).hasValue(failures + 1);
        assertThat(applied()).isEqualTo(1);
        assertThat(processor.status().deadLettered()).isZero();
        assertThat(processor.status().lastError()).isNull();
    }

    @Test
    void recordsTheChannelDoesNotSelectAreAcknowledgedWithoutATransaction() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        List<UUID> ignoredIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            ignoredIds.add(id);
            batch.add(record(id, EventJson.example(EventType.JOURNEY_PROGRESSED)));
            batch.addAll(interruptions(1));
        }
        // of the taken type, but not relevant to the channel (decoded, then left out)
        UUID irrelevant = UUID.randomUUID();
        ignoredIds.add(irrelevant);
        batch.add(record(irrelevant, EventJson.example(EventType.JOURNEY_INTERRUPTED)));
        List<UUID> handed = new CopyOnWriteArrayList<>();
        UnitOfWork<EventPayload> reactive = new ReactiveUnitOfWork<>(CONSUMER, this::count);
        // the unit of work is where every transaction begins: what never reaches it never opens one
        UnitOfWork<EventPayload> watched = (envelopes, progress) -> {
            envelopes.forEach(envelope -> handed.add(envelope.id()));
            reactive.apply(envelopes, progress);
        };
        BatchProcessor<ConsumerRecord<String, byte[]>, EventPayload> processor = new BatchProcessor<>(settings(3),
                EventPayload.class, Selection.<EventPayload> types(EventType.JOURNEY_INTERRUPTED)
                        .where(envelope -> !envelope.id().equals(irrelevant)),
                envelope -> {
                }, watched, r -> r, this::deadLetter, () -> {
                });

        processor.process(batch);

        assertThat(handed).hasSize(3).doesNotContainAnyElementsOf(ignoredIds);
        assertThat(applied()).isEqualTo(3);
        assertThat(processor.status().ignored()).isEqualTo(4);
        assertThat(processor.status().applied()).isEqualTo(3);
        for (UUID id : ignoredIds) {
            assertThat(count("SELECT count(*) FROM inbox WHERE message_id = '" + id + "'")).isZero();
        }
    }

    /** The handler of the tests: counts the message on the tally, in the message's transaction. */
    private Uni<Void> count(Envelope<EventPayload> envelope) {
        calls.computeIfAbsent(envelope.id(), k -> new AtomicInteger()).incrementAndGet();
        return Tally.<Tally> findById(tally).invoke(t -> t.applied++).replaceWithVoid();
    }

    private BatchProcessor<ConsumerRecord<String, byte[]>, EventPayload> processor(
            Function<Envelope<EventPayload>, Uni<Void>> handler, int maxAttempts, AtomicInteger wakes) {
        return new BatchProcessor<>(settings(maxAttempts), EventPayload.class, Selection.<EventPayload> all(),
                envelope -> {
                }, new ReactiveUnitOfWork<>(CONSUMER, handler::apply), r -> r, this::deadLetter,
                wakes::incrementAndGet);
    }

    private static BatchProcessor.Settings settings(int maxAttempts) {
        return new BatchProcessor.Settings("reactive-test-channel", CONSUMER, maxAttempts, Duration.ofMillis(20),
                Duration.ofMillis(200));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error, int attempts) throws Exception {
        new DeadLetters(producer, service).send(record, error, attempts).get(10, TimeUnit.SECONDS);
    }

    private List<ConsumerRecord<String, byte[]>> interruptions(int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(UUID.randomUUID(), EventJson.example(EventType.JOURNEY_INTERRUPTED)));
        }
        return records;
    }

    private ConsumerRecord<String, byte[]> record(UUID id, EventPayload payload) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(id.toString(), CloudEvents.source("test"), Instant.now(), payload)
                .forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(TOPIC, 0, nextOffset++, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1,
                -1, payload.partitionKey(), EventJson.toBytes(payload), headers, Optional.empty());
    }

    private static UUID id(ConsumerRecord<String, byte[]> record) {
        return UUID.fromString(header(record, CloudEvents.ID_HEADER));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private long applied() {
        return count("SELECT applied FROM test_tally WHERE id = '" + tally + "'");
    }

    private long claims() {
        // the ids this test handed to its handler
        List<String> ids = calls.keySet().stream().map(id -> "'" + id + "'").toList();
        return count("SELECT count(*) FROM inbox WHERE consumer = '" + CONSUMER + "' AND message_id IN ("
                + String.join(",", ids) + ")");
    }

    private long count(String sql) {
        return MessagingTestSupport.count(dataSource, sql);
    }

    private void execute(String sql) {
        MessagingTestSupport.execute(dataSource, sql);
    }
}

package io.windbell.messaging;

import static io.windbell.messaging.MessagingTestSupport.committedOffsets;
import static io.windbell.messaging.MessagingTestSupport.createTopics;
import static io.windbell.messaging.MessagingTestSupport.header;
import static io.windbell.messaging.MessagingTestSupport.headers;
import static io.windbell.messaging.MessagingTestSupport.recordCount;
import static io.windbell.messaging.MessagingTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.messaging.consumer.ConsumerLoop;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.messaging.consumer.Delivery;
import io.windbell.testing.TopicProbe;

/** The consumer loop with a real KafkaConsumer and producer on the shared test broker. */
class ConsumerLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ConsumerLoop.Decoder<String> TEXT = record -> new String(record.value(),
            StandardCharsets.UTF_8);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private String topic;
    private String group;
    private String service;
    private String deadLetterTopic;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void topics() {
        topic = unique("loop");
        group = unique("group");
        service = "svc" + UUID.randomUUID().toString().substring(0, 6);
        deadLetterTopic = Topics.deadLetter(topic, service);
        createTopics(topic, deadLetterTopic);
        producer = MessagingTestSupport.producer(Map.of());
        resources.add(producer);
    }

    @AfterEach
    void close() throws Exception {
        // loops first, then the producer they dead-letter with
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void theHandlerGetsEveryRecordAndOffsetsAreCommittedOnlyAfterItReturned() throws Exception {
        for (int i = 0; i < 30; i++) {
            send("key-" + (i % 5), "first-" + i);
        }
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        ConsumerLoop<String> loop = start(TEXT, batch -> {
            entered.countDown();
            assertThat(release.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            batch.forEach(delivery -> handled.add(delivery.value()));
        }, 3);

        assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // the handler holds its first batch: nothing may be committed yet
        assertThat(committedOffsets(group)).isEmpty();
        release.countDown();

        await().atMost(WAIT).until(() -> committedTotal() == 30);
        assertThat(handled).hasSize(30).doesNotHaveDuplicates()
                .allSatisfy(value -> assertThat(value).startsWith("first-"));
        assertThat(loop.status().applied()).isEqualTo(30);
        assertThat(loop.status().running()).isTrue();
        assertThat(loop.status().lastPoll()).isNotNull();
        loop.close();
        await().atMost(WAIT).until(() -> !loop.status().running());

        for (int i = 0; i < 10; i++) {
            send("key-" + (i % 5), "second-" + i);
        }
        List<String> handledAfterRestart = new CopyOnWriteArrayList<>();
        ConsumerLoop<String> restarted = start(TEXT,
                batch -> batch.forEach(delivery -> handledAfterRestart.add(delivery.value())), 3);

        await().atMost(WAIT).until(() -> committedTotal() == 40);
        // the new loop of the same group starts at the committed offsets: none of the handled records comes again
        assertThat(handledAfterRestart).hasSize(10).containsExactlyInAnyOrderElementsOf(List.of("second-0", "second-1",
                "second-2", "second-3", "second-4", "second-5", "second-6", "second-7", "second-8", "second-9"));
        assertThat(restarted.status().applied()).isEqualTo(10);
        assertThat(recordCount(deadLetterTopic)).isZero();
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicAndTheOthersAreHandled() throws Exception {
        List<String> goodIds = new ArrayList<>();
        goodIds.add(sendEvent("customer-1", EventType.JOURNEY_STARTED.type(),
                EventJson.toBytes(EventJson.example(EventType.JOURNEY_STARTED))));
        String badJsonId = UUID.randomUUID().toString();
        RecordMetadata badJson = send(record("customer-1", "{not json".getBytes(StandardCharsets.UTF_8), badJsonId,
                EventType.JOURNEY_STARTED.type()));
        goodIds.add(sendEvent("customer-1", EventType.JOURNEY_STARTED.type(),
                EventJson.toBytes(EventJson.example(EventType.JOURNEY_STARTED))));
        String unknownTypeId = UUID.randomUUID().toString();
        RecordMetadata unknownType = send(
                record("customer-2", "{}".getBytes(StandardCharsets.UTF_8), unknownTypeId, "journey.teleported"));
        goodIds.add(sendEvent("customer-2", EventType.JOURNEY_STARTED.type(),
                EventJson.toBytes(EventJson.example(EventType.JOURNEY_STARTED))));

        List<String> handled = new CopyOnWriteArrayList<>();
        ConsumerLoop<EventPayload> loop = start(
                record -> EventJson.read(record.value(), header(record, CloudEvents.TYPE_HEADER)), batch -> {
                    for (Delivery<EventPayload> delivery : batch) {
                        assertThat(delivery.value()).isEqualTo(EventJson.example(EventType.JOURNEY_STARTED));
                        handled.add(header(delivery.record(), CloudEvents.ID_HEADER));
                    }
                }, 3);

        List<ConsumerRecord<String, byte[]>> letters;
        try (TopicProbe probe = TopicProbe.on(deadLetterTopic)) {
            letters = probe.await(r -> true, 2, WAIT);
        }
        await().atMost(WAIT).until(() -> committedTotal() == 5);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(goodIds);
        assertThat(letters).hasSize(2);

        ConsumerRecord<String, byte[]> badJsonLetter = letterWithId(letters, badJsonId);
        assertThat(badJsonLetter.key()).isEqualTo("customer-1");
        assertThat(badJsonLetter.value()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
        assertLetterHeaders(badJsonLetter, badJson, UncheckedIOException.class, 1);
        assertThat(header(badJsonLetter, "x-origin")).isEqualTo("test");
        assertThat(header(badJsonLetter, CloudEvents.TYPE_HEADER)).isEqualTo(EventType.JOURNEY_STARTED.type());

        ConsumerRecord<String, byte[]> unknownTypeLetter = letterWithId(letters, unknownTypeId);
        assertThat(unknownTypeLetter.key()).isEqualTo("customer-2");
        assertLetterHeaders(unknownTypeLetter, unknownType, IllegalArgumentException.class, 1);
        assertThat(header(unknownTypeLetter, DeadLetters.ERROR_MESSAGE)).contains("journey.teleported");

        assertThat(loop.status().deadLettered()).isEqualTo(2);
        assertThat(loop.status().applied()).isEqualTo(3);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAfterMaxAttemptsWhileTheRestOfItsBatchIsHandled() throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(send("one-key", i == 4 ? "poison" : "r" + i));
        }
        AtomicInteger poisonAlone = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        ConsumerLoop<String> loop = start(TEXT, batch -> {
            if (batch.stream().anyMatch(delivery -> delivery.value().equals("poison"))) {
                if (batch.size() == 1) {
                    poisonAlone.incrementAndGet();
                }
                throw new IllegalStateException("cannot apply the poison record");
            }
            batch.forEach(delivery -> handled.add(delivery.value()));
        }, 3);

        List<ConsumerRecord<String, byte[]>> letters;
        try (TopicProbe probe = TopicProbe.on(deadLetterTopic)) {
            letters = probe.await(r -> true, 1, WAIT);
        }
        await().atMost(WAIT).until(() -> committedTotal() == 10);
        // one key, one partition: the records after the poison were applied too, in order
        assertThat(handled).containsExactly("r0", "r1", "r2", "r3", "r5", "r6", "r7", "r8", "r9");
        assertThat(letters).hasSize(1);
        ConsumerRecord<String, byte[]> letter = letters.getFirst();
        assertThat(letter.key()).isEqualTo("one-key");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertLetterHeaders(letter, sent.get(4), IllegalStateException.class, 3);
        assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).isEqualTo("cannot apply the poison record");
        assertThat(poisonAlone).hasValue(3);
        assertThat(loop.status().deadLettered()).isEqualTo(1);
        assertThat(loop.status().applied()).isEqualTo(9);
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNeverDeadLettered() throws Exception {
        for (int i = 0; i < 5; i++) {
            send("key-" + i, "t" + i);
        }
        int failures = 4;
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        // more transient failures than maxAttempts: they must not count as attempts
        ConsumerLoop<String> loop = start(TEXT, batch -> {
            if (calls.incrementAndGet() <= failures) {
                throw new SQLTransientConnectionException("database unreachable", "08006");
            }
            batch.forEach(delivery -> handled.add(delivery.value()));
        }, 2);

        await().atMost(WAIT).until(() -> committedTotal() == 5);
        assertThat(handled).containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4");
        assertThat(calls.get()).isGreaterThan(failures);
        assertThat(loop.status().deadLettered()).isZero();
        assertThat(loop.status().applied()).isEqualTo(5);
        assertThat(loop.status().lastError()).isNull();
        assertThat(recordCount(deadLetterTopic)).isZero();
    }

    @Test
    void transientFailuresAreRecognised() {
        assertThat(ConsumerLoop.isTransient(new SQLException("connection failure", "08006"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new SQLException("serialization failure", "40001"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new SQLException("duplicate key", "23505"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new TimeoutException("broker did not answer"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new NotLeaderOrFollowerException("leader moved"))).isTrue();
        assertThat(ConsumerLoop.isTransient(new ConnectException("Connection refused"))).isTrue();
        // found through the cause chain, as frameworks wrap them
        assertThat(ConsumerLoop.isTransient(
                new IllegalStateException("transaction failed", new SQLException("deadlock detected", "40P01"))))
                        .isTrue();

        assertThat(ConsumerLoop.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(ConsumerLoop.isTransient(new SQLException("foreign key violation", "23503"))).isFalse();
        assertThat(ConsumerLoop.isTransient(new SQLException("no state"))).isFalse();
        assertThat(ConsumerLoop.isTransient(new SerializationException("bad bytes"))).isFalse();
        assertThat(ConsumerLoop.isTransient(new IllegalStateException("bug", new RuntimeException("root")))).isFalse();
    }

    private <T> ConsumerLoop<T> start(ConsumerLoop.Decoder<T> decoder, ConsumerLoop.Handler<T> handler,
            int maxAttempts) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MessagingTestSupport.infra().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        ConsumerLoop<T> loop = new ConsumerLoop<>(consumer, new DeadLetters(producer, service),
                new ConsumerLoop.Settings(topic, Duration.ofMillis(100), maxAttempts, Duration.ofMillis(20),
                        Duration.ofMillis(200)),
                decoder, handler);
        resources.add(loop);
        loop.start("consumer-loop-" + topic);
        return loop;
    }

    private long committedTotal() {
        Map<TopicPartition, Long> committed = committedOffsets(group);
        return committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private RecordMetadata send(String key, String value) throws Exception {
        return send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private String sendEvent(String key, String type, byte[] payload) throws Exception {
        String id = UUID.randomUUID().toString();
        send(record(key, payload, id, type));
        return id;
    }

    private ProducerRecord<String, byte[]> record(String key, byte[] payload, String id, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
        CloudEvents.headers(id, CloudEvents.source("test"), type, Instant.now(), key)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add("x-origin", "test".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) throws Exception {
        return producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private static ConsumerRecord<String, byte[]> letterWithId(List<ConsumerRecord<String, byte[]>> letters,
            String id) {
        return letters.stream().filter(r -> id.equals(header(r, CloudEvents.ID_HEADER))).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter with ce_id " + id));
    }

    private void assertLetterHeaders(ConsumerRecord<String, byte[]> letter, RecordMetadata original,
            Class<? extends Exception> errorClass, int attempts) {
        assertThat(letter.topic()).isEqualTo(topic + ".dlq." + service);
        Map<String, String> headers = headers(letter);
        assertThat(headers).containsEntry(DeadLetters.ORIGINAL_TOPIC, topic)
                .containsEntry(DeadLetters.ORIGINAL_PARTITION, Integer.toString(original.partition()))
                .containsEntry(DeadLetters.ORIGINAL_OFFSET, Long.toString(original.offset()))
                .containsEntry(DeadLetters.ERROR_CLASS, errorClass.getName())
                .containsEntry(DeadLetters.ATTEMPTS, Integer.toString(attempts))
                .containsEntry(DeadLetters.CONSUMER, service).containsKey(DeadLetters.ERROR_MESSAGE);
        assertThat(Instant.parse(headers.get(DeadLetters.FAILED_AT))).isBetween(Instant.now().minus(WAIT),
                Instant.now());
    }
}

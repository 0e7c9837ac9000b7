package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;

/**
 * Reads the answers to what a command sends: records of one CloudEvents type on one topic (no consumer group: every
 * partition from its end when the watch is created), keeping per key (a journey instance id, a response id) the Kafka
 * timestamp of the first answer. {@link #latency} pairs them with {@link PayloadSender#sentAt}.
 *
 * @param <T>
 *            the answer's contract type
 */
final class TopicWatch<T extends EventPayload> implements AutoCloseable {

    /** A paced run stops waiting for answers once none arrived for this long after the last send. */
    static final Duration QUIET = Duration.ofSeconds(5);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final String type;
    private final Class<T> contract;
    private final Function<T, UUID> key;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    final Map<UUID, Long> seenAt = new ConcurrentHashMap<>();
    /** Key -> {@link System#nanoTime()} when this process received the first answer (the poll returned it). */
    final Map<UUID, Long> receivedNanos = new ConcurrentHashMap<>();
    final LongAdder seen = new LongAdder();
    final LongAdder otherEvents = new LongAdder();
    final LongAdder unreadable = new LongAdder();
    final AtomicLong lastSeenMillis = new AtomicLong();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param type
     *            the {@code ce_type} of the answers, e.g. {@code survey.invited}
     * @param key
     *            the key an answer carries; {@code null} for an answer that cannot be matched
     */
    TopicWatch(String bootstrap, String topic, String clientId, String type, Class<T> contract, Function<T, UUID> key) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.type = type;
        this.contract = contract;
        this.key = key;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end offsets now, before the first record is sent
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::loop, clientId);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    offer(record);
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    void offer(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEvents.TYPE_HEADER);
        if (header == null || !type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
            otherEvents.increment();
            return;
        }
        UUID id;
        try {
            id = key.apply(EventJson.read(record.value(), contract));
        } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
            unreadable.increment();
            return;
        }
        seen.increment();
        lastSeenMillis.set(System.currentTimeMillis());
        if (id != null) {
            seenAt.putIfAbsent(id, record.timestamp());
            receivedNanos.putIfAbsent(id, System.nanoTime());
        }
    }

    /** Waits until no answer arrived for {@link #QUIET} after the last acknowledged send, at most {@code drain}. */
    void awaitQuiet(PayloadSender sender, Duration drain, String label, PrintStream err) {
        long deadline = System.currentTimeMillis() + drain.toMillis();
        long lastNote = 0;
        while (System.currentTimeMillis() < deadline && failure.get() == null) {
            long now = System.currentTimeMillis();
            long last = Math.max(lastSeenMillis.get(), sender.lastAckMillis.get());
            if (now - last >= QUIET.toMillis()) {
                break;
            }
            if (now - lastNote >= 1_000) {
                err.printf("[%s] waiting for %s: %d seen%n", label, type, seen.sum());
                lastNote = now;
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    /**
     * The answers side of a summary: {@code seenName} (answers read), {@code matchedMeasured} (sends after the warmup
     * that got an answer) and {@code latencyMs}, the answer's Kafka timestamp minus the send's.
     */
    Map<String, Object> latency(Map<UUID, Long> sentAt, String seenName) {
        Histogram micros = new Histogram(PayloadSender.HIGHEST_MICROS, 3);
        long matched = 0;
        for (Map.Entry<UUID, Long> e : sentAt.entrySet()) {
            Long answered = seenAt.get(e.getKey());
            if (answered != null) {
                matched++;
                micros.recordValue(Math.clamp((answered - e.getValue()) * 1_000, 0, PayloadSender.HIGHEST_MICROS));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", topic);
        m.put(seenName, seen.sum());
        m.put("matchedMeasured", matched);
        m.put("otherEvents", otherEvents.sum());
        m.put("unreadable", unreadable.sum());
        if (failure.get() != null) {
            m.put("readError", String.valueOf(failure.get()));
        }
        m.put("latencyMs", PayloadSender.millis(micros));
        return m;
    }

    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}

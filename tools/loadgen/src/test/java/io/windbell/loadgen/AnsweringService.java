package io.windbell.loadgen;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;

/**
 * A stand-in for the service a paced command measures (survey, scoring): reads what the command writes (from the end of
 * the topic) and at once publishes the answer {@code answer} gives for a record, if any, with CloudEvents headers.
 */
final class AnsweringService implements AutoCloseable {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean assigned = new AtomicBoolean();
    private final AtomicLong answered = new AtomicLong();
    private final Thread thread;

    /**
     * Starts reading {@code topic} and returns once it has its partitions ("latest": only then does it see what the
     * command writes).
     *
     * @param answer
     *            the answer to a record, or null for none
     */
    static AnsweringService start(String bootstrap, String topic, String answerTopic, String source,
            Function<ConsumerRecord<String, byte[]>, EventPayload> answer) {
        AnsweringService service = new AnsweringService(bootstrap, topic, answerTopic, source, answer);
        service.thread.start();
        await().atMost(Duration.ofSeconds(30)).untilTrue(service.assigned);
        return service;
    }

    private AnsweringService(String bootstrap, String topic, String answerTopic, String source,
            Function<ConsumerRecord<String, byte[]>, EventPayload> answer) {
        this.thread = new Thread(() -> {
            Properties props = CommandRun.consumerProps(bootstrap);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer());
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                            Map.of("bootstrap.servers", bootstrap, "linger.ms", 0), new StringSerializer(),
                            new ByteArraySerializer())) {
                consumer.subscribe(List.of(topic));
                while (!stop.get()) {
                    var polled = consumer.poll(Duration.ofMillis(50));
                    assigned.compareAndSet(false, !consumer.assignment().isEmpty());
                    for (ConsumerRecord<String, byte[]> r : polled) {
                        EventPayload out = answer.apply(r);
                        if (out == null) {
                            continue;
                        }
                        ProducerRecord<String, byte[]> record = new ProducerRecord<>(answerTopic, out.partitionKey(),
                                EventJson.toBytes(out));
                        CloudEvents.headers(UUID.randomUUID().toString(), source, Instant.now(), out)
                                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                        producer.send(record);
                        answered.incrementAndGet();
                    }
                    producer.flush();
                }
            }
        });
    }

    /** Answers published so far. */
    long answered() {
        return answered.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(10_000);
    }
}

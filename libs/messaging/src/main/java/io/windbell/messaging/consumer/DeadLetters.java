package io.windbell.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import io.windbell.contracts.Topics;

/**
 * Sends a record a consumer could not apply to {@code <topic>.dlq.<service>}: same key, payload and headers, plus
 * {@code windbell-dlq-*} headers saying where it came from and why it failed, so an operator can inspect and replay it.
 */
public final class DeadLetters {

    public static final String ERROR_CLASS = "windbell-dlq-error-class";
    public static final String ERROR_MESSAGE = "windbell-dlq-error-message";
    public static final String ORIGINAL_TOPIC = "windbell-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "windbell-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "windbell-dlq-original-offset";
    public static final String ATTEMPTS = "windbell-dlq-attempts";
    public static final String FAILED_AT = "windbell-dlq-failed-at";
    public static final String CONSUMER = "windbell-dlq-consumer";

    private static final int MAX_MESSAGE_LENGTH = 2000;

    private final Producer<String, byte[]> producer;
    private final String service;

    public DeadLetters(Producer<String, byte[]> producer, String service) {
        this.producer = producer;
        this.service = service;
    }

    /**
     * Publishes the record to its dead-letter topic; completes when the broker acknowledged it (a dead letter is never
     * fire-and-forget: the original's offset is committed only after that).
     */
    public CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, Throwable error, int attempts) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetter(record.topic(), service), null,
                record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        String message = String.valueOf(error.getMessage());
        add(letter, ERROR_CLASS, error.getClass().getName());
        add(letter, ERROR_MESSAGE,
                message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message);
        add(letter, ORIGINAL_TOPIC, record.topic());
        add(letter, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(letter, ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(letter, ATTEMPTS, Integer.toString(attempts));
        add(letter, FAILED_AT, Instant.now().toString());
        add(letter, CONSUMER, service);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            producer.send(letter, (metadata, failure) -> {
                if (failure == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

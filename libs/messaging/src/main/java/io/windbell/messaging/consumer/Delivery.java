package io.windbell.messaging.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record as it came off the topic, with its decoded value. */
public record Delivery<T>(ConsumerRecord<String, byte[]> record, T value) {
}

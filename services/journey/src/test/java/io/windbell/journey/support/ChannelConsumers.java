package io.windbell.journey.support;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/** The Kafka consumers behind a channel, including the copies its {@code concurrency} creates. */
public final class ChannelConsumers {

    private ChannelConsumers() {
    }

    public static List<KafkaConsumer<Object, Object>> of(KafkaClientService kafka, String channel) {
        List<KafkaConsumer<Object, Object>> consumers = new ArrayList<>(kafka.getConsumers(channel));
        for (int copy = 1; copy <= 16; copy++) {
            consumers.addAll(kafka.getConsumers(channel + "$" + copy));
        }
        return consumers;
    }
}

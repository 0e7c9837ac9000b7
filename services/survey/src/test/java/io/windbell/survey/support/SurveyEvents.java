package io.windbell.survey.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;

/** Waits for survey events of one customer on {@code cx.survey-events.v1}, each checked against its schema. */
public final class SurveyEvents implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final TopicProbe probe = TopicProbe.on(Topics.SURVEY_EVENTS);

    /** The first {@code count} events of {@code type} about {@code customerId}, schema-validated. */
    public <T extends EventPayload> List<T> await(String customerId, Class<T> type, int count) {
        EventType eventType = EventType.of(typeName(type));
        return probe.await(record -> customerId.equals(record.key()) && eventType.type().equals(header(record)), count,
                WAIT).stream().map(record -> {
                    ContractAssertions.assertValid(eventType, record.value());
                    return EventJson.read(record.value(), type);
                }).toList();
    }

    public <T extends EventPayload> T awaitOne(String customerId, Class<T> type) {
        return await(customerId, type, 1).getFirst();
    }

    /** Every record about the customer seen so far. */
    public List<ConsumerRecord<String, byte[]>> seen(String customerId) {
        return probe.seen().stream().filter(record -> customerId.equals(record.key())).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEvents.TYPE_HEADER);
    }

    private static String typeName(Class<?> type) {
        try {
            return (String) type.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " has no TYPE", e);
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}

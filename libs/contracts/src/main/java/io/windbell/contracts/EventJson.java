package io.windbell.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of event payloads, so that every producer writes and every consumer reads the same bytes:
 * ISO-8601 timestamps (offsets preserved), no {@code null} fields, unknown fields ignored when reading.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new JsonMapper());
    private static final ObjectMapper STRICT = configure(new JsonMapper())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    /**
     * Applies the contract settings to a mapper, e.g. in a Quarkus {@code ObjectMapperCustomizer} or a Kafka
     * (de)serialiser; returns it.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Keep "+08:00" as sent: the customer's local time of day is data, not noise.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Tolerant reader: a producer may add an optional field before every consumer knows it.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing required number must fail (and go to the DLQ), not silently become 0.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The shared mapper for producers and consumers (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A mapper that also fails on unknown properties: for contract tests, which must notice a stray field. */
    public static ObjectMapper strictMapper() {
        return STRICT;
    }

    /** Serialises a payload to the bytes of a Kafka record value. */
    public static byte[] toBytes(EventPayload payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serialises a payload to a JSON string. */
    public static String toJson(EventPayload payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a Kafka record value of a known type.
     *
     * @throws UncheckedIOException
     *             if the bytes are not a valid payload of that type (a poison message)
     */
    public static <T extends EventPayload> T read(byte[] data, Class<T> payloadClass) {
        try {
            return MAPPER.readValue(data, payloadClass);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a Kafka record value by its {@code ce_type} header, for consumers of a topic with several types.
     *
     * @throws IllegalArgumentException
     *             if the type is not in the catalog
     * @throws UncheckedIOException
     *             if the bytes are not a valid payload of that type
     */
    public static EventPayload read(byte[] data, String ceType) {
        return read(data, EventType.of(ceType).payloadClass());
    }

    /** The example payload of a type, as shipped in this library; for consumer tests. */
    public static EventPayload example(EventType type) {
        try (InputStream in = EventJson.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + type.exampleResource());
            }
            return STRICT.readValue(in, type.payloadClass());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.windbell.loadgen.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.windbell.contracts.touchpoint.TouchpointRecorded;

/**
 * Serialises touchpoint events the way a channel app posts them: ISO-8601 dates with offset, no null fields, and
 * without {@code receivedAt}, which the server sets.
 */
public final class EventJson {

    /** Keeps the server-side fields out of what a client sends. */
    @JsonIgnoreProperties({ "receivedAt", "partitionKey" })
    private abstract static class ClientView {
    }

    /** Null fields and null map values are left out. */
    private static final JsonInclude.Value NO_NULLS = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.NON_NULL);
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).defaultPropertyInclusion(NO_NULLS)
            .addMixIn(TouchpointRecorded.class, ClientView.class).build();
    private static final ObjectMapper PUBLISHED = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).defaultPropertyInclusion(NO_NULLS).build();

    private EventJson() {
    }

    public static byte[] single(TouchpointRecorded event) {
        return write(event);
    }

    public static byte[] batch(List<TouchpointRecorded> events) {
        return write(events);
    }

    /** The event as ingest publishes it to Kafka: as posted, plus the {@code receivedAt} the server stamps. */
    public static byte[] published(TouchpointRecorded e, Instant receivedAt) {
        TouchpointRecorded received = new TouchpointRecorded(e.eventId(), e.occurredAt(), receivedAt, e.channel(),
                e.touchpoint(), e.customerId(), e.anonymousId(), e.sessionId(), e.outcome(), e.errorCode(),
                e.durationMs(), e.branchId(), e.employeeId(), e.productId(), e.locale(), e.attributes());
        try {
            return PUBLISHED.writeValueAsBytes(received);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise " + e, ex);
        }
    }

    /** The same event as happening at {@code at}: used to stamp pre-generated events with the send time. */
    public static TouchpointRecorded at(TouchpointRecorded e, OffsetDateTime at) {
        return new TouchpointRecorded(e.eventId(), at, null, e.channel(), e.touchpoint(), e.customerId(),
                e.anonymousId(), e.sessionId(), e.outcome(), e.errorCode(), e.durationMs(), e.branchId(),
                e.employeeId(), e.productId(), e.locale(), e.attributes());
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}

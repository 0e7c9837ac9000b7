package io.windbell.contracts.touchpoint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code touchpoint.recorded}: one validated touchpoint event, as ingest publishes it to
 * {@link io.windbell.contracts.Topics#TOUCHPOINT_EVENTS}, keyed by {@link #partitionKey()}.
 */
public record TouchpointRecorded(UUID eventId, OffsetDateTime occurredAt, Instant receivedAt, String channel,
        String touchpoint, String customerId, String anonymousId, String sessionId, Outcome outcome, String errorCode,
        Long durationMs, String branchId, String employeeId, String productId, String locale,
        Map<String, Object> attributes) implements EventPayload {

    public static final String TYPE = "touchpoint.recorded";
    public static final String TOPIC = Topics.TOUCHPOINT_EVENTS;

    /** Customer id when known, else the anonymous id: keeps one customer's events in order on one partition. */
    @Override
    public String partitionKey() {
        return customerId != null ? customerId : anonymousId;
    }
}

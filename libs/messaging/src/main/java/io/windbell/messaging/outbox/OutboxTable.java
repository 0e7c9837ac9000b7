package io.windbell.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.windbell.contracts.EventJson;

/**
 * How an {@link OutboxMessage} is stored, written once for both transaction flavours: the JDBC {@link Outbox} (COPY) of
 * the stream processors and the reactive {@code ReactiveOutbox} (INSERT) of the entity services. Whatever either
 * writes, the one {@link OutboxRelay} reads back.
 */
public final class OutboxTable {

    public static final String TABLE = "outbox";

    /** The columns a writer fills, in this order: id, topic, key, headers (jsonb), payload (bytea). */
    public static final String COLUMNS = "id, topic, msg_key, headers, payload";

    private OutboxTable() {
    }

    /** The {@code headers} column's value: the message's headers as a JSON object of strings. */
    public static String headersJson(OutboxMessage message) {
        try {
            return EventJson.mapper().writeValueAsString(message.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of outbox message " + message.id() + " are not serialisable", e);
        }
    }
}

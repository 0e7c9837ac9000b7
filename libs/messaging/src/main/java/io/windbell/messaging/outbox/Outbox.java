package io.windbell.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.windbell.contracts.EventJson;
import io.windbell.platform.jdbc.CopyRows;

/**
 * Writes events into the outbox table on the caller's connection, so they commit or roll back together with the state
 * change that caused them. The {@link OutboxRelay} publishes them afterwards.
 */
public final class Outbox {

    private Outbox() {
    }

    /** Appends the messages in order (one {@code COPY}); the caller owns the transaction. */
    public static void append(Connection connection, Collection<OutboxMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows();
        for (OutboxMessage message : messages) {
            rows.add(message.id()).add(message.topic()).add(message.key()).add(json(message))
                    .addBytes(message.payload()).endRow();
        }
        rows.copyInto(connection, "outbox", "id, topic, msg_key, headers, payload");
    }

    private static String json(OutboxMessage message) {
        try {
            return EventJson.mapper().writeValueAsString(message.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of outbox message " + message.id() + " are not serialisable", e);
        }
    }
}

package io.windbell.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.windbell.contracts.EventJson;

/**
 * Writes events into the outbox table on the caller's connection, so they commit or roll back together with the state
 * change that caused them. The {@link OutboxRelay} publishes them afterwards.
 */
public final class Outbox {

    private static final String INSERT = "INSERT INTO outbox (id, topic, msg_key, headers, payload) VALUES (?, ?, ?, ?::jsonb, ?)";

    private Outbox() {
    }

    /** Appends the messages in order; the caller owns the transaction. */
    public static void append(Connection connection, Collection<OutboxMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxMessage message : messages) {
                insert.setObject(1, message.id());
                insert.setString(2, message.topic());
                insert.setString(3, message.key());
                insert.setString(4, json(message));
                insert.setBytes(5, message.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String json(OutboxMessage message) {
        try {
            return EventJson.mapper().writeValueAsString(message.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of outbox message " + message.id() + " are not serialisable", e);
        }
    }
}

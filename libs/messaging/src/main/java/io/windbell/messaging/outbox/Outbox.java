package io.windbell.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

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
            rows.add(message.id()).add(message.topic()).add(message.key()).add(OutboxTable.headersJson(message))
                    .addBytes(message.payload()).endRow();
        }
        rows.copyInto(connection, OutboxTable.TABLE, OutboxTable.COLUMNS);
    }
}

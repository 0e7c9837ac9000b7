package io.windbell.messaging.reactive;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.messaging.outbox.OutboxTable;

/**
 * Writes events into the outbox inside an entity service's reactive transaction, so they commit or roll back with the
 * aggregate change that caused them. Same table and columns as the JDBC {@link io.windbell.messaging.outbox.Outbox}:
 * the service's one {@link io.windbell.messaging.outbox.OutboxRelay} publishes both.
 */
public final class ReactiveOutbox {

    /** Rows per {@code INSERT}: five parameters each, far below PostgreSQL's 65,535 per statement. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    /**
     * The headers go in as text and PostgreSQL parses them into a JSON object. Bound straight to a jsonb parameter, the
     * Vert.x client would store the Java string as a JSON string scalar, which the relay cannot read back.
     */
    private static final String ROW = "(?, ?, ?, cast(cast(? as text) as jsonb), ?)";

    private ReactiveOutbox() {
    }

    /**
     * Appends the messages in order (their {@code seq} follows the list) in the session's current transaction. Fails
     * with {@link IllegalStateException} outside a transaction.
     */
    public static Uni<Void> append(Mutiny.Session session, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // the statements run when the Uni is subscribed: take the messages as they are now
        List<OutboxMessage> all = List.copyOf(messages);
        Uni<Void> appended = ReactiveTransactions.requireTransaction(session, "outbox append");
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<OutboxMessage> rows = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            appended = appended.chain(() -> insert(session, rows));
        }
        return appended;
    }

    private static Uni<Void> insert(Mutiny.Session session, List<OutboxMessage> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(OutboxTable.TABLE).append(" (")
                .append(OutboxTable.COLUMNS).append(") VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        Mutiny.Query<Object> insert = session.createNativeQuery(sql.toString());
        int parameter = 1;
        for (OutboxMessage message : rows) {
            insert.setParameter(parameter++, message.id());
            insert.setParameter(parameter++, message.topic());
            insert.setParameter(parameter++, message.key());
            insert.setParameter(parameter++, OutboxTable.headersJson(message));
            insert.setParameter(parameter++, message.payload());
        }
        return insert.executeUpdate().replaceWithVoid();
    }
}

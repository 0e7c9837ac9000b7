package io.windbell.messaging.reactive;

import java.util.Objects;
import java.util.UUID;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.windbell.messaging.inbox.InboxSql;

/**
 * The processed-message ledger for entity services: claims one message id inside the reactive transaction that applies
 * the message (one transaction per message), on the same {@code inbox} table and with the same statement as the JDBC
 * {@link io.windbell.messaging.inbox.Inbox} of the stream processors. A redelivered message finds its id claimed; a
 * rolled-back transaction releases its claim with everything else.
 */
public final class ReactiveInbox {

    private ReactiveInbox() {
    }

    /**
     * Claims {@code messageId} for {@code consumer} in the session's current transaction.
     *
     * @return {@code true} the first time: apply the message; {@code false} when it was applied before: skip it. Fails
     *         with {@link IllegalStateException} outside a transaction, where the claim would commit on its own and a
     *         failing handler would lose the message.
     */
    public static Uni<Boolean> claim(Mutiny.Session session, String consumer, String messageId) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(messageId, "messageId");
        return ReactiveTransactions
                .requireTransaction(session, "inbox claim").chain(() -> session.createNativeQuery(InboxSql.CLAIM_ONE)
                        .setParameter(1, consumer).setParameter(2, messageId).executeUpdate())
                .map(claimed -> claimed == 1);
    }

    /** Claims a message by its CloudEvents id ({@code ce_id}). */
    public static Uni<Boolean> claim(Mutiny.Session session, String consumer, UUID messageId) {
        return claim(session, consumer, Objects.requireNonNull(messageId, "messageId").toString());
    }
}

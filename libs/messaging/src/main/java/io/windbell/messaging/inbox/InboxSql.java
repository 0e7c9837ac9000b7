package io.windbell.messaging.inbox;

/**
 * The claim statements of the inbox table, written once for both transaction flavours: the JDBC {@link Inbox} of the
 * stream processors and the reactive {@code ReactiveInbox} of the entity services. Both insert into the same primary
 * key and let {@code ON CONFLICT DO NOTHING} decide which claim was first, so the two cannot disagree on what "already
 * processed" means.
 */
public final class InboxSql {

    private static final String INSERT = "INSERT INTO inbox (consumer, message_id) ";
    private static final String FIRST_CLAIM_WINS = " ON CONFLICT DO NOTHING";

    /**
     * Claims a batch. Parameters: consumer, the message ids as {@code varchar[]}. Returns the {@code message_id} of
     * each row newly claimed.
     */
    public static final String CLAIM_BATCH = INSERT + "SELECT ?, id FROM unnest(?::varchar[]) AS t(id)"
            + FIRST_CLAIM_WINS + " RETURNING message_id";

    /** Claims one message. Parameters: consumer, message id. One row updated when new, none when claimed before. */
    public static final String CLAIM_ONE = INSERT + "VALUES (?, ?)" + FIRST_CLAIM_WINS;

    private InboxSql() {
    }
}

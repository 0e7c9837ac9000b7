package io.windbell.messaging.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.windbell.messaging.envelope.Envelope;

/**
 * The processed-message ledger of one consumer: an idempotent consumer claims the ids of a batch inside the transaction
 * that applies it and applies only the ids it newly claimed. A redelivered message was claimed by the transaction that
 * applied it, so it is skipped; a rolled-back transaction releases its claims with everything else.
 */
public final class Inbox {

    private static final String PURGE = "DELETE FROM inbox WHERE ctid IN (SELECT ctid FROM inbox WHERE processed_at < ? LIMIT ?)";

    private Inbox() {
    }

    /**
     * Claims the message ids for this consumer.
     *
     * @return the ids not seen before: the messages to apply now
     */
    public static Set<String> claim(Connection connection, String consumer, Collection<String> messageIds)
            throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (messageIds.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement claim = connection.prepareStatement(InboxSql.CLAIM_BATCH)) {
            claim.setString(1, consumer);
            claim.setArray(2, connection.createArrayOf("varchar", messageIds.toArray()));
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }

    /**
     * Claims a batch of envelopes by their {@code ce_id}.
     *
     * @return the envelopes not processed before, in batch order; a second copy within the batch counts as processed
     */
    public static <E extends Envelope<?>> List<E> claimNew(Connection connection, String consumer, List<E> batch)
            throws SQLException {
        Set<String> fresh = claim(connection, consumer, batch.stream().map(e -> e.id().toString()).toList());
        List<E> claimed = new ArrayList<>(fresh.size());
        for (E envelope : batch) {
            if (fresh.remove(envelope.id().toString())) {
                claimed.add(envelope);
            }
        }
        return claimed;
    }

    /**
     * Forgets claims older than the cutoff, at most {@code limit} rows per call. The cutoff must lie beyond how far
     * back a message can be redelivered (the topic's retention), or a very old redelivery would be applied again.
     *
     * @return how many claims were removed
     */
    public static int purge(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setTimestamp(1, Timestamp.from(cutoff));
            purge.setInt(2, limit);
            return purge.executeUpdate();
        }
    }
}

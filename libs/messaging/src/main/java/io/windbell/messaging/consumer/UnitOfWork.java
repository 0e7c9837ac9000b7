package io.windbell.messaging.consumer;

import java.util.List;

import javax.sql.DataSource;

import io.windbell.contracts.EventPayload;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.inbox.Inbox;
import io.windbell.platform.jdbc.Transactions;

/**
 * How a channel makes envelopes durable: the one part of the kit's failure policy ({@link BatchProcessor}) that differs
 * between the flavours. The JDBC flavour ({@link #jdbc}) claims and applies a whole batch in one JDBC transaction; the
 * reactive flavour ({@code io.windbell.messaging.reactive.ReactiveUnitOfWork}) applies each envelope in a reactive
 * transaction of its own. Either way an envelope is claimed in the inbox in the transaction that applies it, so a retry
 * of the same envelopes skips what committed before.
 *
 * @param <T>
 *            the payload type the channel carries
 */
@FunctionalInterface
public interface UnitOfWork<T extends EventPayload> {

    /**
     * Applies {@code envelopes} in order; reports every committed transaction to {@code progress} as it commits.
     * Throwing means that the envelopes not reported yet are not applied (their claims rolled back); the processor
     * retries or splits the batch by its policy.
     */
    void apply(List<Envelope<T>> envelopes, Progress<T> progress) throws Exception;

    /** What a committed transaction did, for the channel's counters and the relay's wake-up. */
    @FunctionalInterface
    interface Progress<T extends EventPayload> {
        /**
         * @param applied
         *            the envelopes the transaction applied (new to the inbox)
         * @param skipped
         *            how many it found claimed before (redeliveries)
         */
        void committed(List<Envelope<T>> applied, int skipped);
    }

    /**
     * The stream processors' unit: one JDBC transaction claims the batch in the inbox and hands the new envelopes to
     * {@code handler}; after the commit, {@link BatchProcessor.Handler#committed} runs.
     */
    static <T extends EventPayload> UnitOfWork<T> jdbc(DataSource dataSource, String inboxConsumer,
            BatchProcessor.Handler<T> handler) {
        return (envelopes, progress) -> {
            List<Envelope<T>> fresh = Transactions.inTransaction(dataSource, connection -> {
                List<Envelope<T>> claimed = Inbox.claimNew(connection, inboxConsumer, envelopes);
                if (!claimed.isEmpty()) {
                    handler.apply(connection, claimed);
                }
                return claimed;
            });
            progress.committed(fresh, envelopes.size() - fresh.size());
            if (!fresh.isEmpty()) {
                handler.committed(fresh);
            }
        };
    }
}

package io.windbell.scoring.fold;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One use of the events scoring consumes: a rollup, a detector, an alert rule. Every fold is an
 * {@code @ApplicationScoped} bean; {@link Folding} hands it each batch of a topic it {@link #reads}, on the batch's
 * transaction (inbox claim, state and outbox commit together), after the customer profiles are updated. A fold writes
 * one row per key of the batch, never one per event.
 */
public interface Fold {

    /** Whether this fold uses events of {@code topic} (one of {@link io.windbell.contracts.Topics}). */
    boolean reads(String topic);

    void apply(Connection connection, FoldBatch batch) throws SQLException;
}

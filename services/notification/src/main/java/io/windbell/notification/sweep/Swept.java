package io.windbell.notification.sweep;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/** A bean that sweeps the database periodically ({@link Sweeps} starts and stops it): the digest, re-notification. */
public interface Swept {

    /** Whether and how often it sweeps. */
    SweepConfig sweepConfig();

    /**
     * One round at {@code now}, in its own transaction; whether more may be waiting (the next round starts at once).
     */
    Uni<Boolean> run(Instant now);

    /** The sweep's name, for its thread and log lines. */
    default String sweepName() {
        return getClass().getSimpleName();
    }
}

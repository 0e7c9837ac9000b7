package io.windbell.notification.sweep;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.mutiny.Uni;

/** A bean that sweeps the database periodically ({@link Sweeps} starts and stops it): the digest, re-notification. */
public interface Swept {

    /** The sweep's name, for its thread and log lines. */
    String sweepName();

    /** Whether this replica sweeps at all. */
    boolean sweeps();

    /** The pause between rounds when a round found nothing more to do. */
    Duration sweepInterval();

    /**
     * One round at {@code now}, in its own transaction; whether more may be waiting (the next round starts at once).
     */
    Uni<Boolean> run(Instant now);
}

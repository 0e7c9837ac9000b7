package io.windbell.journey.maintenance;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.journey.JourneyConfig;
import io.windbell.messaging.background.Periodic;
import io.windbell.messaging.inbox.Inbox;

/**
 * Forgets inbox claims older than {@code windbell.journey.inbox.retention}, a few thousand rows at a time, so the
 * ledger does not grow forever. The retention must exceed the touchpoint topic's retention: a replay from the beginning
 * must still find every claim.
 */
@ApplicationScoped
public class InboxPurge {

    private static final int ROWS_PER_ROUND = 5_000;

    private final AgroalDataSource dataSource;
    private final JourneyConfig.Inbox config;
    private Periodic periodic;

    public InboxPurge(AgroalDataSource dataSource, JourneyConfig config) {
        this.dataSource = dataSource;
        this.config = config.inbox();
    }

    void onStart(@Observes StartupEvent event) {
        periodic = new Periodic("journey-inbox-purge", config.purgeInterval(), Duration.ofMinutes(1),
                () -> purgeOnce() == ROWS_PER_ROUND).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (periodic != null) {
            periodic.close();
        }
    }

    /** Removes one round of expired claims; returns how many. */
    public int purgeOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return Inbox.purge(connection, Instant.now().minus(config.retention()), ROWS_PER_ROUND);
        }
    }
}

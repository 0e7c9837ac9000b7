package io.windbell.journey.maintenance;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.journey.JourneyConfig;
import io.windbell.journey.service.ReconstructionService;
import io.windbell.messaging.inbox.Inbox;

/**
 * Forgets inbox claims older than {@code windbell.journey.inbox.retention}, a few thousand rows at a time, so the
 * ledger does not grow forever. The retention must exceed the touchpoint topic's retention: a replay from the beginning
 * must still find every claim.
 */
@ApplicationScoped
public class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);
    private static final int ROWS_PER_ROUND = 5_000;

    private final AgroalDataSource dataSource;
    private final JourneyConfig.Inbox config;
    private volatile Thread thread;

    public InboxPurge(AgroalDataSource dataSource, JourneyConfig config) {
        this.dataSource = dataSource;
        this.config = config.inbox();
    }

    void onStart(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("journey-inbox-purge").daemon().start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Removes one round of expired claims; returns how many. */
    public int purgeOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return Inbox.purge(connection, Instant.now().minus(config.retention()), ROWS_PER_ROUND);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int purged;
                do {
                    purged = purgeOnce();
                } while (purged == ROWS_PER_ROUND);
                Thread.sleep(config.purgeInterval());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("purging the %s inbox failed, retrying later: %s", ReconstructionService.CONSUMER,
                        e.toString());
                try {
                    Thread.sleep(Duration.ofMinutes(1));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}

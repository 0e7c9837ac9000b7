package io.windbell.journey.maintenance;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.journey.JourneyConfig;
import io.windbell.messaging.inbox.Inbox;
import io.windbell.platform.jdbc.RetentionPurger;

/** Forgets inbox claims older than {@code windbell.journey.inbox.retention} (see {@link RetentionPurger}). */
@ApplicationScoped
public class InboxPurge {

    private final RetentionPurger purger;

    public InboxPurge(AgroalDataSource dataSource, JourneyConfig config) {
        this.purger = new RetentionPurger(dataSource, "journey-inbox-purge", config.inbox().retention(),
                config.inbox().purgeInterval(), Inbox::purge);
    }

    void onStart(@Observes StartupEvent event) {
        purger.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        purger.close();
    }

    /** Removes one round of expired claims; returns how many. */
    public int purgeOnce() throws SQLException {
        return purger.purgeOnce();
    }
}

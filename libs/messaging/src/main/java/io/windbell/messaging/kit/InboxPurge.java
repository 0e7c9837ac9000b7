package io.windbell.messaging.kit;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.messaging.inbox.Inbox;
import io.windbell.platform.jdbc.RetentionPurger;

/** Forgets inbox claims older than {@code windbell.messaging.inbox.retention}, for every channel of the service. */
@ApplicationScoped
public class InboxPurge {

    private final RetentionPurger purger;

    public InboxPurge(DataSource dataSource, MessagingConfig config) {
        this.purger = new RetentionPurger(dataSource, config.service() + "-inbox-purge", config.inbox().retention(),
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

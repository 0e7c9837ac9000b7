package io.windbell.scoring.driver;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.platform.jdbc.RetentionPurger;

/** Forgets driver observations after {@code windbell.scoring.drivers.retention}: response-level data stays bounded. */
@ApplicationScoped
public class DriverRetention {

    private final RetentionPurger purger;

    public DriverRetention(AgroalDataSource dataSource, DriverConfig config) {
        this.purger = new RetentionPurger(dataSource, "scoring-driver-purge", config.retention(),
                config.purgeInterval(), DriverStore::purge);
    }

    void onStart(@Observes StartupEvent event) {
        purger.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        purger.close();
    }

    /** Removes one round of expired observations; returns how many. */
    public int purgeOnce() throws SQLException {
        return purger.purgeOnce();
    }
}

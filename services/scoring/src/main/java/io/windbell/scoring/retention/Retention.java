package io.windbell.scoring.retention;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.platform.jdbc.RetentionPurger;
import io.windbell.scoring.driver.DriverConfig;
import io.windbell.scoring.driver.DriverStore;
import io.windbell.scoring.silent.SilentConfig;
import io.windbell.scoring.silent.SilentStore;

/**
 * What scoring forgets, and when (the kit forgets inbox claims): driver observations after
 * {@code windbell.scoring.drivers.retention}, so response-level data stays bounded; silent-detractor customers with no
 * signal and no answer within {@code windbell.scoring.silent.lookback}, whose score would be made of nothing.
 */
@ApplicationScoped
public class Retention {

    private final RetentionPurger drivers;
    private final RetentionPurger silent;

    public Retention(AgroalDataSource dataSource, DriverConfig driverConfig, SilentConfig silentConfig) {
        this.drivers = new RetentionPurger(dataSource, "scoring-driver-purge", driverConfig.retention(),
                driverConfig.purgeInterval(), DriverStore::purge);
        this.silent = new RetentionPurger(dataSource, "scoring-silent-purge", silentConfig.lookback(),
                silentConfig.purgeInterval(), SilentStore::purge);
    }

    void onStart(@Observes StartupEvent event) {
        drivers.start();
        silent.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        drivers.close();
        silent.close();
    }

    /** Removes one round of expired driver observations; returns how many. */
    public int purgeDriverObservations() throws SQLException {
        return drivers.purgeOnce();
    }

    /** Removes one round of silent-detractor customers with nothing recent; returns how many. */
    public int purgeSilentCustomers() throws SQLException {
        return silent.purgeOnce();
    }
}

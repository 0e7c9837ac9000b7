package io.windbell.scoring.index;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.platform.background.Periodic;

/**
 * Every version of every index model, in memory, so that a query never waits for the configuration table: loaded at
 * startup, after each change through this replica, and every {@code windbell.scoring.index.refresh-interval} for the
 * changes of other replicas. {@link #inForce()} is the one active model, or the built-in default.
 */
@ApplicationScoped
public class IndexModelCatalog {

    private final VersionedStore<IndexModel> store;
    private final IndexConfig config;
    private volatile Versions<IndexModel> versions = Versions.empty();
    private Periodic timer;

    IndexModelCatalog(VersionedStore<IndexModel> store, IndexConfig config) {
        this.store = store;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        reload();
        // a failed reload keeps the previous versions; Periodic logs it and tries again at the next interval
        Duration every = config.refreshInterval();
        timer = new Periodic("scoring-index-models-refresh", every, every, () -> {
            reload();
            return false;
        }).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (timer != null) {
            timer.close();
        }
    }

    /** Loads every version and swaps them in one step; serialised so that a slow load never replaces a later one. */
    public synchronized void reload() {
        versions = store.index();
    }

    public Versions<IndexModel> versions() {
        return versions;
    }

    /** The active model (the table holds at most one), else {@link IndexModel#DEFAULT}. */
    public IndexModel inForce() {
        return versions.active().stream().findFirst().map(Stored::value).orElse(IndexModel.DEFAULT);
    }
}

package io.windbell.scoring.index;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.platform.background.Periodic;

/**
 * Every version of every index model, in memory, so that a query never waits for the configuration table: loaded when
 * first used, after each change through this replica, and every {@code windbell.scoring.index.refresh-interval} for the
 * changes of other replicas (a failed reload keeps the versions it had). {@link #inForce()} is the one active model, or
 * the built-in default.
 */
@ApplicationScoped
public class IndexModelCatalog {

    private final VersionedStore<IndexModel> store;
    private final Periodic refresh;
    private volatile Versions<IndexModel> versions;

    IndexModelCatalog(VersionedStore<IndexModel> store, IndexConfig config) {
        this.store = store;
        this.versions = store.index();
        Duration every = config.refreshInterval();
        this.refresh = new Periodic("scoring-index-models", every, every, () -> {
            reload();
            return false;
        }).start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        refresh.close();
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

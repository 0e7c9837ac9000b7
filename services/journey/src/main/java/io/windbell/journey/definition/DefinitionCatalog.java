package io.windbell.journey.definition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.Versions;
import io.windbell.platform.background.Periodic;

/**
 * Every version of every journey definition, in memory: the hot path ({@link #active()}, {@link #find}) never waits for
 * the database. The whole catalog is one immutable snapshot, swapped in one step by {@link #reload()}: at startup
 * (after Flyway), after every change made through this replica, and on a timer so that other replicas' changes arrive
 * within {@code windbell.journey.definitions.refresh-interval}.
 */
@ApplicationScoped
@Readiness
@Default // also injectable by type: @Readiness alone would hide it from other beans
public class DefinitionCatalog implements DefinitionLookup, HealthCheck {

    /** Before the default observer priority, so that consumers starting at startup find the definitions loaded. */
    public static final int STARTUP_PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(DefinitionCatalog.class);

    /** Configuration of the in-memory catalog ({@code windbell.journey.definitions.*}). */
    @ConfigMapping(prefix = "windbell.journey.definitions")
    public interface Config {
        /** How often every replica reloads the definitions, to see changes made through other replicas. */
        @WithDefault("PT30S")
        Duration refreshInterval();
    }

    private final VersionedStore<JourneyDefinition> store;
    private final Config config;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private Periodic timer;

    DefinitionCatalog(VersionedStore<JourneyDefinition> store, Config config) {
        this.store = store;
        this.config = config;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        reload();
        // a failed reload keeps the previous snapshot; Periodic logs it and tries again at the next interval
        Duration every = config.refreshInterval();
        timer = new Periodic("journey-definitions-refresh", every, every, () -> {
            reload();
            return false;
        }).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (timer != null) {
            timer.close();
        }
    }

    /**
     * Loads every version from the database and swaps the snapshot. Serialised, so that a slow load can never replace
     * the result of a later one.
     */
    public synchronized void reload() {
        Snapshot loaded = new Snapshot(store.index(), Instant.now());
        snapshot = loaded;
        LOG.debugf("journey definitions loaded: %d active, %d versions", loaded.active.size(), loaded.versions.count());
    }

    @Override
    public List<JourneyDefinition> active() {
        return snapshot.active;
    }

    @Override
    public Optional<JourneyDefinition> find(String code, int version) {
        return snapshot.versions.version(code, version).map(Stored::value);
    }

    /** Every version of every definition with its bookkeeping, for the API. */
    public Versions<JourneyDefinition> versions() {
        return snapshot.versions;
    }

    @Override
    public HealthCheckResponse call() {
        Snapshot current = snapshot;
        return HealthCheckResponse.named("journey-definitions").status(current.loadedAt != null)
                .withData("active", current.active.size()).withData("loadedAt", String.valueOf(current.loadedAt))
                .build();
    }

    /** One consistent view of the table. */
    private static final class Snapshot {

        static final Snapshot EMPTY = new Snapshot(Versions.empty(), null);

        final Versions<JourneyDefinition> versions;
        final List<JourneyDefinition> active;
        final Instant loadedAt;

        Snapshot(Versions<JourneyDefinition> versions, Instant loadedAt) {
            this.versions = versions;
            this.active = versions.active().stream().map(Stored::value).toList();
            this.loadedAt = loadedAt;
        }
    }
}

package io.windbell.journey.definition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
import io.windbell.journey.definition.DefinitionRepository.StoredVersion;
import io.windbell.messaging.background.Periodic;

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

    private final DefinitionRepository repository;
    private final Config config;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private Periodic timer;

    DefinitionCatalog(DefinitionRepository repository, Config config) {
        this.repository = repository;
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
        Snapshot loaded = Snapshot.of(repository.all(), Instant.now());
        snapshot = loaded;
        LOG.debugf("journey definitions loaded: %d active, %d versions", loaded.active.size(), loaded.versions);
    }

    @Override
    public List<JourneyDefinition> active() {
        return snapshot.active;
    }

    @Override
    public Optional<JourneyDefinition> find(String code, int version) {
        StoredVersion stored = snapshot.version(code, version);
        return stored == null ? Optional.empty() : Optional.of(stored.definition());
    }

    /** The active version of every definition that is not retired, by code. */
    public List<StoredVersion> activeVersions() {
        return snapshot.activeStored;
    }

    /** The active version of one definition; empty when unknown or retired. */
    public Optional<StoredVersion> activeVersion(String code) {
        List<StoredVersion> all = snapshot.byCode.get(code);
        if (all != null) {
            for (StoredVersion v : all) {
                if (v.active()) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /** Every version of one definition, oldest first; empty when the code is unknown. */
    public List<StoredVersion> versions(String code) {
        return snapshot.byCode.getOrDefault(code, List.of());
    }

    /** One version, active or not. */
    public Optional<StoredVersion> version(String code, int version) {
        return Optional.ofNullable(snapshot.version(code, version));
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

        static final Snapshot EMPTY = new Snapshot(Map.of(), null);

        final Map<String, List<StoredVersion>> byCode;
        final List<StoredVersion> activeStored;
        final List<JourneyDefinition> active;
        final int versions;
        final Instant loadedAt;

        private Snapshot(Map<String, List<StoredVersion>> byCode, Instant loadedAt) {
            this.byCode = byCode;
            this.loadedAt = loadedAt;
            List<StoredVersion> act = new ArrayList<>();
            int count = 0;
            for (List<StoredVersion> versionsOfCode : byCode.values()) {
                count += versionsOfCode.size();
                versionsOfCode.stream().filter(StoredVersion::active).forEach(act::add);
            }
            act.sort(Comparator.comparing(StoredVersion::code));
            this.activeStored = List.copyOf(act);
            this.active = act.stream().map(StoredVersion::definition).toList();
            this.versions = count;
        }

        static Snapshot of(List<StoredVersion> rows, Instant loadedAt) {
            Map<String, List<StoredVersion>> byCode = new TreeMap<>();
            for (StoredVersion row : rows) {
                byCode.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row);
            }
            Map<String, List<StoredVersion>> frozen = new HashMap<>();
            byCode.forEach((code, list) -> {
                list.sort(Comparator.comparingInt(StoredVersion::version));
                frozen.put(code, List.copyOf(list));
            });
            return new Snapshot(Map.copyOf(frozen), loadedAt);
        }

        StoredVersion version(String code, int version) {
            List<StoredVersion> all = byCode.get(code);
            if (all == null) {
                return null;
            }
            // versions are numbered 1..n per code, so the list index is a guess that is almost always right
            if (version >= 1 && version <= all.size() && all.get(version - 1).version() == version) {
                return all.get(version - 1);
            }
            for (StoredVersion v : all) {
                if (v.version() == version) {
                    return v;
                }
            }
            return null;
        }
    }
}

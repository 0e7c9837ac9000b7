package io.windbell.ingest.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import io.windbell.ingest.IngestConfig;

/**
 * Keeps the catalog in memory for the hot path. Reloads when PostgreSQL notifies a change (from any replica), after a
 * reconnect, and on a timer as a safety net.
 */
@ApplicationScoped
@Readiness
@Default // also injectable by type: @Readiness alone would hide it from other beans
public class CatalogCache implements HealthCheck {

    static final String CHANNEL = "catalog_changed";
    private static final Logger LOG = Logger.getLogger(CatalogCache.class);

    private final Pool pool;
    private final Vertx vertx;
    private final IngestConfig config;
    private final String url;
    private final String user;
    private final String password;
    private volatile CatalogSnapshot snapshot = CatalogSnapshot.EMPTY;
    private PgSubscriber subscriber;
    private long timerId = -1;

    CatalogCache(Pool pool, Vertx vertx, IngestConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The catalog as last loaded. */
    public CatalogSnapshot snapshot() {
        return snapshot;
    }

    void onStart(@Observes StartupEvent event) {
        reload().await().indefinitely();
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(table -> reloadInBackground("change in " + table));
        subscriber.channel(CHANNEL).subscribeHandler(() -> reloadInBackground("listening again"));
        subscriber.connect().subscribe().with(ok -> LOG.info("listening for catalog changes"),
                e -> LOG.warnf("cannot listen for catalog changes, relying on the timer: %s", e.getMessage()));
        timerId = vertx.setPeriodic(config.catalogRefreshInterval().toMillis(), id -> reloadInBackground("timer"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Loads the catalog from the database and swaps the snapshot in one step. */
    public Uni<CatalogSnapshot> reload() {
        Uni<Set<String>> channels = pool.query("SELECT code FROM channel").execute().map(rows -> {
            Set<String> codes = new HashSet<>();
            rows.forEach(row -> codes.add(row.getString(0)));
            return codes;
        });
        Uni<Map<String, CatalogSnapshot.TouchpointRule>> touchpoints = pool
                .query("SELECT code, active, channels FROM touchpoint").execute().map(rows -> {
                    Map<String, CatalogSnapshot.TouchpointRule> rules = new HashMap<>();
                    for (Row row : rows) {
                        rules.put(row.getString(0), new CatalogSnapshot.TouchpointRule(row.getBoolean(1),
                                Set.of(row.getArrayOfStrings(2))));
                    }
                    return rules;
                });
        return Uni.combine().all().unis(channels, touchpoints).asTuple()
                .map(t -> new CatalogSnapshot(t.getItem1(), t.getItem2(), Instant.now())).invoke(loaded -> {
                    snapshot = loaded;
                    LOG.debugf("catalog loaded: %d channels, %d touchpoints", loaded.channels().size(),
                            loaded.touchpoints().size());
                });
    }

    private void reloadInBackground(String why) {
        reload().subscribe().with(s -> LOG.debugf("catalog reloaded (%s)", why),
                e -> LOG.warnf("catalog reload failed (%s), keeping the previous one: %s", why, e.getMessage()));
    }

    @Override
    public HealthCheckResponse call() {
        CatalogSnapshot current = snapshot;
        return HealthCheckResponse.named("touchpoint-catalog").status(current.loaded())
                .withData("touchpoints", current.touchpoints().size())
                .withData("loadedAt", current.loadedAt().toString()).build();
    }

    /** Codes of every channel, for error messages. */
    public List<String> channelCodes() {
        return snapshot.channels().stream().sorted().toList();
    }
}

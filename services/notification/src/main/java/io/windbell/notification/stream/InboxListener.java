package io.windbell.notification.stream;

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
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import io.windbell.notification.inbox.Inbox;

/**
 * Every replica LISTENs on {@link Inbox#CHANNEL}: PostgreSQL sends {@code <employeeId>:<seq>} when an inbox item
 * commits, whichever replica wrote it (ADR 0025), and the replica's streams of that employee read it. When the
 * connection is lost it listens again, and then every local stream reads from its cursor: nothing sent while nobody
 * listened is lost. Readiness check {@code notification-streams}: UP while listening.
 */
@ApplicationScoped
@Readiness
@Default // also injectable by type: @Readiness alone would hide it from other beans
public class InboxListener implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(InboxListener.class);

    private final StreamRegistry registry;
    private final Vertx vertx;
    private final StreamConfig config;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;
    private volatile boolean listening;
    private volatile boolean stopping;

    InboxListener(StreamRegistry registry, Vertx vertx, StreamConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.registry = registry;
        this.vertx = vertx;
        this.config = config;
        this.options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
    }

    void onStart(@Observes StartupEvent event) {
        long retry = config.listenRetry().toMillis();
        // a lost connection is opened again after `retry`, for as long as it takes
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> retry);
        subscriber.channel(Inbox.CHANNEL).handler(this::committed).subscribeHandler(() -> {
            listening = true;
            LOG.info("listening for inbox items");
            registry.wakeAll();
        });
        connect();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** The first connection: the reconnect policy only covers a connection that was open once. */
    private void connect() {
        subscriber.connect().subscribe().with(ok -> {
        }, e -> {
            LOG.warnf("cannot listen for inbox items, trying again: %s", e.getMessage());
            if (!stopping) {
                vertx.setTimer(config.listenRetry().toMillis(), id -> connect());
            }
        });
    }

    private void committed(String payload) {
        int colon = payload.lastIndexOf(':');
        if (colon <= 0) {
            LOG.warnf("ignoring a notification on %s that is not <employeeId>:<seq>", Inbox.CHANNEL);
            return;
        }
        try {
            registry.notified(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
        } catch (NumberFormatException e) {
            LOG.warnf("ignoring a notification on %s that is not <employeeId>:<seq>", Inbox.CHANNEL);
        }
    }

    /** Whether the LISTEN connection is up now. */
    public boolean listening() {
        return listening && subscriber != null && subscriber.actualConnection() != null;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("notification-streams").status(listening())
                .withData("streams", registry.count()).build();
    }
}

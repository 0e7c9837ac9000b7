package io.windbell.messaging.kit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.outbox.OutboxPublisher;

/**
 * Declares the stream-processing channels of a service: each becomes a {@link JdbcChannel} that applies one polled
 * batch per JDBC transaction (inbox claim + the service's handler + its outbox rows) under the kit's failure policy.
 * Channels process nothing before the service's own startup observers ran (catalogs loaded), and stop retrying at
 * shutdown.
 */
@ApplicationScoped
public class JdbcChannels {

    private final DataSource dataSource;
    private final OutboxPublisher publisher;
    private final MessagingConfig config;
    private final Gate started = new Gate(false);
    private final List<JdbcChannel<?>> channels = new CopyOnWriteArrayList<>();

    public JdbcChannels(DataSource dataSource, OutboxPublisher publisher, MessagingConfig config) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * A channel whose records must be {@code payloadType} events that pass {@code check}.
     *
     * @param channel
     *            the SmallRye channel name ({@code mp.messaging.incoming.<channel>.*})
     * @param inboxConsumer
     *            the consumer's name in the inbox ledger; never change it for a running service (claims are kept under
     *            it)
     */
    public <T extends EventPayload> JdbcChannel<T> declare(String channel, String inboxConsumer, Class<T> payloadType,
            BatchProcessor.Check<T> check, BatchProcessor.Handler<T> handler) {
        BatchProcessor.Settings settings = new BatchProcessor.Settings(channel, inboxConsumer,
                config.consumer().maxAttempts(), config.consumer().backoff(), config.consumer().maxBackoff());
        JdbcChannel<T> declared = new JdbcChannel<>(dataSource, settings, payloadType, check, handler, started,
                publisher::wake);
        channels.add(declared);
        return declared;
    }

    /** A channel taking every event type of its topic. */
    public <T extends EventPayload> JdbcChannel<T> declare(String channel, String inboxConsumer, Class<T> payloadType,
            BatchProcessor.Handler<T> handler) {
        return declare(channel, inboxConsumer, payloadType, envelope -> {
        }, handler);
    }

    public List<BatchProcessor.Status> status() {
        return channels.stream().map(JdbcChannel::status).toList();
    }

    // after the service's own startup observers (catalogs, caches) at APPLICATION priority
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        started.open();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        started.close();
        channels.forEach(JdbcChannel::close);
    }

    /** Lets waiting batches through once opened; {@link #close()} releases the waiters with a refusal. */
    static final class Gate {
        private boolean open;
        private boolean closed;

        Gate(boolean open) {
            this.open = open;
        }

        synchronized void open() {
            open = true;
            notifyAll();
        }

        synchronized void shut() {
            open = false;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        /** Waits until open; returns false when closed meanwhile. */
        synchronized boolean await() {
            while (!open && !closed) {
                try {
                    wait(Duration.ofMillis(200).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !closed;
        }
    }
}

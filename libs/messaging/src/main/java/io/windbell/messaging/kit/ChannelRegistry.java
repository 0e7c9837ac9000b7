package io.windbell.messaging.kit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.messaging.consumer.BatchProcessor;

/**
 * Every channel a service declared, of either flavour ({@link JdbcChannels}, {@link ReactiveChannels}): their shared
 * settings, their start (nothing is processed before the service's own startup observers ran: catalogs loaded), their
 * stop (no more retries at shutdown) and their status for {@link MessagingReadiness}. Holds no reference to either
 * flavour's transaction stack, so a service loads only the flavour it declares.
 */
@ApplicationScoped
public class ChannelRegistry {

    private final MessagingConfig config;
    private final Gate started = new Gate(false);
    private final List<BatchChannel<?>> channels = new CopyOnWriteArrayList<>();

    public ChannelRegistry(MessagingConfig config) {
        this.config = config;
    }

    /** The failure policy of a channel, from {@code windbell.messaging.consumer.*}. */
    BatchProcessor.Settings settings(String channel, String inboxConsumer) {
        return new BatchProcessor.Settings(channel, inboxConsumer, config.consumer().maxAttempts(),
                config.consumer().backoff(), config.consumer().maxBackoff());
    }

    Gate started() {
        return started;
    }

    <C extends BatchChannel<?>> C register(C channel) {
        channels.add(channel);
        return channel;
    }

    public List<BatchProcessor.Status> status() {
        return channels.stream().map(BatchChannel::status).toList();
    }

    // after the service's own startup observers (catalogs, caches) at APPLICATION priority
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        started.open();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        started.close();
        channels.forEach(BatchChannel::close);
    }
}

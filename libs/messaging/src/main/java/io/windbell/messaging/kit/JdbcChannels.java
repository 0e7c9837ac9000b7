package io.windbell.messaging.kit;

import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.outbox.OutboxPublisher;

/**
 * Declares the stream-processing channels of a service: each becomes a {@link JdbcChannel} that applies one polled
 * batch per JDBC transaction (inbox claim + the service's handler + its outbox rows) under the kit's failure policy.
 * Channels process nothing before the service's own startup observers ran (catalogs loaded), and stop retrying at
 * shutdown ({@link ChannelRegistry}).
 */
@ApplicationScoped
public class JdbcChannels {

    private final DataSource dataSource;
    private final OutboxPublisher publisher;
    private final ChannelRegistry registry;

    public JdbcChannels(DataSource dataSource, OutboxPublisher publisher, ChannelRegistry registry) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.registry = registry;
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
        return registry.register(new JdbcChannel<>(dataSource, registry.settings(channel, inboxConsumer), payloadType,
                check, handler, registry.started(), publisher::wake));
    }

    /** A channel taking every event type of its topic. */
    public <T extends EventPayload> JdbcChannel<T> declare(String channel, String inboxConsumer, Class<T> payloadType,
            BatchProcessor.Handler<T> handler) {
        return declare(channel, inboxConsumer, payloadType, envelope -> {
        }, handler);
    }

    public List<BatchProcessor.Status> status() {
        return registry.status();
    }
}

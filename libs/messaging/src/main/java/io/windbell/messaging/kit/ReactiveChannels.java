package io.windbell.messaging.kit;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.consumer.Selection;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.messaging.reactive.ReactiveUnitOfWork;

/**
 * Declares the channels of an entity service (Hibernate Reactive Panache): each becomes a {@link ReactiveChannel} that
 * applies every record in its own reactive transaction (inbox claim + the service's handler + its outbox rows) under
 * the same failure policy as the stream processors' {@link JdbcChannels}, and wakes the outbox relay after every
 * committed message. Only entity services inject it: a stream processor never loads Hibernate Reactive through it.
 */
@ApplicationScoped
public class ReactiveChannels {

    private final OutboxPublisher publisher;
    private final ChannelRegistry registry;

    public ReactiveChannels(OutboxPublisher publisher, ChannelRegistry registry) {
        this.publisher = publisher;
        this.registry = registry;
    }

    /**
     * A channel taking the records {@code selection} selects; the others are acknowledged without a transaction.
     *
     * @param channel
     *            the SmallRye channel name ({@code mp.messaging.incoming.<channel>.*})
     * @param inboxConsumer
     *            the consumer's name in the inbox ledger; never change it for a running service (claims are kept under
     *            it)
     * @param check
     *            rejects an envelope as poison ({@link io.windbell.messaging.envelope.PoisonException})
     * @param handler
     *            the use case; runs inside {@code Panache.withTransaction}, after the claim
     */
    public <T extends EventPayload> ReactiveChannel<T> declare(String channel, String inboxConsumer,
            Class<T> payloadType, Selection<T> selection, BatchProcessor.Check<T> check,
            ReactiveUnitOfWork.Handler<T> handler) {
        return registry.register(new ReactiveChannel<>(registry.settings(channel, inboxConsumer), payloadType,
                selection, check, handler, registry.started(), publisher::wake));
    }

    /** A channel taking every record of its topic. */
    public <T extends EventPayload> ReactiveChannel<T> declare(String channel, String inboxConsumer,
            Class<T> payloadType, BatchProcessor.Check<T> check, ReactiveUnitOfWork.Handler<T> handler) {
        return declare(channel, inboxConsumer, payloadType, Selection.all(), check, handler);
    }
}

package io.windbell.messaging.reactive;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.UnitOfWork;
import io.windbell.messaging.envelope.Envelope;

/**
 * The entity services' unit of work: each envelope in a reactive transaction of its own
 * ({@code Panache.withTransaction}), in batch order, on a Vert.x context the calling worker thread awaits. The
 * transaction claims the envelope in the inbox ({@link ReactiveInbox}) and, the first time, runs the handler; a failure
 * stops the batch there, leaving the envelopes before it committed and claimed, so the retry skips them.
 * <p>
 * One transaction per envelope rather than per batch: an aggregate change is a short optimistic-lock transaction, a
 * batch of them would hold row locks across unrelated orders, and one conflicting order would roll back the others.
 *
 * @param <T>
 *            the payload type the channel carries
 */
public final class ReactiveUnitOfWork<T extends EventPayload> implements UnitOfWork<T> {

    /** The service's use case for one message, run inside the message's transaction after the claim. */
    @FunctionalInterface
    public interface Handler<T extends EventPayload> {
        Uni<Void> apply(Envelope<T> envelope);
    }

    private final String inboxConsumer;
    private final Handler<T> handler;

    /**
     * @param inboxConsumer
     *            the consumer's name in the inbox ledger
     */
    public ReactiveUnitOfWork(String inboxConsumer, Handler<T> handler) {
        this.inboxConsumer = inboxConsumer;
        this.handler = handler;
    }

    @Override
    public void apply(List<Envelope<T>> envelopes, Progress<T> progress) throws Exception {
        for (Envelope<T> envelope : envelopes) {
            if (transaction(envelope)) {
                progress.committed(List.of(envelope), 0);
            } else {
                progress.committed(List.of(), 1);
            }
        }
    }

    /** Applies one envelope; {@code false} when it was claimed before (a redelivery). */
    private boolean transaction(Envelope<T> envelope) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> ReactiveInbox.claim(session, inboxConsumer, envelope.id()))
                    .chain(fresh -> fresh ? handler.apply(envelope).replaceWith(true) : Uni.createFrom().item(false))));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

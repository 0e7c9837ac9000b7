package io.windbell.messaging.reactive;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.messaging.outbox.OutboxMessage;

/**
 * A message handler as an entity service writes it: one reactive transaction per message that claims the message,
 * changes the aggregate and appends the resulting event.
 */
final class TallyHandler {

    static final String CONSUMER = "tally-test";

    /** The failure a handler meets after it wrote everything: a bug, a refused invariant, a lost connection. */
    static final class HandlerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailed() {
            super("the handler failed after writing its claim, its change and its event");
        }
    }

    private TallyHandler() {
    }

    /**
     * Applies message {@code messageId} to the tally and emits {@code event}.
     *
     * @param failAtTheEnd
     *            fail after the claim, the flushed UPDATE and the outbox row were all written
     *
     * @return {@code true} when applied, {@code false} when the message had been applied before
     */
    static Uni<Boolean> handle(String tallyId, UUID messageId, OutboxMessage event, boolean failAtTheEnd) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> ReactiveInbox.claim(session, CONSUMER, messageId).chain(fresh -> {
                    if (!fresh) {
                        return Uni.createFrom().item(false);
                    }
                    return Tally.<Tally> findById(tallyId).invoke(tally -> tally.applied++)
                            // written now, not at commit: the failure below must undo an UPDATE the database saw
                            .chain(tally -> session.flush()).chain(() -> ReactiveOutbox.append(session, List.of(event)))
                            .chain(() -> failAtTheEnd ? Uni.createFrom().<Boolean> failure(new HandlerFailed())
                                    : Uni.createFrom().item(true));
                })));
    }
}

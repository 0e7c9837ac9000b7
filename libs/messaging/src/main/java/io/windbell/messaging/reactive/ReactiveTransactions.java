package io.windbell.messaging.reactive;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The guard both reactive writers share: their rows are only safe inside the transaction of the change. */
final class ReactiveTransactions {

    private ReactiveTransactions() {
    }

    static Uni<Void> requireTransaction(Mutiny.Session session, String what) {
        if (session.currentTransaction() == null) {
            return Uni.createFrom().failure(new IllegalStateException(what
                    + " outside a transaction: call it inside Panache.withTransaction (or @WithTransaction), with the"
                    + " change it belongs to"));
        }
        return Uni.createFrom().voidItem();
    }
}

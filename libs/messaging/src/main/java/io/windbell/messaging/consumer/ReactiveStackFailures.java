package io.windbell.messaging.consumer;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The failures of the reactive stack (Vert.x PostgreSQL client, Hibernate Reactive) in the kit's terms. A class of its
 * own because its references resolve only where that stack is on the class path: {@link Failures} calls it only after
 * checking that, so a stream processor on JDBC never loads it.
 */
final class ReactiveStackFailures {

    private ReactiveStackFailures() {
    }

    /** The SQLState of a PostgreSQL error the Vert.x client reports; {@code null} for anything else. */
    static String sqlState(Throwable t) {
        return t instanceof PgException pg ? pg.getSqlState() : null;
    }

    /**
     * A connection the pool lost, or a row a REST command changed meanwhile (optimistic lock): the retry reconnects, or
     * reads the order again and applies the message to its new version.
     */
    static boolean isTransient(Throwable t) {
        return t instanceof ClosedConnectionException || t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof org.hibernate.StaleObjectStateException
                || (t instanceof io.vertx.core.VertxException && String.valueOf(t.getMessage())
                        .toLowerCase(java.util.Locale.ROOT).contains("connection was closed"));
    }
}

package io.windbell.messaging.consumer;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure worth waiting out from one that retrying cannot fix, for both flavours: JDBC ({@link SQLException}
 * and its SQLState) and, where it is on the class path, the reactive stack (Vert.x {@code PgException} and its
 * SQLState, closed connections, Hibernate's optimistic-lock failures).
 */
public final class Failures {

    /** Whether the reactive stack's classes can be loaded: only then is {@link ReactiveStackFailures} touched. */
    private static final boolean REACTIVE_STACK = present("io.vertx.pgclient.PgException")
            && present("org.hibernate.StaleObjectStateException")
            && present("jakarta.persistence.OptimisticLockException");

    private Failures() {
    }

    /**
     * Whether a failure is transient: the database or broker unreachable, a deadlock or serialization conflict, the
     * server shutting down, a concurrent insert of the same row (the retry sees it), a connection the reactive pool
     * lost, an optimistic-lock conflict with a concurrent change of the same aggregate (the retry reads it again). Such
     * a failure is retried for as long as it lasts; it never sends a record to the dead-letter topic.
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof RetriableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            String state = sqlState(t);
            // 08 connection, 40 serialization/deadlock, 53 resources, 57 operator intervention (shutdown),
            // 23505 a concurrent insert of the same row: the retry sees it
            if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                    || state.startsWith("57") || state.equals("23505"))) {
                return true;
            }
            if (REACTIVE_STACK && ReactiveStackFailures.isTransient(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database refused the content itself: a data exception (SQLState class 22), such as a NUL it cannot
     * store in text ({@code 22021}, {@code 22P05} in jsonb), a value too long for its column ({@code 22001}) or out of
     * range. The same record fails the same way on every try, so it is poison at once: the batch is split straight away
     * and the record dead-lettered after one attempt, instead of being retried first. Producers refuse such content at
     * the edge (see {@code io.windbell.contracts.Text}), so this should never happen to a valid event.
     */
    public static boolean isRefusedContent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String state = sqlState(t);
            if (state != null && state.startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The SQLState of a JDBC or a Vert.x PostgreSQL error; {@code null} for anything else. */
    private static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return REACTIVE_STACK ? ReactiveStackFailures.sqlState(t) : null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Failures.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

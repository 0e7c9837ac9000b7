package io.windbell.messaging.consumer;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.apache.kafka.common.errors.RetriableException;

/** Tells a failure worth waiting out from one that retrying cannot fix. */
public final class Failures {

    private Failures() {
    }

    /**
     * Whether a failure is transient: the database or broker unreachable, a deadlock or serialization conflict, the
     * server shutting down, a concurrent insert of the same row (the retry sees it). Such a failure is retried for as
     * long as it lasts; it never sends a record to the dead-letter topic.
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof RetriableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40 serialization/deadlock, 53 resources, 57 operator intervention (shutdown),
                // 23505 a concurrent insert of the same row: the retry sees it
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                        || state.equals("23505")) {
                    return true;
                }
            }
        }
        return false;
    }
}

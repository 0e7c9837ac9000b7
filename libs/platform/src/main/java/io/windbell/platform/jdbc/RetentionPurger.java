package io.windbell.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.windbell.platform.background.Periodic;

/**
 * Forgets rows older than a retention, a few thousand per round, every {@code interval}; a full round is followed by
 * another at once, so a backlog drains without one long transaction. What "older" means belongs to the table's owner
 * (for the inbox, {@code Inbox::purge}).
 */
public final class RetentionPurger implements AutoCloseable {

    public static final int ROWS_PER_ROUND = 5_000;

    /** Deletes at most {@code limit} rows older than {@code cutoff}; returns how many. */
    @FunctionalInterface
    public interface Purge {
        int purge(Connection connection, Instant cutoff, int limit) throws SQLException;
    }

    private final DataSource dataSource;
    private final Duration retention;
    private final Purge purge;
    private final Periodic periodic;

    /**
     * @param name
     *            the background thread's name, e.g. {@code survey-inbox-purge}
     */
    public RetentionPurger(DataSource dataSource, String name, Duration retention, Duration interval, Purge purge) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.purge = purge;
        this.periodic = new Periodic(name, interval, Duration.ofMinutes(1), () -> purgeOnce() == ROWS_PER_ROUND);
    }

    public RetentionPurger start() {
        periodic.start();
        return this;
    }

    /** Removes one round of expired rows; returns how many. */
    public int purgeOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return purge.purge(connection, Instant.now().minus(retention), ROWS_PER_ROUND);
        }
    }

    @Override
    public void close() throws InterruptedException {
        periodic.close();
    }
}

package io.windbell.messaging.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.windbell.messaging.background.Periodic;

/**
 * Forgets inbox claims older than the retention, a few thousand rows per round, every {@code interval}. The retention
 * must exceed the consumed topics' retention: a replay from the beginning must still find every claim.
 */
public final class InboxPurger implements AutoCloseable {

    static final int ROWS_PER_ROUND = 5_000;

    private final DataSource dataSource;
    private final Duration retention;
    private final Periodic periodic;

    public InboxPurger(DataSource dataSource, Duration retention, Duration interval, String service) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.periodic = new Periodic(service + "-inbox-purge", interval, Duration.ofMinutes(1),
                () -> purgeOnce() == ROWS_PER_ROUND);
    }

    public InboxPurger start() {
        periodic.start();
        return this;
    }

    /** Removes one round of expired claims; returns how many. */
    public int purgeOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Inbox.purge(connection, Instant.now().minus(retention), ROWS_PER_ROUND);
        }
    }

    @Override
    public void close() throws InterruptedException {
        periodic.close();
    }
}

package io.windbell.messaging;

import static io.windbell.messaging.MessagingTestSupport.count;
import static io.windbell.messaging.MessagingTestSupport.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.windbell.messaging.inbox.Inbox;

/** The processed-message ledger against a real PostgreSQL with the library's migration. */
class InboxTest {

    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = MessagingTestSupport.freshDatabase("messaging_inbox");
    }

    @Test
    void claimReturnsOnlyIdsNotSeenBefore() throws SQLException {
        String consumer = consumer();
        String a = id();
        String b = id();
        String c = id();

        assertThat(claimCommitted(consumer, List.of(a, b))).containsExactlyInAnyOrder(a, b);
        assertThat(claimCommitted(consumer, List.of(b, c))).containsExactly(c);
        assertThat(claimCommitted(consumer, List.of(a, b, c))).isEmpty();
        // a batch that carries the same id twice applies it once
        String d = id();
        assertThat(claimCommitted(consumer, List.of(d, d))).containsExactly(d);
        assertThat(claimCommitted(consumer, List.of())).isEmpty();

        assertThat(count(dataSource, "SELECT count(*) FROM inbox WHERE consumer = '" + consumer + "'")).isEqualTo(4);
    }

    @Test
    void theSameIdIsFreshForAnotherConsumer() throws SQLException {
        String first = consumer();
        String second = consumer();
        String id = id();

        assertThat(claimCommitted(first, List.of(id))).containsExactly(id);
        assertThat(claimCommitted(second, List.of(id))).containsExactly(id);
        assertThat(claimCommitted(first, List.of(id))).isEmpty();
        assertThat(claimCommitted(second, List.of(id))).isEmpty();
    }

    @Test
    void aRolledBackClaimIsReleased() throws SQLException {
        String consumer = consumer();
        String id = id();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            assertThat(Inbox.claim(connection, consumer, List.of(id))).containsExactly(id);
            connection.rollback();
        }
        assertThat(count(dataSource, "SELECT count(*) FROM inbox WHERE message_id = '" + id + "'")).isZero();

        assertThat(claimCommitted(consumer, List.of(id))).containsExactly(id);
        assertThat(claimCommitted(consumer, List.of(id))).isEmpty();
    }

    @Test
    void aConcurrentClaimWaitsForTheFirstTransactionAndFollowsItsOutcome() throws Exception {
        String consumer = consumer();
        String rolledBack = id();
        String committed = id();

        // the first transaction rolls back: the waiting one gets the id
        assertThat(claimWhileAnotherHoldsIt(consumer, rolledBack, false)).containsExactly(rolledBack);
        // the first transaction commits: the waiting one sees the id as already applied
        assertThat(claimWhileAnotherHoldsIt(consumer, committed, true)).isEmpty();
    }

    private Set<String> claimWhileAnotherHoldsIt(String consumer, String id, boolean commitFirst) throws Exception {
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            assertThat(Inbox.claim(first, consumer, List.of(id))).containsExactly(id);

            CompletableFuture<Set<String>> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return claimCommitted(consumer, List.of(id));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the second claim blocks on the first one's uncommitted row
            await().atMost(Duration.ofSeconds(10)).until(() -> count(dataSource,
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") > 0);
            assertThat(second).isNotDone();

            if (commitFirst) {
                first.commit();
            } else {
                first.rollback();
            }
            return second.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void purgeRemovesOnlyClaimsOlderThanTheCutoff() throws SQLException {
        String consumer = consumer();
        List<String> old = List.of(id(), id(), id());
        List<String> recent = List.of(id(), id());
        claimCommitted(consumer, old);
        claimCommitted(consumer, recent);
        execute(dataSource, "UPDATE inbox SET processed_at = now() - interval '10 days' WHERE consumer = '" + consumer
                + "' AND message_id IN ('" + String.join("','", old) + "')");
        long othersBefore = count(dataSource, "SELECT count(*) FROM inbox WHERE consumer <> '" + consumer + "'");
        Instant cutoff = Instant.now().minus(Duration.ofDays(7));

        try (Connection connection = dataSource.getConnection()) {
            // the limit bounds one call
            assertThat(Inbox.purge(connection, cutoff, 2)).isEqualTo(2);
            assertThat(Inbox.purge(connection, cutoff, 100)).isEqualTo(1);
            assertThat(Inbox.purge(connection, cutoff, 100)).isZero();
        }

        assertThat(count(dataSource, "SELECT count(*) FROM inbox WHERE consumer = '" + consumer + "'")).isEqualTo(2);
        assertThat(count(dataSource, "SELECT count(*) FROM inbox WHERE consumer <> '" + consumer + "'"))
                .isEqualTo(othersBefore);
        // purged ids would be applied again; the recent ones are still known
        assertThat(claimCommitted(consumer, recent)).isEmpty();
        assertThat(claimCommitted(consumer, old)).containsExactlyInAnyOrderElementsOf(old);
    }

    private static Set<String> claimCommitted(String consumer, List<String> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Set<String> fresh = Inbox.claim(connection, consumer, ids);
            connection.commit();
            return fresh;
        }
    }

    private static String consumer() {
        return "consumer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}

package io.windbell.notification.stream;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.notification.inbox.Inbox;
import io.windbell.notification.inbox.InboxEntry;
import io.windbell.testing.TestTokens;

/** What the stream tests do again and again: tokens, appending items, opening streams, reading rows. */
final class StreamFixture {

    private final Inbox inbox;
    private final DataSource dataSource;
    private final URI base;

    StreamFixture(Inbox inbox, DataSource dataSource, URI base) {
        this.inbox = inbox;
        this.dataSource = dataSource;
        this.base = base;
    }

    static String employee(String test) {
        return "E-" + test + "-" + UUID.randomUUID();
    }

    static String bearer(String employeeId) {
        return TestTokens.access("frontline").claim("employee_id", employeeId).claim("branch_id", "B001").bearer();
    }

    /** Appends an item for a new event in its own transaction, as the intake does; answers the event id. */
    UUID append(String employeeId) throws Throwable {
        UUID eventId = UUID.randomUUID();
        InboxEntry entry = new InboxEntry(eventId, "workorder.created", UUID.randomUUID(), "B001",
                "Call the customer back", "NPS 2 after the loan application", "HIGH", false, null);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.append(employeeId, entry)));
        return eventId;
    }

    URI stream(String pathEmployee, String query) {
        return base.resolve("v1/employees/" + pathEmployee + "/stream" + (query == null ? "" : "?" + query));
    }

    /** The employee's stream, opened with their bearer token and these extra headers. */
    SseClient open(String employeeId, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", bearer(employeeId));
        return SseClient.open(stream(employeeId, null), all);
    }

    /** The row's {@code delivered_at}, or {@code null}. */
    Instant deliveredAt(String employeeId, long seq) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c
                .prepareStatement("select delivered_at from inbox_item where employee_id = ? and seq = ?")) {
            s.setString(1, employeeId);
            s.setLong(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(1) == null) {
                    return null;
                }
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    /**
     * What another replica does: appends an item with plain JDBC in its own transaction, then sends the NOTIFY on a
     * separate connection. Answers the event id.
     */
    UUID appendElsewhere(String employeeId) throws Exception {
        UUID eventId = UUID.randomUUID();
        long seq;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement counter = c.prepareStatement("insert into inbox_counter as k (employee_id, last_seq)"
                    + " values (?, 1) on conflict (employee_id) do update set last_seq = k.last_seq + 1"
                    + " returning last_seq")) {
                counter.setString(1, employeeId);
                try (ResultSet rs = counter.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            }
            try (PreparedStatement item = c.prepareStatement("insert into inbox_item (id, employee_id, seq,"
                    + " source_event_id, event_type, branch_id, title, body, priority, created_at)"
                    + " values (?, ?, ?, ?, 'workorder.escalated', 'B001', 'Escalated', 'elsewhere', 'URGENT', now())")) {
                item.setObject(1, UUID.randomUUID());
                item.setString(2, employeeId);
                item.setLong(3, seq);
                item.setObject(4, eventId);
                item.executeUpdate();
            }
            c.commit();
        }
        notify(employeeId + ":" + seq);
        return eventId;
    }

    void notify(String payload) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select pg_notify('" + Inbox.CHANNEL + "', ?)")) {
            s.setString(1, payload);
            s.execute();
        }
    }

    /** Ends the LISTEN connection of this test JVM's service from the database's side. */
    int terminateListener() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database()"
                        + " and query like 'LISTEN%' and pid <> pg_backend_pid()")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Map<String, String> lastEventId(long seq) {
        return Map.of("Last-Event-ID", Long.toString(seq));
    }
}

package io.windbell.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.windbell.testing.TestInfrastructure;

/** Reads and seeds ingest's quarantine table directly, to check what the API stored. */
final class QuarantineQueries {

    private QuarantineQueries() {
    }

    static Map<String, Object> byId(String id) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id, payload_bytes, client_id, reasons::text, payload_truncated FROM quarantined_event WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no quarantined event " + id);
                }
                Map<String, Object> row = new HashMap<>();
                row.put("eventId", rs.getString(1));
                byte[] bytes = rs.getBytes(2);
                row.put("bytes", bytes);
                row.put("payload", new String(bytes, StandardCharsets.UTF_8));
                row.put("clientId", rs.getString(3));
                row.put("reasons", rs.getString(4));
                row.put("truncated", rs.getBoolean(5));
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts {@code n} rejected events newer than anything else; returns their event ids, oldest first. */
    static List<String> seedRejected(int n) {
        List<String> ids = new ArrayList<>();
        Instant base = Instant.now().plusSeconds(86_400);
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO quarantined_event (id, received_at, event_id, "
                        + "reasons, payload_bytes) VALUES (?, ?, ?, '{\"violations\":[{\"field\":\"$\",\"message\":\"seeded\"}]}'::jsonb, '{}'::bytea)")) {
            for (int i = 0; i < n; i++) {
                String eventId = "seed-" + UUID.randomUUID();
                ps.setObject(1, UUID.randomUUID());
                ps.setTimestamp(2, Timestamp.from(base.plusSeconds(i)));
                ps.setString(3, eventId);
                ps.executeUpdate();
                ids.add(eventId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Inserts one rejected event of {@code clientId} holding {@code payload}; returns its id. */
    static UUID seedPayload(String clientId, byte[] payload) {
        UUID id = UUID.randomUUID();
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO quarantined_event (id, received_at, client_id, "
                        + "reasons, payload_bytes) VALUES (?, now(), ?, '{\"violations\":[]}'::jsonb, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, clientId);
            ps.setBytes(3, payload);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static Connection connect() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.get();
        return DriverManager.getConnection(infra.jdbcUrl("ingest"), infra.pgUser(), infra.pgPassword());
    }
}

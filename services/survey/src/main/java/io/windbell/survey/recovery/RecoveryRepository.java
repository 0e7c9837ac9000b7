package io.windbell.survey.recovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderSummary;

/** Recovery work orders as the survey service last saw them ({@code recovery_work_order}). */
@ApplicationScoped
public class RecoveryRepository {

    /**
     * Records the state an event carries, unless a newer revision is stored already. Returns whether it was newer.
     */
    public boolean track(Connection connection, WorkOrderSummary order, boolean open, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO recovery_work_order (work_order_id, customer_id, status, open, revision, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (work_order_id) DO UPDATE SET status = excluded.status, open = excluded.open,
                    revision = excluded.revision, updated_at = excluded.updated_at
                WHERE recovery_work_order.revision < excluded.revision""")) {
            statement.setObject(1, order.workOrderId());
            statement.setString(2, order.customerId());
            statement.setString(3, order.status() == null ? "UNKNOWN" : order.status().name());
            statement.setBoolean(4, open);
            statement.setLong(5, order.revision());
            statement.setTimestamp(6, Timestamp.from(now));
            return statement.executeUpdate() > 0;
        }
    }

    /** How many recovery work orders of the customer are open. */
    public int openCount(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT count(*) FROM recovery_work_order WHERE customer_id = ? AND open")) {
            statement.setString(1, customerId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Whether a work order in this status still keeps surveys away from its customer. */
    public static boolean open(WorkOrderStatus status) {
        return status != WorkOrderStatus.RESOLVED && status != WorkOrderStatus.CLOSED;
    }

    /** The anchor metric and journey of the response a work order came from, when survey recorded it. */
    public Optional<Origin> origin(Connection connection, UUID responseId) throws SQLException {
        if (responseId == null) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT r.anchor_metric, i.definition_code FROM response r JOIN invitation i ON i.id = r.invitation_id
                WHERE r.id = ?""")) {
            statement.setObject(1, responseId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Origin(AnchorMetric.valueOf(rows.getString(1)), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** What the original survey asked. */
    public record Origin(AnchorMetric anchorMetric, String definitionCode) {
    }
}

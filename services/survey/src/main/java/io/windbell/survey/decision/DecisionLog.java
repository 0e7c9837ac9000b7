package io.windbell.survey.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code survey_decision} table: every trigger and what became of it. */
@ApplicationScoped
public class DecisionLog {

    public void record(Connection connection, List<Decision> decisions) throws SQLException {
        if (decisions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO survey_decision (customer_id, journey_instance_id, trigger_event_id, trigger_type,
                    decided_at, outcome, rule_code, invitation_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Decision decision : decisions) {
                statement.setString(1, decision.customerId());
                statement.setObject(2, decision.journeyInstanceId());
                statement.setObject(3, decision.triggerEventId());
                statement.setString(4, decision.triggerType());
                statement.setTimestamp(5, Timestamp.from(decision.decidedAt()));
                statement.setString(6, decision.outcome().name());
                statement.setString(7, decision.ruleCode());
                statement.setObject(8, decision.invitationId());
                statement.setString(9, decision.detail());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Forgets at most {@code limit} decisions taken before {@code cutoff}, oldest first; returns how many. */
    public static int purge(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement("""
                DELETE FROM survey_decision WHERE id IN (
                    SELECT id FROM survey_decision WHERE decided_at < ? ORDER BY decided_at LIMIT ?)""")) {
            purge.setTimestamp(1, Timestamp.from(cutoff));
            purge.setInt(2, limit);
            return purge.executeUpdate();
        }
    }
}

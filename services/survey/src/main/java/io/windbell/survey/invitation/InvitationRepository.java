package io.windbell.survey.invitation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.budget.ContactBudget;

/** The {@code invitation} table, on the caller's transaction: its one writer. */
@ApplicationScoped
public class InvitationRepository {

    private static final ObjectMapper JSON = EventJson.mapper();

    /**
     * Serialises the budget decisions of one customer: held until the transaction ends, so of two triggers at the same
     * instant the second sees the invitation of the first.
     */
    public void lockCustomer(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 5))")) {
            statement.setString(1, "survey-budget:" + customerId);
            statement.execute();
        }
    }

    /**
     * Takes the budget locks of several customers in one order (sorted), so that two transactions locking overlapping
     * sets never wait on each other in a cycle.
     */
    public void lockCustomers(Connection connection, Collection<String> customerIds) throws SQLException {
        for (String customerId : new TreeSet<>(customerIds)) {
            lockCustomer(connection, customerId);
        }
    }

    /** The customer's invitations since {@code since} that were not cancelled before delivery. */
    public List<ContactBudget.Contact> history(Connection connection, String customerId, Instant since)
            throws SQLException {
        List<ContactBudget.Contact> contacts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT created_at, definition_code, counts_against_budget FROM invitation
                WHERE customer_id = ? AND created_at > ? AND status <> 'CANCELLED' ORDER BY created_at""")) {
            statement.setString(1, customerId);
            statement.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    contacts.add(new ContactBudget.Contact(rows.getTimestamp(1).toInstant(), rows.getString(2),
                            rows.getBoolean(3)));
                }
            }
        }
        return contacts;
    }

    public void insert(Connection connection, NewInvitation invitation) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO invitation (id, customer_id, journey_instance_id, journey_revision, definition_code,
                    rule_code, rule_version, survey_code, anchor_metric, channel, locale, status, counts_against_budget,
                    expire_on_journey_progress, expire_on_recovery, follow_up_of_work_order_id, trigger_event_id,
                    traceparent, created_at, send_at, expires_at, survey, journey, attribution)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb,
                    ?::jsonb)""")) {
            var journey = invitation.journey();
            int i = 0;
            statement.setObject(++i, invitation.id());
            statement.setString(++i, invitation.customerId());
            statement.setObject(++i, journey == null ? null : journey.journeyInstanceId());
            statement.setObject(++i, journey == null ? null : journey.revision(), Types.BIGINT);
            statement.setString(++i, journey == null ? null : journey.definitionCode());
            statement.setString(++i, invitation.ruleCode());
            statement.setObject(++i, invitation.ruleVersion(), Types.INTEGER);
            statement.setString(++i, invitation.survey().surveyCode());
            statement.setString(++i, invitation.survey().anchorMetric().name());
            statement.setString(++i, invitation.channel().name());
            statement.setString(++i, invitation.locale());
            statement.setBoolean(++i, invitation.countsAgainstBudget());
            statement.setBoolean(++i, invitation.expireOnJourneyProgress());
            statement.setBoolean(++i, invitation.expireOnRecovery());
            statement.setObject(++i, invitation.followUpOfWorkOrderId());
            statement.setObject(++i, invitation.triggerEventId());
            statement.setString(++i, invitation.traceparent());
            statement.setTimestamp(++i, Timestamp.from(invitation.createdAt()));
            statement.setTimestamp(++i, Timestamp.from(invitation.sendAt()));
            statement.setTimestamp(++i, Timestamp.from(invitation.expiresAt()));
            statement.setString(++i, json(invitation.survey()));
            statement.setString(++i, journey == null ? null : json(journey));
            statement.setString(++i, json(invitation.attribution()));
            statement.executeUpdate();
        }
    }

    /** Whether a follow-up for this work order exists already (a resolved order reopened and resolved again). */
    public boolean followUpExists(Connection connection, UUID workOrderId) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT 1 FROM invitation WHERE follow_up_of_work_order_id = ?")) {
            statement.setObject(1, workOrderId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Scheduled invitations due for delivery, locked so that another replica skips them. */
    public List<Pending> dueForDelivery(Connection connection, Instant now, int limit) throws SQLException {
        return pending(connection, """
                SELECT %s FROM invitation WHERE status = 'SCHEDULED' AND send_at <= ?
                ORDER BY send_at LIMIT ? FOR UPDATE SKIP LOCKED""".formatted(Pending.COLUMNS), now, limit);
    }

    /** Sent or scheduled invitations past their expiry, locked so that another replica skips them. */
    public List<Pending> dueForExpiry(Connection connection, Instant now, int limit) throws SQLException {
        return pending(connection, """
                SELECT %s FROM invitation WHERE status IN ('SENT', 'SCHEDULED') AND expires_at <= ?
                ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""".formatted(Pending.COLUMNS), now, limit);
    }

    /** Open invitations about a journey that asked to expire once it moves on past {@code revision}. */
    public List<Pending> supersededByJourney(Connection connection, UUID journeyInstanceId, long revision)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT %s FROM invitation WHERE journey_instance_id = ? AND status IN ('SCHEDULED', 'SENT')
                AND expire_on_journey_progress AND journey_revision < ? FOR UPDATE""".formatted(Pending.COLUMNS))) {
            statement.setObject(1, journeyInstanceId);
            statement.setLong(2, revision);
            return read(statement);
        }
    }

    /** Open invitations of a customer that asked to expire once a recovery happens. */
    public List<Pending> supersededByRecovery(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT %s FROM invitation WHERE customer_id = ? AND status IN ('SCHEDULED', 'SENT')
                AND expire_on_recovery FOR UPDATE""".formatted(Pending.COLUMNS))) {
            statement.setString(1, customerId);
            return read(statement);
        }
    }

    public void markSent(Connection connection, UUID id, byte[] tokenHash, Instant sentAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE invitation SET status = 'SENT', token_hash = ?, sent_at = ? WHERE id = ? AND status = 'SCHEDULED'")) {
            statement.setBytes(1, tokenHash);
            statement.setTimestamp(2, Timestamp.from(sentAt));
            statement.setObject(3, id);
            statement.executeUpdate();
        }
    }

    /** Records that a delivered invitation's link was opened; returns whether this was the first time. */
    public boolean markOpened(Connection connection, UUID id, Instant at) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("UPDATE invitation SET opened_at = ? WHERE id = ? AND opened_at IS NULL")) {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setObject(2, id);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Keeps the respondent's partial answers while the invitation can still be answered.
     *
     * @param draftJson
     *            the draft as the respondent side shapes it, stored as JSON
     *
     * @return whether it was kept; {@code false} when the invitation was answered or expired meanwhile
     */
    public boolean saveDraft(Connection connection, UUID id, String draftJson, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE invitation SET draft = ?::jsonb, draft_saved_at = ?
                WHERE id = ? AND status = 'SENT' AND expires_at > ?""")) {
            statement.setString(1, draftJson);
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setObject(3, id);
            statement.setTimestamp(4, Timestamp.from(at));
            return statement.executeUpdate() > 0;
        }
    }

    /** Closes an invitation as answered; the draft is no longer needed once the answers are stored. */
    public void markResponded(Connection connection, UUID id, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE invitation SET status = 'RESPONDED', closed_at = ?, closed_reason = 'RESPONDED',
                    opened_at = coalesce(opened_at, ?), draft = NULL, draft_saved_at = NULL WHERE id = ?""")) {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setObject(3, id);
            statement.executeUpdate();
        }
    }

    /**
     * Ends an open invitation: EXPIRED if it was delivered, CANCELLED if it was still waiting. The token hash stays, so
     * the link shows the customer that the survey has expired rather than that it never existed.
     */
    public void close(Connection connection, Pending invitation, Instant at, String reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE invitation SET status = ?, closed_at = ?, closed_reason = ?
                WHERE id = ? AND status IN ('SCHEDULED', 'SENT')""")) {
            statement.setString(1, invitation.sent() ? "EXPIRED" : "CANCELLED");
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setString(3, reason);
            statement.setObject(4, invitation.id());
            statement.executeUpdate();
        }
    }

    private List<Pending> pending(Connection connection, String sql, Instant now, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setInt(2, limit);
            return read(statement);
        }
    }

    private static List<Pending> read(PreparedStatement statement) throws SQLException {
        List<Pending> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(Pending.read(rows));
            }
        }
        return result;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** An invitation that has not been answered, expired or cancelled yet. */
    public record Pending(UUID id, String customerId, UUID journeyInstanceId, String surveyCode,
            AnchorMetric anchorMetric, DeliveryChannel channel, String locale, String status, Instant createdAt,
            Instant sentAt, Instant expiresAt, Instant openedAt, UUID followUpOfWorkOrderId, String traceparent,
            AssembledSurvey survey) {

        static final String COLUMNS = """
                id, customer_id, journey_instance_id, survey_code, anchor_metric, channel, locale, status, created_at,
                sent_at, expires_at, opened_at, follow_up_of_work_order_id, traceparent, survey""";

        public boolean sent() {
            return "SENT".equals(status);
        }

        static Pending read(ResultSet rows) throws SQLException {
            try {
                return new Pending(rows.getObject("id", UUID.class), rows.getString("customer_id"),
                        rows.getObject("journey_instance_id", UUID.class), rows.getString("survey_code"),
                        AnchorMetric.valueOf(rows.getString("anchor_metric")),
                        DeliveryChannel.valueOf(rows.getString("channel")), rows.getString("locale"),
                        rows.getString("status"), instant(rows, "created_at"), instant(rows, "sent_at"),
                        instant(rows, "expires_at"), instant(rows, "opened_at"),
                        rows.getObject("follow_up_of_work_order_id", UUID.class), rows.getString("traceparent"),
                        JSON.readValue(rows.getString("survey"), AssembledSurvey.class));
            } catch (JsonProcessingException e) {
                throw new SQLException("unreadable survey of invitation " + rows.getObject("id"), e);
            }
        }

        private static Instant instant(ResultSet rows, String column) throws SQLException {
            Timestamp value = rows.getTimestamp(column);
            return value == null ? null : value.toInstant();
        }
    }
}

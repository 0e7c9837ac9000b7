package io.windbell.scoring.alert;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.messaging.outbox.Outbox;
import io.windbell.messaging.outbox.OutboxMessage;

/**
 * The one writer of the {@code alert} table: records each alert and appends it to the outbox on the caller's
 * transaction, so an alert is published if and only if it is recorded.
 */
@ApplicationScoped
public class AlertStore {

    /** The CloudEvents source of scoring's alerts. */
    public static final String SOURCE = CloudEvents.source("scoring");

    /**
     * A low-score alert to raise.
     *
     * @param regionId
     *            the region of the alert's branch, {@code null} when unknown
     * @param traceparent
     *            the trace of the response it answers, {@code null} outside a trace
     */
    public record Pending(LowScoreAlert alert, String regionId, String traceparent) {
    }

    /**
     * Records the alerts of responses that have none yet, in one statement, and publishes exactly those: a response
     * re-published under a new event id (past the inbox) meets the unique response id and raises nothing.
     *
     * @return the alerts raised
     */
    public List<LowScoreAlert> raiseLowScores(Connection connection, List<Pending> pending, Instant now)
            throws SQLException {
        Map<UUID, Pending> byResponse = new LinkedHashMap<>();
        for (Pending each : pending) {
            byResponse.putIfAbsent(each.alert().responseId(), each);
        }
        if (byResponse.isEmpty()) {
            return List.of();
        }
        int size = byResponse.size();
        String[] ids = new String[size];
        String[] severities = new String[size];
        String[] responses = new String[size];
        String[] customers = new String[size];
        String[] branches = new String[size];
        String[] regions = new String[size];
        String[] payloads = new String[size];
        int i = 0;
        for (Pending each : byResponse.values()) {
            LowScoreAlert alert = each.alert();
            ids[i] = alert.alertId().toString();
            severities[i] = alert.severity().name();
            responses[i] = alert.responseId().toString();
            customers[i] = alert.customerId();
            branches[i] = alert.branchId();
            regions[i] = each.regionId();
            payloads[i] = json(alert);
            i++;
        }
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into alert (alert_id, kind, severity, raised_at, response_id, customer_id, branch_id, region_id,
                                   payload)
                select a::uuid, 'LOW_SCORE', s, ?, r::uuid, cu, b, rg, p::jsonb
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as t(a, s, r, cu, b, rg, p)
                order by r
                on conflict (response_id) do nothing
                returning response_id
                """)) {
            insert.setTimestamp(1, Timestamp.from(now));
            int column = 2;
            for (String[] values : List.of(ids, severities, responses, customers, branches, regions, payloads)) {
                insert.setArray(column++, connection.createArrayOf("text", values));
            }
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        List<LowScoreAlert> raised = new ArrayList<>();
        List<OutboxMessage> messages = new ArrayList<>();
        for (Pending each : byResponse.values()) {
            if (inserted.contains(each.alert().responseId())) {
                raised.add(each.alert());
                messages.add(OutboxMessage.of(each.alert(), SOURCE, now, each.traceparent()));
            }
        }
        Outbox.append(connection, messages);
        return raised;
    }

    /** Records and publishes degradation and recovery alerts (a handful per detector run). */
    public void raiseTouchpointAlerts(Connection connection, List<TouchpointDegradedAlert> degraded,
            List<TouchpointRecoveredAlert> recovered, Instant now) throws SQLException {
        if (degraded.isEmpty() && recovered.isEmpty()) {
            return;
        }
        List<OutboxMessage> messages = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into alert (alert_id, kind, severity, raised_at, touchpoint, payload)
                values (?, ?, ?, ?, ?, ?::jsonb)
                """)) {
            for (TouchpointDegradedAlert alert : degraded) {
                add(insert, alert.alertId(), AlertType.TOUCHPOINT_DEGRADED, alert.severity().name(), now,
                        alert.touchpointCode(), json(alert));
                messages.add(OutboxMessage.of(alert, SOURCE, now, null));
            }
            for (TouchpointRecoveredAlert alert : recovered) {
                add(insert, alert.alertId(), AlertType.TOUCHPOINT_RECOVERED, null, now, alert.touchpointCode(),
                        json(alert));
                messages.add(OutboxMessage.of(alert, SOURCE, now, null));
            }
            insert.executeBatch();
        }
        Outbox.append(connection, messages);
    }

    private static void add(PreparedStatement insert, UUID id, AlertType type, String severity, Instant now,
            String touchpoint, String payload) throws SQLException {
        insert.setObject(1, id);
        insert.setString(2, type.name());
        insert.setString(3, severity);
        insert.setTimestamp(4, Timestamp.from(now));
        insert.setString(5, touchpoint);
        insert.setString(6, payload);
        insert.addBatch();
    }

    private static String json(EventPayload alert) {
        return new String(EventJson.toBytes(alert), StandardCharsets.UTF_8);
    }
}

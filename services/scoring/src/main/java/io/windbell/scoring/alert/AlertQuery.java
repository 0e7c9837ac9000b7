package io.windbell.scoring.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.alert.Severity;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams.Keyset;

/** The alerts raised, newest first, filtered; the caller has already narrowed the filter to what it may see. */
@ApplicationScoped
public class AlertQuery {

    /**
     * The filters of the list, each {@code null} for "any". A branch or region filter leaves out the bank-wide
     * (touchpoint) alerts, which belong to no branch.
     */
    public record Filter(AlertType type, Severity severity, String branchId, String regionId, Instant from,
            Instant to) {
    }

    /** One alert as raised, with the event as it was published. */
    @Schema(name = "Alert")
    public record AlertRow(UUID alertId, AlertType type,
            @Schema(description = "absent for TOUCHPOINT_RECOVERED") Severity severity, Instant raisedAt,
            @Schema(description = "the customer of a low-score alert") String customerId,
            @Schema(description = "the routing branch of a low-score alert, when known") String branchId,
            @Schema(description = "the region of that branch when the alert was raised") String regionId,
            @Schema(description = "the touchpoint of a degradation or recovery alert") String touchpointCode,
            @Schema(type = SchemaType.OBJECT, description = "the alert.* event as published on cx.experience-alerts.v1") JsonNode event) {
    }

    private final DataSource dataSource;
    private final ObjectMapper json;

    AlertQuery(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Page<AlertRow> list(Filter filter, Keyset after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select alert_id, kind, severity, raised_at, customer_id, branch_id,"
                + " region_id, touchpoint, payload::text from alert where true");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " and kind = ?", filter.type() == null ? null : filter.type().name());
        condition(sql, params, " and severity = ?", filter.severity() == null ? null : filter.severity().name());
        condition(sql, params, " and branch_id = ?", filter.branchId());
        condition(sql, params, " and region_id = ?", filter.regionId());
        condition(sql, params, " and raised_at >= ?", timestamp(filter.from()));
        condition(sql, params, " and raised_at < ?", timestamp(filter.to()));
        if (after != null) {
            sql.append(" and (raised_at, alert_id) < (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" order by raised_at desc, alert_id desc limit ?");
        params.add(limit + 1);
        List<AlertRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String severity = rs.getString(3);
                    rows.add(new AlertRow(rs.getObject(1, UUID.class), AlertType.valueOf(rs.getString(2)),
                            severity == null ? null : Severity.valueOf(severity), rs.getTimestamp(4).toInstant(),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            event(rs.getString(9))));
                }
            }
        }
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<AlertRow> page = List.copyOf(rows.subList(0, limit));
        AlertRow last = page.getLast();
        return new Page<>(page, new Keyset(last.raisedAt(), last.alertId()).encode());
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private JsonNode event(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert payload stored by AlertStore does not parse", e);
        }
    }
}

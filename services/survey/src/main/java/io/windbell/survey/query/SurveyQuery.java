package io.windbell.survey.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.survey.Answer;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.survey.assembly.AssembledSurvey;

/** The read side of invitations, decisions and responses: newest first, keyset paging. */
@ApplicationScoped
public class SurveyQuery {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {
    };
    private static final String INVITATION_COLUMNS = """
            id, customer_id, journey_instance_id, definition_code, rule_code, rule_version, survey_code, anchor_metric,
            channel, locale, status, counts_against_budget, created_at, send_at, sent_at, expires_at, opened_at,
            closed_at, closed_reason, follow_up_of_work_order_id""";

    private final AgroalDataSource dataSource;

    public SurveyQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Filters of the invitation list; {@code null} = any. */
    public record InvitationFilter(String customerId, String status, UUID journeyInstanceId, Instant from, Instant to) {
    }

    /** Filters of the response list; {@code branchId} is forced for branch-scoped callers. */
    public record ResponseFilter(String customerId, String branchId, String surveyCode, Instant from, Instant to) {
    }

    public Page<InvitationView> invitations(InvitationFilter filter, Keyset after, int limit) {
        Conditions where = new Conditions().eq("customer_id", filter.customerId()).eq("status", filter.status())
                .eq("journey_instance_id", filter.journeyInstanceId()).window("created_at", filter.from(), filter.to())
                .after("created_at", "id", after);
        return page("SELECT " + INVITATION_COLUMNS + " FROM invitation", where, "created_at", limit,
                rows -> invitation(rows, null), view -> new Keyset(view.createdAt(), view.id()));
    }

    public Optional<InvitationView> invitation(UUID id) {
        return one("SELECT " + INVITATION_COLUMNS + ", survey FROM invitation WHERE id = ?", id,
                rows -> invitation(rows, read(rows.getString("survey"), AssembledSurvey.class)));
    }

    public Page<ResponseView> responses(ResponseFilter filter, Keyset after, int limit) {
        Conditions where = new Conditions().eq("customer_id", filter.customerId()).eq("branch_id", filter.branchId())
                .eq("survey_code", filter.surveyCode()).window("responded_at", filter.from(), filter.to())
                .after("responded_at", "id", after);
        return page("SELECT * FROM response", where, "responded_at", limit, SurveyQuery::response,
                view -> new Keyset(view.respondedAt(), view.id()));
    }

    /** Decisions about one customer, newest first; {@code after} is the id of the last one of the previous page. */
    public Page<DecisionView> decisions(String customerId, Long after, int limit) {
        String sql = "SELECT * FROM survey_decision WHERE customer_id = ?" + (after == null ? "" : " AND id < ?")
                + " ORDER BY id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 0;
            statement.setString(++i, customerId);
            if (after != null) {
                statement.setLong(++i, after);
            }
            statement.setInt(++i, limit + 1);
            List<DecisionView> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new DecisionView(result.getLong("id"), result.getString("customer_id"),
                            result.getObject("journey_instance_id", UUID.class),
                            result.getObject("trigger_event_id", UUID.class), result.getString("trigger_type"),
                            instant(result, "decided_at"), result.getString("outcome"), result.getString("rule_code"),
                            result.getObject("invitation_id", UUID.class), result.getString("detail")));
                }
            }
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                next = Cursor.encode(Long.toString(rows.getLast().id()));
            }
            return new Page<>(List.copyOf(rows), next);
        } catch (SQLException e) {
            throw new IllegalStateException("decision query failed", e);
        }
    }

    private <T> Page<T> page(String select, Conditions where, String timeColumn, int limit, RowReader<T> reader,
            Function<T, Keyset> keyOf) {
        String sql = select + where.sql() + " ORDER BY " + timeColumn + " DESC, id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = where.bind(statement);
            statement.setInt(i + 1, limit + 1);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                next = keyOf.apply(rows.getLast()).encode();
            }
            return new Page<>(List.copyOf(rows), next);
        } catch (SQLException e) {
            throw new IllegalStateException("survey query failed", e);
        }
    }

    private <T> Optional<T> one(String sql, UUID id, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(reader.read(result)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("survey query failed", e);
        }
    }

    private static InvitationView invitation(ResultSet rows, AssembledSurvey survey) throws SQLException {
        return new InvitationView(rows.getObject("id", UUID.class), rows.getString("customer_id"),
                rows.getObject("journey_instance_id", UUID.class), rows.getString("definition_code"),
                rows.getString("rule_code"), (Integer) rows.getObject("rule_version"), rows.getString("survey_code"),
                rows.getString("anchor_metric"), rows.getString("channel"), rows.getString("locale"),
                rows.getString("status"), rows.getBoolean("counts_against_budget"), instant(rows, "created_at"),
                instant(rows, "send_at"), instant(rows, "sent_at"), instant(rows, "expires_at"),
                instant(rows, "opened_at"), instant(rows, "closed_at"), rows.getString("closed_reason"),
                rows.getObject("follow_up_of_work_order_id", UUID.class), survey);
    }

    private static ResponseView response(ResultSet rows) throws SQLException {
        return new ResponseView(rows.getObject("id", UUID.class), rows.getObject("invitation_id", UUID.class),
                rows.getString("customer_id"), rows.getString("survey_code"), rows.getString("locale"),
                instant(rows, "responded_at"), rows.getString("anchor_metric"), rows.getInt("anchor_score"),
                read(rows.getString("answers"), ANSWERS), rows.getString("branch_id"), rows.getString("employee_id"),
                rows.getString("product_id"), rows.getObject("follow_up_of_work_order_id", UUID.class));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static <T> T read(String json, Class<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable " + type.getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable json", e);
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** A WHERE clause built from optional filters, with its parameters. */
    private static final class Conditions {
        private final StringBuilder sql = new StringBuilder(" WHERE true");
        private final List<Object> params = new ArrayList<>();

        Conditions eq(String column, Object value) {
            if (value != null) {
                sql.append(" AND ").append(column).append(" = ?");
                params.add(value);
            }
            return this;
        }

        Conditions window(String column, Instant from, Instant to) {
            if (from != null) {
                sql.append(" AND ").append(column).append(" >= ?");
                params.add(Timestamp.from(from));
            }
            if (to != null) {
                sql.append(" AND ").append(column).append(" < ?");
                params.add(Timestamp.from(to));
            }
            return this;
        }

        Conditions after(String timeColumn, String idColumn, Keyset after) {
            if (after != null) {
                sql.append(" AND (").append(timeColumn).append(", ").append(idColumn).append(") < (?, ?)");
                params.add(Timestamp.from(after.at()));
                params.add(after.id());
            }
            return this;
        }

        String sql() {
            return sql.toString();
        }

        int bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return params.size();
        }
    }
}

package io.windbell.journey.query;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.touchpoint.Outcome;

/** The columns the read queries select, and how a row of them becomes a view. */
final class Rows {

    /**
     * An event of an instance that identity stitching merged into another one is shown under the surviving instance
     * (which took over its visits); {@link #EVENT_FROM} joins the instance for that.
     */
    static final String EVENT_COLUMNS = "e.event_id, e.occurred_at, e.occurred_offset, e.channel, e.touchpoint,"
            + " e.outcome, e.error_code, e.duration_ms, e.branch_id, e.employee_id, e.product_id, e.session_id,"
            + " e.customer_id, e.anonymous_id, coalesce(mj.merged_into, e.journey_instance_id) as journey_instance_id,"
            + " e.definition_code, e.step_order, e.late";

    static final String EVENT_FROM = " from touchpoint_event e left join journey_instance mj"
            + " on mj.id = e.journey_instance_id";

    /**
     * The summary columns, and the channels of the instance's applied (not late) visits in the order first used.
     */
    static final String JOURNEY_COLUMNS = "j.id, j.definition_code, j.definition_version, j.customer_id,"
            + " j.anonymous_id, j.status, j.closed, j.phase, j.current_step, j.started_at, j.updated_at,"
            + " j.last_activity_at, j.completed_at, j.interruptions, j.channel_switches,"
            + " array(select v.channel from touchpoint_event v where v.journey_instance_id = j.id and not v.late"
            + " group by v.channel order by min(v.occurred_at)) as channels";

    private Rows() {
    }

    static TimelineEvent event(ResultSet rs) throws SQLException {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(rs.getInt("occurred_offset"));
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(offset);
        return new TimelineEvent(rs.getObject("event_id", UUID.class), at, rs.getString("channel"),
                rs.getString("touchpoint"), Outcome.valueOf(rs.getString("outcome")), rs.getString("error_code"),
                (Long) rs.getObject("duration_ms"), rs.getString("branch_id"), rs.getString("employee_id"),
                rs.getString("product_id"), rs.getString("session_id"), rs.getString("customer_id"),
                rs.getString("anonymous_id"), rs.getObject("journey_instance_id", UUID.class),
                rs.getString("definition_code"), (Integer) rs.getObject("step_order"), rs.getBoolean("late"));
    }

    static JourneyView journey(ResultSet rs) throws SQLException {
        return new JourneyView(rs.getObject("id", UUID.class), rs.getString("definition_code"),
                rs.getInt("definition_version"), rs.getString("customer_id"), rs.getString("anonymous_id"),
                JourneyStatus.valueOf(rs.getString("status")), rs.getBoolean("closed"), rs.getString("phase"),
                (Integer) rs.getObject("current_step"), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "last_activity_at"), instant(rs, "completed_at"), rs.getInt("interruptions"),
                rs.getInt("channel_switches"), strings(rs.getArray("channels")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    /** Binds parameters in order; instants go to PostgreSQL as timestamptz. */
    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Instant instant) {
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }
}

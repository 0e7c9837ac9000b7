package io.windbell.journey.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;

/** Journey instances for analysts: one with its visits and interruptions, or a filtered list, newest first. */
@ApplicationScoped
public class JourneyQuery {

    /** A journey is closed after its maximum duration; this only bounds the answer for a pathological one. */
    public static final int MAX_VISITS = 1000;

    /** A merge chain longer than this would be a bug in stitching; the answer names the last instance reached. */
    private static final int MAX_MERGE_HOPS = 16;

    /**
     * The instance and those merged into it: their touchpoint events and interruptions stay recorded under the merged
     * instance's id, while the survivor took over the visits.
     */
    private static final String MEMBERS = "select ?::uuid union all select m.id from journey_instance m"
            + " where m.merged_into = ?";

    private final DataSource dataSource;

    JourneyQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The filters of the list; any of them may be {@code null}. */
    public record Filter(String customerId, String definitionCode, JourneyStatus status, Instant startedFrom,
            Instant startedTo) {
    }

    /** One instance; 404 when unknown or merged into another (the problem names that one in {@code mergedInto}). */
    public JourneyDetail find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            JourneyView journey = null;
            UUID mergedInto = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + Rows.JOURNEY_COLUMNS + ", j.merged_into from journey_instance j where j.id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        journey = Rows.journey(rs);
                        mergedInto = rs.getObject("merged_into", UUID.class);
                    }
                }
            }
            if (journey == null) {
                throw ProblemException.notFound("journey", id.toString());
            }
            if (mergedInto != null) {
                UUID survivor = survivor(c, mergedInto);
                throw new ProblemException(Problem
                        .of("journey-merged", "Journey merged", 404,
                                "journey " + id + " was merged into journey " + survivor
                                        + " when the customer's identities were stitched")
                        .with("mergedInto", survivor.toString()));
            }
            List<TimelineEvent> visits = visits(c, id);
            boolean truncated = visits.size() > MAX_VISITS;
            if (truncated) {
                visits = visits.subList(0, MAX_VISITS);
            } else {
                // the visits include those of instances merged into this one, which the summary's channels do not
                journey = journey.withChannels(
                        visits.stream().filter(v -> !v.late()).map(TimelineEvent::channel).distinct().toList());
            }
            return new JourneyDetail(journey, List.copyOf(visits), truncated, interruptions(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException("journey query failed", e);
        }
    }

    /** One page of instances (merged ones left out), newest start first. */
    public Page<JourneyView> list(Filter filter, Keyset after, int limit) {
        StringBuilder cond = new StringBuilder(" and j.merged_into is null");
        List<Object> condParams = new ArrayList<>();
        if (filter.definitionCode() != null) {
            cond.append(" and j.definition_code = ?");
            condParams.add(filter.definitionCode());
        }
        if (filter.status() != null) {
            cond.append(" and j.status = ?");
            condParams.add(filter.status().name());
        }
        if (filter.startedFrom() != null) {
            cond.append(" and j.started_at >= ?");
            condParams.add(filter.startedFrom());
        }
        if (filter.startedTo() != null) {
            cond.append(" and j.started_at < ?");
            condParams.add(filter.startedTo());
        }
        if (after != null) {
            cond.append(" and (j.started_at, j.id) < (?, ?)");
            condParams.add(after.at());
            condParams.add(after.id());
        }
        String order = " order by started_at desc, id desc limit ?";
        List<Object> params = new ArrayList<>();
        String sql;
        if (filter.customerId() == null) {
            sql = "select " + Rows.JOURNEY_COLUMNS + " from journey_instance j where true" + cond + order;
            params.addAll(condParams);
        } else {
            // the customer's own instances, and those still under an anonymous id linked to the customer
            sql = "(select " + Rows.JOURNEY_COLUMNS + " from journey_instance j where j.customer_id = ?" + cond + order
                    + ") union all (select " + Rows.JOURNEY_COLUMNS
                    + " from journey_instance j join identity_link l on j.subject = 'a:' || l.anonymous_id"
                    + " where l.customer_id = ? and j.customer_id is null" + cond + order + ")" + order;
            params.add(filter.customerId());
            params.addAll(condParams);
            params.add(limit + 1);
            params.add(filter.customerId());
            params.addAll(condParams);
            params.add(limit + 1);
        }
        params.add(limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, params);
            List<JourneyView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(Rows.journey(rs));
                }
            }
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                JourneyView last = rows.get(limit - 1);
                next = new Keyset(last.startedAt(), last.id()).encode();
            }
            return new Page<>(List.copyOf(rows), next);
        } catch (SQLException e) {
            throw new IllegalStateException("journey list query failed", e);
        }
    }

    private static UUID survivor(Connection c, UUID mergedInto) throws SQLException {
        UUID current = mergedInto;
        try (PreparedStatement ps = c.prepareStatement("select merged_into from journey_instance where id = ?")) {
            for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
                ps.setObject(1, current);
                try (ResultSet rs = ps.executeQuery()) {
                    UUID next = rs.next() ? rs.getObject(1, UUID.class) : null;
                    if (next == null) {
                        return current;
                    }
                    current = next;
                }
            }
        }
        return current;
    }

    private static List<TimelineEvent> visits(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM
                + " where e.journey_instance_id in (" + MEMBERS + ") order by e.occurred_at, e.event_id limit ?")) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            ps.setInt(3, MAX_VISITS + 1);
            try (ResultSet rs = ps.executeQuery()) {
                List<TimelineEvent> visits = new ArrayList<>();
                while (rs.next()) {
                    visits.add(Rows.event(rs));
                }
                return visits;
            }
        }
    }

    private static List<InterruptionView> interruptions(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select reason, touchpoint, step_order, channel, error_code,"
                + " interrupted_at, resumed_at, resumed_channel from journey_interruption"
                + " where journey_instance_id in (" + MEMBERS + ") order by interrupted_at, id")) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                List<InterruptionView> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new InterruptionView(InterruptionReason.valueOf(rs.getString("reason")),
                            rs.getString("touchpoint"), (Integer) rs.getObject("step_order"), rs.getString("channel"),
                            rs.getString("error_code"), Rows.instant(rs, "interrupted_at"),
                            Rows.instant(rs, "resumed_at"), rs.getString("resumed_channel")));
                }
                return list;
            }
        }
    }
}

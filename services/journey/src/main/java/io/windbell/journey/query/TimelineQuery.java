package io.windbell.journey.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.windbell.platform.logging.Mask;
import io.windbell.platform.paging.QueryParams.Keyset;

/**
 * A customer's cross-channel timeline: every event under the customer id, and those still under an anonymous id that
 * identity stitching linked to the customer, newest first; plus the customer's journeys overlapping the window.
 */
@ApplicationScoped
public class TimelineQuery {

    /** A customer has a handful of journeys a month; this bounds the answer for a window of years. */
    public static final int MAX_JOURNEYS = 200;

    private static final Logger LOG = Logger.getLogger(TimelineQuery.class);

    private final DataSource dataSource;

    TimelineQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of events in [from, to) (either bound may be {@code null}) after the cursor's keyset, newest first.
     */
    public Timeline timeline(String customerId, Instant from, Instant to, Keyset after, int limit) {
        try (Connection c = dataSource.getConnection()) {
            List<TimelineEvent> events = events(c, customerId, from, to, after, limit + 1);
            String next = null;
            if (events.size() > limit) {
                events = events.subList(0, limit);
                TimelineEvent last = events.get(limit - 1);
                next = new Keyset(last.occurredAt().toInstant(), last.eventId()).encode();
            }
            List<JourneyView> journeys = journeys(c, customerId, from, to);
            LOG.debugf("timeline of %s: %d event(s), %d journey(s)", Mask.id(customerId), events.size(),
                    journeys.size());
            return new Timeline(customerId, from, to, List.copyOf(events), next, journeys);
        } catch (SQLException e) {
            throw new IllegalStateException("timeline query failed", e);
        }
    }

    private static List<TimelineEvent> events(Connection c, String customerId, Instant from, Instant to, Keyset after,
            int rows) throws SQLException {
        StringBuilder cond = new StringBuilder();
        List<Object> condParams = new ArrayList<>();
        if (from != null) {
            cond.append(" and e.occurred_at >= ?");
            condParams.add(from);
        }
        if (to != null) {
            cond.append(" and e.occurred_at < ?");
            condParams.add(to);
        }
        if (after != null) {
            cond.append(" and (e.occurred_at, e.event_id) < (?, ?)");
            condParams.add(after.at());
            condParams.add(after.id());
        }
        String order = " order by e.occurred_at desc, e.event_id desc limit ?";
        // two index scans (customer id; linked anonymous ids) rather than one OR that no index answers
        String sql = "(select " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM + " where e.customer_id = ?" + cond + order
                + ") union all (select " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM
                + " where e.customer_id is null and e.anonymous_id in"
                + " (select l.anonymous_id from identity_link l where l.customer_id = ?)" + cond + order
                + ") order by occurred_at desc, event_id desc limit ?";
        List<Object> params = new ArrayList<>();
        params.add(customerId);
        params.addAll(condParams);
        params.add(rows);
        params.add(customerId);
        params.addAll(condParams);
        params.add(rows);
        params.add(rows);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<TimelineEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(Rows.event(rs));
                }
                return events;
            }
        }
    }

    /** Journeys that started before the window ends and were still open, or active, when it began. */
    private static List<JourneyView> journeys(Connection c, String customerId, Instant from, Instant to)
            throws SQLException {
        StringBuilder cond = new StringBuilder(" and j.merged_into is null");
        List<Object> condParams = new ArrayList<>();
        if (to != null) {
            cond.append(" and j.started_at < ?");
            condParams.add(to);
        }
        if (from != null) {
            cond.append(" and (not j.closed or j.last_activity_at >= ?)");
            condParams.add(from);
        }
        String sql = "select * from (select " + Rows.JOURNEY_COLUMNS + " from journey_instance j"
                + " where j.customer_id = ?" + cond + " union all select " + Rows.JOURNEY_COLUMNS
                + " from journey_instance j join identity_link l on j.subject = 'a:' || l.anonymous_id"
                + " where l.customer_id = ? and j.customer_id is null" + cond
                + ") t order by started_at desc, id desc limit " + MAX_JOURNEYS;
        List<Object> params = new ArrayList<>();
        params.add(customerId);
        params.addAll(condParams);
        params.add(customerId);
        params.addAll(condParams);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<JourneyView> journeys = new ArrayList<>();
                while (rs.next()) {
                    journeys.add(Rows.journey(rs));
                }
                return journeys;
            }
        }
    }
}

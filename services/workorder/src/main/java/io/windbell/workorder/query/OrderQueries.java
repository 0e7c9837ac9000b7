package io.windbell.workorder.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.ProblemException;
import io.windbell.workorder.access.Viewer;
import io.windbell.workorder.order.ContactAttempt;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;

/**
 * The reads of work orders: list, detail, statistics, export. Every statement starts from the caller's
 * {@link Viewer#filter} and the detail from {@link Viewer#sees}, so nothing outside the caller's scope is read; the
 * statistics are SQL aggregates over the same filter.
 */
@ApplicationScoped
public class OrderQueries {

    /** The most linked cases a special task's detail lists. */
    static final int MAX_LINKED = 500;

    private static final String SELECT = "select w.* from work_order w where ";

    /** One page of orders by creation time (newest first unless {@code ascending}), after the cursor's row. */
    public Uni<Page<WorkOrderView>> list(Viewer viewer, OrderFilter filter, boolean ascending, Keyset after, int limit,
            Instant now) {
        Where where = Where.of(viewer, filter, now);
        if (after != null) {
            where.and(ascending ? "(w.created_at, w.id) > (?, ?)" : "(w.created_at, w.id) < (?, ?)", after.at(),
                    after.id());
        }
        String direction = ascending ? " asc" : " desc";
        String sql = SELECT + where.sql() + " order by w.created_at" + direction + ", w.id" + direction + " limit ?";
        return read(
                session -> where.query(session, sql, WorkOrder.class, List.of(), List.of(limit + 1)).getResultList())
                        .map(rows -> {
                            List<WorkOrderView> items = rows.stream().limit(limit).map(WorkOrderView::of).toList();
                            String next = rows.size() > limit
                                    ? new Keyset(items.getLast().createdAt(), items.getLast().id()).encode() : null;
                            return new Page<>(items, next);
                        });
    }

    /** The orders of the export, newest first; a 400 asking for a narrower filter when more than {@code max} match. */
    public Uni<List<WorkOrder>> export(Viewer viewer, OrderFilter filter, int max, Instant now) {
        Where where = Where.of(viewer, filter, now);
        String sql = SELECT + where.sql() + " order by w.created_at desc, w.id desc limit ?";
        return read(session -> where.query(session, sql, WorkOrder.class, List.of(), List.of(max + 1)).getResultList())
                .map(rows -> {
                    if (rows.size() > max) {
                        throw new ProblemException(io.windbell.platform.problem.Problem
                                .of("export-too-large", "Export too large", 400,
                                        "more than " + max
                                                + " orders match: narrow the filter (e.g. createdFrom/createdTo)")
                                .withViolations(List.of(new io.windbell.platform.problem.Violation("$",
                                        "at most " + max + " rows per export"))));
                    }
                    return rows;
                });
    }

    /** The order with its history, contact attempts, signals and linked orders; 404 when the caller may not see it. */
    public Uni<OrderDetail> detail(Viewer viewer, UUID id) {
        return read(session -> session.find(WorkOrder.class, id).chain(order -> {
            if (order == null || !viewer.sees(order)) {
                throw ProblemException.notFound("work order", id.toString());
            }
            Uni<List<HistoryEntry>> history = session
                    .createSelectionQuery("from HistoryEntry where workOrderId = ?1 order by id", HistoryEntry.class)
                    .setParameter(1, id).getResultList();
            Uni<List<ContactAttempt>> contacts = session
                    .createSelectionQuery("from ContactAttempt where workOrderId = ?1 order by at, id",
                            ContactAttempt.class)
                    .setParameter(1, id).getResultList();
            Where linked = new Where().and("w.special_task_id = ?", id);
            Viewer.Condition scope = viewer.filter("w");
            linked.and(scope.sql(), scope.parameters().toArray());
            String linkedSql = SELECT + linked.sql() + " order by w.created_at, w.id limit ?";
            return history.chain(h -> contacts.chain(c -> signals(session, id).chain(s -> linked
                    .query(session, linkedSql, WorkOrder.class, List.of(), List.of(MAX_LINKED)).getResultList()
                    .chain(cases -> specialTask(session, viewer, order)
                            .map(task -> new OrderDetail(WorkOrderView.of(order), h, c, s,
                                    cases.stream().map(WorkOrderView::of).toList(), task))))));
        }));
    }

    /** The statistics of the caller's scope and filter, one row per group (one row in all without a grouping). */
    public Uni<List<OrderStats>> stats(Viewer viewer, OrderFilter filter, OrderStats.GroupBy groupBy, Instant now) {
        Where where = Where.of(viewer, filter, now);
        String group = groupBy == null ? "cast(null as text)" : "cast(" + groupBy.column + " as text)";
        String sql = "select " + group + ", " + StatsSql.COLUMNS + " from work_order w where " + where.sql()
                + (groupBy == null ? "" : " group by 1 order by 1 nulls last");
        Object[] clock = { now, now, now.minus(Duration.ofHours(4)), now.minus(Duration.ofHours(24)),
                now.minus(Duration.ofDays(3)) };
        // the clock's parameters come first in the statement (in the columns), the filter's after them
        return read(session -> where.query(session, sql, Object[].class, List.of(clock), List.of()).getResultList())
                .map(rows -> rows.stream().map(StatsSql::row).toList());
    }

    private static Uni<List<OrderDetail.Signal>> signals(Mutiny.Session session, UUID id) {
        return session
                .createNativeQuery(
                        "select cast(source_id as text), kind, at, cast(detail as text) "
                                + "from work_order_signal where work_order_id = ?1 order by at, source_id",
                        Object[].class)
                .setParameter(1, id).getResultList()
                .map(rows -> rows.stream().map(r -> new OrderDetail.Signal(UUID.fromString((String) r[0]),
                        (String) r[1], instant(r[2]), json((String) r[3]))).toList());
    }

    private static Uni<WorkOrderView> specialTask(Mutiny.Session session, Viewer viewer, WorkOrder order) {
        if (order.specialTaskId == null) {
            return Uni.createFrom().nullItem();
        }
        return session.find(WorkOrder.class, order.specialTaskId)
                .map(task -> task != null && viewer.sees(task) ? WorkOrderView.of(task) : null);
    }

    private static <T> Uni<T> read(java.util.function.Function<Mutiny.Session, Uni<T>> work) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> work.apply(session)));
    }

    static Instant instant(Object value) {
        return switch (value) {
        case null -> null;
        case Instant at -> at;
        case OffsetDateTime at -> at.toInstant();
        case java.sql.Timestamp at -> at.toInstant();
        case java.time.ZonedDateTime at -> at.toInstant();
        default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    private static Map<String, Object> json(String text) {
        try {
            return EventJson.mapper().readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The aggregate columns of the statistics, and how a row of them reads. */
    static final class StatsSql {

        private static final String OPEN = "w.status not in ('RESOLVED', 'CLOSED')";
        private static final String FR_DONE = "w.first_responded_at is not null";
        private static final String FR_SECONDS = "extract(epoch from (w.first_responded_at - w.created_at))";
        private static final String RES_SECONDS = "extract(epoch from (w.resolved_at - w.created_at))";

        /** Parameters in order: now, now, now - 4h, now - 24h, now - 3d. */
        static final String COLUMNS = String.join(", ", "count(*)", statusCounts(),
                "count(*) filter (where w.first_response_due_at is not null and (" + FR_DONE
                        + " or w.first_response_due_at < ?))",
                "count(*) filter (where " + FR_DONE + " and not w.first_response_breached"
                        + " and w.first_responded_at <= w.first_response_due_at)",
                "count(*) filter (where w.resolution_due_at is not null and (w.resolved_at is not null"
                        + " or w.resolution_due_at < ?))",
                "count(*) filter (where w.resolved_at is not null and not w.resolution_breached"
                        + " and w.resolved_at <= w.resolution_due_at)",
                "count(*) filter (where " + OPEN + " and w.created_at > ?)",
                "count(*) filter (where " + OPEN + " and w.created_at > ?)",
                "count(*) filter (where " + OPEN + " and w.created_at > ?)", "count(*) filter (where " + OPEN + ")",
                "count(*) filter (where " + FR_DONE + ")",
                "cast(avg(" + FR_SECONDS + ") filter (where " + FR_DONE + ") as double precision)",
                "cast(percentile_cont(0.9) within group (order by " + FR_SECONDS + ") filter (where " + FR_DONE
                        + ") as double precision)",
                "count(*) filter (where w.resolved_at is not null)",
                "cast(avg(" + RES_SECONDS + ") filter (where w.resolved_at is not null) as double precision)",
                "cast(percentile_cont(0.9) within group (order by " + RES_SECONDS
                        + ") filter (where w.resolved_at is not null) as double precision)",
                "count(*) filter (where w.recovered is not null)", "count(*) filter (where w.recovered)");

        private StatsSql() {
        }

        private static String statusCounts() {
            List<String> counts = new ArrayList<>();
            for (WorkOrderStatus status : WorkOrderStatus.values()) {
                counts.add("count(*) filter (where w.status = '" + status.name() + "')");
            }
            return String.join(", ", counts);
        }

        static OrderStats row(Object[] r) {
            int i = 0;
            String group = (String) r[i++];
            long total = count(r[i++]);
            Map<WorkOrderStatus, Long> byStatus = new EnumMap<>(WorkOrderStatus.class);
            for (WorkOrderStatus status : WorkOrderStatus.values()) {
                byStatus.put(status, count(r[i++]));
            }
            OrderStats.Compliance firstResponse = compliance(count(r[i++]), count(r[i++]));
            OrderStats.Compliance resolution = compliance(count(r[i++]), count(r[i++]));
            long under4h = count(r[i++]);
            long under24h = count(r[i++]);
            long under3d = count(r[i++]);
            long open = count(r[i++]);
            OrderStats.Backlog backlog = new OrderStats.Backlog(under4h, under24h - under4h, under3d - under24h,
                    open - under3d);
            OrderStats.Durations toFirst = new OrderStats.Durations(count(r[i++]), number(r[i++]), number(r[i++]));
            OrderStats.Durations toResolve = new OrderStats.Durations(count(r[i++]), number(r[i++]), number(r[i++]));
            OrderStats.Rate recovery = OrderStats.Rate.of(count(r[i++]), count(r[i++]));
            return new OrderStats(group, total, byStatus, firstResponse, resolution, backlog, toFirst, toResolve,
                    recovery);
        }

        private static OrderStats.Compliance compliance(long due, long met) {
            return new OrderStats.Compliance(due, met, due == 0 ? null : (double) met / due);
        }

        private static long count(Object value) {
            return ((Number) value).longValue();
        }

        private static Double number(Object value) {
            return value == null ? null : ((Number) value).doubleValue();
        }
    }
}

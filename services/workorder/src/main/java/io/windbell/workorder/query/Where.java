package io.windbell.workorder.query;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.workorder.access.Viewer;

/**
 * A native SQL statement over {@code work_order w} built from the caller's {@link Viewer} and an {@link OrderFilter},
 * with its parameters in order: written with {@code ?} and numbered ({@code ?1}, {@code ?2}, …) once complete, so no
 * condition counts parameters by hand.
 */
final class Where {

    /** The statuses of an order that still needs work. */
    static final String OPEN = "w.status not in ('RESOLVED', 'CLOSED')";

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** The caller's scope and the filter, evaluated at {@code now} (overdue). */
    static Where of(Viewer viewer, OrderFilter filter, java.time.Instant now) {
        Where where = new Where();
        Viewer.Condition scope = viewer.filter("w");
        where.and(scope.sql(), scope.parameters().toArray());
        if (!filter.statuses().isEmpty()) {
            where.and("w.status in (" + String.join(", ", filter.statuses().stream().map(s -> "?").toList()) + ")",
                    filter.statuses().stream().map(WorkOrderStatus::name).toArray());
        }
        where.equal("w.type", filter.type() == null ? null : filter.type().name());
        where.equal("w.priority", filter.priority() == null ? null : filter.priority().name());
        where.equal("w.assignee_employee_id", filter.assignee());
        where.equal("w.queue", filter.queue());
        where.equal("w.branch_id", filter.branchId());
        where.equal("w.region_id", filter.regionId());
        where.equal("w.journey_code", filter.journeyCode());
        where.equal("w.touchpoint_code", filter.touchpoint());
        where.equal("w.customer_id", filter.customerId());
        if (filter.overdue()) {
            // paused orders are not overdue: their due times move when the clock runs again
            where.and(OPEN + " and w.status <> 'PENDING_CUSTOMER' and ((w.first_responded_at is null and "
                    + "w.first_response_due_at < ?) or w.resolution_due_at < ?)", now, now);
        }
        if (filter.createdFrom() != null) {
            where.and("w.created_at >= ?", filter.createdFrom());
        }
        if (filter.createdBefore() != null) {
            where.and("w.created_at < ?", filter.createdBefore());
        }
        return where;
    }

    Where and(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    private void equal(String column, String value) {
        if (value != null) {
            and(column + " = ?", value);
        }
    }

    /** The conditions joined with {@code and}. */
    String sql() {
        return String.join(" and ", conditions);
    }

    /**
     * {@code statement} as a query of {@code type} with every parameter bound: its placeholders are those of
     * {@code before}, then this {@link #sql()}'s, then those of {@code after}, in that order.
     */
    <T> Mutiny.SelectionQuery<T> query(Mutiny.Session session, String statement, Class<T> type, List<?> before,
            List<?> after) {
        List<Object> all = new ArrayList<>(before);
        all.addAll(parameters);
        all.addAll(after);
        StringBuilder numbered = new StringBuilder(statement.length() + 16);
        int index = 0;
        for (char c : statement.toCharArray()) {
            if (c == '?') {
                numbered.append('?').append(++index);
            } else {
                numbered.append(c);
            }
        }
        if (index != all.size()) {
            throw new IllegalStateException(index + " placeholders for " + all.size() + " parameters");
        }
        Mutiny.SelectionQuery<T> query = session.createNativeQuery(numbered.toString(), type);
        for (int i = 0; i < all.size(); i++) {
            query.setParameter(i + 1, all.get(i));
        }
        return query;
    }
}

package io.windbell.workorder.query;

import java.time.Instant;
import java.util.List;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;

/**
 * The filters lists, statistics and the export share; every field {@code null} (or empty, or false) for "any". The
 * caller's {@link io.windbell.workorder.access.Viewer} is applied on top, so a filter outside their scope finds
 * nothing.
 *
 * @param createdFrom
 *            created at or after (the start of a bank day)
 * @param createdBefore
 *            created before (the start of the bank day after the last one asked for)
 */
public record OrderFilter(List<WorkOrderStatus> statuses, WorkOrderType type, Priority priority, String assignee,
        String queue, String branchId, String regionId, String journeyCode, String touchpoint, String customerId,
        boolean overdue, Instant createdFrom, Instant createdBefore) {

    public OrderFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** No filter at all. */
    public static final OrderFilter ANY = new OrderFilter(List.of(), null, null, null, null, null, null, null, null,
            null, false, null, null);
}

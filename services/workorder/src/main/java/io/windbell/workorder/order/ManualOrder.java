package io.windbell.workorder.order;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;

/**
 * A recovery order a manager opens by hand (a complaint at the counter, a case from the call centre): origin
 * {@code MANUAL} or {@code COMPLAINT}, type RECOVERY.
 *
 * @param regionId
 *            the owning branch's region; a regional manager's own region when absent
 */
public record ManualOrder(WorkOrderOrigin origin, String customerId, String branchId, String regionId, String title,
        Priority priority, String journeyCode, String touchpointCode) {
}

package io.windbell.workorder.order;

import java.time.Instant;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderStatus;

/**
 * A feature that follows every change of every order inside the transaction that makes it: the SLA clock (start, pause,
 * resume, stop, timers) and special tasks (recurring patterns) are observers. {@link WorkOrders} calls every observer
 * bean, in {@code jakarta.annotation.Priority} order, after the change and before the events are written, so an
 * observer may still change the order (e.g. set its due times) and the events carry it.
 */
public interface WorkOrderObserver {

    /** A new order was routed and is about to be saved with its first events. */
    default Uni<Void> opened(WorkOrder order, Instant now) {
        return Uni.createFrom().voidItem();
    }

    /** An order's status moved from {@code from} to {@code order.status} (also RESOLVED → ASSIGNED on reopen). */
    default Uni<Void> moved(WorkOrder order, WorkOrderStatus from, Lifecycle.Action action, Instant now) {
        return Uni.createFrom().voidItem();
    }
}

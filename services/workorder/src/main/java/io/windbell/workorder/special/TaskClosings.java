package io.windbell.workorder.special;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrderObserver;

/**
 * Keeps a special task's {@code closed_at} in step with its status, whoever moves it: set when it leaves the open
 * states (its pattern is free for a new task, its watch starts), cleared when it is reopened.
 */
@ApplicationScoped
public class TaskClosings implements WorkOrderObserver {

    @Override
    public Uni<Void> moved(WorkOrder order, WorkOrderStatus from, Lifecycle.Action action, Instant now) {
        boolean wasOpen = Lifecycle.isOpen(from);
        if (order.type != WorkOrderType.SPECIAL_TASK || wasOpen == order.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        // the managed row if this transaction loaded it already (the watch does), so both changes flush as one
        return Panache.getSession().chain(session -> session.find(SpecialTask.class, order.id)).invoke(task -> {
            if (task != null) {
                task.closedAt = wasOpen ? now : null;
            }
        }).replaceWithVoid();
    }
}

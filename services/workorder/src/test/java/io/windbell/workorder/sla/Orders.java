package io.windbell.workorder.sla;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.calendar.Calendars;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;

/** Test fixtures: orders opened and moved at chosen instants through {@link WorkOrders}, and what they left behind. */
final class Orders {

    private final WorkOrders workOrders;

    Orders(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    /** An instant of Shanghai local time. */
    static Instant cn(String local) {
        return LocalDateTime.parse(local).atZone(Calendars.SHANGHAI).toInstant();
    }

    /** Opens a RECOVERY order of {@code severity} in {@code branch} (region without a calendar: CN) at {@code at}. */
    WorkOrder open(Severity severity, String branch, Instant at) throws Throwable {
        WorkOrder draft = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.HIGH,
                "SLA test order", at);
        draft.severity = severity;
        draft.customerId = "C-sla-" + UUID.randomUUID();
        draft.branchId = branch;
        draft.regionId = "R-sla";
        return VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, at, null)));
    }

    /** Moves the stored order by {@code action} at {@code at} (ASSIGN assigns E-sla). */
    WorkOrder move(UUID id, Lifecycle.Action action, Instant at) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> WorkOrder.<WorkOrder> findById(id).chain(order -> {
                    if (action == Lifecycle.Action.ASSIGN) {
                        order.assigneeEmployeeId = "E-sla";
                    }
                    return workOrders.move(order, action, "E-sla", Map.of(), null, at, null);
                })));
    }

    static WorkOrder find(UUID id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> WorkOrder.findById(id)));
    }

    static List<SlaTimer> timers(UUID id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> SlaTimer.<SlaTimer> list("workOrderId = ?1 order by id", id)));
    }

    static List<HistoryEntry.Action> history(UUID id) throws Throwable {
        return VertxContextSupport
                .subscribeAndAwait(() -> Panache
                        .withSession(() -> HistoryEntry.<HistoryEntry> list("workOrderId = ?1 order by id", id)))
                .stream().map(entry -> entry.action).toList();
    }

    static List<HistoryEntry> history(UUID id, HistoryEntry.Action action) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> HistoryEntry.<HistoryEntry> list("workOrderId = ?1 and action = ?2 order by id", id, action)));
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEvents.TYPE_HEADER).value(), StandardCharsets.UTF_8);
    }
}

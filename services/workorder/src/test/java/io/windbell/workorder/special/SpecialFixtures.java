package io.windbell.workorder.special;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;

/**
 * Builds and reads the orders of the special-task tests, each in its own reactive transaction as a consumer or a REST
 * call would. Every test takes fresh touchpoint codes, error codes and branches ({@link #unique}), so tests sharing the
 * database never see each other's patterns.
 */
public final class SpecialFixtures {

    private final WorkOrders workOrders;

    public SpecialFixtures(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    /** A lower-case suffix no other test uses. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** Opens a RECOVERY case as intake would, at {@code now}, after {@code shape} filled in what it is about. */
    public WorkOrder openCase(String branchId, String regionId, Instant now, Consumer<WorkOrder> shape) {
        WorkOrder draft = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.NORMAL,
                "NPS 2 after a failed step", now);
        draft.customerId = "C-sp-" + unique();
        draft.branchId = branchId;
        draft.regionId = regionId;
        shape.accept(draft);
        return inTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, now, null));
    }

    /** Moves a stored order through {@code actions}, each in its own transaction, after {@code change} edited it. */
    public WorkOrder move(UUID id, Instant now, Consumer<WorkOrder> change, Lifecycle.Action... actions) {
        WorkOrder moved = null;
        for (Lifecycle.Action action : actions) {
            moved = inTransaction(() -> WorkOrder.<WorkOrder> findById(id).chain(order -> {
                if (action == Lifecycle.Action.RESOLVE) {
                    change.accept(order);
                }
                return workOrders.move(order, action, HistoryEntry.SYSTEM, null, null, now, null);
            }));
        }
        return moved;
    }

    public static WorkOrder order(UUID id) {
        return inSession(() -> WorkOrder.<WorkOrder> findById(id));
    }

    public static SpecialTask task(UUID id) {
        return inSession(() -> SpecialTask.<SpecialTask> findById(id));
    }

    /** The special tasks whose pattern key is {@code key}, open or not. */
    public static List<SpecialTask> tasksOf(String key) {
        return inSession(() -> SpecialTask.<SpecialTask> list("patternKey = ?1 order by createdAt", key));
    }

    public static List<SpecialTask> tasksOn(String touchpointCode) {
        return inSession(() -> SpecialTask.<SpecialTask> list("touchpointCode = ?1 order by createdAt, workOrderId",
                touchpointCode));
    }

    public static List<WorkOrder> casesOf(UUID taskId) {
        return inSession(() -> WorkOrder.<WorkOrder> list("specialTaskId = ?1 order by createdAt, id", taskId));
    }

    public static List<HistoryEntry.Action> history(UUID orderId) {
        return inSession(() -> HistoryEntry.<HistoryEntry> list("workOrderId = ?1 order by id", orderId)).stream()
                .map(entry -> entry.action).toList();
    }

    /** Records of one order's events of one CloudEvents type. */
    public static Predicate<ConsumerRecord<String, byte[]>> event(UUID orderId, String type) {
        return record -> orderId.toString().equals(record.key())
                && type.equals(header(record, CloudEvents.TYPE_HEADER));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static <T> T inTransaction(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T inSession(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.windbell.workorder.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;

/**
 * Orders for the tests: opened through {@link WorkOrders} (events, history), then put into the exact state a test needs
 * with SQL — routing, SLA and the directory are other features, whose choices these tests must not depend on.
 */
public final class Orders {

    private Orders() {
    }

    /** Opens a RECOVERY order of {@code branch}/{@code region} and puts it, unassigned, in its branch's queue. */
    public static WorkOrder queued(String branch, String region, String customer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WorkOrder draft = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.HIGH,
                "NPS 2 after interrupted wealth purchase", now);
        draft.customerId = customer;
        draft.branchId = branch;
        draft.regionId = region;
        draft.journeyCode = "WEALTH_PURCHASE";
        WorkOrders workOrders = Arc.container().instance(WorkOrders.class).get();
        WorkOrder opened = await(
                () -> Panache.withTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, now, null)));
        sql("update work_order set status = 'OPEN', assignee_employee_id = null, queue = 'branch:' || ?2, "
                + "branch_id = ?2, region_id = ?3 where id = ?1", opened.id, branch, region);
        return find(opened.id);
    }

    /** The order as stored now. */
    public static WorkOrder find(UUID id) {
        return await(() -> Panache.withSession(() -> WorkOrder.<WorkOrder> findById(id)));
    }

    /** Runs a native update in its own transaction ({@code ?1}, {@code ?2}, … bound in order). */
    public static void sql(String statement, Object... parameters) {
        await(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        })));
    }

    /** Inserts a bare order row with every column a test reads about scope (no events, no history). */
    public static UUID insert(String branch, String region, String queue, String assignee, String status,
            Instant createdAt) {
        UUID id = UUID.randomUUID();
        sql("insert into work_order (id, type, origin, status, priority, title, customer_id, branch_id, region_id, "
                + "queue, assignee_employee_id, created_at, updated_at) values (?1, 'RECOVERY', 'MANUAL', ?2, "
                + "'NORMAL', 'seeded', ?3, ?4, ?5, ?6, ?7, ?8, ?8)", id, status, "C-" + id, branch, region, queue,
                assignee, createdAt);
        return id;
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

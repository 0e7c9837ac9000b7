package io.windbell.workorder.routing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.windbell.workorder.order.Queues;
import io.windbell.workorder.order.WorkOrder;

/** SKELETON ONLY, replaced by the directory-based routing: every order waits in its branch's queue. */
@ApplicationScoped
@DefaultBean
public class BranchQueueRouting implements Routing {

    @Override
    public Uni<RoutingDecision> route(WorkOrder order, Instant now) {
        return Uni.createFrom().item(new RoutingDecision(Queues.branch(order.branchId), null, "BRANCH_QUEUE",
                "skeleton routing: the order's branch queue", order.branchId, order.regionId));
    }
}

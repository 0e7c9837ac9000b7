package io.windbell.workorder.routing;

import java.time.Instant;

import io.smallrye.mutiny.Uni;
import io.windbell.workorder.order.WorkOrder;

/**
 * Decides who gets an order: the customer's relationship manager, else the queue of the touchpoint's branch, else the
 * region's, else the central queue; within a queue the least-loaded employee on shift. Runs inside the transaction that
 * opens (or re-routes) the order.
 */
public interface Routing {

    Uni<RoutingDecision> route(WorkOrder order, Instant now);
}

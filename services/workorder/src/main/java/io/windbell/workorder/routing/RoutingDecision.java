package io.windbell.workorder.routing;

/**
 * Where a new or escalated order goes, and why: recorded in the order's history as it is.
 *
 * @param queue
 *            the queue it waits in ({@code io.windbell.workorder.order.Queues})
 * @param assigneeEmployeeId
 *            the employee it is assigned to, or {@code null} when it waits in the queue (nobody on shift)
 * @param rule
 *            the routing rule that decided (e.g. {@code RELATIONSHIP_MANAGER}, {@code BRANCH_QUEUE},
 *            {@code REGION_QUEUE}, {@code CENTRAL_QUEUE}); goes into {@code workorder.assigned}
 * @param reason
 *            a sentence for the audit trail (e.g. "customer's relationship manager E1001 is on shift")
 * @param branchId
 *            the owning branch after routing (the queue's branch; the central branch for region and central queues
 *            keeps the original branch when known)
 * @param regionId
 *            the owning branch's region, if known
 */
public record RoutingDecision(String queue, String assigneeEmployeeId, String rule, String reason, String branchId,
        String regionId) {
}

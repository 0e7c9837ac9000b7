package io.windbell.workorder.access;

import java.util.List;

import io.windbell.workorder.order.Queues;
import io.windbell.workorder.order.WorkOrder;

/**
 * Which work orders one caller sees, as one rule in two forms: {@link #sees} for one order (detail, commands) and
 * {@link #filter} for a SQL {@code where} (lists, statistics, export). Both read the same four columns — owning branch,
 * region, queue and assignee — so {@code WorkOrderAccessTest} can check on a table of cases that they agree.
 *
 * @param employeeId
 *            the caller's {@code employee_id} claim (the assignee a frontline employee is); {@code null} for
 *            {@link Kind#ALL} callers without one
 * @param branchId
 *            set for {@link Kind#BRANCH} and {@link Kind#FRONTLINE}
 * @param regionId
 *            set for {@link Kind#REGION}; for a branch manager, their region when the token names it (manual orders)
 * @param actor
 *            who the audit trail names: the employee id, else the token's user name
 */
public record Viewer(Kind kind, String employeeId, String branchId, String regionId, String actor) {

    /** How far a caller sees. */
    public enum Kind {
        /** every order (cx-admin; cx-analyst for statistics) */
        ALL,
        /** the orders owned by branches of their region (regional-manager) */
        REGION,
        /** the orders owned by their branch (branch-manager) */
        BRANCH,
        /** the orders assigned to them now, and the unassigned ones waiting in their branch's queue (frontline) */
        FRONTLINE
    }

    /** A {@code where} condition with {@code ?} placeholders and their values, in order. */
    public record Condition(String sql, List<Object> parameters) {
    }

    /** Whether an order owned by {@code branch}/{@code region}, waiting in {@code queue}, assigned to … is visible. */
    public boolean sees(String branch, String region, String queue, String assignee) {
        return switch (kind) {
        case ALL -> true;
        case REGION -> regionId.equals(region);
        case BRANCH -> branchId.equals(branch);
        case FRONTLINE -> employeeId.equals(assignee) || assignee == null && Queues.branch(branchId).equals(queue);
        };
    }

    public boolean sees(WorkOrder order) {
        return sees(order.branchId, order.regionId, order.queue, order.assigneeEmployeeId);
    }

    /** The same rule as {@link #sees} over the columns of {@code work_order} aliased {@code alias}. */
    public Condition filter(String alias) {
        String a = alias + ".";
        return switch (kind) {
        case ALL -> new Condition("true", List.of());
        case REGION -> new Condition(a + "region_id = ?", List.of(regionId));
        case BRANCH -> new Condition(a + "branch_id = ?", List.of(branchId));
        case FRONTLINE -> new Condition(
                "(" + a + "assignee_employee_id = ? or (" + a + "assignee_employee_id is null and " + a + "queue = ?))",
                List.of(employeeId, Queues.branch(branchId)));
        };
    }

    /**
     * Whether the caller may work on a visible order (start, wait, resume, resolve, comment, contact, release,
     * escalate): a manager or admin any order they see, a frontline employee only the orders assigned to them.
     */
    public boolean mayWork(WorkOrder order) {
        return sees(order) && (kind != Kind.FRONTLINE || employeeId.equals(order.assigneeEmployeeId));
    }
}

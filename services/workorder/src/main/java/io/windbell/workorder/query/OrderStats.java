package io.windbell.workorder.query;

import java.util.Map;

import io.windbell.contracts.workorder.WorkOrderStatus;

/**
 * The numbers of one group of orders (one employee, branch, region, journey or type; or all of them): aggregates only,
 * never a customer id, so CX analysts may read them for every branch.
 *
 * @param group
 *            the group's key ({@code null} for "all", or for orders without one, e.g. unassigned)
 * @param byStatus
 *            how many orders are in each status now
 * @param backlog
 *            the open orders by wall-clock age now
 * @param recovery
 *            answered follow-ups that moved the customer out of detractor territory
 */
public record OrderStats(String group, long total, Map<WorkOrderStatus, Long> byStatus, Compliance firstResponse,
        Compliance resolution, Backlog backlog, Durations timeToFirstResponse, Durations timeToResolve, Rate recovery) {

    /**
     * SLA compliance of one target.
     *
     * @param due
     *            orders whose target is due (met already, or its time has passed)
     * @param met
     *            orders that met it: done by the due time and never flagged breached
     * @param rate
     *            met / due, {@code null} when nothing is due
     */
    public record Compliance(long due, long met, Double rate) {
    }

    /** Open orders by age: under 4 hours, 4 to 24 hours, 1 to 3 days, over 3 days. */
    public record Backlog(long under4h, long from4hTo24h, long from1dTo3d, long over3d) {
    }

    /**
     * Wall-clock durations in seconds from creation (SLA pauses included; the SLA's business time is in the breach
     * flags), over the {@code n} orders that got there.
     */
    public record Durations(long n, Double meanSeconds, Double p90Seconds) {
    }

    /** A share with its sample size: {@code rate = hits / n}, {@code null} when {@code n} is 0. */
    public record Rate(long n, long hits, Double rate) {

        public static Rate of(long n, long hits) {
            return new Rate(n, hits, n == 0 ? null : (double) hits / n);
        }
    }

    /** Statistics by this dimension. */
    public enum GroupBy {
        EMPLOYEE("w.assignee_employee_id"), BRANCH("w.branch_id"), REGION("w.region_id"), JOURNEY("w.journey_code"),
        TYPE("w.type");

        final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }
}

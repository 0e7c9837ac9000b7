package io.windbell.workorder.sla;

import java.time.Duration;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.WorkOrderType;

/**
 * The SLA of the orders it matches: first-response and resolution targets in business time, the share of a target at
 * which the assignee is warned, and how much more business time after a breach the order climbs from the branch manager
 * (level 1) to the regional manager (level 2). A {@code null} type, severity or tier matches anything.
 */
public record SlaPolicy(String code, WorkOrderType type, Severity severity, String tier, Duration firstResponse,
        Duration resolution, double warningShare, Duration escalateAfter) {

    /**
     * How specific the policy is: a type counts 4, a severity 2, a tier 1, so a type match outweighs a severity match,
     * which outweighs a tier match; the most specific matching policy wins.
     */
    public int specificity() {
        return (type == null ? 0 : 4) + (severity == null ? 0 : 2) + (tier == null ? 0 : 1);
    }

    public boolean matches(WorkOrderType orderType, Severity orderSeverity, String orderTier) {
        return (type == null || type == orderType) && (severity == null || severity == orderSeverity)
                && (tier == null || tier.equals(orderTier));
    }

    /** The business time into {@code target} at which the warning is due. */
    public Duration warningAfter(Duration target) {
        return Duration.ofMillis(Math.round(target.toMillis() * warningShare));
    }
}

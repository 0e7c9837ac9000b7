package io.windbell.workorder.sla;

import java.time.Instant;
import java.util.List;

import io.windbell.workorder.calendar.BusinessCalendar;
import io.windbell.workorder.order.WorkOrder;

/**
 * The arithmetic of the SLA clocks, in business time of the order's calendar, without Quarkus: due times and timers of
 * a new or reopened order, the shift after a pause, the second escalation, and whether a due timer still applies.
 */
public final class SlaSchedule {

    /** A timer to write: its kind and when it is due. */
    public record Due(SlaTimerKind kind, Instant at) {
    }

    /** The due times of a new order and its timers. */
    public record Started(Instant firstResponseDueAt, Instant resolutionDueAt, List<Due> timers) {
    }

    /** What a worker does with a due timer. */
    public enum Decision {
        /** it applies: warn, breach or escalate now */
        FIRE,
        /** it no longer applies (responded, resolved, closed, already at level 2): cancel it */
        DROP,
        /** the clock is paused: leave it, RESUME moves it */
        HOLD
    }

    private SlaSchedule() {
    }

    /** Both clocks from {@code createdAt}: due times, and a warning and a breach timer for each. */
    public static Started start(BusinessCalendar calendar, SlaPolicy policy, Instant createdAt) {
        Instant firstDue = calendar.plus(createdAt, policy.firstResponse());
        Instant firstWarning = calendar.plus(createdAt, policy.warningAfter(policy.firstResponse()));
        List<Due> resolution = resolution(calendar, policy, createdAt);
        return new Started(firstDue, resolution.getLast().at(),
                List.of(new Due(SlaTimerKind.FIRST_RESPONSE_WARNING, firstWarning),
                        new Due(SlaTimerKind.FIRST_RESPONSE_BREACH, firstDue), resolution.getFirst(),
                        resolution.getLast()));
    }

    /** The resolution clock from {@code from} (a new order, or a reopened one): its warning, then its breach. */
    public static List<Due> resolution(BusinessCalendar calendar, SlaPolicy policy, Instant from) {
        return List.of(
                new Due(SlaTimerKind.RESOLUTION_WARNING, calendar.plus(from, policy.warningAfter(policy.resolution()))),
                new Due(SlaTimerKind.RESOLUTION_BREACH, calendar.plus(from, policy.resolution())));
    }

    /** {@code due} moved by the business time between {@code pausedSince} and {@code resumedAt}. */
    public static Instant shift(BusinessCalendar calendar, Instant due, Instant pausedSince, Instant resumedAt) {
        return calendar.plus(due, calendar.between(pausedSince, resumedAt));
    }

    /** When level 1 (at {@code breachedAt}) becomes level 2: {@code escalateAfter} more business time. */
    public static Instant escalation(BusinessCalendar calendar, SlaPolicy policy, Instant breachedAt) {
        return calendar.plus(breachedAt, policy.escalateAfter());
    }

    /** Whether a due timer of {@code kind} still applies to the order as it is now. */
    public static Decision decide(SlaTimerKind kind, WorkOrder order) {
        if (!order.isOpen()) {
            return Decision.DROP;
        }
        if (kind.target() == io.windbell.contracts.workorder.WorkOrderSlaWarning.Target.FIRST_RESPONSE
                && order.firstRespondedAt != null) {
            return Decision.DROP;
        }
        if (kind == SlaTimerKind.ESCALATION_LEVEL_2 && order.escalationLevel >= 2) {
            return Decision.DROP;
        }
        return order.slaPausedSince != null ? Decision.HOLD : Decision.FIRE;
    }
}

package io.windbell.workorder.sla;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.workorder.calendar.BusinessCalendar;
import io.windbell.workorder.calendar.BusinessCalendars;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrderObserver;
import io.windbell.workorder.order.WorkOrders;

/**
 * The SLA clocks of every order, following each change in the order's own transaction (so its timers commit with it):
 * opening picks the policy and sets both due times in business time of the region's calendar; START stops the
 * first-response clock; PENDING_CUSTOMER pauses and RESUME moves the due times and timers by the business time paused;
 * RESOLVE, CLOSE and CANCEL stop the clocks; REOPEN restarts the resolution clock from now. Runs before the other
 * observers ({@link #PRIORITY}), so that they see the due times.
 */
@ApplicationScoped
@Priority(SlaClock.PRIORITY)
public class SlaClock implements WorkOrderObserver {

    /** Lower runs first: before special tasks. */
    public static final int PRIORITY = 100;

    private static final Set<SlaTimerKind> FIRST_RESPONSE = EnumSet.of(SlaTimerKind.FIRST_RESPONSE_WARNING,
            SlaTimerKind.FIRST_RESPONSE_BREACH);
    private static final Set<SlaTimerKind> ALL = EnumSet.allOf(SlaTimerKind.class);
    private static final String PENDING = "workOrderId = ?1 and firedAt is null and cancelled = false";

    private final SlaPolicyCatalog policies;
    private final BusinessCalendars calendars;

    public SlaClock(SlaPolicyCatalog policies, BusinessCalendars calendars) {
        this.policies = policies;
        this.calendars = calendars;
    }

    @Override
    public Uni<Void> opened(WorkOrder order, Instant now) {
        Optional<SlaPolicyCatalog.Timed> timed = policies.pick(order);
        if (timed.isEmpty()) {
            order.slaPolicy = WorkOrders.NO_SLA;
            return Uni.createFrom().voidItem();
        }
        SlaSchedule.Started started = SlaSchedule.start(calendars.forRegion(order.regionId), timed.get().policy(),
                order.createdAt);
        order.slaPolicy = timed.get().reference();
        order.firstResponseDueAt = started.firstResponseDueAt();
        order.resolutionDueAt = started.resolutionDueAt();
        return write(order, started.timers());
    }

    @Override
    public Uni<Void> moved(WorkOrder order, WorkOrderStatus from, Lifecycle.Action action, Instant now) {
        if (order.slaPolicy == null || WorkOrders.NO_SLA.equals(order.slaPolicy)) {
            return Uni.createFrom().voidItem();
        }
        return switch (action) {
        case START -> responded(order);
        case WAIT_FOR_CUSTOMER -> {
            order.slaPausedSince = now;
            yield Uni.createFrom().voidItem();
        }
        case RESUME -> resumed(order, now);
        case RESOLVE -> {
            // a clock paused when the order is resolved stopped when it paused
            Instant stopped = order.slaPausedSince != null ? order.slaPausedSince : now;
            order.resolutionBreached |= order.resolutionDueAt != null && stopped.isAfter(order.resolutionDueAt);
            order.slaPausedSince = null;
            yield cancel(order, ALL);
        }
        case CLOSE, CANCEL -> {
            order.slaPausedSince = null;
            yield cancel(order, ALL);
        }
        case REOPEN -> reopened(order, now);
        case ASSIGN, RELEASE -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> responded(WorkOrder order) {
        if (order.firstResponseDueAt != null && order.firstRespondedAt != null) {
            order.firstResponseBreached |= order.firstRespondedAt.isAfter(order.firstResponseDueAt);
        }
        return cancel(order, FIRST_RESPONSE);
    }

    private Uni<Void> resumed(WorkOrder order, Instant now) {
        Instant pausedSince = order.slaPausedSince;
        order.slaPausedSince = null;
        if (pausedSince == null) {
            return Uni.createFrom().voidItem();
        }
        BusinessCalendar calendar = calendars.forRegion(order.regionId);
        if (order.resolutionDueAt != null) {
            order.resolutionDueAt = SlaSchedule.shift(calendar, order.resolutionDueAt, pausedSince, now);
        }
        if (order.firstRespondedAt == null && order.firstResponseDueAt != null) {
            order.firstResponseDueAt = SlaSchedule.shift(calendar, order.firstResponseDueAt, pausedSince, now);
        }
        return SlaTimer.<SlaTimer> list(PENDING, order.id)
                .invoke(timers -> timers
                        .forEach(timer -> timer.dueAt = SlaSchedule.shift(calendar, timer.dueAt, pausedSince, now)))
                .replaceWithVoid();
    }

    private Uni<Void> reopened(WorkOrder order, Instant now) {
        Optional<SlaPolicyCatalog.Timed> timed = policies.of(order);
        order.slaPausedSince = null;
        if (timed.isEmpty()) {
            return cancel(order, ALL);
        }
        List<SlaSchedule.Due> clock = SlaSchedule.resolution(calendars.forRegion(order.regionId), timed.get().policy(),
                now);
        order.resolutionDueAt = clock.getLast().at();
        return cancel(order, ALL).chain(() -> write(order, clock));
    }

    private static Uni<Void> cancel(WorkOrder order, Set<SlaTimerKind> kinds) {
        return SlaTimer.update("cancelled = true where " + PENDING + " and kind in ?2", order.id, kinds)
                .replaceWithVoid();
    }

    private static Uni<Void> write(WorkOrder order, List<SlaSchedule.Due> timers) {
        return SlaTimer.persist(timers.stream().map(due -> SlaTimer.of(order.id, due.kind(), due.at())));
    }
}

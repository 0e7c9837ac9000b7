package io.windbell.workorder.sla;

import static io.windbell.workorder.sla.Orders.cn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.alert.Severity;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The SLA clock on real orders (CN: Mon–Fri 09:00–12:00, 13:00–17:30, 2026 holidays; the seeded policies). Every due
 * time is worked out by hand in the comment above it.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class SlaClockTest {

    @Inject
    WorkOrders workOrders;

    private Orders orders;

    @BeforeEach
    void fixtures() {
        orders = new Orders(workOrders);
    }

    @Test
    void anOrderOpenedOnFridayAfternoonIsDueOnMonday() throws Throwable {
        // RECOVERY-MEDIUM: first response PT4H, resolution PT24H, warning at 0.8
        WorkOrder order = orders.open(Severity.MEDIUM, "B-sla-clock-1", cn("2026-03-06T16:00"));
        WorkOrder stored = Orders.find(order.id);
        assertThat(stored.slaPolicy).startsWith("RECOVERY-MEDIUM@");
        // Fri 16:00–17:30 1.5 h; Mon 03-09 09:00 + 2.5 h = 11:30
        assertThat(stored.firstResponseDueAt).isEqualTo(cn("2026-03-09T11:30"));
        // 24 h: Fri 1.5, Mon 7.5 (9), Tue 7.5 (16.5), Wed 7.5 (24): Wed 03-11 closing time 17:30
        assertThat(stored.resolutionDueAt).isEqualTo(cn("2026-03-11T17:30"));
        // warnings: 3h12m = Fri 1.5 h + Mon 09:00 + 1h42m = 10:42; 19h12m = 16.5 h + Wed 09:00 + 2h42m = 11:42
        assertThat(dueTimes(order.id)).isEqualTo(Map.of(SlaTimerKind.FIRST_RESPONSE_WARNING, cn("2026-03-09T10:42"),
                SlaTimerKind.FIRST_RESPONSE_BREACH, cn("2026-03-09T11:30"), SlaTimerKind.RESOLUTION_WARNING,
                cn("2026-03-11T11:42"), SlaTimerKind.RESOLUTION_BREACH, cn("2026-03-11T17:30")));
    }

    @Test
    void aTargetAcrossNationalDayIsDueAfterTheHolidayWeek() throws Throwable {
        // RECOVERY-CRITICAL: PT1H / PT8H
        WorkOrder order = orders.open(Severity.CRITICAL, "B-sla-clock-2", cn("2026-09-30T16:00"));
        WorkOrder stored = Orders.find(order.id);
        // 16:00 + 1 h = 17:00 the same day
        assertThat(stored.firstResponseDueAt).isEqualTo(cn("2026-09-30T17:00"));
        // Wed 1.5 h; 10-01..10-07 off; Thu 10-08 09–12 (4.5), 13:00 + 3.5 h = 16:30
        assertThat(stored.resolutionDueAt).isEqualTo(cn("2026-10-08T16:30"));
    }

    @Test
    void startingStopsTheFirstResponseClockAndAPauseMovesTheResolutionClock() throws Throwable {
        // RECOVERY-HIGH: PT2H / PT16H from Mon 03-16 09:00
        WorkOrder order = orders.open(Severity.HIGH, "B-sla-clock-3", cn("2026-03-16T09:00"));
        // resolution: Mon 7.5, Tue 7.5 (15), Wed 09:00 + 1 h = 10:00
        assertThat(Orders.find(order.id).resolutionDueAt).isEqualTo(cn("2026-03-18T10:00"));
        orders.move(order.id, Lifecycle.Action.ASSIGN, cn("2026-03-16T09:05"));
        orders.move(order.id, Lifecycle.Action.START, cn("2026-03-16T09:30"));
        WorkOrder started = Orders.find(order.id);
        assertThat(started.firstResponseBreached).isFalse(); // 09:30 is before 11:00
        assertThat(pending(order.id)).doesNotContainKeys(SlaTimerKind.FIRST_RESPONSE_WARNING,
                SlaTimerKind.FIRST_RESPONSE_BREACH);

        orders.move(order.id, Lifecycle.Action.WAIT_FOR_CUSTOMER, cn("2026-03-16T10:00"));
        assertThat(Orders.find(order.id).slaPausedSince).isEqualTo(cn("2026-03-16T10:00"));
        // paused 10:00–13:00: 10–12 is 2 business hours, lunch is none
        orders.move(order.id, Lifecycle.Action.RESUME, cn("2026-03-16T13:00"));
        WorkOrder resumed = Orders.find(order.id);
        assertThat(resumed.slaPausedSince).isNull();
        // Wed 10:00 + 2 h = 12:00 (closing of the morning)
        assertThat(resumed.resolutionDueAt).isEqualTo(cn("2026-03-18T12:00"));
        // the warning at 12h48m (Mon 7.5, Tue 09:00–12:00 3 h, 13:00 + 2h18m = 15:18) moves 2 h to Tue 17:18
        assertThat(pending(order.id)).isEqualTo(Map.of(SlaTimerKind.RESOLUTION_WARNING, cn("2026-03-17T17:18"),
                SlaTimerKind.RESOLUTION_BREACH, cn("2026-03-18T12:00")));
    }

    @Test
    void resolvingStopsTheClocksAndReopeningRestartsTheResolutionClock() throws Throwable {
        WorkOrder order = orders.open(Severity.HIGH, "B-sla-clock-4", cn("2026-03-16T09:00"));
        orders.move(order.id, Lifecycle.Action.ASSIGN, cn("2026-03-16T09:05"));
        orders.move(order.id, Lifecycle.Action.START, cn("2026-03-16T09:10"));
        orders.move(order.id, Lifecycle.Action.RESOLVE, cn("2026-03-16T11:00"));
        assertThat(pending(order.id)).isEmpty();
        assertThat(Orders.find(order.id).resolutionBreached).isFalse();

        // reopened Thu 03-19 15:00: 16 h from then: Thu 2.5, Fri 7.5 (10), Mon 03-23 09–12 (13), 13:00 + 3 h = 16:00
        orders.move(order.id, Lifecycle.Action.REOPEN, cn("2026-03-19T15:00"));
        assertThat(Orders.find(order.id).resolutionDueAt).isEqualTo(cn("2026-03-23T16:00"));
        assertThat(pending(order.id)).containsEntry(SlaTimerKind.RESOLUTION_BREACH, cn("2026-03-23T16:00"))
                .containsOnlyKeys(SlaTimerKind.RESOLUTION_WARNING, SlaTimerKind.RESOLUTION_BREACH);
    }

    @Test
    void respondingLateRecordsTheBreachedFirstResponse() throws Throwable {
        // CRITICAL: first response due 10:00; started at 10:30
        WorkOrder order = orders.open(Severity.CRITICAL, "B-sla-clock-5", cn("2026-03-16T09:00"));
        orders.move(order.id, Lifecycle.Action.ASSIGN, cn("2026-03-16T09:05"));
        orders.move(order.id, Lifecycle.Action.START, cn("2026-03-16T10:30"));
        assertThat(Orders.find(order.id).firstResponseBreached).isTrue();
    }

    private static Map<SlaTimerKind, java.time.Instant> dueTimes(UUID id) throws Throwable {
        return Orders.timers(id).stream().collect(Collectors.toMap(t -> t.kind, t -> t.dueAt));
    }

    private static Map<SlaTimerKind, java.time.Instant> pending(UUID id) throws Throwable {
        List<SlaTimer> timers = Orders.timers(id);
        return timers.stream().filter(t -> t.firedAt == null && !t.cancelled)
                .collect(Collectors.toMap(t -> t.kind, t -> t.dueAt));
    }
}

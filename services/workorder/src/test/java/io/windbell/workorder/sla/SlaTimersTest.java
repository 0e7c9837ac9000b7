package io.windbell.workorder.sla;

import static io.windbell.workorder.sla.Orders.cn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderSlaWarning;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * Durable SLA timers fired by {@link SlaTimers#fireDue} with a chosen now (the periodic worker is off in tests; the
 * batch is 5): two replicas never fire a timer twice, a paused order's timers wait, and a warning, a breach and two
 * escalations arrive in order as schema-valid events. Orders are RECOVERY CRITICAL (first response PT1H, warned at 0.8
 * = 48 min; escalate-after PT2H) on the CN calendar.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
@TestProfile(SlaTimersTest.WithManagers.class)
class SlaTimersTest {

    /** Branch {@value ManagersOfTestBranches#MANAGED} has managers in the directory, other branches none. */
    public static class WithManagers implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ManagersOfTestBranches.class);
        }
    }

    @Inject
    WorkOrders workOrders;
    @Inject
    SlaTimers timers;

    private Orders orders;

    @BeforeEach
    void fixtures() {
        orders = new Orders(workOrders);
    }

    @Test
    void twoReplicasFireEachOfTwentyTimersExactlyOnce() throws Throwable {
        // Mon 04-13 09:00: the first-response warnings are due at 09:48
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(orders.open(Severity.CRITICAL, "B-sla-many", cn("2026-04-13T09:00")).id);
        }
        Set<String> keys = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            Instant now = cn("2026-04-13T09:50");
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> replica = () -> fireUntilNothingIsDue(now);
                List<Future<Integer>> claimed = replicas.invokeAll(List.of(replica, replica));
                for (Future<Integer> each : claimed) {
                    each.get();
                }
            } finally {
                replicas.shutdown();
            }
            for (UUID id : ids) {
                assertThat(Orders.history(id, HistoryEntry.Action.SLA_WARNING)).hasSize(1);
                assertThat(Orders.timers(id)).filteredOn(t -> t.kind == SlaTimerKind.FIRST_RESPONSE_WARNING)
                        .singleElement().satisfies(t -> assertThat(t.firedAt).isEqualTo(now));
            }
            List<ConsumerRecord<String, byte[]>> warnings = probe.await(
                    r -> keys.contains(r.key()) && WorkOrderSlaWarning.TYPE.equals(Orders.type(r)), 20,
                    Duration.ofSeconds(30));
            assertThat(warnings).hasSize(20);
            warnings.forEach(r -> ContractAssertions.assertValid(EventType.WORKORDER_SLA_WARNING, r.value()));
        }
    }

    @Test
    void aPausedOrdersTimersDoNotFire() throws Throwable {
        WorkOrder order = orders.open(Severity.HIGH, "B-sla-paused", cn("2026-04-20T09:00"));
        orders.move(order.id, Lifecycle.Action.ASSIGN, cn("2026-04-20T09:01"));
        orders.move(order.id, Lifecycle.Action.START, cn("2026-04-20T09:02"));
        orders.move(order.id, Lifecycle.Action.WAIT_FOR_CUSTOMER, cn("2026-04-20T09:03"));

        // long after the resolution target (Wed 04-22 10:00)
        fireUntilNothingIsDue(cn("2026-04-30T12:00"));

        assertThat(Orders.history(order.id)).doesNotContain(HistoryEntry.Action.SLA_WARNING,
                HistoryEntry.Action.SLA_BREACHED, HistoryEntry.Action.ESCALATED);
        assertThat(Orders.timers(order.id)).filteredOn(t -> t.kind.target() == WorkOrderSlaWarning.Target.RESOLUTION)
                .hasSize(2).allSatisfy(t -> {
                    assertThat(t.firedAt).isNull();
                    assertThat(t.cancelled).isFalse();
                });
        WorkOrder stored = Orders.find(order.id);
        assertThat(stored.resolutionBreached).isFalse();
        assertThat(stored.escalationLevel).isZero();
    }

    @Test
    void aWarningThenABreachThenTheSecondLevelArriveInOrder() throws Throwable {
        WorkOrder managed = orders.open(Severity.CRITICAL, ManagersOfTestBranches.MANAGED, cn("2026-04-14T09:00"));
        WorkOrder unmanaged = orders.open(Severity.CRITICAL, "B-sla-nobody", cn("2026-04-14T09:00"));
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            // 09:48 warning; 10:00 breach → level 1; 10:01 + PT2H of business time = 12:00 then 13:00 + 1 min
            fireUntilNothingIsDue(cn("2026-04-14T09:50"));
            fireUntilNothingIsDue(cn("2026-04-14T10:01"));
            fireUntilNothingIsDue(cn("2026-04-14T13:02"));

            List<ConsumerRecord<String, byte[]>> events = probe.await(r -> r.key().equals(managed.id.toString()), 4,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(Orders::type).containsExactly(WorkOrderCreated.TYPE, WorkOrderSlaWarning.TYPE,
                    WorkOrderEscalated.TYPE, WorkOrderEscalated.TYPE);
            ContractAssertions.assertValid(EventType.WORKORDER_CREATED, events.get(0).value());
            ContractAssertions.assertValid(EventType.WORKORDER_SLA_WARNING, events.get(1).value());
            ContractAssertions.assertValid(EventType.WORKORDER_ESCALATED, events.get(2).value());
            ContractAssertions.assertValid(EventType.WORKORDER_ESCALATED, events.get(3).value());

            // the order without managers: its created and warning events, no escalation event
            probe.await(r -> r.key().equals(unmanaged.id.toString()), 2, Duration.ofSeconds(30));
            assertThat(probe.seen()).filteredOn(r -> r.key().equals(unmanaged.id.toString())).extracting(Orders::type)
                    .doesNotContain(WorkOrderEscalated.TYPE);
        }
        WorkOrder escalated = Orders.find(managed.id);
        assertThat(escalated.firstResponseBreached).isTrue();
        assertThat(escalated.escalationLevel).isEqualTo(2);
        assertThat(escalated.escalatedToEmployeeId).isEqualTo("E0201");
        assertThat(Orders.history(managed.id)).containsSubsequence(HistoryEntry.Action.SLA_WARNING,
                HistoryEntry.Action.SLA_BREACHED, HistoryEntry.Action.ESCALATED, HistoryEntry.Action.ESCALATED);
        assertThat(Orders.timers(managed.id)).filteredOn(t -> t.kind == SlaTimerKind.ESCALATION_LEVEL_2).singleElement()
                .satisfies(t -> {
                    assertThat(t.dueAt).isEqualTo(cn("2026-04-14T13:01"));
                    assertThat(t.firedAt).isEqualTo(cn("2026-04-14T13:02"));
                });

        WorkOrder nobody = Orders.find(unmanaged.id);
        assertThat(nobody.firstResponseBreached).isTrue();
        assertThat(nobody.escalationLevel).isEqualTo(2);
        assertThat(nobody.escalatedToEmployeeId).isNull();
        assertThat(Orders.history(unmanaged.id, HistoryEntry.Action.ESCALATED)).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.detail).containsEntry("note", SlaTimers.NO_MANAGER));
    }

    /** One replica's worker: claims batches until nothing is due; how many timers it claimed. */
    private int fireUntilNothingIsDue(Instant now) throws Exception {
        int total = 0;
        int claimed;
        do {
            claimed = fireOnce(now);
            total += claimed;
        } while (claimed > 0);
        return total;
    }

    private int fireOnce(Instant now) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> timers.fireDue(now));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}

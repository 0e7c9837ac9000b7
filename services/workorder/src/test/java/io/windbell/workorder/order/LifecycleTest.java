package io.windbell.workorder.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.platform.problem.ProblemException;

/** Every action from every status: the legal ones land where the table says, the others are 409 problems. */
class LifecycleTest {

    private static final WorkOrderStatus OPEN = WorkOrderStatus.OPEN;
    private static final WorkOrderStatus ASSIGNED = WorkOrderStatus.ASSIGNED;
    private static final WorkOrderStatus IN_PROGRESS = WorkOrderStatus.IN_PROGRESS;
    private static final WorkOrderStatus PENDING = WorkOrderStatus.PENDING_CUSTOMER;
    private static final WorkOrderStatus RESOLVED = WorkOrderStatus.RESOLVED;
    private static final WorkOrderStatus CLOSED = WorkOrderStatus.CLOSED;

    /** action → (from → to), written out by hand from the state machine; everything else is illegal. */
    private static final Map<Lifecycle.Action, Map<WorkOrderStatus, WorkOrderStatus>> LEGAL = Map.of(
            Lifecycle.Action.ASSIGN,
            Map.of(OPEN, ASSIGNED, ASSIGNED, ASSIGNED, IN_PROGRESS, ASSIGNED, PENDING, ASSIGNED),
            Lifecycle.Action.RELEASE, Map.of(ASSIGNED, OPEN, IN_PROGRESS, OPEN, PENDING, OPEN), Lifecycle.Action.START,
            Map.of(ASSIGNED, IN_PROGRESS), Lifecycle.Action.WAIT_FOR_CUSTOMER, Map.of(IN_PROGRESS, PENDING),
            Lifecycle.Action.RESUME, Map.of(PENDING, IN_PROGRESS), Lifecycle.Action.RESOLVE,
            Map.of(IN_PROGRESS, RESOLVED, PENDING, RESOLVED), Lifecycle.Action.CLOSE, Map.of(RESOLVED, CLOSED),
            Lifecycle.Action.CANCEL, Map.of(OPEN, CLOSED, ASSIGNED, CLOSED), Lifecycle.Action.REOPEN,
            Map.of(RESOLVED, ASSIGNED, CLOSED, ASSIGNED));

    @Test
    void theTableCoversEveryAction() {
        assertThat(LEGAL.keySet()).isEqualTo(EnumSet.allOf(Lifecycle.Action.class));
    }

    @Test
    void everyLegalTransitionLandsWhereTheTableSays() {
        int checked = 0;
        for (var action : LEGAL.entrySet()) {
            for (var move : action.getValue().entrySet()) {
                assertThat(Lifecycle.next(move.getKey(), action.getKey()))
                        .as(action.getKey() + " from " + move.getKey()).isEqualTo(move.getValue());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(17);
    }

    @Test
    void everyOtherTransitionIsA409Problem() {
        int checked = 0;
        for (Lifecycle.Action action : Lifecycle.Action.values()) {
            Set<WorkOrderStatus> legalFrom = LEGAL.get(action).keySet();
            for (WorkOrderStatus from : WorkOrderStatus.values()) {
                if (legalFrom.contains(from)) {
                    continue;
                }
                assertThatThrownBy(() -> Lifecycle.next(from, action)).as(action + " from " + from)
                        .isInstanceOfSatisfying(ProblemException.class, e -> {
                            assertThat(e.problem().status()).isEqualTo(409);
                            assertThat(e.problem().type()).endsWith("/illegal-transition");
                        });
                checked++;
            }
        }
        // 9 actions x 6 statuses, less the 17 legal ones
        assertThat(checked).isEqualTo(54 - 17);
    }

    @Test
    void reopenClearsTheOutcomeAndStartStampsTheFirstResponseOnce() {
        WorkOrder order = new WorkOrder();
        order.status = ASSIGNED;
        java.time.Instant t1 = java.time.Instant.parse("2026-03-02T01:00:00Z");
        java.time.Instant t2 = java.time.Instant.parse("2026-03-02T02:00:00Z");
        order.apply(Lifecycle.Action.START, t1);
        order.apply(Lifecycle.Action.RESOLVE, t2);
        order.outcome = io.windbell.contracts.workorder.WorkOrderResolved.RecoveryOutcome.RECOVERED;
        order.apply(Lifecycle.Action.REOPEN, t2);
        order.apply(Lifecycle.Action.START, t2);
        assertThat(order.status).isEqualTo(IN_PROGRESS);
        assertThat(order.firstRespondedAt).isEqualTo(t1);
        assertThat(order.resolvedAt).isNull();
        assertThat(order.outcome).isNull();
    }
}

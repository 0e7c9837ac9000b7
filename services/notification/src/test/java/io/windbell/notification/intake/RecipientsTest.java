package io.windbell.notification.intake;

import static io.windbell.notification.support.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderResolved;
import io.windbell.contracts.workorder.WorkOrderSlaWarning;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.notification.intake.Notice.Employee;
import io.windbell.notification.intake.Notice.Level;
import io.windbell.notification.intake.Notice.Queue;
import io.windbell.notification.intake.Notice.Role;
import io.windbell.notification.support.Orders;

class RecipientsTest {

    private static final Instant AT = Instant.parse("2025-11-19T08:00:00Z");

    @Test
    void aCreatedOrderGoesToItsAssigneeAtTheLevelOfItsPriority() {
        assertThat(notices(new WorkOrderCreated(order("B001", "E0001", Priority.NORMAL), "STD")))
                .containsExactly(new Notice(new Employee("E0001"), Level.NORMAL, false, Role.ASSIGNEE));
        assertThat(notices(new WorkOrderCreated(order("B001", "E0001", Priority.HIGH), "STD")))
                .containsExactly(new Notice(new Employee("E0001"), Level.HIGH, false, Role.ASSIGNEE));
        assertThat(notices(new WorkOrderCreated(order("B001", "E0001", Priority.LOW), "STD")))
                .containsExactly(new Notice(new Employee("E0001"), Level.LOW, false, Role.ASSIGNEE));
    }

    @Test
    void anUrgentOrderIsCritical() {
        assertThat(notices(new WorkOrderCreated(order("B001", "E0001", Priority.URGENT), "STD")))
                .containsExactly(new Notice(new Employee("E0001"), Level.HIGH, true, Role.ASSIGNEE));
        assertThat(notices(new WorkOrderAssigned(order("B001", "E0002", Priority.URGENT), "E0001", null, null, AT)))
                .containsExactly(new Notice(new Employee("E0002"), Level.HIGH, true, Role.ASSIGNEE));
    }

    @Test
    void anUnassignedOrderGoesToItsBranchQueueOrTheCentralOne() {
        assertThat(notices(new WorkOrderCreated(order("B002", null, Priority.NORMAL), "STD")))
                .containsExactly(new Notice(new Queue("B002"), Level.NORMAL, false, Role.QUEUE));
        assertThat(notices(new WorkOrderCreated(order(null, null, Priority.NORMAL), "STD")))
                .containsExactly(new Notice(new Queue("HQ"), Level.NORMAL, false, Role.QUEUE));
    }

    @Test
    void anEscalationTellsTheTargetAndInformsTheAssignee() {
        WorkOrderSummary order = Orders.escalated(order("B001", "E0001", Priority.NORMAL), 1);
        assertThat(notices(escalation(order, WorkOrderEscalated.Reason.SLA_BREACHED, "E0101"))).containsExactly(
                new Notice(new Employee("E0101"), Level.HIGH, true, Role.ESCALATION_TARGET),
                new Notice(new Employee("E0001"), Level.NORMAL, false, Role.INFORMED));
        assertThat(
                notices(escalation(order, WorkOrderEscalated.Reason.CUSTOMER_COMPLAINT, "E0101")).getFirst().critical())
                        .isTrue();
        assertThat(notices(escalation(order, WorkOrderEscalated.Reason.SLA_AT_RISK, "E0101")))
                .extracting(Notice::critical).containsExactly(false, false);
        assertThat(notices(escalation(order, WorkOrderEscalated.Reason.MANUAL, "E0101")).getFirst().critical())
                .isFalse();
    }

    @Test
    void anEscalationOfAnUrgentOrderIsCriticalForTheTargetOnlyAndNamesAnEmployeeOnce() {
        WorkOrderSummary urgent = order("B001", "E0001", Priority.URGENT);
        assertThat(notices(escalation(urgent, WorkOrderEscalated.Reason.MANUAL, "E0101"))).extracting(Notice::critical)
                .containsExactly(true, false);
        WorkOrderSummary ownManager = order("B001", "E0101", Priority.NORMAL);
        assertThat(notices(escalation(ownManager, WorkOrderEscalated.Reason.SLA_BREACHED, "E0101")))
                .containsExactly(new Notice(new Employee("E0101"), Level.HIGH, true, Role.ESCALATION_TARGET));
    }

    @Test
    void warningsAndReopeningsAreHighClosingsLow() {
        WorkOrderSummary low = order("B001", "E0001", Priority.LOW);
        assertThat(notices(new WorkOrderSlaWarning(low, WorkOrderSlaWarning.Target.RESOLUTION, AT, 0.8, AT)))
                .containsExactly(new Notice(new Employee("E0001"), Level.HIGH, false, Role.ASSIGNEE));
        assertThat(notices(new WorkOrderSlaWarning(order("B003", null, Priority.NORMAL),
                WorkOrderSlaWarning.Target.FIRST_RESPONSE, AT, 0.8, AT)))
                        .containsExactly(new Notice(new Queue("B003"), Level.HIGH, false, Role.QUEUE));
        assertThat(notices(new WorkOrderReopened(low, WorkOrderReopened.Reason.FOLLOW_UP_LOW_SCORE, AT, null, null)))
                .containsExactly(new Notice(new Employee("E0001"), Level.HIGH, false, Role.ASSIGNEE));
        WorkOrderSummary urgent = order("B001", "E0001", Priority.URGENT);
        assertThat(notices(new WorkOrderClosed(urgent, WorkOrderClosed.Reason.CONFIRMED, AT, null, null)))
                .containsExactly(new Notice(new Employee("E0001"), Level.LOW, false, Role.ASSIGNEE));
    }

    @Test
    void nobodyIsToldOfAResolutionOrOfAnAssignmentWithoutAssignee() {
        assertThat(StaffEvent.of(UUID.randomUUID(), new WorkOrderResolved(order("B001", "E0001", Priority.NORMAL), AT,
                "E0001", WorkOrderResolved.RecoveryOutcome.RECOVERED, null, null, true, false))).isNull();
        assertThat(notices(new WorkOrderAssigned(order("B001", null, Priority.NORMAL), "E0001", null, null, AT)))
                .isEmpty();
        assertThat(notices(new WorkOrderClosed(order("B001", null, Priority.NORMAL), WorkOrderClosed.Reason.CANCELLED,
                AT, null, null))).isEmpty();
    }

    private static WorkOrderEscalated escalation(WorkOrderSummary order, WorkOrderEscalated.Reason reason, String to) {
        return new WorkOrderEscalated(order, reason, to, AT);
    }

    private static java.util.List<Notice> notices(EventPayload payload) {
        return Recipients.of(StaffEvent.of(UUID.randomUUID(), payload), "HQ");
    }
}

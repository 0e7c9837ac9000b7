package io.windbell.workorder.special;

import static io.windbell.workorder.special.SpecialFixtures.casesOf;
import static io.windbell.workorder.special.SpecialFixtures.history;
import static io.windbell.workorder.special.SpecialFixtures.order;
import static io.windbell.workorder.special.SpecialFixtures.tasksOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderResolved.RootCause;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * Recurring recovery cases become a special task (min-cases 5, window P7D, due in P14D, as configured): at the fifth
 * case of a touchpoint, not before; later cases join it; cases outside the window do not count; a root cause shared at
 * resolution makes a pattern of its own.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class PatternDetectorTest {

    @Inject
    WorkOrders workOrders;

    SpecialFixtures fixtures;
    Instant now;
    String suffix;
    String branch;

    @BeforeEach
    void fresh() {
        fixtures = new SpecialFixtures(workOrders);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        suffix = SpecialFixtures.unique();
        branch = "BSP" + suffix;
    }

    @Test
    void theFifthCaseAtATouchpointProposesOneTaskWithAllFiveLinkedAndTheSixthJoinsIt() {
        String touchpoint = "wealth.risk_" + suffix;
        String error = "RISK_TIMEOUT_" + suffix.toUpperCase(Locale.ROOT);
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(caseAt(touchpoint, error, now.minus(Duration.ofHours(4 - i))).id);
        }
        assertThat(tasksOf("touchpoint:" + touchpoint)).as("four cases are no pattern yet").isEmpty();

        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            WorkOrder fifth = caseAt(touchpoint, error, now);
            cases.add(fifth.id);

            List<SpecialTask> tasks = tasksOf("touchpoint:" + touchpoint);
            assertThat(tasks).hasSize(1);
            WorkOrder task = order(tasks.getFirst().workOrderId);
            assertThat(task.type).isEqualTo(WorkOrderType.SPECIAL_TASK);
            assertThat(task.origin).isEqualTo(WorkOrderOrigin.RECURRING_PATTERN);
            assertThat(task.priority).isEqualTo(Priority.HIGH);
            assertThat(task.title).isEqualTo("5 recovery cases at " + touchpoint + " (" + error + ") in 7 days");
            assertThat(task.ownerDepartment).isEqualTo("Wealth Management Dept");
            assertThat(task.dueDate).isEqualTo(LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")).plusDays(14));
            assertThat(task.customerId).isNull();
            // all five cases are of one branch and region: the task is theirs
            assertThat(task.branchId).isEqualTo(branch);
            assertThat(task.regionId).isEqualTo("RSP");
            assertThat(casesOf(task.id)).extracting(c -> c.id).containsExactlyInAnyOrderElementsOf(cases);
            for (UUID id : cases) {
                assertThat(history(id)).contains(HistoryEntry.Action.LINKED_TO_SPECIAL_TASK);
            }
            assertThat(history(task.id)).contains(HistoryEntry.Action.CREATED,
                    HistoryEntry.Action.LINKED_TO_SPECIAL_TASK);

            List<ConsumerRecord<String, byte[]>> created = probe
                    .await(SpecialFixtures.event(task.id, WorkOrderCreated.TYPE), 1, Duration.ofSeconds(30));
            ContractAssertions.assertValid(EventType.WORKORDER_CREATED, created.getFirst().value());

            WorkOrder sixth = caseAt(touchpoint, null, now.plusSeconds(60));
            assertThat(order(sixth.id).specialTaskId).as("the sixth joins the open task").isEqualTo(task.id);
            assertThat(tasksOf("touchpoint:" + touchpoint)).hasSize(1);
            assertThat(casesOf(task.id)).hasSize(6);
        }
    }

    @Test
    void casesOutsideTheWindowDoNotCount() {
        String touchpoint = "transfer.submit_" + suffix;
        for (int i = 0; i < 3; i++) {
            caseAt(touchpoint, null, now.minus(Duration.ofDays(8)).plusSeconds(i));
        }
        caseAt(touchpoint, null, now.minus(Duration.ofDays(6)));
        caseAt(touchpoint, null, now);
        // five cases in nine days, but only two in the last seven
        assertThat(tasksOf("touchpoint:" + touchpoint)).isEmpty();
        caseAt(touchpoint, null, now.plusSeconds(1));
        caseAt(touchpoint, null, now.plusSeconds(2));
        assertThat(tasksOf("touchpoint:" + touchpoint)).isEmpty();
        caseAt(touchpoint, null, now.plusSeconds(3));
        List<SpecialTask> tasks = tasksOf("touchpoint:" + touchpoint);
        assertThat(tasks).as("the fifth case within seven days").hasSize(1);
        assertThat(casesOf(tasks.getFirst().workOrderId)).hasSize(5)
                .allMatch(c -> !c.createdAt.isBefore(now.minus(Duration.ofDays(7))));
    }

    @Test
    void aRootCauseSharedAtResolutionMakesAPatternAcrossTouchpoints() {
        String code = "KYC_UPLOAD_" + suffix.toUpperCase(Locale.ROOT);
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String touchpoint = "account.open_" + suffix + ".step" + i;
            cases.add(caseAt(touchpoint, null, now.minus(Duration.ofHours(5 - i))).id);
        }
        for (int i = 0; i < 4; i++) {
            resolve(cases.get(i), code, now.minus(Duration.ofMinutes(10 - i)));
        }
        assertThat(tasksOf("root-cause:" + code)).isEmpty();

        resolve(cases.get(4), code, now);

        List<SpecialTask> tasks = tasksOf("root-cause:" + code);
        assertThat(tasks).hasSize(1);
        WorkOrder task = order(tasks.getFirst().workOrderId);
        assertThat(task.title).isEqualTo("5 recovery cases with root cause " + code + " in 7 days");
        // the cases are at five touchpoints: the owner is the default department
        assertThat(task.ownerDepartment).isEqualTo("CX Office");
        assertThat(task.touchpointCode).isNull();
        assertThat(casesOf(task.id)).extracting(c -> c.id).containsExactlyInAnyOrderElementsOf(cases);
    }

    @Test
    void specialTasksThemselvesMakeNoPattern() {
        String touchpoint = "card.activate_" + suffix;
        for (int i = 0; i < 4; i++) {
            caseAt(touchpoint, null, now.minusSeconds(10 - i));
        }
        // four cases and a task at the touchpoint: if the task counted as a fifth case, it would propose one
        WorkOrder draft = WorkOrder.draft(WorkOrderType.SPECIAL_TASK, WorkOrderOrigin.MANUAL, Priority.NORMAL,
                "a task by hand", now);
        draft.branchId = branch;
        draft.touchpointCode = touchpoint;
        SpecialFixtures.inTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, now, null));
        assertThat(tasksOf("touchpoint:" + touchpoint)).isEmpty();

        caseAt(touchpoint, null, now.plusSeconds(1));
        List<SpecialTask> tasks = tasksOf("touchpoint:" + touchpoint);
        assertThat(tasks).hasSize(1);
        assertThat(casesOf(tasks.getFirst().workOrderId)).hasSize(5).allMatch(c -> c.type == WorkOrderType.RECOVERY);
    }

    private WorkOrder caseAt(String touchpoint, String error, Instant at) {
        return fixtures.openCase(branch, "RSP", at, draft -> {
            draft.touchpointCode = touchpoint;
            draft.errorCode = error;
        });
    }

    private void resolve(UUID id, String rootCauseCode, Instant at) {
        fixtures.move(id, at, order -> {
            order.rootCause = RootCause.PROCESS;
            order.rootCauseCode = rootCauseCode;
        }, Lifecycle.Action.ASSIGN, Lifecycle.Action.START, Lifecycle.Action.RESOLVE);
    }
}

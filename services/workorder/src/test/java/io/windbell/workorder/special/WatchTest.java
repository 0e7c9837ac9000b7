package io.windbell.workorder.special;

import static io.windbell.workorder.special.SpecialFixtures.history;
import static io.windbell.workorder.special.SpecialFixtures.inTransaction;
import static io.windbell.workorder.special.SpecialFixtures.order;
import static io.windbell.workorder.special.SpecialFixtures.task;
import static io.windbell.workorder.special.SpecialFixtures.tasksOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * Scoring's touchpoint alerts and special tasks (watch period P30D, as configured): a degradation opens a task,
 * attaches to the open one, reopens and flags a task done within the watch, and opens a new one after it; each alert
 * acts once.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class WatchTest {

    @Inject
    WorkOrders workOrders;

    @Inject
    TouchpointAlerts alerts;

    SpecialFixtures fixtures;
    Instant start;
    String touchpoint;

    @BeforeEach
    void fresh() {
        fixtures = new SpecialFixtures(workOrders);
        // a past of its own: every step below happens at a time the test names
        start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(90));
        touchpoint = "transfer.submit_" + SpecialFixtures.unique();
    }

    @Test
    void aDegradationOpensATaskAndTheNextAttachesToItRaisingItsPriority() {
        degraded(UUID.randomUUID(), Severity.LOW, start);
        List<SpecialTask> tasks = tasksOn(touchpoint);
        assertThat(tasks).hasSize(1);
        WorkOrder task = order(tasks.getFirst().workOrderId);
        assertThat(task.type).isEqualTo(WorkOrderType.SPECIAL_TASK);
        assertThat(task.origin).isEqualTo(WorkOrderOrigin.TOUCHPOINT_DEGRADED);
        assertThat(task.priority).isEqualTo(Priority.LOW);
        assertThat(task.title).isEqualTo("error rate at " + touchpoint + " 2.1% → 9.8%");
        assertThat(task.ownerDepartment).isEqualTo("Payments Operations Dept");
        assertThat(task.branchId).isEqualTo("HQ");

        degraded(UUID.randomUUID(), Severity.CRITICAL, start.plusSeconds(60));
        assertThat(tasksOn(touchpoint)).hasSize(1);
        assertThat(order(task.id).priority).isEqualTo(Priority.URGENT);
        assertThat(history(task.id)).containsSubsequence(HistoryEntry.Action.CREATED,
                HistoryEntry.Action.SIGNAL_ATTACHED);
        assertThat(signals(task.id)).isEqualTo(2);

        recovered(start.plusSeconds(120));
        assertThat(signals(task.id)).isEqualTo(3);
        assertThat(order(task.id).status).as("a recovery only notes").isEqualTo(WorkOrderStatus.OPEN);
    }

    @Test
    void aDegradationWithinTheWatchReopensTheTaskOnceAndFlagsIt() {
        UUID taskId = closedTask(start);
        Instant back = start.plus(Duration.ofDays(10));
        UUID alertId = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            degraded(alertId, Severity.HIGH, back);

            WorkOrder task = order(taskId);
            assertThat(task.status).isEqualTo(WorkOrderStatus.ASSIGNED);
            SpecialTask watched = task(taskId);
            assertThat(watched.regressedAt).isEqualTo(back);
            assertThat(watched.regressions).isEqualTo(1);
            assertThat(watched.closedAt).as("open again").isNull();
            assertThat(history(taskId)).containsSubsequence(HistoryEntry.Action.CLOSED, HistoryEntry.Action.REGRESSED,
                    HistoryEntry.Action.REOPENED);
            assertThat(tasksOn(touchpoint)).as("no new task").hasSize(1);

            List<ConsumerRecord<String, byte[]>> reopened = probe
                    .await(SpecialFixtures.event(taskId, WorkOrderReopened.TYPE), 1, Duration.ofSeconds(30));
            ContractAssertions.assertValid(EventType.WORKORDER_REOPENED, reopened.getFirst().value());
            JsonNode payload = EventJson.mapper().readTree(reopened.getFirst().value());
            assertThat(payload.path("reason").asText()).isEqualTo("QUALITY_REVIEW");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        // the same alert again (a redelivery under a new message id): nothing changes
        degraded(alertId, Severity.HIGH, back.plusSeconds(5));
        assertThat(history(taskId).stream().filter(a -> a == HistoryEntry.Action.REOPENED)).hasSize(1);
        assertThat(task(taskId).regressions).isEqualTo(1);
        assertThat(signals(taskId)).isEqualTo(2);
    }

    @Test
    void aDegradationAfterTheWatchOpensANewTask() {
        UUID old = closedTask(start);
        degraded(UUID.randomUUID(), Severity.MEDIUM, start.plus(Duration.ofDays(31)));

        assertThat(order(old).status).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(task(old).regressions).isZero();
        List<SpecialTask> tasks = tasksOn(touchpoint);
        assertThat(tasks).hasSize(2);
        WorkOrder fresh = order(tasks.getLast().workOrderId);
        assertThat(fresh.id).isNotEqualTo(old);
        assertThat(fresh.status).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(fresh.priority).isEqualTo(Priority.NORMAL);
    }

    /** A task opened by a degradation at {@code at}, worked on and closed an hour later. */
    private UUID closedTask(Instant at) {
        degraded(UUID.randomUUID(), Severity.HIGH, at);
        UUID id = tasksOn(touchpoint).getFirst().workOrderId;
        fixtures.move(id, at.plus(Duration.ofHours(1)), order -> {
        }, Lifecycle.Action.ASSIGN, Lifecycle.Action.START, Lifecycle.Action.RESOLVE, Lifecycle.Action.CLOSE);
        assertThat(task(id).closedAt).isEqualTo(at.plus(Duration.ofHours(1)));
        return id;
    }

    private void degraded(UUID alertId, Severity severity, Instant at) {
        TouchpointDegradedAlert alert = new TouchpointDegradedAlert(alertId, touchpoint, null, null, Metric.ERROR_RATE,
                0.021, 0.098, at.minus(Duration.ofHours(1)), at, 400, severity, at);
        inTransaction(() -> alerts.degraded(alert, at, null));
    }

    private void recovered(Instant at) {
        TouchpointRecoveredAlert alert = new TouchpointRecoveredAlert(UUID.randomUUID(), touchpoint, UUID.randomUUID(),
                Metric.ERROR_RATE, 0.098, 0.02, at.minus(Duration.ofHours(1)), at, 400, at);
        inTransaction(() -> alerts.recovered(alert, at, null));
    }

    private static long signals(UUID orderId) {
        return SpecialFixtures
                .inSession(
                        () -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                                .chain(session -> session.createNativeQuery(
                                        "select count(*) from work_order_signal where work_order_id = ?1", Long.class)
                                        .setParameter(1, orderId).getSingleResult()));
    }
}

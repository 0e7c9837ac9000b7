package io.windbell.workorder.intake;

import static io.windbell.workorder.support.Signals.customer;
import static io.windbell.workorder.support.Signals.followUpAlert;
import static io.windbell.workorder.support.Signals.followUpAnswer;
import static io.windbell.workorder.support.Signals.history;
import static io.windbell.workorder.support.Signals.inTransaction;
import static io.windbell.workorder.support.Signals.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.EventFeed;
import io.windbell.testing.TopicProbe;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.HistoryEntry.Action;
import io.windbell.workorder.order.Lifecycle;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The recovery effect: a follow-up answer recorded on its resolved order; recovered closes it, not recovered reopens it
 * once through scoring's alert, whichever of the two arrives first.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class FollowUpTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EventFeed survey;
    private static EventFeed scoring;

    @Inject
    WorkOrders workOrders;

    @BeforeAll
    static void feeds() {
        survey = new EventFeed("survey");
        scoring = new EventFeed("scoring");
    }

    @AfterAll
    static void close() {
        survey.close();
        scoring.close();
    }

    @Test
    void aRecoveredAnswerClosesTheResolvedOrderWithTheClosedEvent() {
        String customer = customer("C-recovered");
        WorkOrder resolved = resolvedOrder(customer);
        SurveyResponded answer = followUpAnswer(customer, resolved.id, AnchorMetric.NPS, 9);
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            survey.send(answer);
            WorkOrder closed = await().atMost(WAIT).until(() -> order(resolved.id),
                    o -> o.status == WorkOrderStatus.CLOSED);
            assertThat(closed.recovered).isTrue();
            assertThat(closed.followUpResponseId).isEqualTo(answer.responseId());
            assertThat(closed.followUpScore).isEqualTo(9);
            ConsumerRecord<String, byte[]> record = probe
                    .await(r -> r.key().equals(resolved.id.toString()) && type(r).equals(WorkOrderClosed.TYPE), 1, WAIT)
                    .getFirst();
            ContractAssertions.assertValid(EventType.WORKORDER_CLOSED, record.value());
            WorkOrderClosed event = (WorkOrderClosed) EventJson.read(record.value(), WorkOrderClosed.TYPE);
            assertThat(event.reason()).isEqualTo(WorkOrderClosed.Reason.FOLLOW_UP_ANSWERED);
            assertThat(event.recovered()).isTrue();
            assertThat(event.followUpResponseId()).isEqualTo(answer.responseId());
        }
        assertThat(history(resolved.id)).endsWith(Action.FOLLOW_UP_RECORDED, Action.CLOSED);
    }

    @Test
    void aNotRecoveredAnswerThenItsAlertReopensTheOrderOnce() {
        String customer = customer("C-answer-first");
        WorkOrder resolved = resolvedOrder(customer);
        SurveyResponded answer = followUpAnswer(customer, resolved.id, AnchorMetric.NPS, 4);

        survey.send(answer);
        WorkOrder recorded = await().atMost(WAIT).until(() -> order(resolved.id), o -> o.followUpResponseId != null);
        // the answer alone does not reopen: that is the alert's to do
        assertThat(recorded.status).isEqualTo(WorkOrderStatus.RESOLVED);
        assertThat(recorded.recovered).isFalse();
        scoring.send(followUpAlert(answer));

        assertReopenedOnce(resolved, answer);
    }

    @Test
    void anAlertThenItsNotRecoveredAnswerEndsTheSame() {
        String customer = customer("C-alert-first");
        WorkOrder resolved = resolvedOrder(customer);
        SurveyResponded answer = followUpAnswer(customer, resolved.id, AnchorMetric.NPS, 4);

        scoring.send(followUpAlert(answer));
        await().atMost(WAIT).until(() -> order(resolved.id).status == WorkOrderStatus.ASSIGNED);
        survey.send(answer);
        await().atMost(WAIT).until(() -> history(resolved.id).contains(Action.FOLLOW_UP_RECORDED));

        assertReopenedOnce(resolved, answer);
    }

    private void assertReopenedOnce(WorkOrder resolved, SurveyResponded answer) {
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            WorkOrder reopened = await().atMost(WAIT).until(() -> order(resolved.id),
                    o -> o.status == WorkOrderStatus.ASSIGNED && history(o.id).contains(Action.FOLLOW_UP_RECORDED));
            assertThat(reopened.recovered).isFalse();
            assertThat(reopened.followUpResponseId).isEqualTo(answer.responseId());
            assertThat(reopened.followUpScore).isEqualTo(4);
            assertThat(history(resolved.id)).containsOnlyOnce(Action.REOPENED)
                    .containsOnlyOnce(Action.FOLLOW_UP_RECORDED);
            ConsumerRecord<String, byte[]> record = probe
                    .await(r -> r.key().equals(resolved.id.toString()) && type(r).equals(WorkOrderReopened.TYPE), 1,
                            WAIT)
                    .getFirst();
            ContractAssertions.assertValid(EventType.WORKORDER_REOPENED, record.value());
            WorkOrderReopened event = (WorkOrderReopened) EventJson.read(record.value(), WorkOrderReopened.TYPE);
            assertThat(event.reason()).isEqualTo(WorkOrderReopened.Reason.FOLLOW_UP_LOW_SCORE);
            assertThat(event.sourceResponseId()).isEqualTo(answer.responseId());
            assertThat(probe.seen())
                    .filteredOn(r -> r.key().equals(resolved.id.toString()) && type(r).equals(WorkOrderReopened.TYPE))
                    .hasSize(1);
        }
    }

    /** A RESOLVED recovery of {@code customer}, made through the core as the REST commands would. */
    private WorkOrder resolvedOrder(String customer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WorkOrder draft = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.HIGH,
                "NPS 2 after interrupted wealth purchase", now);
        draft.customerId = customer;
        draft.branchId = "B0755012";
        draft.journeyCode = "WEALTH_PURCHASE";
        WorkOrder opened = inTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, now, null));
        return inTransaction(() -> WorkOrder.<WorkOrder> findById(opened.id).chain(order -> {
            if (order.status == WorkOrderStatus.OPEN) {
                order.assigneeEmployeeId = "E0001";
                return workOrders.move(order, Lifecycle.Action.ASSIGN, "E0101", Map.of(), null, now, null);
            }
            return io.smallrye.mutiny.Uni.createFrom().item(order);
        }).chain(order -> workOrders.move(order, Lifecycle.Action.START, "E0001", Map.of(), null, now, null))
                .chain(order -> workOrders.move(order, Lifecycle.Action.RESOLVE, "E0001", Map.of(), null, now, null)));
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}

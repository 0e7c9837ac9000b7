package io.windbell.workorder.intake;

import static io.windbell.workorder.support.Signals.customer;
import static io.windbell.workorder.support.Signals.history;
import static io.windbell.workorder.support.Signals.lowScore;
import static io.windbell.workorder.support.Signals.orders;
import static io.windbell.workorder.support.Signals.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.EventFeed;
import io.windbell.testing.TopicProbe;
import io.windbell.workorder.order.HistoryEntry.Action;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.support.WorkorderTestResource;

/** {@code alert.low-score} on the real broker → a routed RECOVERY with its journey context and events, once. */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class AlertIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EventFeed feed;

    @BeforeAll
    static void feed() {
        feed = new EventFeed("scoring");
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aLowScoreAlertOpensARoutedRecoveryWithItsJourneyContextAndASchemaValidCreatedEvent() {
        String customer = customer("C-alert");
        LowScoreAlert alert = lowScore(customer, Severity.CRITICAL);
        WorkOrder order;
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            feed.send(alert);
            order = await().atMost(WAIT).until(() -> orders(customer), list -> list.size() == 1).getFirst();
            ConsumerRecord<String, byte[]> created = probe
                    .await(r -> r.key().equals(order.id.toString()) && type(r).equals(WorkOrderCreated.TYPE), 1, WAIT)
                    .getFirst();
            ContractAssertions.assertValid(EventType.WORKORDER_CREATED, created.value());
            WorkOrderCreated event = (WorkOrderCreated) EventJson.read(created.value(), WorkOrderCreated.TYPE);
            assertThat(event.workOrder().sourceAlertId()).isEqualTo(alert.alertId());
            assertThat(event.workOrder().title()).isEqualTo("NPS 3 after interrupted wealth purchase");
            assertThat(header(created, "traceparent")).isEqualTo(EventFeed.TRACEPARENT);
            // routed to someone: the assignment is announced too
            if (order.assigneeEmployeeId != null) {
                ConsumerRecord<String, byte[]> assigned = probe.await(
                        r -> r.key().equals(order.id.toString()) && type(r).equals(EventType.WORKORDER_ASSIGNED.type()),
                        1, WAIT).getFirst();
                ContractAssertions.assertValid(EventType.WORKORDER_ASSIGNED, assigned.value());
            }
        }
        assertThat(order.type).isEqualTo(WorkOrderType.RECOVERY);
        assertThat(order.origin).isEqualTo(WorkOrderOrigin.LOW_SCORE_ALERT);
        assertThat(order.priority).isEqualTo(Priority.URGENT);
        assertThat(order.branchId).isEqualTo(alert.branchId());
        assertThat(order.queue).isNotNull();
        assertThat(order.context.journeyCode()).isEqualTo("WEALTH_PURCHASE");
        assertThat(order.context.touchpoints()).hasSize(alert.journey().touchpoints().size());
        assertThat(order.context.failingTouchpoints()).hasSize(2);
        assertThat(order.context.comment()).isEqualTo(alert.comment());
        assertThat(order.servedByEmployeeId).isEqualTo("E0001");
        assertThat(history(order.id)).startsWith(Action.CREATED, Action.ROUTED);
        assertThat(signals(order.id)).extracting(s -> s.sourceId).containsExactly(alert.alertId());
    }

    @Test
    void theSameAlertTwiceAndASecondAlertForTheSameJourneyMakeOneOrderWithTwoSignals() {
        String customer = customer("C-dedup");
        LowScoreAlert first = lowScore(customer, Severity.MEDIUM);
        UUID ceId = UUID.randomUUID();
        feed.send(ceId, first);
        WorkOrder opened = await().atMost(WAIT).until(() -> orders(customer), list -> list.size() == 1).getFirst();
        assertThat(opened.priority).isEqualTo(Priority.NORMAL);

        // a redelivery (same ce_id), the same alert re-published (new ce_id), a second alert of higher severity
        feed.send(ceId, first);
        feed.send(first);
        LowScoreAlert second = lowScore(customer, Severity.CRITICAL);
        feed.send(second);

        await().atMost(WAIT).until(() -> signals(opened.id).size() == 2);
        WorkOrder order = await().atMost(WAIT).until(() -> orders(customer).getFirst(),
                o -> o.priority == Priority.URGENT);
        assertThat(orders(customer)).hasSize(1);
        assertThat(signals(opened.id)).extracting(s -> s.sourceId).containsExactlyInAnyOrder(first.alertId(),
                second.alertId());
        assertThat(history(order.id)).containsOnlyOnce(Action.SIGNAL_ATTACHED);
        assertThat(order.status).isIn(WorkOrderStatus.OPEN, WorkOrderStatus.ASSIGNED);
        // attaching announces nothing: the order's revision counts only its created (and assigned) events
        assertThat(order.revision).isEqualTo(opened.revision);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheChannelGoesOn() {
        String deadLetters = Topics.deadLetter(Topics.EXPERIENCE_ALERTS, "workorder");
        String customer = customer("C-poison");
        try (TopicProbe probe = TopicProbe.on(deadLetters)) {
            feed.sendRaw(Topics.EXPERIENCE_ALERTS, customer, "{not json".getBytes(StandardCharsets.UTF_8));
            ConsumerRecord<String, byte[]> letter = probe.await(r -> customer.equals(r.key()), 1, WAIT).getFirst();
            assertThat(header(letter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.EXPERIENCE_ALERTS);
            assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo("workorder");
        }
        feed.send(lowScore(customer, Severity.HIGH));
        await().atMost(WAIT).until(() -> orders(customer).size() == 1);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_type");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

}

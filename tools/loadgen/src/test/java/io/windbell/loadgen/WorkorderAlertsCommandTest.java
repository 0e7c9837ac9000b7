package io.windbell.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.testing.ContractAssertions;

/** {@code workorder-alerts} in process against a real KRaft broker in this JVM, with a stand-in for workorder. */
class WorkorderAlertsCommandTest {

    private static final String ALERTS = "cx.experience-alerts.v1";
    private static final String WORKORDERS = "cx.workorder-events.v1";

    @RegisterExtension
    static final TestBroker.PerClass KAFKA = new TestBroker.PerClass(3, ALERTS, WORKORDERS, "answered-alerts",
            "unanswered-alerts");

    /**
     * The stand-in opens a work order for every alert but one in ten, whose alert id ends in 0 (hex): those are the
     * unanswered ones, and the rest are matched by sourceAlertId.
     */
    @Test
    void matchesEachWorkOrderToItsAlertAndCountsTheUnanswered() throws Exception {
        AnsweringService workorder = AnsweringService.start(KAFKA.bootstrap(), "answered-alerts", WORKORDERS,
                "/windbell/workorder", r -> {
                    LowScoreAlert a = EventJson.read(r.value(), LowScoreAlert.class);
                    return a.alertId().toString().endsWith("0") ? null : created(a);
                });
        CommandRun result;
        try {
            result = CommandRun.of("workorder-alerts", "--bootstrap", KAFKA.bootstrap(), "--alerts-topic",
                    "answered-alerts", "--rate", "100", "--count", "200", "--warmup-count", "50", "--answer-timeout",
                    "10s", "--seed", "3");
        } finally {
            workorder.close();
        }

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("records").asLong()).isGreaterThanOrEqualTo(250);
        assertThat(summary.get("errors").asLong()).isZero();
        JsonNode orders = summary.get("workOrders");
        assertThat(orders.get("measured").asLong()).isEqualTo(200);
        long unanswered = orders.get("unanswered").asLong();
        // one alert id in 16 ends in 0: 200 / 16 = 12.5 expected
        assertThat(unanswered).isBetween(1L, 40L);
        assertThat(orders.get("matched").asLong()).isEqualTo(200 - unanswered);
        assertThat(orders.get("created").asLong()).isEqualTo(workorder.answered());
        assertThat(orders.at("/latencyMs/p50").asDouble()).isPositive();
        assertThat(orders.at("/latencyMs/p99").asDouble())
                .isGreaterThanOrEqualTo(orders.at("/latencyMs/p50").asDouble());
        assertThat(orders.at("/latencyMs/max").asDouble())
                .isGreaterThanOrEqualTo(orders.at("/latencyMs/p99").asDouble());

        // what went to the topic is what scoring's relay publishes: valid alerts, each of another customer
        Set<String> customers = new HashSet<>();
        List<ConsumerRecord<String, byte[]>> records = CommandRun.readAll(KAFKA.bootstrap(), "answered-alerts",
                summary.get("records").asLong());
        for (ConsumerRecord<String, byte[]> r : records) {
            ContractAssertions.assertValid(EventType.ALERT_LOW_SCORE, r.value());
            assertThat(CommandRun.header(r, "ce_type")).isEqualTo(LowScoreAlert.TYPE);
            assertThat(CommandRun.header(r, "ce_source")).isEqualTo("/windbell/scoring");
            assertThat(CommandRun.header(r, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            LowScoreAlert a = EventJson.read(r.value(), LowScoreAlert.class);
            assertThat(r.key()).isEqualTo(a.customerId());
            assertThat(customers.add(a.customerId())).isTrue();
        }
    }

    /** Nobody answers: every measured alert is unanswered after the answer timeout, and the run still reports. */
    @Test
    void withoutAWorkorderServiceEveryAlertIsUnanswered() throws Exception {
        CommandRun result = CommandRun.of("workorder-alerts", "--bootstrap", KAFKA.bootstrap(), "--alerts-topic",
                "unanswered-alerts", "--rate", "50", "--count", "20", "--warmup-count", "0", "--answer-timeout", "1s");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode orders = result.summary().get("workOrders");
        assertThat(orders.get("measured").asLong()).isEqualTo(20);
        assertThat(orders.get("matched").asLong()).isZero();
        assertThat(orders.get("unanswered").asLong()).isEqualTo(20);
    }

    @Test
    void wrongOptionsAreRefused() {
        assertThat(CommandRun.of("workorder-alerts", "--count", "0").exit()).isEqualTo(2);
        assertThat(CommandRun.of("workorder-alerts", "--warmup", "5s").exit()).isEqualTo(2);
        assertThat(CommandRun.of("workorder-alerts", "--answer-timeout", "0s").exit()).isEqualTo(2);
    }

    private static WorkOrderCreated created(LowScoreAlert a) {
        Instant now = Instant.now();
        return new WorkOrderCreated(new WorkOrderSummary(UUID.randomUUID(), a.customerId(), a.branchId(), null,
                WorkOrderOrigin.LOW_SCORE_ALERT, "NPS " + a.score(), Priority.values()[0], WorkOrderStatus.values()[0],
                0, now, now, now.plusSeconds(3600), 1, a.alertId(), a.responseId(), null, WorkOrderType.RECOVERY, "R01",
                "http://127.0.0.1:8080/console/workorders/x"), "DEFAULT");
    }
}

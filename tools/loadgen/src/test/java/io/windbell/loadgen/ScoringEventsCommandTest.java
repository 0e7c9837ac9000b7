package io.windbell.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.sim.SurveyResponses;
import io.windbell.testing.ContractAssertions;

/** {@code scoring-events} in process against a real KRaft broker in this JVM. */
class ScoringEventsCommandTest {

    private static final String TOUCHPOINTS = "cx.touchpoint-events.v1";
    private static final String SURVEYS = "cx.survey-events.v1";
    private static final String ALERTS = "cx.experience-alerts.v1";

    @RegisterExtension
    static final TestBroker.PerClass KAFKA = new TestBroker.PerClass(3, TOUCHPOINTS, SURVEYS, ALERTS,
            "paced-responses");

    @Test
    void countedWritesTheHistoryOfTheLastDaysAsIngestAndSurveyPublishIt() throws Exception {
        Instant before = Instant.now();
        CommandRun result = CommandRun.of("scoring-events", "--bootstrap", KAFKA.bootstrap(), "--touchpoints", "3000",
                "--responses", "1000", "--days", "120", "--customers", "500", "--seed", "5");
        Instant after = Instant.now();

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("mode").asText()).isEqualTo("count");
        assertThat(summary.at("/touchpoints/records").asLong()).isEqualTo(3000);
        assertThat(summary.at("/responses/records").asLong()).isEqualTo(1000);
        assertThat(summary.at("/responses/lowScores").asLong()).isBetween(200L, 450L);

        Set<String> customers = new HashSet<>();
        Set<LocalDate> touchpointDays = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : CommandRun.readAll(KAFKA.bootstrap(), TOUCHPOINTS, 3000)) {
            ContractAssertions.assertValid(EventType.TOUCHPOINT_RECORDED, r.value());
            assertThat(CommandRun.header(r, "ce_source")).isEqualTo("/windbell/ingest");
            TouchpointRecorded e = EventJson.read(r.value(), TouchpointRecorded.class);
            assertThat(r.key()).isEqualTo(e.partitionKey());
            Instant occurred = e.occurredAt().toInstant();
            assertThat(occurred).isBetween(before.minus(Duration.ofDays(121)), after);
            // a replay of history: ingest received each event shortly after it happened, not today
            assertThat(Duration.between(occurred, e.receivedAt())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            touchpointDays.add(LocalDate.ofInstant(occurred, ZoneOffset.UTC));
            if (e.customerId() != null) {
                customers.add(e.customerId());
            }
        }
        // ~100 events a day for 120 days: nearly every day has some
        assertThat(touchpointDays).hasSizeGreaterThan(110);

        List<ConsumerRecord<String, byte[]>> responses = CommandRun.readAll(KAFKA.bootstrap(), SURVEYS, 1000);
        assertThat(responses).hasSize(1000);
        Set<Long> weeks = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : responses) {
            ContractAssertions.assertValid(EventType.SURVEY_RESPONDED, r.value());
            assertThat(CommandRun.header(r, "ce_type")).isEqualTo("survey.responded");
            assertThat(CommandRun.header(r, "ce_source")).isEqualTo("/windbell/survey");
            assertThat(CommandRun.header(r, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            SurveyResponded e = EventJson.read(r.value(), SurveyResponded.class);
            assertThat(r.key()).isEqualTo(e.customerId());
            assertThat(CommandRun.header(r, "ce_time")).isEqualTo(e.respondedAt().toString());
            assertThat(e.respondedAt()).isBetween(before.minus(Duration.ofDays(120)), after);
            weeks.add(Duration.between(e.respondedAt(), after).toDays() / 7);
        }
        // a 90-day query has every one of its ~13 weeks
        assertThat(weeks).hasSizeGreaterThanOrEqualTo(17);
        assertThat(customers).as("the same customers in touchpoints and answers").isNotEmpty();
    }

    /** A stand-in for scoring: every low score gets its alert at once. */
    @Test
    void pacedMeasuresTheTimeFromTheResponseToItsAlert() throws Exception {
        CommandRun result;
        AnsweringService scoring = AnsweringService.start(KAFKA.bootstrap(), "paced-responses", ALERTS,
                "/windbell/scoring", r -> {
                    SurveyResponded e = EventJson.read(r.value(), SurveyResponded.class);
                    return SurveyResponses.lowScore(e.anchorMetric(), e.anchorScore())
                            ? new LowScoreAlert(UUID.randomUUID(), e.customerId(), e.responseId(), e.anchorMetric(),
                                    e.anchorScore(), Severity.values()[0], null, Instant.now(), e.journey(), List.of(),
                                    null, e.branchId(), e.employeeId(), e.productId(), null)
                            : null;
                });
        try {
            result = CommandRun.of("scoring-events", "--bootstrap", KAFKA.bootstrap(), "--survey-topic",
                    "paced-responses", "--rate", "200", "--warmup", "1s", "--duration", "2s", "--drain", "20s",
                    "--seed", "9");
        } finally {
            scoring.close();
        }
        long alerted = scoring.answered();

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("mode").asText()).isEqualTo("rate");
        assertThat(summary.get("records").asLong()).isEqualTo(600);
        assertThat(summary.get("measuredRecords").asLong()).isEqualTo(400);
        JsonNode alerts = summary.get("alerts");
        assertThat(alerts.get("alerts").asLong()).isEqualTo(alerted);
        assertThat(alerts.get("lowScoresSent").asLong()).isEqualTo(alerted);
        long measured = alerts.get("lowScoresMeasured").asLong();
        // ~32% of 400
        assertThat(measured).isBetween(80L, 180L);
        assertThat(alerts.get("matchedMeasured").asLong()).isEqualTo(measured);
        assertThat(alerts.at("/latencyMs/p50").asDouble()).isPositive();
        assertThat(alerts.at("/latencyMs/p99").asDouble()).isLessThan(5_000);
    }

    @Test
    void pacedAndCountedTogetherOrNeitherAreRefused() {
        CommandRun both = CommandRun.of("scoring-events", "--rate", "10", "--responses", "10");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        CommandRun neither = CommandRun.of("scoring-events");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--touchpoints");
        CommandRun days = CommandRun.of("scoring-events", "--rate", "10", "--days", "3");
        assertThat(days.exit()).isEqualTo(2);
    }
}

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
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.testing.ContractAssertions;

/** {@code journey-ends} in process against a real KRaft broker in this JVM. */
class JourneyEndsCommandTest {

    private static final String JOURNEY_TOPIC = "cx.journey-events.v1";
    private static final String SURVEY_TOPIC = "cx.survey-events.v1";

    @RegisterExtension
    static final TestBroker.PerClass KAFKA = new TestBroker.PerClass(3, JOURNEY_TOPIC, SURVEY_TOPIC, "paced-ends");

    @Test
    void countedPutsJourneyEndsOnTheTopicAsJourneysRelayWould() throws Exception {
        CommandRun result = CommandRun.of("journey-ends", "--bootstrap", KAFKA.bootstrap(), "--count", "2000", "--seed",
                "7", "--interrupted-share", "0.4");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("command").asText()).isEqualTo("journey-ends");
        assertThat(summary.get("mode").asText()).isEqualTo("count");
        assertThat(summary.get("records").asLong()).as(result.err()).isEqualTo(2000);
        assertThat(summary.get("errors").asLong()).isZero();
        assertThat(summary.get("customers").asLong()).as("default: one customer per journey").isEqualTo(2000);
        JsonNode journeys = summary.get("journeys");
        assertThat(journeys.get("completed").asLong() + journeys.get("interrupted").asLong()).isEqualTo(2000);
        assertThat(journeys.get("interrupted").asLong()).isBetween(650L, 950L);

        List<ConsumerRecord<String, byte[]>> records = CommandRun.readAll(KAFKA.bootstrap(), JOURNEY_TOPIC, 2000);
        assertThat(records).hasSize(2000);
        Set<String> ids = new HashSet<>();
        Set<String> customers = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String type = CommandRun.header(r, "ce_type");
            EventType eventType = EventType.find(type).orElseThrow();
            assertThat(eventType).isIn(EventType.JOURNEY_COMPLETED, EventType.JOURNEY_INTERRUPTED);
            ContractAssertions.assertValid(eventType, r.value());
            ids.add(CommandRun.header(r, "ce_id"));
            customers.add(r.key());
            assertThat(CommandRun.header(r, "ce_source")).isEqualTo("/windbell/journey");
            assertThat(CommandRun.header(r, "ce_subject")).isEqualTo(r.key());
            assertThat(CommandRun.header(r, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(EventJson.read(r.value(), type).partitionKey()).isEqualTo(r.key());
        }
        assertThat(ids).hasSize(2000);
        assertThat(customers).hasSize(2000);
    }

    /** A stand-in for survey: every interrupted journey is invited at once. */
    @Test
    void pacedMeasuresTheTimeFromTheJourneyEventToItsInvitation() throws Exception {
        CommandRun result;
        AnsweringService survey = AnsweringService.start(KAFKA.bootstrap(), "paced-ends", SURVEY_TOPIC,
                "/windbell/survey", r -> {
                    if (!JourneyInterrupted.TYPE.equals(CommandRun.header(r, "ce_type"))) {
                        return null;
                    }
                    JourneyInterrupted e = EventJson.read(r.value(), JourneyInterrupted.class);
                    return new SurveyInvited(UUID.randomUUID(), e.journey().customerId(),
                            e.journey().journeyInstanceId(), "GENERAL_CSAT", AnchorMetric.values()[0],
                            DeliveryChannel.values()[0], "zh-CN", Instant.now(), Instant.now().plusSeconds(3600),
                            List.of("Q1"), List.of(), null);
                });
        try {
            result = CommandRun.of("journey-ends", "--bootstrap", KAFKA.bootstrap(), "--topic", "paced-ends", "--rate",
                    "200", "--warmup", "1s", "--duration", "2s", "--drain", "20s", "--interrupted-share", "0.5",
                    "--seed", "9");
        } finally {
            survey.close();
        }
        long invited = survey.answered();

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("mode").asText()).isEqualTo("rate");
        assertThat(summary.get("records").asLong()).isEqualTo(600);
        assertThat(summary.get("measuredRecords").asLong()).isEqualTo(400);
        assertThat(summary.get("customers").asLong()).as("default: one customer per journey").isEqualTo(600);
        JsonNode invitations = summary.get("invitations");
        assertThat(invitations.get("invited").asLong()).isEqualTo(invited);
        long interruptedMeasured = invitations.get("matchedMeasured").asLong();
        assertThat(interruptedMeasured).isBetween(140L, 260L);
        JsonNode latency = invitations.get("latencyMs");
        assertThat(latency.get("p50").asDouble()).isPositive();
        assertThat(latency.get("p99").asDouble()).isLessThan(5_000);
    }

    @Test
    void rateAndCountTogetherAreRefused() {
        CommandRun both = CommandRun.of("journey-ends", "--rate", "10", "--count", "10");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("either --rate");
    }
}

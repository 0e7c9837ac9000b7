package io.windbell.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.testing.ContractAssertions;

/** {@code journeys} in process against a real KRaft broker in this JVM: what lands on the topic. */
class JourneysCommandTest {

    @RegisterExtension
    static final TestBroker.PerClass KAFKA = new TestBroker.PerClass(3, "cx.touchpoint-events.v1", "paced");

    @Test
    void countedPutsExactlyThatManyRecordsOnTheTopicAsIngestWould() throws Exception {
        CommandRun result = CommandRun.of("journeys", "--bootstrap", KAFKA.bootstrap(), "--count", "3000",
                "--customers", "400", "--seed", "7", "--duplicate-share", "0.03", "--reorder-share", "0.05");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode summary = result.summary();
        assertThat(summary.get("command").asText()).isEqualTo("journeys");
        assertThat(summary.get("mode").asText()).isEqualTo("count");
        assertThat(summary.get("records").asLong()).as(result.out() + result.err()).isEqualTo(3000);
        assertThat(summary.get("errors").asLong()).isZero();
        long unique = summary.get("uniqueEvents").asLong();
        assertThat(unique + summary.get("duplicates").asLong()).isEqualTo(3000);
        assertThat(summary.get("duplicates").asLong()).isBetween(30L, 170L);
        assertThat(summary.get("late").asLong()).isPositive();
        assertThat(summary.get("eventsPerS").asDouble()).isPositive();
        assertThat(summary.get("journeys").get("started").asLong()).isPositive();

        List<ConsumerRecord<String, byte[]>> records = CommandRun.readAll(KAFKA.bootstrap(), "cx.touchpoint-events.v1",
                3000);
        assertThat(records).hasSize(3000);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            TouchpointRecorded e = EventJson.read(r.value(), TouchpointRecorded.class);
            ids.add(CommandRun.header(r, "ce_id"));
            assertThat(CommandRun.header(r, "ce_id")).isEqualTo(e.eventId().toString());
            assertThat(CommandRun.header(r, "ce_type")).isEqualTo("touchpoint.recorded");
            assertThat(CommandRun.header(r, "ce_source")).isEqualTo("/windbell/ingest");
            assertThat(CommandRun.header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(CommandRun.header(r, "ce_dataschema")).isEqualTo("urn:windbell:schema:touchpoint.recorded:v1");
            assertThat(CommandRun.header(r, "ce_time")).isEqualTo(e.receivedAt().toString());
            assertThat(CommandRun.header(r, "ce_subject")).isEqualTo(r.key());
            assertThat(r.key()).isEqualTo(e.partitionKey());
            assertThat(e.occurredAt().toInstant()).isBefore(e.receivedAt());
            ContractAssertions.assertValid(EventType.TOUCHPOINT_RECORDED, r.value());
        }
        assertThat(ids).hasSize((int) unique);
    }

    @Test
    void pacedSendsAtItsRateForTheDuration() throws Exception {
        CommandRun result = CommandRun.of("journeys", "--bootstrap", KAFKA.bootstrap(), "--topic", "paced", "--rate",
                "300", "--warmup", "1s", "--duration", "2s", "--customers", "400", "--seed", "8");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("mode").asText()).isEqualTo("rate");
        assertThat(summary.get("targetRate").asDouble()).isEqualTo(300);
        assertThat(summary.get("warmupS").asDouble()).isEqualTo(1.0);
        long records = summary.get("records").asLong();
        // the rate builds up while the first journeys get under way: fewer than 3 s x 300
        assertThat(records).isBetween(200L, 900L);
        assertThat(summary.get("measuredRecords").asLong()).isBetween(records / 2, records - 1);
        assertThat(summary.get("eventsPerS").asDouble()).isGreaterThan(summary.get("allEventsPerS").asDouble());
        assertThat(summary.get("behindScheduleMs").get("p50").asDouble()).as("paced, not a burst").isLessThan(100);
        assertThat(summary.get("unsent").asLong()).isZero();
        assertThat(CommandRun.readAll(KAFKA.bootstrap(), "paced", records)).hasSize((int) records);
        assertThat(result.err()).contains("[journeys]");
    }

    @Test
    void aMissingTopicOrAForeignBrokerIsRefusedWithASentence() {
        CommandRun missing = CommandRun.of("journeys", "--bootstrap", KAFKA.bootstrap(), "--topic", "no.such.topic",
                "--count", "10");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("topic no.such.topic does not exist");
        assertThat(missing.out()).isEmpty();

        CommandRun foreign = CommandRun.of("journeys", "--bootstrap", "kafka.bank.example:9092", "--count", "10");
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("refusing Kafka host 'kafka.bank.example'");

        CommandRun both = CommandRun.of("journeys", "--rate", "10", "--count", "10");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("either --rate");
    }
}

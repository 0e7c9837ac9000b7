package io.windbell.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.testing.ContractAssertions;

/** {@code journeys} in process against a real KRaft broker in this JVM: what lands on the topic. */
class JourneysCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaClusterTestKit kafka;
    private static String bootstrap;

    private record Result(int exit, String out, String err) {

        JsonNode summary() throws Exception {
            String[] lines = out.strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        }
    }

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = TestBroker.start(3, "cx.touchpoint-events.v1", "paced");
        bootstrap = kafka.bootstrapServers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LoadGen.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, long expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // anything beyond what was reported would be a bug too
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void countedPutsExactlyThatManyRecordsOnTheTopicAsIngestWould() throws Exception {
        Result result = run("journeys", "--bootstrap", bootstrap, "--count", "3000", "--customers", "400", "--seed",
                "7", "--duplicate-share", "0.03", "--reorder-share", "0.05");

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

        List<ConsumerRecord<String, byte[]>> records = readAll("cx.touchpoint-events.v1", 3000);
        assertThat(records).hasSize(3000);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            TouchpointRecorded e = EventJson.read(r.value(), TouchpointRecorded.class);
            ids.add(header(r, "ce_id"));
            assertThat(header(r, "ce_id")).isEqualTo(e.eventId().toString());
            assertThat(header(r, "ce_type")).isEqualTo("touchpoint.recorded");
            assertThat(header(r, "ce_source")).isEqualTo("/windbell/ingest");
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_dataschema")).isEqualTo("urn:windbell:schema:touchpoint.recorded:v1");
            assertThat(header(r, "ce_time")).isEqualTo(e.receivedAt().toString());
            assertThat(header(r, "ce_subject")).isEqualTo(r.key());
            assertThat(r.key()).isEqualTo(e.partitionKey());
            assertThat(e.occurredAt().toInstant()).isBefore(e.receivedAt());
            ContractAssertions.assertValid(EventType.TOUCHPOINT_RECORDED, r.value());
        }
        assertThat(ids).hasSize((int) unique);
    }

    @Test
    void pacedSendsAtItsRateForTheDuration() throws Exception {
        Result result = run("journeys", "--bootstrap", bootstrap, "--topic", "paced", "--rate", "300", "--warmup", "1s",
                "--duration", "2s", "--customers", "400", "--seed", "8");

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
        assertThat(readAll("paced", records)).hasSize((int) records);
        assertThat(result.err()).contains("[journeys]");
    }

    @Test
    void aMissingTopicOrAForeignBrokerIsRefusedWithASentence() {
        Result missing = run("journeys", "--bootstrap", bootstrap, "--topic", "no.such.topic", "--count", "10");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("topic no.such.topic does not exist");
        assertThat(missing.out()).isEmpty();

        Result foreign = run("journeys", "--bootstrap", "kafka.bank.example:9092", "--count", "10");
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("refusing Kafka host 'kafka.bank.example'");

        Result both = run("journeys", "--rate", "10", "--count", "10");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("either --rate");
    }
}

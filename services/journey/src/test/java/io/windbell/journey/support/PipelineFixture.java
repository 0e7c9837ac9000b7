package io.windbell.journey.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.testing.TestInfrastructure;

/**
 * What pipeline tests share: a journey definition with clocks of seconds, and reading journey events and rows back.
 */
public final class PipelineFixture {

    /**
     * The test journey: browse → risk (key) → order (key, next phase) → success. A failure or abandonment is an
     * interruption after 2 s; a stall after a key node after 30 s, longer than any test waits.
     */
    public static final String DEFINITION = "PIPE_WEALTH";
    public static final String BROWSE = "pipe.browse";
    public static final String RISK = "pipe.risk";
    public static final String ORDER = "pipe.order";
    public static final String SUCCESS = "pipe.success";

    private static final String DEFINITION_JSON = """
            {"code":"PIPE_WEALTH","name":"Pipeline test wealth purchase","nameZh":"测试理财","stage":"UPGRADE",
             "steps":[
              {"order":1,"code":"BROWSE","name":"Browse","phase":"BEFORE_INVESTING","touchpoints":["pipe.browse"],"keyNode":false},
              {"order":2,"code":"RISK","name":"Risk assessment","phase":"BEFORE_INVESTING","touchpoints":["pipe.risk"],"keyNode":true,"inactivityTimeout":"PT30S"},
              {"order":3,"code":"ORDER","name":"Order","phase":"DURING_INVESTING","touchpoints":["pipe.order"],"keyNode":true,"inactivityTimeout":"PT30S"},
              {"order":4,"code":"SUCCESS","name":"Success","phase":"DURING_INVESTING","touchpoints":["pipe.success"],"keyNode":false}],
             "startTouchpoints":["pipe.browse"],"completionTouchpoints":["pipe.success"],
             "maxDuration":"PT1H","channelSwitchGrace":"PT2S","assistedChannels":["BRANCH","CALL_CENTER"]}
            """;

    private PipelineFixture() {
    }

    /** Creates the test definition through the API (the caller runs as cx-admin); idempotent. */
    public static void ensureDefinition() {
        int status = given().contentType("application/json").body(DEFINITION_JSON).post("/v1/definitions").statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("creating the test definition answered " + status);
        }
    }

    /** A journey event read back from the topic. */
    public record JourneyEvent(String type, String id, String key, EventPayload payload, String traceparent) {

        public JourneySummary summary() {
            return switch (payload) {
            case JourneyStarted e -> e.journey();
            case JourneyProgressed e -> e.journey();
            case JourneyCompleted e -> e.journey();
            case JourneyInterrupted e -> e.journey();
            case JourneyResumed e -> e.journey();
            default -> throw new AssertionError("not a journey event: " + payload);
            };
        }
    }

    public static JourneyEvent read(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEvents.TYPE_HEADER);
        return new JourneyEvent(type, header(record, CloudEvents.ID_HEADER), record.key(),
                EventJson.read(record.value(), type), header(record, CloudEvents.TRACEPARENT_HEADER));
    }

    public static Predicate<ConsumerRecord<String, byte[]>> keyStartsWith(String prefix) {
        return record -> record.key() != null && record.key().startsWith(prefix);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record of a topic up to its current end, read from the beginning. */
    public static List<ConsumerRecord<String, byte[]>> drain(String topic) {
        Properties properties = TestInfrastructure.get().kafkaClientProperties();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Reads the journey events of customers whose id starts with {@code prefix} and checks each was published exactly
     * once: {@code perCustomer} events per customer, one journey each, revisions 1..n without gaps or repeats.
     */
    public static List<JourneyEvent> assertEachJourneyEventOnce(String prefix, int customers, int perCustomer) {
        List<JourneyEvent> events = drain(Topics.JOURNEY_EVENTS).stream().filter(keyStartsWith(prefix))
                .map(PipelineFixture::read).toList();
        assertThat(events).extracting(JourneyEvent::id).doesNotHaveDuplicates();
        Map<String, List<Long>> revisions = new TreeMap<>();
        for (JourneyEvent event : events) {
            revisions.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.summary().revision());
        }
        assertThat(revisions).hasSize(customers);
        List<Long> expected = LongStream.rangeClosed(1, perCustomer).boxed().toList();
        assertThat(revisions).allSatisfy((customer, seen) -> assertThat(seen).as(customer).isEqualTo(expected));
        assertThat(events.stream().map(e -> e.summary().journeyInstanceId()).distinct()).hasSize(customers);
        return events;
    }

    /** The rows of a single-column query. */
    public static List<String> column(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}

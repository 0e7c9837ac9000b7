package io.windbell.loadgen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.engine.Ticker;
import io.windbell.loadgen.sim.Population;
import io.windbell.loadgen.sim.SimProfile;
import io.windbell.loadgen.sim.TrafficGenerator;

class JourneyTrafficTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-03-01T10:00:00+08:00");

    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private JourneyTraffic traffic(long seed, double rate, SimProfile profile) {
        Random ids = new Random(seed);
        TrafficGenerator generator = new TrafficGenerator(CatalogJson.builtin(), new Population(5_000, seed), profile,
                rate, seed, () -> new UUID(ids.nextLong(), ids.nextLong()), Long.MAX_VALUE);
        return new JourneyTraffic(generator, producer, "cx.touchpoint-events.v1", START, Ticker.SYSTEM,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    private static TouchpointRecorded value(ProducerRecord<String, byte[]> r) {
        return EventJson.read(r.value(), TouchpointRecorded.class);
    }

    @Test
    void countedSendsExactlyThatManyRecordsAndTellsDuplicatesApart() {
        SimProfile profile = SimProfile.shares(0.15, 0.45, 0.35, 0.07, 0.07, 0.3, 0.05, 0.05, 60);
        JourneyTraffic.Result result = traffic(1, 2_000, profile)
                .run(new JourneyTraffic.Plan(20_000, 60_000_000_000L, 1_000_000_000L));

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize(20_000);
        assertThat(result.sent()).isEqualTo(20_000);
        assertThat(result.acked()).isEqualTo(20_000);
        assertThat(result.errors()).isZero();
        Set<UUID> ids = new HashSet<>();
        long repeats = sent.stream().filter(r -> !ids.add(value(r).eventId())).count();
        assertThat(result.duplicatesAcked()).isEqualTo(repeats).isBetween(600L, 1_400L);
        assertThat(result.uniqueAcked()).isEqualTo(ids.size()).isEqualTo(20_000 - repeats);
        assertThat(result.lateAcked()).isBetween(200L, 1_400L);
        assertThat(sent).allSatisfy(r -> {
            TouchpointRecorded e = value(r);
            assertThat(r.key()).isEqualTo(e.customerId() != null ? e.customerId() : e.anonymousId());
            assertThat(e.receivedAt()).isNotNull();
            assertThat(e.occurredAt()).isAfterOrEqualTo(START);
        });
        assertThat(sent).anyMatch(r -> value(r).customerId() == null)
                .anyMatch(r -> value(r).customerId() != null && value(r).anonymousId() != null);
    }

    @Test
    void aRecordSentLateKeepsTheTimeItHappened() {
        SimProfile profile = SimProfile.shares(0.15, 0.45, 0.35, 0.07, 0.07, 0.3, 0, 0.3, 60);
        traffic(2, 2_000, profile).run(new JourneyTraffic.Plan(5_000, 60_000_000_000L, 1_000_000_000L));

        // per key, the records are in send order: some happened before the one sent ahead of them
        Map<String, OffsetDateTime> lastByKey = new HashMap<>();
        long overtaken = 0;
        for (ProducerRecord<String, byte[]> r : producer.history()) {
            OffsetDateTime at = value(r).occurredAt();
            OffsetDateTime before = lastByKey.put(r.key(), at);
            if (before != null && at.isBefore(before)) {
                overtaken++;
                assertThat(Duration.between(at, before).toMillis()).isLessThan(4_000);
            }
        }
        assertThat(overtaken).isGreaterThan(100);
    }

    @Test
    void pacedFollowsTheTimelineForTheDuration() {
        JourneyTraffic.Result result = traffic(3, 400, SimProfile.defaults(60))
                .run(new JourneyTraffic.Plan(0, 2_000_000_000L, 1_000_000_000L));

        // the rate is reached once the first journeys are under way: fewer than 2 s x 400 events
        assertThat(result.sent()).isBetween(100L, 800L).isEqualTo(producer.history().size());
        // it waits for each record's time, so it cannot be done before the last one is due; how much longer it took
        // depends on the machine and is not bounded here
        assertThat(result.seconds()).isGreaterThanOrEqualTo(1.5);
        assertThat(result.unsent()).isZero();
        assertThat(result.behindMicros().getTotalCount()).isEqualTo(result.sent());
        assertThat(result.behindMicros().getValueAtPercentile(50)).as("sent on time (µs behind)").isLessThan(100_000);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[journeys]").contains("sent=");
    }

    @Test
    void sendFailuresAreCountedByType() {
        producer.sendException = new TimeoutException("Topic not present in metadata after 10000 ms.");

        JourneyTraffic.Result result = traffic(4, 500, SimProfile.defaults(60))
                .run(new JourneyTraffic.Plan(10, 10_000_000_000L, 1_000_000_000L));

        assertThat(result.sent()).isEqualTo(10);
        assertThat(result.errors()).isEqualTo(10);
        assertThat(result.errorTypes()).containsExactly(Map.entry("TimeoutException", 10L));
        assertThat(result.acked()).isZero();
    }
}

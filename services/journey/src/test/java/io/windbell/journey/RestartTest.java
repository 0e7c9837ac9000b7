package io.windbell.journey;

import static io.windbell.contracts.touchpoint.Outcome.SUCCESS;
import static io.windbell.journey.support.PipelineFixture.BROWSE;
import static io.windbell.journey.support.PipelineFixture.ORDER;
import static io.windbell.journey.support.PipelineFixture.RISK;
import static io.windbell.journey.support.TouchpointFeed.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.messaging.TouchpointChannel;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.journey.support.PipelineFixture;
import io.windbell.journey.support.TouchpointFeed;
import io.windbell.testing.TestInfrastructure;

/**
 * The consumer stops in the middle of a stream and goes on, then every record is delivered a second time (a replay):
 * every journey ends up complete once, and every journey event is published exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class RestartTest {

    private static final int CUSTOMERS = 150;

    @Inject
    DataSource dataSource;

    @Inject
    TouchpointChannel channel;

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aRestartMidStreamAndAFullReplayLoseAndDuplicateNothing() throws Exception {
        PipelineFixture.ensureDefinition();
        String prefix = "R" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<TouchpointRecorded> events = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = prefix + i;
            events.add(event(customer, null, "MOBILE_APP", BROWSE, SUCCESS, 4000));
            events.add(event(customer, null, "MOBILE_APP", RISK, SUCCESS, 3000));
            events.add(event(customer, null, "MOBILE_APP", ORDER, SUCCESS, 2000));
            events.add(event(customer, null, "MOBILE_APP", PipelineFixture.SUCCESS, SUCCESS, 1000));
        }
        try (TouchpointFeed feed = new TouchpointFeed()) {
            feed.send(events.subList(0, events.size() / 2).toArray(TouchpointRecorded[]::new));
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(prefix) > 0);
            // the consumers stop mid-stream: what they polled stays uncommitted until they go on
            channel.hold();
            feed.send(events.subList(events.size() / 2, events.size()).toArray(TouchpointRecorded[]::new));
            assertThat(applied(prefix)).isLessThan(4L * CUSTOMERS);
            channel.release();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> completed(prefix) == CUSTOMERS);
        try (Admin admin = Admin.create(TestInfrastructure.get().kafkaClientProperties())) {
            // offsets are committed only after the transactions: the group catches up with the topic's end
            await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(admin));
        }

        // a crash between the database commit and the offset commit, at its worst: everything is delivered again
        // (the same records, the same ce_ids), and the inbox recognises every one of them
        long skippedBefore = channel.status().skipped();
        try (TouchpointFeed feed = new TouchpointFeed()) {
            feed.send(events.toArray(TouchpointRecorded[]::new));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> channel.status().skipped() - skippedBefore >= 4L * CUSTOMERS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PipelineFixture.column(dataSource, "SELECT count(*) FROM outbox").equals(List.of("0")));

        assertThat(completed(prefix)).isEqualTo(CUSTOMERS);
        assertThat(PipelineFixture.column(dataSource, "SELECT count(*) FROM touchpoint_event WHERE customer_id LIKE ?",
                prefix + "%")).containsExactly(String.valueOf(4 * CUSTOMERS));
        PipelineFixture.assertEachJourneyEventOnce(prefix, CUSTOMERS, 5);
    }

    private long applied(String prefix) throws Exception {
        return Long.parseLong(PipelineFixture
                .column(dataSource, "SELECT count(*) FROM touchpoint_event WHERE customer_id LIKE ?", prefix + "%")
                .getFirst());
    }

    private long completed(String prefix) throws Exception {
        return Long.parseLong(PipelineFixture.column(dataSource,
                "SELECT count(*) FROM journey_instance WHERE customer_id LIKE ? AND status = 'COMPLETED'", prefix + "%")
                .getFirst());
    }

    private static boolean caughtUp(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("windbell-journey")
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        return committed.entrySet().stream()
                .allMatch(e -> e.getValue() != null && e.getValue().offset() >= ends.get(e.getKey()).offset());
    }
}

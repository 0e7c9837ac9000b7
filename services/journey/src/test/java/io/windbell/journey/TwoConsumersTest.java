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

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.messaging.TouchpointChannel;
import io.windbell.journey.support.ChannelConsumers;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.journey.support.PipelineFixture;
import io.windbell.journey.support.TouchpointFeed;

/**
 * Two consumer instances share the topic's partitions. Anonymous events (keyed by device) and logged-in events (keyed
 * by customer) land on different partitions and so on different consumers, which must still stitch them into one
 * journey, and every journey event comes out exactly once.
 */
@QuarkusTest
@TestProfile(TwoConsumersTest.TwoConsumers.class)
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class TwoConsumersTest {

    private static final int CUSTOMERS = 200;

    /** Two consumer threads in the group. */
    public static class TwoConsumers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.touchpoints.concurrency", "2");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    KafkaClientService kafka;

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void twoConsumersStitchAcrossPartitionsAndEmitEachJourneyEventOnce() throws Exception {
        PipelineFixture.ensureDefinition();
        assertThat(ChannelConsumers.of(kafka, TouchpointChannel.CHANNEL)).hasSize(2);
        String prefix = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<TouchpointRecorded> anonymous = new ArrayList<>();
        List<TouchpointRecorded> loggedIn = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = prefix + i;
            String device = prefix + "dev-" + i;
            anonymous.add(event(null, device, "MOBILE_APP", BROWSE, SUCCESS, 4000));
            loggedIn.add(event(customer, device, "MOBILE_APP", RISK, SUCCESS, 3000));
            loggedIn.add(event(customer, null, "MOBILE_APP", ORDER, SUCCESS, 2000));
            loggedIn.add(event(customer, null, "MOBILE_APP", PipelineFixture.SUCCESS, SUCCESS, 1000));
        }
        try (TouchpointFeed feed = new TouchpointFeed()) {
            feed.send(anonymous.toArray(TouchpointRecorded[]::new));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("SELECT count(*) FROM journey_instance WHERE anonymous_id LIKE ?",
                            prefix + "dev-%") == CUSTOMERS);
            feed.send(loggedIn.toArray(TouchpointRecorded[]::new));
        }
        await().atMost(Duration.ofSeconds(60)).until(
                () -> count("SELECT count(*) FROM journey_instance WHERE customer_id LIKE ? AND status = 'COMPLETED'",
                        prefix + "%") == CUSTOMERS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PipelineFixture.column(dataSource, "SELECT count(*) FROM outbox").equals(List.of("0")));

        assertThat(count("SELECT count(*) FROM journey_instance WHERE anonymous_id LIKE ?", prefix + "dev-%"))
                .isEqualTo(CUSTOMERS);
        assertThat(count("SELECT count(*) FROM identity_link WHERE customer_id LIKE ?", prefix + "%"))
                .isEqualTo(CUSTOMERS);
        var events = PipelineFixture.assertEachJourneyEventOnce(prefix, CUSTOMERS, 5);
        assertThat(events).filteredOn(e -> e.type().equals("journey.started"))
                .allSatisfy(e -> assertThat(((io.windbell.contracts.journey.JourneyStarted) e.payload()).anonymousId())
                        .startsWith(prefix + "dev-"));
    }

    private long count(String sql, String parameter) throws Exception {
        return Long.parseLong(PipelineFixture.column(dataSource, sql, parameter).getFirst());
    }
}

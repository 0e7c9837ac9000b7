package io.windbell.journey;

import static io.windbell.contracts.touchpoint.Outcome.FAILURE;
import static io.windbell.contracts.touchpoint.Outcome.SUCCESS;
import static io.windbell.journey.support.PipelineFixture.BROWSE;
import static io.windbell.journey.support.PipelineFixture.RISK;
import static io.windbell.journey.support.TouchpointFeed.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.contracts.Topics;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.store.JourneyStore;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.journey.support.PipelineFixture;
import io.windbell.journey.support.TouchpointFeed;
import io.windbell.journey.timer.TimerPoller;
import io.windbell.messaging.outbox.OutboxPublisher;

/**
 * Several timer pollers (as several replicas would run) race for the same due timers: every journey is interrupted
 * exactly once, with one interruption row and one {@code journey.interrupted} event.
 */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class TimersTest {

    private static final int JOURNEYS = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JourneyStore store;

    @Inject
    OutboxPublisher relay;

    @Inject
    JourneyConfig config;

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void pollersOfSeveralReplicasFireEachTimerOnce() throws Exception {
        PipelineFixture.ensureDefinition();
        String prefix = "M" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<TouchpointRecorded> events = new ArrayList<>();
        for (int i = 0; i < JOURNEYS; i++) {
            events.add(event(prefix + i, null, "MOBILE_APP", BROWSE, SUCCESS, 300));
            events.add(event(prefix + i, null, "MOBILE_APP", RISK, FAILURE, 200));
        }
        try (TouchpointFeed feed = new TouchpointFeed()) {
            feed.send(events.toArray(TouchpointRecorded[]::new));
        }

        // the application's own poller plus two more, each looping as fast as it can
        List<TimerPoller> replicas = List.of(new TimerPoller(dataSource, store, relay, config),
                new TimerPoller(dataSource, store, relay, config));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(replicas.size());
        for (TimerPoller poller : replicas) {
            threads.submit(() -> {
                while (running.get()) {
                    poller.fireDue();
                }
                return null;
            });
        }
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(
                            "SELECT count(*) FROM journey_instance WHERE customer_id LIKE ? AND status = 'INTERRUPTED'",
                            prefix) == JOURNEYS);
        } finally {
            running.set(false);
            threads.shutdown();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PipelineFixture.column(dataSource, "SELECT count(*) FROM outbox").equals(List.of("0")));

        assertThat(count("SELECT count(*) FROM journey_interruption i JOIN journey_instance j "
                + "ON j.id = i.journey_instance_id WHERE j.customer_id LIKE ?", prefix)).isEqualTo(JOURNEYS);
        List<PipelineFixture.JourneyEvent> interrupted = PipelineFixture.drain(Topics.JOURNEY_EVENTS).stream()
                .filter(PipelineFixture.keyStartsWith(prefix)).map(PipelineFixture::read)
                .filter(e -> e.type().equals("journey.interrupted")).toList();
        assertThat(interrupted).hasSize(JOURNEYS);
        assertThat(interrupted.stream().map(e -> e.summary().journeyInstanceId()).distinct()).hasSize(JOURNEYS);
    }

    private long count(String sql, String prefix) throws Exception {
        return Long.parseLong(PipelineFixture.column(dataSource, sql, prefix + "%").getFirst());
    }
}

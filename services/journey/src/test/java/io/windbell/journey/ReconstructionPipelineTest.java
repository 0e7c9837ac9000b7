package io.windbell.journey;

import static io.windbell.contracts.touchpoint.Outcome.ABANDONED;
import static io.windbell.contracts.touchpoint.Outcome.FAILURE;
import static io.windbell.contracts.touchpoint.Outcome.SUCCESS;
import static io.windbell.journey.support.PipelineFixture.BROWSE;
import static io.windbell.journey.support.PipelineFixture.ORDER;
import static io.windbell.journey.support.PipelineFixture.RISK;
import static io.windbell.journey.support.PipelineFixture.keyStartsWith;
import static io.windbell.journey.support.TouchpointFeed.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.journey.support.PipelineFixture;
import io.windbell.journey.support.PipelineFixture.JourneyEvent;
import io.windbell.journey.support.TouchpointFeed;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;

/** Touchpoint events in through the real broker, journey state in the real database, journey events out. */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "admin", roles = "cx-admin")
class ReconstructionPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TouchpointFeed feed;

    @Inject
    DataSource dataSource;

    private String prefix;

    @BeforeAll
    static void openFeed() {
        feed = new TouchpointFeed();
    }

    @AfterAll
    static void closeFeed() {
        feed.close();
    }

    @BeforeEach
    void definition() {
        PipelineFixture.ensureDefinition();
        prefix = "P" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void touchpointsInJourneyEventsOutInOrderAndValid() throws Exception {
        String customer = prefix + "C1";
        feed.send(event(customer, null, "MOBILE_APP", BROWSE, SUCCESS, 4000),
                event(customer, null, "MOBILE_APP", RISK, SUCCESS, 3000),
                event(customer, null, "MOBILE_APP", ORDER, SUCCESS, 2000),
                event(customer, null, "MOBILE_APP", PipelineFixture.SUCCESS, SUCCESS, 1000));

        try (TopicProbe probe = TopicProbe.on(Topics.JOURNEY_EVENTS)) {
            List<JourneyEvent> events = probe.await(keyStartsWith(customer), 5, WAIT).stream()
                    .map(PipelineFixture::read).toList();
            assertThat(events).extracting(JourneyEvent::type).containsExactly("journey.started", "journey.progressed",
                    "journey.progressed", "journey.progressed", "journey.completed");
            assertThat(events).extracting(e -> e.summary().revision()).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(events).extracting(e -> e.summary().journeyInstanceId())
                    .containsOnly(events.getFirst().summary().journeyInstanceId());
            assertThat(((JourneyProgressed) events.get(1).payload()).keyNode()).isEqualTo(RISK);
            assertThat(((JourneyProgressed) events.get(2).payload()).kind())
                    .isEqualTo(JourneyProgressed.Kind.PHASE_ENTERED);
            assertThat(events.getLast().summary().status()).isEqualTo(JourneyStatus.COMPLETED);
            assertThat(events.getLast().summary().touchpoints()).hasSize(4);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.key()).isEqualTo(customer);
                assertThat(e.traceparent()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
            });
            for (ConsumerRecord<String, byte[]> record : probe.seen()) {
                if (record.key() != null && record.key().equals(customer)) {
                    ContractAssertions.assertValid(EventType.of(PipelineFixture.header(record, "ce_type")),
                            record.value());
                }
            }
        }
        assertThat(PipelineFixture.column(dataSource, "SELECT status FROM journey_instance WHERE customer_id = ?",
                customer)).containsExactly("COMPLETED");
        assertThat(PipelineFixture.column(dataSource,
                "SELECT count(*) FROM touchpoint_event WHERE customer_id = ? AND journey_instance_id IS NOT NULL",
                customer)).containsExactly("4");
    }

    @Test
    void theSameEventTwiceChangesNothing() throws Exception {
        String customer = prefix + "C2";
        TouchpointRecorded browse = event(customer, null, "WEB", BROWSE, SUCCESS, 3000);
        TouchpointRecorded risk = event(customer, null, "WEB", RISK, SUCCESS, 2000);
        feed.send(browse, risk, browse, risk);
        feed.send(risk);

        try (TopicProbe probe = TopicProbe.on(Topics.JOURNEY_EVENTS)) {
            probe.await(keyStartsWith(customer), 2, WAIT);
            // a marker event after the duplicates: once its effect is out, the duplicates had their chance
            feed.send(event(customer, null, "WEB", ORDER, SUCCESS, 1000));
            List<JourneyEvent> events = probe.await(keyStartsWith(customer), 4, WAIT).stream()
                    .map(PipelineFixture::read).toList();
            assertThat(events).extracting(e -> e.summary().revision()).containsExactly(1L, 2L, 3L, 4L);
        }
        assertThat(PipelineFixture.column(dataSource, "SELECT count(*) FROM touchpoint_event WHERE customer_id = ?",
                customer)).containsExactly("3");
    }

    @Test
    void aFailureNotRetriedInterruptsAndABranchVisitResumesAsAChannelSwitch() throws Exception {
        String customer = prefix + "C3";
        feed.send(event(customer, null, "MOBILE_APP", BROWSE, SUCCESS, 300),
                event(customer, null, "MOBILE_APP", RISK, FAILURE, 100));

        try (TopicProbe probe = TopicProbe.on(Topics.JOURNEY_EVENTS)) {
            JourneyEvent interrupted = probe
                    .await(keyStartsWith(customer)
                            .and(r -> "journey.interrupted".equals(PipelineFixture.header(r, "ce_type"))), 1, WAIT)
                    .stream().map(PipelineFixture::read).findFirst().orElseThrow();
            JourneyInterrupted payload = (JourneyInterrupted) interrupted.payload();
            assertThat(payload.reason()).isEqualTo(InterruptionReason.FAILURE);
            assertThat(payload.errorCodes()).containsExactly("RA-TIMEOUT-504");
            assertThat(payload.lastTouchpoint().code()).isEqualTo(RISK);

            feed.send(event(customer, null, "BRANCH", RISK, SUCCESS, 0));
            JourneyEvent resumed = probe
                    .await(keyStartsWith(customer)
                            .and(r -> "journey.resumed".equals(PipelineFixture.header(r, "ce_type"))), 1, WAIT)
                    .stream().map(PipelineFixture::read).findFirst().orElseThrow();
            assertThat(((JourneyResumed) resumed.payload()).channelSwitched()).isTrue();
            assertThat(((JourneyResumed) resumed.payload()).previousReason()).isEqualTo(InterruptionReason.FAILURE);
        }
        assertThat(PipelineFixture.column(dataSource,
                "SELECT reason || ' ' || touchpoint || ' ' || resumed_channel FROM journey_interruption i "
                        + "JOIN journey_instance j ON j.id = i.journey_instance_id WHERE j.customer_id = ?",
                customer)).containsExactly("FAILURE pipe.risk BRANCH");
    }

    @Test
    void anAbandonedAppJourneyFinishedInTheBranchWithinTheGraceIsAChannelSwitch() throws Exception {
        String customer = prefix + "C4";
        feed.send(event(customer, null, "MOBILE_APP", BROWSE, SUCCESS, 300),
                event(customer, null, "MOBILE_APP", RISK, ABANDONED, 200),
                event(customer, null, "BRANCH", RISK, SUCCESS, 100));

        try (TopicProbe probe = TopicProbe.on(Topics.JOURNEY_EVENTS)) {
            probe.await(keyStartsWith(customer), 2, WAIT);
            await().atMost(WAIT)
                    .until(() -> PipelineFixture.column(dataSource,
                            "SELECT channel_switches FROM journey_instance WHERE customer_id = ?", customer)
                            .equals(List.of("1")));
            // past the 2 s grace window, the abandonment must still not have become an interruption
            await().during(Duration.ofSeconds(3)).atMost(WAIT)
                    .until(() -> PipelineFixture.column(dataSource,
                            "SELECT status || ' ' || interruptions FROM journey_instance WHERE customer_id = ?",
                            customer).equals(List.of("IN_PROGRESS 0")));
            List<JourneyEvent> events = probe.await(keyStartsWith(customer), 2, WAIT).stream()
                    .map(PipelineFixture::read).toList();
            assertThat(events).extracting(JourneyEvent::type).containsExactly("journey.started", "journey.progressed");
        }
    }

    @Test
    void anAnonymousJourneyContinuesUnderTheCustomerAfterLogin() throws Exception {
        String customer = prefix + "C5";
        String device = prefix + "D5";
        feed.send(event(null, device, "MOBILE_APP", BROWSE, SUCCESS, 3000));
        feed.send(event(customer, device, "MOBILE_APP", RISK, SUCCESS, 2000));
        feed.send(event(customer, null, "MOBILE_APP", ORDER, SUCCESS, 1000));

        try (TopicProbe probe = TopicProbe.on(Topics.JOURNEY_EVENTS)) {
            List<JourneyEvent> events = probe.await(keyStartsWith(customer), 3, WAIT).stream()
                    .map(PipelineFixture::read).toList();
            JourneyStarted started = (JourneyStarted) events.getFirst().payload();
            assertThat(started.anonymousId()).isEqualTo(device);
            assertThat(started.journey().touchpoints()).extracting(t -> t.code()).containsExactly(BROWSE);
            assertThat(events).extracting(e -> e.summary().journeyInstanceId())
                    .containsOnly(started.journey().journeyInstanceId());
        }
        assertThat(PipelineFixture.column(dataSource, "SELECT customer_id FROM identity_link WHERE anonymous_id = ?",
                device)).containsExactly(customer);
        assertThat(PipelineFixture.column(dataSource,
                "SELECT count(*) FROM touchpoint_event WHERE anonymous_id = ? AND customer_id = ?", device, customer))
                        .containsExactly("2");
    }

    @Test
    void aRecordThatIsNotATouchpointEventGoesToTheDeadLetterTopicAndBlocksNothing() throws Exception {
        String customer = prefix + "C6";
        feed.sendRaw(customer, "{not json".getBytes(StandardCharsets.UTF_8));
        // a touchpoint.recorded with its CloudEvents headers but without the fields a journey is built from
        feed.sendWithHeaders(customer, EventJson.mapper()
                .writeValueAsBytes(java.util.Map.of("eventId", UUID.randomUUID(), "customerId", customer)));
        feed.send(event(customer, null, "WEB", BROWSE, SUCCESS, 0));

        try (TopicProbe dlq = TopicProbe.on(Topics.deadLetter(Topics.TOUCHPOINT_EVENTS, "journey"));
                TopicProbe journeys = TopicProbe.on(Topics.JOURNEY_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> letters = dlq.await(keyStartsWith(customer), 2, WAIT);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(PipelineFixture.header(letter, DeadLetters.ORIGINAL_TOPIC))
                        .isEqualTo(Topics.TOUCHPOINT_EVENTS);
                assertThat(PipelineFixture.header(letter, DeadLetters.ERROR_CLASS)).isNotBlank();
            });
            assertThat(new String(letters.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(PipelineFixture.header(letters.get(1), DeadLetters.ERROR_MESSAGE)).contains("occurredAt");
            journeys.await(keyStartsWith(customer), 1, WAIT);
        }
    }

    /**
     * Ingest refuses such events (issue 10), but a record from elsewhere that the database cannot store is poison: it
     * goes to the dead-letter topic after one attempt, without retries, and the records around it are applied.
     */
    @Test
    void anEventTheDatabaseCannotStoreIsDeadLetteredAtOnceAndTheOthersApplied() throws Exception {
        String customer = prefix + "C7";
        TouchpointRecorded browse = event(customer, null, "WEB", BROWSE, SUCCESS, 3000);
        TouchpointRecorded like = event(customer, null, "WEB", RISK, SUCCESS, 2000);
        TouchpointRecorded withNul = new TouchpointRecorded(like.eventId(), like.occurredAt(), like.receivedAt(),
                like.channel(), like.touchpoint(), customer, null, "sess\u0000ion", like.outcome(), null, 10L, null,
                null, null, null, java.util.Map.of());
        TouchpointRecorded order = event(customer, null, "WEB", ORDER, SUCCESS, 1000);

        try (TopicProbe dlq = TopicProbe.on(Topics.deadLetter(Topics.TOUCHPOINT_EVENTS, "journey"))) {
            feed.send(browse, withNul, order);
            ConsumerRecord<String, byte[]> letter = dlq.await(keyStartsWith(customer), 1, WAIT).getFirst();
            assertThat(PipelineFixture.header(letter, "ce_id")).isEqualTo(withNul.eventId().toString());
            assertThat(PipelineFixture.header(letter, DeadLetters.ATTEMPTS)).as("no retries").isEqualTo("1");
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PipelineFixture.column(dataSource,
                        "SELECT event_id::text FROM touchpoint_event WHERE customer_id = ? ORDER BY occurred_at",
                        customer)).containsExactly(browse.eventId().toString(), order.eventId().toString()));
    }
}

package io.windbell.scoring.alert;

import static io.restassured.RestAssured.given;
import static io.windbell.scoring.alert.support.AlertFixtures.header;
import static io.windbell.scoring.alert.support.AlertFixtures.isType;
import static io.windbell.scoring.alert.support.AlertFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.scoring.alert.support.AlertFixtures;
import io.windbell.scoring.reference.BranchDirectory;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.EventFeed;
import io.windbell.testing.TopicProbe;

/**
 * From {@code survey.responded} on the real broker to {@code alert.low-score} on {@code cx.experience-alerts.v1} and in
 * {@code GET /v1/alerts}: what the alert carries, one alert per response however it is redelivered, none for a
 * promoter, and follow-ups.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class LowScoreAlertTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(30);

    static EventFeed touchpoints;
    static EventFeed surveys;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BranchDirectory directory;

    @BeforeAll
    static void feeds() {
        touchpoints = new EventFeed("ingest");
        surveys = new EventFeed("survey");
    }

    @AfterAll
    static void close() {
        touchpoints.close();
        surveys.close();
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void aDetractorRaisesASchemaValidAlertWithTheFailingTouchpointsTheCommentAndTheTier() throws SQLException {
        String customer = AlertFixtures.id("C");
        String home = AlertFixtures.id("B");
        String region = AlertFixtures.id("R");
        addBranch(home, region);
        // the channel app told scoring the customer's tier and home branch
        touchpoints.send(AlertFixtures.touchpoint(customer, "wealth.product_browse", Outcome.SUCCESS, Instant.now(),
                Map.of("customerTier", "private", "homeBranchId", home)));
        await().atMost(PUBLISHED).until(() -> profileOf(customer) != null);
        SurveyResponded response = AlertFixtures.response(customer, 3, null);

        try (TopicProbe probe = TopicProbe.on(Topics.EXPERIENCE_ALERTS)) {
            surveys.send(response);
            ConsumerRecord<String, byte[]> record = probe
                    .await(r -> customer.equals(r.key()) && isType(r, EventType.ALERT_LOW_SCORE), 1, PUBLISHED)
                    .getFirst();

            ContractAssertions.assertValid(EventType.ALERT_LOW_SCORE, record.value());
            LowScoreAlert alert = payload(record, LowScoreAlert.class);
            assertThat(alert.responseId()).isEqualTo(response.responseId());
            assertThat(alert.score()).isEqualTo(3);
            assertThat(alert.customerTier()).isEqualTo("private");
            // no branch on the response: the customer's home branch
            assertThat(alert.branchId()).isEqualTo(home);
            // private is HIGH; the journey failed twice at wealth.risk_assessment, a critical touchpoint: CRITICAL
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.failingTouchpoints()).hasSize(2)
                    .allSatisfy(v -> assertThat(v.code()).isEqualTo("wealth.risk_assessment"))
                    .allSatisfy(v -> assertThat(v.errorCode()).isEqualTo("RA-TIMEOUT-504"));
            assertThat(alert.comment()).isEqualTo("风险测评提交了两次都超时，只能明天去网点办理。");
            assertThat(alert.journey().journeyInstanceId()).isEqualTo(response.journey().journeyInstanceId());
            assertThat(header(record, CloudEvents.SOURCE_HEADER)).isEqualTo("/windbell/scoring");
            // the trace of the response travels on to the alert
            assertThat(header(record, CloudEvents.TRACEPARENT_HEADER)).isEqualTo(EventFeed.TRACEPARENT);

            given().get("/v1/alerts?regionId=" + region).then().statusCode(200).body("items", hasSize(1))
                    .body("items[0].alertId", equalTo(alert.alertId().toString()))
                    .body("items[0].type", equalTo("LOW_SCORE")).body("items[0].severity", equalTo("CRITICAL"))
                    .body("items[0].branchId", equalTo(home)).body("items[0].customerId", equalTo(customer))
                    .body("items[0].event.responseId", equalTo(response.responseId().toString()))
                    .body("items[0].event.comment", equalTo(alert.comment()));
        }
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void theSameResponseDeliveredAgainOrRepublishedRaisesOneAlert() {
        String customer = AlertFixtures.id("C");
        String branch = AlertFixtures.id("B");
        SurveyResponded response = AlertFixtures.response(customer, 0, branch);
        // a later response of the same customer (same partition): once its alert is out, the copies were processed
        SurveyResponded sentinel = AlertFixtures.response(customer, 1, branch);

        try (TopicProbe probe = TopicProbe.on(Topics.EXPERIENCE_ALERTS)) {
            UUID eventId = UUID.randomUUID();
            surveys.send(eventId, response);
            surveys.send(eventId, response);
            // the survey service's relay published it again after a crash: a new ce_id, past the inbox
            surveys.send(response);
            surveys.send(sentinel);

            List<ConsumerRecord<String, byte[]>> alerts = probe.await(
                    r -> customer.equals(r.key())
                            && payload(r, LowScoreAlert.class).responseId().equals(sentinel.responseId()),
                    1, PUBLISHED);
            assertThat(alerts).hasSize(1);
            List<UUID> responses = new ArrayList<>();
            probe.seen().stream().filter(r -> customer.equals(r.key()))
                    .forEach(r -> responses.add(payload(r, LowScoreAlert.class).responseId()));
            assertThat(responses).containsExactly(response.responseId(), sentinel.responseId());
        }
        given().get("/v1/alerts?branchId=" + branch).then().statusCode(200).body("items", hasSize(2)).body(
                "items.event.responseId", contains(sentinel.responseId().toString(), response.responseId().toString()));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void aPromoterRaisesNoneAndALowFollowUpCarriesTheWorkOrderToReopen() {
        String customer = AlertFixtures.id("C");
        String branch = AlertFixtures.id("B");
        SurveyResponded promoter = AlertFixtures.response(customer, 9, branch);
        SurveyResponded passive = AlertFixtures.response(customer, 7, branch);
        UUID workOrder = UUID.randomUUID();
        SurveyResponded followUp = AlertFixtures.followUp(customer, 4, branch, workOrder);

        try (TopicProbe probe = TopicProbe.on(Topics.EXPERIENCE_ALERTS)) {
            surveys.send(promoter);
            surveys.send(passive);
            surveys.send(followUp);

            LowScoreAlert alert = payload(probe.await(r -> customer.equals(r.key()), 1, PUBLISHED).getFirst(),
                    LowScoreAlert.class);
            assertThat(alert.responseId()).isEqualTo(followUp.responseId());
            assertThat(alert.followUpOfWorkOrderId()).isEqualTo(workOrder);
            assertThat(alert.journey()).isNull();
            assertThat(alert.failingTouchpoints()).isEmpty();
            assertThat(alert.comment()).isNull();
            // the follow-up came after the promoter and the passive on the customer's partition: they raised nothing
            assertThat(probe.seen().stream().filter(r -> customer.equals(r.key()))).hasSize(1);
            ContractAssertions.assertValid(EventType.ALERT_LOW_SCORE,
                    probe.seen().stream().filter(r -> customer.equals(r.key())).findFirst().orElseThrow().value());
        }
        given().get("/v1/alerts?branchId=" + branch).then().statusCode(200).body("items", hasSize(1));
    }

    private void addBranch(String branch, String region) throws SQLException {
        List<BranchDirectory.Branch> branches = new ArrayList<>(directory.list());
        branches.add(new BranchDirectory.Branch(branch, region, null, null));
        directory.replace(branches, Instant.now());
    }

    private String profileOf(String customer) throws SQLException {
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement("select tier from customer_profile where customer_id = ?")) {
            select.setString(1, customer);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}

package io.windbell.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.SurveyExpired;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.survey.support.DeliveredLinks;
import io.windbell.survey.support.JourneyEvents;
import io.windbell.survey.support.SurveyEvents;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.survey.support.TestRules;
import io.windbell.testing.EventFeed;

/**
 * Journey events in through the real broker, decisions and invitations in the real database, survey events out; the
 * customer answers through the public JSON API.
 */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
// the test is both the admin who looks at invitations and the deliverer who fetches their links
@TestSecurity(user = "admin", roles = { "cx-admin", "survey-deliverer" })
class SurveyPipelineTest {

    private static EventFeed feed;
    private static SurveyEvents surveys;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        feed = new EventFeed("journey");
        surveys = new SurveyEvents();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
        surveys.close();
    }

    @BeforeEach
    void rules() {
        TestRules.ensure();
    }

    static String customer() {
        return "C-" + UUID.randomUUID();
    }

    static JourneyEvents failedWealthPurchase(String customer) {
        return JourneyEvents.journey(customer, "WEALTH_PURCHASE").phase("BEFORE_INVESTING")
                .visit("wealth.product_detail").branchVisit("wealth.rm_consultation", "B001", "E1001")
                .visit("wealth.risk_assessment", "MOBILE_APP", Outcome.FAILURE, "RA-TIMEOUT-504", true);
    }

    @Test
    void anInterruptedJourneyBecomesAnInvitationAndTheAnswerASurveyResponse() {
        String customer = customer();
        JourneyEvents journey = failedWealthPurchase(customer);
        feed.send(journey.interrupted(InterruptionReason.FAILURE));

        SurveyInvited invited = surveys.awaitOne(customer, SurveyInvited.class);
        assertThat(invited.journeyInstanceId()).isEqualTo(journey.id());
        assertThat(invited.anchorMetric()).isEqualTo(AnchorMetric.CES);
        assertThat(invited.surveyCode()).isEqualTo(TestRules.WEALTH_INTERRUPTED);
        assertThat(invited.expiresAt()).isAfter(invited.invitedAt().plus(Duration.ofDays(2)));
        assertThat(invited.reasons().getFirst().code()).isEqualTo(InvitationReason.Code.JOURNEY_INTERRUPTED);
        assertThat(invited.reasons()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo(InvitationReason.Code.TOUCHPOINT_FAILED);
            assertThat(reason.touchpointCode()).isEqualTo("wealth.risk_assessment");
            assertThat(reason.detail()).contains("RA-TIMEOUT-504");
        });
        assertThat(invited.questionIds()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(SurveyEvents.header(surveys.seen(customer).getFirst(), "traceparent"))
                .isEqualTo(EventFeed.TRACEPARENT);
        // the link is the respondent's credential: the deliverer fetches it, no consumer of the topic can read it
        String token = DeliveredLinks.token(invited.invitationId());
        assertThat(new String(surveys.seen(customer).getFirst().value(), StandardCharsets.UTF_8)).doesNotContain(token)
                .doesNotContain("/s/");

        JsonPath survey = given().get("/v1/s/{token}?lang=en", token).then().statusCode(200).extract().jsonPath();
        assertThat(survey.getList("questions.id", String.class)).isEqualTo(invited.questionIds());
        String anchor = invited.questionIds().getFirst();
        String whatWentWrong = survey.getString("questions.find { it.showIf != null }.id");
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(Map.of("questionId", anchor, "score", 6));
        answers.add(Map.of("questionId", whatWentWrong, "choices", List.of("wealth.risk_assessment")));
        given().contentType(ContentType.JSON).body(Map.of("locale", "en", "answers", answers))
                .post("/v1/s/{token}/responses", token).then().statusCode(201);

        SurveyResponded responded = surveys.awaitOne(customer, SurveyResponded.class);
        assertThat(responded.invitationId()).isEqualTo(invited.invitationId());
        assertThat(responded.anchorScore()).isEqualTo(6);
        assertThat(responded.locale()).isEqualTo("en");
        assertThat(responded.journey().journeyInstanceId()).isEqualTo(journey.id());
        assertThat(responded.branchId()).isEqualTo("B001");
        assertThat(responded.employeeId()).isEqualTo("E1001");
        assertThat(responded.productId()).isEqualTo("WM-2024-001");
        assertThat(responded.answers()).anySatisfy(answer -> {
            assertThat(answer.questionId()).isEqualTo(whatWentWrong);
            assertThat(answer.choices()).containsExactly("wealth.risk_assessment");
        });

        given().get("/v1/invitations/{id}", invited.invitationId()).then().statusCode(200)
                .body("status", equalTo("RESPONDED")).body("survey.reasons[0].code", equalTo("JOURNEY_INTERRUPTED"));
        given().get("/v1/decisions?customerId={c}", customer).then().statusCode(200)
                .body("items[0].outcome", equalTo("INVITED"))
                .body("items[0].invitationId", equalTo(invited.invitationId().toString()));
    }

    @Test
    void theSameEventTwiceInvitesOnce() {
        String customer = customer();
        UUID eventId = UUID.randomUUID();
        var event = failedWealthPurchase(customer).interrupted(InterruptionReason.FAILURE);
        feed.send(eventId, event);
        surveys.awaitOne(customer, SurveyInvited.class);
        feed.send(eventId, event);
        // a later event of the same customer (same partition) is applied only after the duplicate
        feed.send(JourneyEvents.journey(customer, "LOAN_APPLICATION").visit("loan.calculator").completed());
        await().atMost(SurveyEvents.WAIT).until(() -> decisions(customer) == 2);
        assertThat(count("SELECT count(*) FROM invitation WHERE customer_id = ?", customer)).isEqualTo(1);
    }

    @Test
    void theContactBudgetRefusesASecondSurveyAndSaysWhy() {
        String customer = customer();
        feed.send(failedWealthPurchase(customer).interrupted(InterruptionReason.FAILURE));
        surveys.awaitOne(customer, SurveyInvited.class);
        feed.send(JourneyEvents.journey(customer, "LOAN_APPLICATION").visit("loan.calculator").completed());
        await().atMost(SurveyEvents.WAIT).until(() -> decisions(customer) == 2);
        given().get("/v1/decisions?customerId={c}", customer).then().statusCode(200)
                .body("items[0].outcome", equalTo("BUDGET_CAP")).body("items[1].outcome", equalTo("INVITED"));
    }

    @Test
    void aJourneyThatMovesOnExpiresItsInvitation() {
        String customer = customer();
        JourneyEvents journey = failedWealthPurchase(customer);
        feed.send(journey.interrupted(InterruptionReason.FAILURE));
        SurveyInvited invited = surveys.awaitOne(customer, SurveyInvited.class);
        String token = DeliveredLinks.token(invited.invitationId());
        feed.send(journey.visit("wealth.suitability_match").progressed());

        SurveyExpired expired = surveys.awaitOne(customer, SurveyExpired.class);
        assertThat(expired.invitationId()).isEqualTo(invited.invitationId());
        assertThat(expired.opened()).isFalse();
        given().get("/v1/invitations/{id}", invited.invitationId()).then().body("status", equalTo("EXPIRED"))
                .body("closedReason", equalTo("JOURNEY_MOVED_ON"));
        given().get("/v1/s/{token}", token).then().statusCode(410);
        given().get("/v1/invitations/{id}/link", invited.invitationId()).then().statusCode(410);
    }

    @Test
    void anInvitationExpiresAtItsTime() {
        String customer = customer();
        feed.send(JourneyEvents.journey(customer, "LOAN_APPLICATION").visit("loan.calculator")
                .visit("loan.application_form").completed());
        SurveyInvited invited = surveys.awaitOne(customer, SurveyInvited.class);
        // two seconds after the planned delivery, which the scheduler's delivery can only follow
        assertThat(invited.expiresAt()).isBeforeOrEqualTo(invited.invitedAt().plusSeconds(2));
        SurveyExpired expired = surveys.awaitOne(customer, SurveyExpired.class);
        assertThat(expired.invitationId()).isEqualTo(invited.invitationId());
        assertThat(expired.expiresAt()).isEqualTo(invited.expiresAt());
        assertThat(Instant.now()).isAfterOrEqualTo(invited.expiresAt());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextEventIsApplied() {
        String customer = customer();
        try (var dlq = io.windbell.testing.TopicProbe.on("cx.journey-events.v1.dlq.survey")) {
            feed.sendRaw("cx.journey-events.v1", customer, "{not json".getBytes());
            feed.send(failedWealthPurchase(customer).interrupted(InterruptionReason.TIMEOUT));
            dlq.await(record -> customer.equals(record.key()), 1, SurveyEvents.WAIT);
            surveys.awaitOne(customer, SurveyInvited.class);
        }
    }

    int decisions(String customer) {
        return count("SELECT count(*) FROM survey_decision WHERE customer_id = ?", customer);
    }

    int count(String sql, String parameter) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

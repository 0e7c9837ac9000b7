package io.windbell.survey.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
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
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.survey.support.DeliveredLinks;
import io.windbell.survey.support.JourneyEvents;
import io.windbell.survey.support.SurveyEvents;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.survey.support.TestRules;
import io.windbell.survey.support.WorkOrders;
import io.windbell.testing.EventFeed;

/** Recovery work orders pause surveys, and a resolved one brings the one-question follow-up, consent permitting. */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
// the test is both the admin who looks at invitations and the deliverer who fetches their links
@TestSecurity(user = "admin", roles = { "cx-admin", "survey-deliverer" })
class RecoveryFollowUpTest {

    private static EventFeed journeys;
    private static EventFeed workOrders;
    private static SurveyEvents surveys;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        journeys = new EventFeed("journey");
        workOrders = new EventFeed("workorder");
        surveys = new SurveyEvents();
    }

    @AfterAll
    static void disconnect() {
        journeys.close();
        workOrders.close();
        surveys.close();
    }

    @BeforeEach
    void rules() {
        TestRules.ensure();
    }

    static JourneyEvents interruptedWealth(String customer) {
        return JourneyEvents.journey(customer, "WEALTH_PURCHASE").visit("wealth.product_detail")
                .visit("wealth.order_submit", "MOBILE_APP", Outcome.FAILURE, "ORD-500", true);
    }

    @Test
    void anOpenRecoveryPausesSurveysAndItsResolutionSendsTheFollowUpOnce() {
        String customer = "C-" + UUID.randomUUID();
        WorkOrders order = WorkOrders.recovery(customer);
        workOrders.send(order.created());
        // the two topics are consumed independently: the order must be known before the journey is decided
        await().atMost(SurveyEvents.WAIT).until(() -> openRecoveries(customer) == 1);
        journeys.send(interruptedWealth(customer).interrupted(InterruptionReason.FAILURE));
        await().atMost(SurveyEvents.WAIT).untilAsserted(() -> given().get("/v1/decisions?customerId={c}", customer)
                .then().body("items[0].outcome", equalTo("OPEN_RECOVERY")));

        var resolved = order.resolved(true);
        workOrders.send(resolved);
        SurveyInvited followUp = surveys.awaitOne(customer, SurveyInvited.class);
        assertThat(followUp.followUpOfWorkOrderId()).isEqualTo(order.id());
        assertThat(followUp.journeyInstanceId()).isNull();
        assertThat(followUp.questionIds()).hasSize(1);
        assertThat(followUp.reasons().getFirst().code()).isEqualTo(InvitationReason.Code.RECOVERY_FOLLOW_UP);
        // the trace of the resolution continues through the follow-up's survey.invited
        assertThat(surveys.seen(customer))
                .filteredOn(record -> SurveyInvited.TYPE.equals(SurveyEvents.header(record, CloudEvents.TYPE_HEADER)))
                .extracting(record -> SurveyEvents.header(record, CloudEvents.TRACEPARENT_HEADER))
                .containsExactly(EventFeed.TRACEPARENT);

        // the same resolution again (a replay under a new id) does not send a second follow-up
        workOrders.send(resolved);
        workOrders.send(order.closed());
        await().atMost(SurveyEvents.WAIT).untilAsserted(() -> given().get("/v1/invitations?customerId={c}", customer)
                .then().body("items.size()", equalTo(1)).body("items[0].countsAgainstBudget", equalTo(false)));

        // answering it gives a response linked to the work order, attributed to its branch and assignee
        given().contentType(ContentType.JSON)
                .body(Map.of("locale", "zh-CN", "answers",
                        List.of(Map.of("questionId", followUp.questionIds().getFirst(), "score", 9))))
                .post("/v1/s/{token}/responses", DeliveredLinks.token(followUp.invitationId())).then().statusCode(201);
        SurveyResponded responded = surveys.awaitOne(customer, SurveyResponded.class);
        assertThat(responded.followUpOfWorkOrderId()).isEqualTo(order.id());
        assertThat(responded.branchId()).isEqualTo("B001");
        assertThat(responded.employeeId()).isEqualTo("E2002");
        assertThat(responded.journey()).isNull();
    }

    int openRecoveries(String customer) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection
                .prepareStatement("SELECT count(*) FROM recovery_work_order WHERE customer_id = ? AND open")) {
            statement.setString(1, customer);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void aCustomerWhoOptedOutGetsNeitherSurveysNorFollowUps() {
        String customer = "C-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("doNotSurvey", true, "timeZone", "Asia/Shanghai", "locale", "zh-CN"))
                .put("/v1/customers/{id}/contact-preferences", customer).then().statusCode(200);
        journeys.send(interruptedWealth(customer).interrupted(InterruptionReason.FAILURE));
        WorkOrders order = WorkOrders.recovery(customer);
        workOrders.send(order.created());
        workOrders.send(order.resolved(true));
        await().atMost(SurveyEvents.WAIT)
                .untilAsserted(() -> given().get("/v1/decisions?customerId={c}", customer).then()
                        .body("items.size()", equalTo(2))
                        .body("items.outcome", org.hamcrest.Matchers.everyItem(equalTo("DO_NOT_SURVEY"))));
        given().get("/v1/invitations?customerId={c}", customer).then().body("items.size()", equalTo(0));
    }
}

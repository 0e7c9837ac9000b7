package io.windbell.scoring.driver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.scoring.support.InsightEvents;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.EventFeed;

/**
 * From {@code survey.responded} on the real broker to the driver analysis over HTTP: one observation per response
 * whatever the redelivery, the regression's answer, branch scoping and the roles.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class DriverApiTest {

    static final String JOURNEY = "LOAN_DRIVERS";
    static final String MARKER = "LOAN_DRIVERS_MARK";
    static final int RESPONSES = 60;
    static final String PATH = "/v1/journeys/" + JOURNEY + "/drivers";
    static boolean fed;

    @BeforeAll
    static void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Random random = new Random(11);
        Instant at = Instant.now().minus(Duration.ofHours(1));
        SurveyResponded first = null;
        try (EventFeed feed = new EventFeed("survey")) {
            for (int i = 0; i < RESPONSES; i++) {
                // NPS driven by the submit step most, the form less, the SMS step hardly at all
                int form = 1 + random.nextInt(5);
                int sms = 1 + random.nextInt(5);
                int submit = 1 + random.nextInt(5);
                int nps = (int) Math.max(0,
                        Math.min(10, Math.round(0.8 * form + 0.1 * sms + 1.3 * submit - 1 + random.nextGaussian())));
                SurveyResponded response = InsightEvents.response(UUID.randomUUID(), "C-drv-" + i, JOURNEY, "B001", nps,
                        Map.of("loan.apply_form", form, "loan.sms_verify", sms, "loan.submit", submit), at);
                first = first == null ? response : first;
                feed.send(response);
            }
            // the same response again under another ce_id, then a marker on the same partition (same customer)
            feed.send(first);
            feed.send(InsightEvents.response(UUID.randomUUID(), first.customerId(), MARKER, "B001", 9, Map.of(), at));
        }
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void anAnalystGetsTheRegressionOverEveryResponseOnce() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/v1/journeys/" + MARKER + "/drivers")
                .then().statusCode(200).body("responses", is(1)));

        given().get(PATH).then().statusCode(200).body("journeyCode", equalTo(JOURNEY))
                .body("anchorMetric", equalTo("NPS")).body("responses", is(RESPONSES)).body("n", is(RESPONSES))
                .body("status", equalTo("OK")).body("lowSample", is(false))
                .body("factors.touchpointCode", containsInAnyOrder("loan.apply_form", "loan.sms_verify", "loan.submit"))
                .body("excludedFactors", empty());
        JsonPath report = given().get(PATH).then().extract().jsonPath();
        double importances = report.getList("factors.importance", Double.class).stream()
                .mapToDouble(Double::doubleValue).sum();
        assertThat(importances).isCloseTo(report.getDouble("rSquared"), within(1e-5));
        assertThat(report.getDouble("factors.find { it.touchpointCode == 'loan.submit' }.standardizedCoefficient"))
                .isGreaterThan(report
                        .getDouble("factors.find { it.touchpointCode == 'loan.sms_verify' }.standardizedCoefficient"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void aWindowWithoutResponsesIsInsufficientNotAnError() {
        given().get(PATH + "?from=2020-01-01&to=2020-02-01").then().statusCode(200)
                .body("status", equalTo("INSUFFICIENT")).body("responses", is(0)).body("factors", empty())
                .body("rSquared", equalTo(null));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void aBranchManagerSeesTheirBranch() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get(PATH).then().statusCode(200).body("responses", is(RESPONSES)));
        given().get(PATH + "?branchId=B002").then().statusCode(200).body("responses", is(0)).body("factors",
                hasSize(0));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B002"))
    void aBranchManagerOfAnotherBranchSeesNothing() {
        given().get(PATH).then().statusCode(200).body("responses", is(0)).body("status", equalTo("INSUFFICIENT"))
                .body("factors", hasSize(0));
    }

    @Test
    @TestSecurity(user = "regional", roles = "regional-manager")
    @OidcSecurity(claims = @Claim(key = "region_id", value = "R-NONE"))
    void aRegionalManagerOfAnotherRegionSeesNothing() {
        given().get(PATH).then().statusCode(200).body("responses", is(0));
        given().get(PATH + "?regionId=R-OTHER").then().statusCode(200).body("responses", is(0));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void badParametersAreProblemsFieldByField() {
        given().get("/v1/journeys/loan/drivers?metric=NOPE&branchId=a%20b").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("journeyCode", "metric", "branchId"));
        given().get(PATH + "?from=2025-03-02&to=2025-03-01").then().statusCode(400).body("violations[0].field",
                equalTo("from"));
        given().get(PATH + "?from=2020-01-01&to=2025-01-01").then().statusCode(400).body("violations[0].field",
                equalTo("to"));
    }
}

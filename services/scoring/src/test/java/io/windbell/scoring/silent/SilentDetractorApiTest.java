package io.windbell.scoring.silent;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.scoring.support.InsightEvents;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.EventFeed;

/**
 * From failing touchpoints and an interrupted journey on the real broker to the silent-detractor list with its reasons;
 * the customer leaves the list once they answer a survey; branch scoping, paging and the roles.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class SilentDetractorApiTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** BSD01: three failures at loan.submit, then an interrupted journey with a slow key step; answers later. */
    static final String FAILING = "C-sd1-" + RUN;
    /** BSD02: three failures. */
    static final String OTHER = "C-sd2-" + RUN;
    /** BSD02: three failures and an abandonment; stays listed. */
    static final String THIRD = "C-sd3-" + RUN;
    static final String PATH = "/v1/silent-detractors";
    static boolean fed;

    @BeforeAll
    static void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        try (EventFeed feed = new EventFeed("ingest")) {
            for (int i = 0; i < 3; i++) {
                feed.send(InsightEvents.touchpoint(FAILING, "loan.submit", Outcome.FAILURE, "E_TIMEOUT", "BSD01",
                        at.plusSeconds(i)));
                feed.send(InsightEvents.touchpoint(OTHER, "loan.submit", Outcome.FAILURE, "E_REJECTED", "BSD02",
                        at.plusSeconds(i)));
                feed.send(InsightEvents.touchpoint(THIRD, "card.activate", Outcome.FAILURE, "E_OTP", "BSD02",
                        at.plusSeconds(i)));
            }
            feed.send(InsightEvents.touchpoint(THIRD, "card.activate", Outcome.ABANDONED, null, "BSD02",
                    at.plusSeconds(5)));
            // the key-node visit took 2 minutes, above the 60 s fallback (no sketch of loan.credit_check yet); the
            // journey's two events both carry it: it counts once
            TouchpointVisit slow = InsightEvents.visit("loan.credit_check", Outcome.SUCCESS, 120_000, true,
                    at.plusSeconds(10));
            TouchpointVisit failed = InsightEvents.visit("loan.submit", Outcome.FAILURE, 1_000, true,
                    at.plusSeconds(200));
            JourneySummary progressing = InsightEvents.journey("LOAN_APPLY", FAILING, JourneyStatus.IN_PROGRESS,
                    List.of(slow), at.plusSeconds(10));
            JourneySummary stalled = InsightEvents.journey("LOAN_APPLY", FAILING, JourneyStatus.INTERRUPTED,
                    List.of(slow, failed), at.plusSeconds(300));
            feed.send(InsightEvents.progressed(progressing, "loan.credit_check", at.plusSeconds(10)));
            feed.send(InsightEvents.interrupted(stalled, InterruptionReason.FAILURE, failed, at.plusSeconds(300)));
        }
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void failuresAndAnInterruptionAreListedWithReasonsUntilTheCustomerAnswers() {
        String failing = "items.find { it.customerId == '" + FAILING + "' }";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> given().get(PATH + "?limit=200").then().statusCode(200).body(failing + ".reasons.detail",
                        containsInAnyOrder("3 failures at loan.submit (E_TIMEOUT)",
                                "1 interrupted journey at loan.submit (FAILURE)",
                                "1 slow key step at loan.credit_check (above the touchpoint's p90)")));
        // 3 x 3 + 5 + 2 = 16 points, less than 30 minutes of decay: score 100 (1 - e^-1.6) = 79.8
        given().get(PATH + "?limit=200").then().body(failing + ".branchId", equalTo("BSD01"))
                .body(failing + ".score", equalTo(79.8f)).body(failing + ".lastSignalAt", notNullValue());

        try (EventFeed feed = new EventFeed("survey")) {
            feed.send(InsightEvents.response(UUID.randomUUID(), FAILING, "LOAN_APPLY", "BSD01", 2, Map.of(),
                    Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(PATH + "?limit=200").then()
                .statusCode(200).body("items.customerId", not(hasItem(FAILING))));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "BSD02"))
    void aBranchManagerSeesOnlyTheirBranchesCustomers() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(PATH + "?limit=200").then()
                .statusCode(200).body("items.customerId", hasItem(OTHER)).body("items.customerId", hasItem(THIRD)));
        given().get(PATH + "?limit=200").then().body("items.branchId", everyItem(equalTo("BSD02")))
                .body("items.customerId", not(hasItem(FAILING)));
        given().get(PATH + "?branchId=BSD01").then().statusCode(200).body("items", hasSize(0)).body("nextCursor",
                nullValue());
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void pagesFollowTheScoreAndTheCursor() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(PATH + "?branchId=BSD02").then()
                .statusCode(200).body("items.customerId", hasItem(THIRD)).body("items.customerId", hasItem(OTHER)));
        // THIRD: 3 failures (9) + an abandonment (4) = 13 points outrank OTHER's 9
        String cursor = given().get(PATH + "?branchId=BSD02&limit=1").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].customerId", equalTo(THIRD))
                .body("items[0].reasons.signal", containsInAnyOrder("FAILURE", "ABANDONMENT"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().get(PATH + "?branchId=BSD02&limit=1&cursor=" + cursor).then().statusCode(200)
                .body("items[0].customerId", equalTo(OTHER));
        // OTHER scores 100 (1 - e^-0.9) = 59.3: below a minimum of 60
        given().get(PATH + "?branchId=BSD02&minScore=60").then().statusCode(200).body("items.customerId",
                not(hasItem(OTHER)));
    }

    @Test
    @TestSecurity(user = "regional", roles = "regional-manager")
    @OidcSecurity(claims = @Claim(key = "region_id", value = "R-NONE"))
    void aRegionalManagerOfAnotherRegionSeesNothing() {
        given().get(PATH + "?minScore=0").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void badParametersAreProblemsFieldByField() {
        given().get(PATH + "?minScore=-1&limit=0&branchId=a%20b").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("minScore", "limit", "branchId"));
        given().get(PATH + "?minScore=101").then().statusCode(400).body("violations[0].field", equalTo("minScore"));
        given().get(PATH + "?cursor=bm90LWEtY3Vyc29y").then().statusCode(400).body("violations[0].field",
                equalTo("cursor"));
    }
}

package io.windbell.scoring.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.scoring.reference.BranchDirectory;
import io.windbell.scoring.support.ScoringEvents;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.EventFeed;

/**
 * From events on the real broker to {@code GET /v1/metrics} and the touchpoint O-data: hand-computed NPS, response,
 * success and completion rates, a redelivered record counted once, and who sees which branch.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class MetricsApiTest {

    /** Codes of this run, so that rows of other runs and classes in the same database never mix in. */
    static final String RUN = Long
            .toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36)
            .toUpperCase(Locale.ROOT);
    static final String SURVEY = "RR_" + RUN;
    static final String TOUCHPOINT = "test.tp_" + RUN.toLowerCase(Locale.ROOT);
    static final String JOURNEY = "TJ_" + RUN;
    /** A Tuesday, noon in Shanghai. */
    static final Instant AT = Instant.parse("2025-06-10T04:00:00Z");
    static final String DAY = "from=2025-06-10&to=2025-06-10";

    private static boolean fed;

    @Inject
    BranchDirectory directory;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void feedOnce() throws Exception {
        synchronized (MetricsApiTest.class) {
            if (fed) {
                return;
            }
            // the directory as PUT /v1/branches stores it (that resource is tested with the skeleton)
            directory.replace(List.of(new BranchDirectory.Branch("B001", "R01", null, null),
                    new BranchDirectory.Branch("B002", "R01", null, null),
                    new BranchDirectory.Branch("B003", "R02", null, null)), Instant.now());
            try (EventFeed feed = new EventFeed("test")) {
                feedSurveys(feed);
                feedTouchpoints(feed);
                feedJourneys(feed);
            }
            fed = true;
        }
    }

    /**
     * Five invitations of one customer; four answered (10, 9, 7 at B001; 3 at B003), the first one twice; one expired.
     */
    private static void feedSurveys(EventFeed feed) {
        String customer = "C-" + RUN;
        List<UUID> invitations = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        invitations.forEach(id -> feed.send(ScoringEvents.invited(id, customer, SURVEY, AT.minusSeconds(3600))));
        int[] scores = { 10, 9, 7, 3 };
        String[] branches = { "B001", "B001", "B001", "B003" };
        UUID firstResponse = null;
        SurveyResponded first = null;
        for (int i = 0; i < 4; i++) {
            SurveyResponded response = ScoringEvents.responded(invitations.get(i), customer, SURVEY, scores[i],
                    branches[i], AT, null, TOUCHPOINT);
            UUID id = feed.send(response);
            if (i == 0) {
                firstResponse = id;
                first = response;
            }
        }
        feed.send(firstResponse, first); // redelivered: the same ce_id
        feed.send(ScoringEvents.expired(invitations.get(4), customer, SURVEY, AT.minusSeconds(3600)));
    }

    /** At B001, anonymous: 6 successes, 2 failures (E1), 1 abandoned, 1 INFO; durations 100, 200, … 1000 ms. */
    private static void feedTouchpoints(EventFeed feed) {
        Outcome[] outcomes = { Outcome.SUCCESS, Outcome.SUCCESS, Outcome.SUCCESS, Outcome.SUCCESS, Outcome.SUCCESS,
                Outcome.SUCCESS, Outcome.FAILURE, Outcome.FAILURE, Outcome.ABANDONED, Outcome.INFO };
        for (int i = 0; i < outcomes.length; i++) {
            feed.send(ScoringEvents.touchpoint(TOUCHPOINT, null, AT, outcomes[i],
                    outcomes[i] == Outcome.FAILURE ? "E1" : null, 100L * (i + 1), "B001", "MOBILE_APP"));
        }
    }

    /**
     * Four journeys started; j1 (app then branch) completes smoothly in 60 s; j2 is interrupted twice, resumes and
     * completes in 120 s; j3 completes in 90 s; j4 is still going.
     */
    private static void feedJourneys(EventFeed feed) {
        String customer = "CJ-" + RUN;
        JourneySummary j1 = ScoringEvents.journey(UUID.randomUUID(), JOURNEY, customer, AT, "B001", "MOBILE_APP",
                "BRANCH");
        JourneySummary j2 = ScoringEvents.journey(UUID.randomUUID(), JOURNEY, customer, AT, "B001", "MOBILE_APP");
        JourneySummary j3 = ScoringEvents.journey(UUID.randomUUID(), JOURNEY, customer, AT, "B001", "MOBILE_APP");
        JourneySummary j4 = ScoringEvents.journey(UUID.randomUUID(), JOURNEY, customer, AT, "B001", "MOBILE_APP");
        List.of(j1, j2, j3, j4).forEach(j -> feed.send(ScoringEvents.started(j)));
        feed.send(ScoringEvents.completed(j1, AT.plusSeconds(60), 60_000, 0));
        feed.send(ScoringEvents.interrupted(j2, AT.plusSeconds(10)));
        feed.send(ScoringEvents.interrupted(j2, AT.plusSeconds(20)));
        feed.send(ScoringEvents.resumed(j2, AT.plusSeconds(20), AT.plusSeconds(30)));
        feed.send(ScoringEvents.completed(j2, AT.plusSeconds(120), 120_000, 2));
        feed.send(ScoringEvents.completed(j3, AT.plusSeconds(90), 90_000, 0));
    }

    /** Decimals read as doubles (REST Assured reads them as floats by default). */
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private static ValidatableResponse metrics(String query) {
        return given().config(DOUBLES).get("/v1/metrics?" + query).then();
    }

    private static ValidatableResponse odata(String query) {
        return given().config(DOUBLES).get("/v1/touchpoints/" + TOUCHPOINT + "/odata?" + query).then();
    }

    /**
     * Waits until the expiry, the last survey event of the customer, has been folded (read from the table: a scoped
     * caller does not see the cohort, which has no branch).
     */
    private void awaitSurveys() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "select coalesce(sum(expired), 0) from invitation_rollup where survey_code = ?")) {
                select.setString(1, SURVEY);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() && rows.getLong(1) == 1;
                }
            }
        });
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void npsAndResponseRateAreTheHandComputedOnesAndARedeliveryCountsOnce() {
        awaitSurveys();
        String ours = "points.find { it.group.survey == '" + SURVEY + "' }";
        // 5 invited, 4 answered (the redelivered answer is not a fifth), 1 expired: 4 / 5
        metrics("metric=RESPONSE_RATE&groupBy=survey&" + DAY).statusCode(200).body(ours + ".value", closeTo(0.8, 1e-9))
                .body(ours + ".n", is(5)).body(ours + ".components.responded", is(4));
        // 10, 9 promoters, 7 passive, 3 detractor: 100 (2 - 1) / 4 = 25;
        // variance 100² (.5 + .25 - .25²) / 4 = 1718.75, MoE = 1.959964 x 41.4578 = 81.256
        metrics("metric=NPS&groupBy=survey&bucket=WEEK&" + DAY).statusCode(200)
                .body(ours + ".value", closeTo(25.0, 1e-9)).body(ours + ".n", is(4))
                .body(ours + ".marginOfError95", closeTo(81.256, 1e-3)).body(ours + ".lowSample", is(true))
                .body(ours + ".bucketStart", equalTo("2025-06-09")).body(ours + ".components.promoters", is(2));
        // by branch: B001 has 10, 9, 7 -> 100 x 2 / 3; B003 has the 3 -> -100
        String b001 = "points.find { it.group.survey == '" + SURVEY + "' && it.group.branch == 'B001' }";
        String b003 = "points.find { it.group.survey == '" + SURVEY + "' && it.group.branch == 'B003' }";
        metrics("metric=NPS&groupBy=survey,branch&" + DAY).statusCode(200)
                .body(b001 + ".value", closeTo(200.0 / 3, 1e-9)).body(b003 + ".value", closeTo(-100.0, 1e-9));
        // the factor answers (CSAT about the touchpoint): 5, 5, 4, 2 -> mean 4
        metrics("metric=FACTOR_SCORE&touchpoint=" + TOUCHPOINT + "&" + DAY).statusCode(200).body("points", hasSize(1))
                .body("points[0].group.questionType", equalTo("CSAT")).body("points[0].value", closeTo(4.0, 1e-9))
                .body("points[0].n", is(4));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void successRateAndTouchpointODataAreTheHandComputedOnes() {
        String query = "metric=SUCCESS_RATE&touchpoint=" + TOUCHPOINT + "&" + DAY;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> metrics(query).statusCode(200).body("points[0].components.events", is(10)));
        // 6 successes of 9 events with an outcome (the INFO event is in no denominator)
        metrics(query).body("points", hasSize(1)).body("points[0].value", closeTo(6.0 / 9, 1e-9)).body("points[0].n",
                is(9));
        // anonymous events count under tier ''
        metrics("metric=SUCCESS_RATE&groupBy=tier&touchpoint=" + TOUCHPOINT + "&" + DAY).body("points", hasSize(1))
                .body("points[0].group.tier", equalTo(""));
        // durations 100 … 1000: nearest-rank p50 = 500, p90 = 900, each within 1% above
        odata(DAY).statusCode(200).body("events", is(10)).body("n", is(9))
                .body("successRate.value", closeTo(6.0 / 9, 1e-9)).body("errorRate.value", closeTo(2.0 / 9, 1e-9))
                .body("abandonmentRate.value", closeTo(1.0 / 9, 1e-9)).body("errorsByCode", hasSize(1))
                .body("errorsByCode[0].errorCode", equalTo("E1")).body("errorsByCode[0].n", is(2))
                .body("durationP50Ms", closeTo(502.5, 2.5)).body("durationP90Ms", closeTo(904.5, 4.5))
                .body("lowSample", is(true));
        odata("channel=BRANCH&" + DAY).statusCode(200).body("events", is(0)).body("successRate.value", equalTo(null));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void completionRateCountsEachJourneyAtItsFirstEnd() {
        String query = "metric=COMPLETION_RATE&journey=" + JOURNEY + "&" + DAY;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> metrics(query).statusCode(200).body("points[0].components.ended", is(3)));
        // started 4; first ends: j1 completed, j2 interrupted (once, whatever followed), j3 completed -> 2 / 3
        metrics(query).body("points[0].value", closeTo(2.0 / 3, 1e-9)).body("points[0].components.started", is(4))
                .body("points[0].components.interrupted", is(1)).body("points[0].components.resumed", is(1));
        metrics("metric=CHANNEL_SWITCH_RATE&journey=" + JOURNEY + "&" + DAY).body("points[0].value",
                closeTo(1.0 / 3, 1e-9));
        // every completion's time, also j2's after its interruptions: 60, 90, 120 s -> p50 = 90 s (within 1%)
        metrics("metric=TIME_TO_COMPLETE_P50&journey=" + JOURNEY + "&" + DAY)
                .body("points[0].value", closeTo(90_450.0, 450.0)).body("points[0].n", is(3));
        // by the journey's first channel
        metrics("metric=COMPLETION_RATE&groupBy=channel&journey=" + JOURNEY + "&" + DAY).body("points", hasSize(1))
                .body("points[0].group.channel", equalTo("MOBILE_APP"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void aBranchManagerSeesTheirBranchOnly() {
        awaitSurveys();
        String ours = "points.find { it.group.survey == '" + SURVEY + "' }";
        metrics("metric=NPS&groupBy=survey&" + DAY).statusCode(200).body(ours + ".n", is(3)).body(ours + ".value",
                closeTo(200.0 / 3, 1e-9));
        metrics("metric=NPS&groupBy=survey,branch&" + DAY).body("points.group.branch.unique()",
                equalTo(List.of("B001")));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B002"))
    void aBranchManagerAskingForAnotherBranchGetsNothing() {
        awaitSurveys();
        metrics("metric=NPS&groupBy=survey&branchId=B001&" + DAY).statusCode(200).body("points", empty());
        odata("branchId=B001&" + DAY).statusCode(200).body("events", is(0)).body("errorsByCode", empty());
    }

    @Test
    @TestSecurity(user = "regional", roles = "regional-manager")
    @OidcSecurity(claims = @Claim(key = "region_id", value = "R02"))
    void aRegionalManagerSeesTheirRegionsBranchesOnly() {
        awaitSurveys();
        String ours = "points.find { it.group.survey == '" + SURVEY + "' }";
        // R02 is B003 alone: the one detractor
        metrics("metric=NPS&groupBy=survey&" + DAY).statusCode(200).body(ours + ".n", is(1)).body(ours + ".value",
                closeTo(-100.0, 1e-9));
        metrics("metric=NPS&groupBy=survey&regionId=R01&" + DAY).statusCode(200).body("points", empty());
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void frontlineStaffAreRefused() {
        metrics("metric=NPS").statusCode(403);
        given().get("/v1/touchpoints/" + TOUCHPOINT + "/odata").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "app", roles = "channel-app")
    void channelAppsAreRefused() {
        metrics("metric=NPS").statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void badParametersAreProblemsFieldByField() {
        metrics("metric=BOGUS&branchId=no%20spaces&from=2025-13-01&bucket=YEAR").statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("metric", "branchId", "from", "bucket"));
        metrics("bucket=DAY").statusCode(400).body("violations.field", containsInAnyOrder("metric"));
        metrics("metric=SUCCESS_RATE&groupBy=survey").statusCode(400).body("violations.field",
                containsInAnyOrder("groupBy"));
        metrics("metric=NPS&groupBy=journey,branch,region").statusCode(400).body("violations.field",
                containsInAnyOrder("groupBy"));
        metrics("metric=NPS&from=2025-06-10&to=2025-06-01").statusCode(400).body("violations.field",
                containsInAnyOrder("from"));
        metrics("metric=NPS&from=2024-01-01&to=2025-06-01").statusCode(400).body("violations.field",
                containsInAnyOrder("to"));
        metrics("metric=NPS&journey=WEALTH_PURCHASE&touchpoint=a.b").statusCode(400).body("violations.field",
                containsInAnyOrder("journey", "touchpoint"));
        given().get("/v1/touchpoints/NOT_A_CODE/odata?to=2025-06-01T00:00:00Z").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("touchpointCode", "to"));
    }
}

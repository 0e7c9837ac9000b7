package io.windbell.scoring.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.scoring.alert.support.AlertFixtures;
import io.windbell.scoring.support.ScoringTestResource;

/**
 * Who reads which alerts: analysts and admins all, a branch manager their branch's, a regional manager their region's,
 * managers no bank-wide touchpoint alerts; frontline and channel apps nothing. Alerts are recorded through AlertStore
 * at an instant of their own, so each test's window holds only them.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class AlertAccessTest {

    /** The minute every alert of this class is raised in (the window filter keeps other tests' alerts out). */
    static final Instant RAISED = Instant.parse("2024-05-01T08:00:00Z");
    static final String WINDOW = "from=2024-05-01T08:00:00Z&to=2024-05-01T08:01:00Z";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AlertStore store;

    @BeforeEach
    void alerts() throws SQLException {
        Transactions.inTransaction(dataSource, connection -> {
            try (var delete = connection.prepareStatement("delete from alert where raised_at = ?")) {
                delete.setTimestamp(1, java.sql.Timestamp.from(RAISED));
                delete.executeUpdate();
            }
            store.raiseLowScores(connection, List.of(lowScore("B-ACC1", "R-ACC1", Severity.HIGH),
                    lowScore("B-ACC1", "R-ACC1", Severity.LOW), lowScore("B-ACC2", "R-ACC2", Severity.CRITICAL)),
                    RAISED);
            store.raiseTouchpointAlerts(connection,
                    List.of(new TouchpointDegradedAlert(UUID.randomUUID(), "transfer.submit", null, null,
                            Metric.ERROR_RATE, 0.02, 0.3, RAISED.minusSeconds(3600), RAISED, 50, Severity.CRITICAL,
                            RAISED)),
                    List.of(), RAISED);
            return null;
        });
    }

    private static AlertStore.Pending lowScore(String branch, String region, Severity severity) {
        LowScoreAlert alert = new LowScoreAlert(UUID.randomUUID(), AlertFixtures.id("C"), UUID.randomUUID(),
                io.windbell.contracts.survey.AnchorMetric.NPS, 2, severity, null, RAISED, null, List.of(), null, branch,
                null, null, null);
        return new AlertStore.Pending(alert, region, null);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsSeeEveryAlertAndFilterThem() {
        given().get("/v1/alerts?" + WINDOW).then().statusCode(200).body("items", hasSize(4));
        given().get("/v1/alerts?type=touchpoint_degraded&" + WINDOW).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].touchpointCode", equalTo("transfer.submit")).body("items[0].branchId", nullValue())
                .body("items[0].event.metric", equalTo("ERROR_RATE"));
        given().get("/v1/alerts?severity=CRITICAL&" + WINDOW).then().statusCode(200).body("items", hasSize(2));
        given().get("/v1/alerts?branchId=B-ACC1&" + WINDOW).then().statusCode(200).body("items", hasSize(2));
        given().get("/v1/alerts?regionId=R-ACC2&" + WINDOW).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void pagesFollowTheCursorNewestFirstWithoutRepeats() {
        String first = given().get("/v1/alerts?limit=3&" + WINDOW).then().statusCode(200).body("items", hasSize(3))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        List<String> firstIds = given().get("/v1/alerts?limit=3&" + WINDOW).then().extract().path("items.alertId");
        given().get("/v1/alerts?limit=3&cursor=" + first + "&" + WINDOW).then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].alertId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(firstIds)));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B-ACC1"))
    void aBranchManagerSeesTheirBranchOnly() {
        given().get("/v1/alerts?" + WINDOW).then().statusCode(200).body("items", hasSize(2)).body("items.branchId",
                everyItem(equalTo("B-ACC1")));
        given().get("/v1/alerts?branchId=B-ACC2&" + WINDOW).then().statusCode(200).body("items", hasSize(0));
        given().get("/v1/alerts?type=TOUCHPOINT_DEGRADED&" + WINDOW).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "regional", roles = "regional-manager")
    @OidcSecurity(claims = @Claim(key = "region_id", value = "R-ACC2"))
    void aRegionalManagerSeesTheirRegionOnly() {
        given().get("/v1/alerts?" + WINDOW).then().statusCode(200).body("items", hasSize(1)).body("items.regionId",
                containsInAnyOrder("R-ACC2"));
        given().get("/v1/alerts?regionId=R-ACC1&" + WINDOW).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "frontline", roles = "frontline")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B-ACC1"))
    void frontlineStaffAreRefused() {
        given().get("/v1/alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "app", roles = "channel-app")
    void channelAppsAreRefused() {
        given().get("/v1/alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void aBranchManagerWithoutABranchClaimIsRefused() {
        given().get("/v1/alerts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void invalidParametersAreProblemsWithOneViolationEach() {
        given().get("/v1/alerts?type=LOUD&severity=HUGE&branchId=%20-x&limit=0&from=yesterday").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("type", "severity", "branchId", "limit", "from"));
        given().get("/v1/alerts?cursor=not-a-cursor").then().statusCode(400).body("violations.field",
                hasItem("cursor"));
    }
}

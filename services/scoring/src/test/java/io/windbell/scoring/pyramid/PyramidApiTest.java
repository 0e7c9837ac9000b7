package io.windbell.scoring.pyramid;

import static io.windbell.scoring.support.Api.api;
import static io.windbell.scoring.support.RollupFixture.tally;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.windbell.scoring.rollup.ScoreCounts;
import io.windbell.scoring.support.RollupFixture;
import io.windbell.scoring.support.ScoringTestResource;

/**
 * {@code GET /v1/pyramid} on rollup rows of two months (the dataset of {@link PyramidTest}, split over two branches):
 * the numbers, the scopes of managers, the roles refused and the parameters rejected.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class PyramidApiTest {

    static final String A = "WEALTH_PURCHASE";
    static final String B = "CARD_ACTIVATION";
    static final String MARCH = "/v1/pyramid?period=MONTH&date=2031-03-15";
    static final double EPS = 1e-9;

    @Inject
    AgroalDataSource dataSource;

    /** Journey A's answers are all at B001 (region R01), B's at B002 (region R02). */
    @BeforeEach
    void rollups() throws SQLException {
        RollupFixture rows = new RollupFixture(dataSource);
        rows.clear(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-12-31"));
        both(rows, "2031-03-10", "B001", "R01", A, tally("NPS", 10, 6, 8, 2, 3, 2));
        both(rows, "2031-03-10", "B002", "R02", B, tally("NPS", 10, 2, 8, 4, 3, 4));
        both(rows, "2031-02-10", "B001", "R01", A, tally("NPS", 10, 3, 8, 3, 3, 4));
        both(rows, "2031-02-10", "B002", "R02", B, tally("NPS", 10, 2, 8, 4, 3, 4));
        rows.factor(A, "app.login", "RATING", "2031-03-10", "B001", "R01", tally("RATING", 5, 36, 2, 4));
        rows.factor(A, "app.login", "RATING", "2031-02-10", "B001", "R01", tally("RATING", 4, 20, 1, 20));
    }

    /** The same answers in dimension {@code all} and under their journey. */
    static void both(RollupFixture rows, String day, String branch, String region, String journey, ScoreCounts counts)
            throws SQLException {
        rows.response("NPS", "all", "", day, branch, region, counts);
        rows.response("NPS", "journey", journey, day, branch, region, counts);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void theBanksPyramidOfAMonthAgainstThePrevious() {
        // the numbers of PyramidTest: bank 10 against -15, A 40 (+15), B -20 (-15), login 90 against 50 (z 4.34)
        api().get(MARCH).then().statusCode(200).body("period", equalTo("MONTH")).body("from", equalTo("2031-03-01"))
                .body("to", equalTo("2031-03-31")).body("previousFrom", equalTo("2031-02-01"))
                .body("previousTo", equalTo("2031-02-28")).body("model.builtIn", is(true))
                .body("model.northStar", equalTo("NPS")).body("northStar.value", closeTo(10, EPS))
                .body("northStar.previous", closeTo(-15, EPS)).body("northStar.delta", closeTo(25, EPS))
                .body("northStar.n", equalTo(20)).body("northStar.significant", is(false))
                .body("northStar.children.code", containsInAnyOrder(A, B))
                .body("northStar.children.find { it.code == '" + A + "' }.contribution", closeTo(15, EPS))
                .body("northStar.children.find { it.code == '" + B + "' }.contribution", closeTo(-15, EPS))
                .body("northStar.children.find { it.code == '" + A + "' }.children[0].code", equalTo("app.login"))
                .body("northStar.children.find { it.code == '" + A + "' }.children[0].value", closeTo(90, EPS))
                .body("northStar.children.find { it.code == '" + A + "' }.children[0].previous", closeTo(50, EPS))
                .body("northStar.children.find { it.code == '" + A + "' }.children[0].z",
                        closeTo(40 / Math.sqrt(85), 1e-9))
                .body("northStar.children.find { it.code == '" + A + "' }.children[0].significant", is(true))
                .body("northStar.children.find { it.code == '" + A + "' }.children[0].contribution", closeTo(40, EPS));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void aWeekWithoutAPreviousWeekHasNoTrend() {
        // 2031-03-12 is a Wednesday: the week of 03-10 .. 03-16; the week before has no rows
        api().get("/v1/pyramid?period=WEEK&date=2031-03-12").then().statusCode(200).body("from", equalTo("2031-03-10"))
                .body("northStar.value", closeTo(10, EPS)).body("northStar.previous", nullValue())
                .body("northStar.delta", nullValue()).body("northStar.significant", is(false));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void aBranchManagerSeesTheirBranchAndNothingOfAnother() {
        api().get(MARCH).then().statusCode(200).body("northStar.value", closeTo(40, EPS))
                .body("northStar.n", equalTo(10)).body("northStar.children.code", containsInAnyOrder(A));
        api().get(MARCH + "&branchId=B002").then().statusCode(200).body("northStar.n", equalTo(0))
                .body("northStar.value", nullValue()).body("northStar.previous", nullValue())
                .body("northStar.children", empty());
    }

    @Test
    @TestSecurity(user = "regional", roles = "regional-manager")
    @OidcSecurity(claims = @Claim(key = "region_id", value = "R02"))
    void aRegionalManagerSeesTheirRegion() {
        api().get(MARCH).then().statusCode(200).body("northStar.value", closeTo(-20, EPS)).body("northStar.children",
                hasSize(1));
        api().get(MARCH + "&regionId=R01").then().statusCode(200).body("northStar.n", equalTo(0));
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void frontlineStaffAreRefused() {
        api().get(MARCH).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "app", roles = "channel-app")
    void channelAppsAreRefused() {
        api().get(MARCH).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void invalidParametersAreProblemsNamingEachOne() {
        api().get("/v1/pyramid?period=YEAR&date=2031-02-30&branchId=no%20spaces").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("period", "date", "branchId"));
        api().get("/v1/pyramid?date=99999-01-01").then().statusCode(400).body("violations.field",
                containsInAnyOrder("date"));
    }
}

package io.windbell.scoring.index;

import static io.windbell.scoring.support.Api.api;
import static io.windbell.scoring.support.RollupFixture.tally;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.windbell.scoring.support.RollupFixture;
import io.windbell.scoring.support.ScoringTestResource;

/**
 * {@code GET /v1/experience-index} on rollup rows of one month, by the built-in default and by a configured model
 * ({@code /v1/index-models}: create, change with If-Match, stale 412, retire), with the scopes and roles.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class ExperienceIndexApiTest {

    static final String MARCH = "from=2032-03-01&to=2032-03-31";
    static final String BANK = "/v1/experience-index?" + MARCH;
    static final double EPS = 1e-9;
    static final String MODEL = """
            {"code": "BANK_TEST", "name": "Test model", "minimumSample": 10, "weights": {"NPS": 1, "SUCCESS_RATE": %s}}""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IndexModelCatalog catalog;

    /**
     * Branch B001: 20 NPS answers 8P 6Pa 6D (NPS 10); app.login 80 of 100 succeeded, 10 abandoned; WEALTH_PURCHASE 40
     * of 50 ended completed, 10 interrupted.
     */
    @BeforeEach
    void rollups() throws SQLException {
        RollupFixture rows = new RollupFixture(dataSource);
        rows.clear(LocalDate.parse("2032-01-01"), LocalDate.parse("2032-12-31"));
        rows.response("NPS", "all", "", "2032-03-10", "B001", "R01", tally("NPS", 10, 8, 8, 6, 3, 6));
        rows.touchpoint("app.login", "2032-03-10", "B001", "R01", 100, 80, 20, 10);
        rows.journey("WEALTH_PURCHASE", "2032-03-10", "B001", "R01", 60, 40, 10);
    }

    @AfterEach
    void noModel() throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("delete from index_model");
        }
        catalog.reload();
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void theBuiltInDefaultDropsWhatIsBelowTheMinimumSample() {
        // minimum 30 (windbell.scoring.low-sample-size): NPS (n 20) is dropped; success 80, abandonment 90,
        // completion 80, interruption 80: (.15·80 + .10·90 + .15·80 + .10·80) / .5 = 41 / .5 = 82, coverage .5
        api().get(BANK).then().statusCode(200).body("level", equalTo("BANK")).body("from", equalTo("2032-03-01"))
                .body("value", closeTo(82, EPS)).body("coverage", closeTo(0.5, EPS)).body("model.builtIn", is(true))
                .body("model.version", equalTo(0)).body("model.minimumSample", equalTo(30))
                .body("components.find { it.component == 'NPS' }.raw", closeTo(10, EPS))
                .body("components.find { it.component == 'NPS' }.normalised", closeTo(55, EPS))
                .body("components.find { it.component == 'NPS' }.lowSample", is(true))
                .body("components.find { it.component == 'NPS' }.used", is(false))
                .body("components.find { it.component == 'CES' }.n", equalTo(0))
                .body("components.find { it.component == 'SUCCESS_RATE' }.effectiveWeight", closeTo(0.3, EPS));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void aJourneyAndATouchpoint() {
        // the journey: completion 80 and interruption 80 of NPS, CSAT, CES, completion, interruption (.75):
        // value 80, coverage .25 / .75
        api().get("/v1/experience-index?level=JOURNEY&code=WEALTH_PURCHASE&" + MARCH).then().statusCode(200)
                .body("code", equalTo("WEALTH_PURCHASE")).body("value", closeTo(80, EPS))
                .body("coverage", closeTo(0.25 / 0.75, EPS)).body("components", hasSize(5));
        // the touchpoint: success 80, abandonment 90 of CSAT, CES, NPS, success, abandonment (.75):
        // (.15·80 + .10·90) / .25 = 84, coverage .25 / .75
        api().get("/v1/experience-index?level=touchpoint&code=app.login&" + MARCH).then().statusCode(200)
                .body("value", closeTo(84, EPS)).body("coverage", closeTo(0.25 / 0.75, EPS));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aModelIsCreatedChangedWithIfMatchAndRetired() {
        api().get("/v1/index-models").then().statusCode(200).body("items", hasSize(0));
        api().contentType(ContentType.JSON).body(MODEL.formatted("1")).post("/v1/index-models").then().statusCode(201)
                .header("ETag", equalTo("\"1\"")).body("version", equalTo(1)).body("northStar", equalTo("NPS"));
        // minimum 10: NPS enters, (1·55 + 1·80) / 2 = 67.5; only NPS and success weigh, so coverage 1
        api().get(BANK).then().statusCode(200).body("value", closeTo(67.5, EPS)).body("coverage", closeTo(1, EPS))
                .body("model.code", equalTo("BANK_TEST")).body("model.version", equalTo(1))
                .body("model.builtIn", is(false));
        api().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(MODEL.formatted("3"))
                .put("/v1/index-models/BANK_TEST").then().statusCode(200).header("ETag", equalTo("\"2\""));
        // (1·55 + 3·80) / 4 = 73.75
        api().get(BANK).then().statusCode(200).body("value", closeTo(73.75, EPS)).body("model.version", equalTo(2));
        api().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(MODEL.formatted("5"))
                .put("/v1/index-models/BANK_TEST").then().statusCode(412).body("activeVersion", equalTo(2));
        api().contentType(ContentType.JSON).body(MODEL.formatted("5")).put("/v1/index-models/BANK_TEST").then()
                .statusCode(428);
        api().contentType(ContentType.JSON).body(MODEL.formatted("5").replace("BANK_TEST", "OTHER_MODEL"))
                .post("/v1/index-models").then().statusCode(409);
        api().get("/v1/index-models/BANK_TEST/versions").then().statusCode(200).body("items", hasSize(2));
        api().delete("/v1/index-models/BANK_TEST").then().statusCode(204);
        api().get(BANK).then().statusCode(200).body("model.builtIn", is(true)).body("value", closeTo(82, EPS));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anInvalidModelIsAProblemNamingEachField() {
        api().contentType(ContentType.JSON).body("""
                {"code": "x", "northStar": "MOON", "minimumSample": 0, "weights": {"FOO": 1, "NPS": -1}}""")
                .post("/v1/index-models").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("code", "northStar", "minimumSample", "weights.FOO",
                        "weights.NPS", "weights"));
        api().get("/v1/experience-index?level=JOURNEY&from=2032-04-01&to=2032-03-01&branchId=a%20b").then()
                .statusCode(400).body("violations.field", containsInAnyOrder("code", "branchId"));
        api().get("/v1/experience-index?from=2032-04-01&to=2032-03-01").then().statusCode(400).body("violations.field",
                containsInAnyOrder("from"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B002"))
    void aBranchManagerOfAnotherBranchSeesNothing() {
        api().get(BANK).then().statusCode(200).body("value", nullValue()).body("coverage", closeTo(0, EPS)).body("n",
                equalTo(0));
        api().get(BANK + "&branchId=B001").then().statusCode(200).body("value", nullValue());
        api().get("/v1/index-models").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsReadModelsButDoNotWriteThem() {
        api().get("/v1/index-models").then().statusCode(200);
        api().contentType(ContentType.JSON).body(MODEL.formatted("1")).post("/v1/index-models").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void frontlineStaffAreRefused() {
        api().get(BANK).then().statusCode(403);
    }
}

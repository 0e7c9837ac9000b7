package io.windbell.survey.rule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.support.SurveyTestResource;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class RuleResourceTest {

    @Inject
    SurveyCatalog catalog;

    /** A valid interruption rule as a client sends it; tests change what they need. */
    static Map<String, Object> rule(String code) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("name", "Test rule " + code);
        r.put("priority", -100);
        r.put("trigger", "JOURNEY_INTERRUPTED");
        r.put("filter", new LinkedHashMap<>(
                Map.of("journeys", List.of("TEST_JOURNEY_NOBODY_HAS"), "reasons", List.of("TIMEOUT", "ABANDONED"))));
        r.put("samplingRate", 0.25);
        r.put("delay", "PT10M");
        Map<String, Object> expiry = new LinkedHashMap<>();
        expiry.put("after", "P3D");
        expiry.put("onJourneyProgress", true);
        expiry.put("onRecovery", true);
        r.put("expiry", expiry);
        r.put("maxQuestions", 3);
        r.put("anchorMetric", "CES");
        r.put("channel", "SMS");
        r.put("surveyCode", "TEST_SURVEY");
        return r;
    }

    static void create(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post("/v1/rules").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsReadTheSeededRulesWithIsoDurations() {
        given().when().get("/v1/rules").then().statusCode(200).body("items.code",
                hasItems("WEALTH_INTERRUPTED", "WEALTH_COMPLETED", "LOAN_INTERRUPTED", "ACCOUNT_OPENING_COMPLETED",
                        "ANY_INTERRUPTED", "TRANSFER_FAILED"));
        given().when().get("/v1/rules/WEALTH_INTERRUPTED").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("trigger", equalTo("JOURNEY_INTERRUPTED"))
                .body("filter.journeys", equalTo(List.of("WEALTH_PURCHASE"))).body("samplingRate", equalTo(1.0f))
                .body("delay", equalTo("PT10M")).body("expiry.after", equalTo("P3D"))
                .body("expiry.onJourneyProgress", equalTo(true)).body("expiry.onRecovery", equalTo(true))
                .body("maxQuestions", equalTo(3)).body("anchorMetric", equalTo("CES")).body("priority", equalTo(100));
        given().when().get("/v1/rules/TRANSFER_FAILED/versions/1").then().statusCode(200).body("filter.reasons",
                equalTo(List.of("FAILURE")));
        given().queryParam("trigger", "JOURNEY_COMPLETED").when().get("/v1/rules").then().statusCode(200)
                .body("items.trigger", everyItem(equalTo("JOURNEY_COMPLETED")))
                .body("items.code", hasItem("WEALTH_COMPLETED"));
        given().when().get("/v1/rules/NO_SUCH_RULE").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    @SuppressWarnings("unchecked")
    void aRuleRoundTripsAndVersions() {
        String code = "TEST_RULE_VERSIONS";
        Map<String, Object> body = rule(code);
        ((Map<String, Object>) body.get("expiry")).put("at", "2030-06-30T16:00:00Z");
        given().contentType(ContentType.JSON).body(body).when().post("/v1/rules").then().statusCode(201)
                .header("Location", endsWith("/v1/rules/" + code)).header("ETag", equalTo("\"1\""))
                .body("delay", equalTo("PT10M")).body("expiry.after", equalTo("P3D"))
                .body("expiry.at", equalTo("2030-06-30T16:00:00Z")).body("createdBy", equalTo("admin"));

        assertThat(catalog.rule(code, 1)).hasValueSatisfying(r -> {
            assertThat(r.delay()).isEqualTo(Duration.ofMinutes(10));
            assertThat(r.expiry().after()).isEqualTo(Duration.ofDays(3));
            assertThat(r.expiry().at()).isEqualTo(Instant.parse("2030-06-30T16:00:00Z"));
            assertThat(r.filter().reasons()).containsExactly(InterruptionReason.TIMEOUT, InterruptionReason.ABANDONED);
            assertThat(r.samplingRate()).isEqualTo(0.25);
            assertThat(r.anchorMetric()).isEqualTo(AnchorMetric.CES);
            assertThat(r.channel()).isEqualTo(DeliveryChannel.SMS);
            assertThat(r.active()).isTrue();
        });

        Map<String, Object> read = given().when().get("/v1/rules/" + code).then().statusCode(200).extract()
                .as(Map.class);
        read.put("samplingRate", 0.75);
        read.put("delay", "PT1H30M");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(read).when().put("/v1/rules/" + code)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("samplingRate", equalTo(0.75f))
                .body("delay", equalTo("PT1H30M"));
        assertThat(catalog.rules()).filteredOn(r -> r.code().equals(code)).singleElement()
                .satisfies(r -> assertThat(r.version()).isEqualTo(2));
        given().when().get("/v1/rules/" + code + "/versions/1").then().body("samplingRate", equalTo(0.25f))
                .body("active", equalTo(false));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rule(code)).when()
                .put("/v1/rules/" + code).then().statusCode(412).body("activeVersion", equalTo(2));
        given().contentType(ContentType.JSON).body(rule(code)).when().put("/v1/rules/" + code).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"two\"").body(rule(code)).when()
                .put("/v1/rules/" + code).then().statusCode(400).body("violations[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).body(rule(code)).when().post("/v1/rules").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    @SuppressWarnings("unchecked")
    void anInvalidRuleIsRejectedFieldByField() {
        Map<String, Object> bad = rule("TEST_RULE_INVALID");
        bad.put("trigger", "JOURNEY_COMPLETED");
        bad.put("samplingRate", 1.5);
        bad.put("delay", "-PT1M");
        bad.put("expiry", Map.of("onRecovery", true));
        bad.put("maxQuestions", 11);
        bad.remove("anchorMetric");
        bad.remove("priority");
        bad.put("surveyCode", "x");
        given().contentType(ContentType.JSON).body(bad).when().post("/v1/rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("priority", "filter.reasons", "samplingRate", "delay",
                        "expiry", "maxQuestions", "anchorMetric", "surveyCode")));

        Map<String, Object> expiry = rule("TEST_RULE_INVALID");
        ((Map<String, Object>) expiry.get("expiry")).put("after", "PT0S");
        expiry.put("code", "lower");
        given().contentType(ContentType.JSON).body(expiry).when().post("/v1/rules").then().statusCode(400)
                .body("violations.field", equalTo(List.of("code", "expiry.after")));

        Map<String, Object> malformed = rule("TEST_RULE_INVALID");
        malformed.put("delay", "ten minutes");
        given().contentType(ContentType.JSON).body(malformed).when().post("/v1/rules").then().statusCode(400)
                .body("violations.field", hasItem("delay"));
        Map<String, Object> reason = rule("TEST_RULE_INVALID");
        ((Map<String, Object>) reason.get("filter")).put("reasons", List.of("BORED"));
        given().contentType(ContentType.JSON).body(reason).when().post("/v1/rules").then().statusCode(400)
                .body("violations.field", hasItem("filter.reasons[0]"));
        given().when().get("/v1/rules/TEST_RULE_INVALID").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aRetiredRuleTriggersNothing() {
        String code = "TEST_RULE_RETIRE";
        create(rule(code));
        assertThat(catalog.rules()).anyMatch(r -> r.code().equals(code));
        given().when().delete("/v1/rules/" + code).then().statusCode(204);
        given().when().get("/v1/rules/" + code).then().statusCode(404);
        given().when().get("/v1/rules").then().body("items.code", not(hasItem(code)));
        assertThat(catalog.rules()).noneMatch(r -> r.code().equals(code));
        assertThat(catalog.rule(code, 2)).hasValueSatisfying(r -> assertThat(r.active()).isFalse());
        given().when().delete("/v1/rules/TEST_RULE_UNKNOWN").then().statusCode(404);
    }

    @Test
    void withoutAnIdentityEverythingIs401() {
        given().when().get("/v1/rules").then().statusCode(401);
        given().contentType(ContentType.JSON).body(rule("TEST_RULE_ANON")).when().post("/v1/rules").then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    void frontlineMayNotRead() {
        given().when().get("/v1/rules").then().statusCode(403);
        given().when().get("/v1/rules/WEALTH_INTERRUPTED").then().statusCode(403);
        given().contentType(ContentType.JSON).body(rule("TEST_RULE_FRONTLINE")).when().post("/v1/rules").then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void branchManagersMayNotRead() {
        given().when().get("/v1/rules").then().statusCode(403);
        given().when().get("/v1/rules/WEALTH_INTERRUPTED/versions/1").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsMayNotChange() {
        given().contentType(ContentType.JSON).body(rule("TEST_RULE_ANALYST")).when().post("/v1/rules").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rule("ANY_INTERRUPTED")).when()
                .put("/v1/rules/ANY_INTERRUPTED").then().statusCode(403);
        given().when().delete("/v1/rules/ANY_INTERRUPTED").then().statusCode(403);
    }
}

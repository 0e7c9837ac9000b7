package io.windbell.workorder.rule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * {@code /v1/creation-rules}: analysts and admins read, only admins change (If-Match; stale is 409), invalid sets are
 * refused field by field. Each change is put back, so the seeded rules stay in force for the other tests.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class CreationRuleResourceTest {

    private static final String PATH = "/v1/creation-rules";

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void anAnalystReadsTheRulesInForceWithTheirVersionAsETag() {
        Response response = given().get(PATH).then().statusCode(200).extract().response();
        int version = response.path("version");
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(response.<List<String>> path("rules.code")).contains("LOW_SCORE_RECOVERY", "KEY_JOURNEY_CALLBACK");
        given().get(PATH + "/versions").then().statusCode(200).body("items.version", hasItem(1));
        given().get(PATH + "/versions/1").then().statusCode(200).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(Map.of("rules", List.of()))
                .put(PATH).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager.b001", roles = "branch-manager")
    void aBranchManagerMayNeitherReadNorChangeThem() {
        given().get(PATH).then().statusCode(403);
        given().get(PATH + "/versions").then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("rules", List.of())).put(PATH)
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anAdminChangesThemWithIfMatchAndAStaleVersionIsAConflict() {
        Response current = given().get(PATH).then().statusCode(200).extract().response();
        int version = current.path("version");
        List<Map<String, Object>> rules = current.path("rules");

        Response changed = given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("rules", rules)).put(PATH).then().statusCode(200).extract().response();
        assertThat(changed.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        assertThat(changed.<String> path("createdBy")).isEqualTo("admin");

        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(Map.of("rules", rules))
                .put(PATH).then().statusCode(409).contentType("application/problem+json")
                .body("activeVersion", org.hamcrest.Matchers.equalTo(version + 1));
        given().contentType(ContentType.JSON).body(Map.of("rules", rules)).put(PATH).then().statusCode(428);
        given().get(PATH).then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anInvalidRuleSetIsRefusedFieldByField() {
        int version = given().get(PATH).then().statusCode(200).extract().path("version");
        Map<String, Object> bad = Map.of("code", "lower case", "when",
                Map.of("alertTypes", List.of("alert.teleported")), "then",
                Map.of("create", "NONE", "priority", "HIGH"));

        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("rules", List.of(bad))).put(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers
                        .containsInAnyOrder("rules[0].code", "rules[0].when.alertTypes", "rules[0].then.priority"));
        given().get(PATH).then().statusCode(200).header("ETag", "\"" + version + "\"");
    }
}

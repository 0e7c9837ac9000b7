package io.windbell.workorder.sla.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.sla.SlaPolicyCatalog;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The SLA policy API: the seeded set, a change with If-Match (stale is 409), field-by-field violations, roles. The
 * change keeps every seeded policy and adds one for a tier no other test uses, so other tests' orders keep their
 * targets.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class SlaPolicyResourceTest {

    @Inject
    SlaPolicyCatalog catalog;

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsReadTheSeededPoliciesWithTheirVersion() {
        given().get("/v1/sla-policies").then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("policies.code", hasItems("RECOVERY-CRITICAL", "RECOVERY-HIGH", "CALLBACK", "SPECIAL-TASK"))
                .body("policies.find { it.code == 'RECOVERY-CRITICAL' }.firstResponse", equalTo("PT1H"))
                .body("policies.find { it.code == 'RECOVERY-CRITICAL' }.resolution", equalTo("PT8H"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("policies", List.of()))
                .put("/v1/sla-policies").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "frontline.b001", roles = "frontline")
    void frontlineStaffMayNotReadPolicies() {
        given().get("/v1/sla-policies").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anAdminChangesTheSetWithIfMatchAndAStaleVersionIsAConflict() {
        Response current = given().get("/v1/sla-policies");
        String etag = current.header("ETag");
        List<Map<String, Object>> policies = new ArrayList<>(current.jsonPath().getList("policies"));
        policies.add(Map.of("code", "TEST-TIER", "type", "RECOVERY", "severity", "*", "tier", "T-sla-rest",
                "firstResponse", "PT30M", "resolution", "PT4H", "warningShare", 0.5, "escalateAfter", "PT1H"));

        given().contentType(ContentType.JSON).body(Map.of("policies", policies)).put("/v1/sla-policies").then()
                .statusCode(428);
        Response changed = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("policies", policies)).put("/v1/sla-policies");
        changed.then().statusCode(200).body("policies.code", hasItems("TEST-TIER"));
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        // the same change again, based on the old version: someone else's change would be lost
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("policies", policies))
                .put("/v1/sla-policies").then().statusCode(409)
                .body("activeVersion", org.hamcrest.Matchers.notNullValue());

        // the catalog of this replica has it at once; a tier-specific policy beats the type-wide one
        assertThat(catalog.current().find(WorkOrderType.RECOVERY, Severity.LOW, "T-sla-rest").orElseThrow().code())
                .isEqualTo("RECOVERY-LOW");
        assertThat(catalog.current().find(WorkOrderType.RECOVERY, null, "T-sla-rest").orElseThrow().code())
                .isEqualTo("TEST-TIER");
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anInvalidSetIsRefusedFieldByField() {
        String etag = given().get("/v1/sla-policies").header("ETag");
        List<Map<String, Object>> policies = List.of(
                Map.of("code", "bad code", "type", "LOAN", "severity", "*", "tier", "*", "firstResponse", "PT4H",
                        "resolution", "PT2H", "warningShare", 1.5, "escalateAfter", "soon"),
                Map.of("code", "OK", "type", "*", "severity", "*", "tier", "*", "firstResponse", "PT4H", "resolution",
                        "PT8H", "warningShare", 0.8, "escalateAfter", "PT4H"));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("policies", policies))
                .put("/v1/sla-policies").then().statusCode(400)
                .body("violations.field", hasItems("policies[0].code", "policies[0].type", "policies[0].resolution",
                        "policies[0].warningShare", "policies[0].escalateAfter"));
    }
}

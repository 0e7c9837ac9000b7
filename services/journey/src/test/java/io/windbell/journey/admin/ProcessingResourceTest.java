package io.windbell.journey.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.journey.support.JourneyTestResource;

/** The operators' view of the pipeline: cx-admin only. */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class ProcessingResourceTest {

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anAdminSeesCountersAndLatencyAndCanResetIt() {
        given().get("/v1/admin/processing").then().statusCode(200).body("applied", greaterThanOrEqualTo(0))
                .body("deadLettered", greaterThanOrEqualTo(0)).body("latency", notNullValue())
                .body("phases.keySet()", org.hamcrest.Matchers.hasItems("lock", "load", "route", "timeline", "journeys",
                        "outbox", "commit"));
        given().post("/v1/admin/processing/reset").then().statusCode(204);
        given().get("/v1/admin/processing").then().statusCode(200).body("latency.count", is(0));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void otherRolesAreForbidden() {
        given().get("/v1/admin/processing").then().statusCode(403);
        given().post("/v1/admin/processing/reset").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "b001", roles = "frontline")
    void frontlineIsForbidden() {
        given().get("/v1/admin/processing").then().statusCode(403).contentType("application/problem+json")
                .body("status", is(403));
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().get("/v1/admin/processing").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aTokenThatDoesNotVerifyIsUnauthorized() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl")
                .get("/v1/admin/processing").then().statusCode(401).contentType("application/problem+json");
    }
}

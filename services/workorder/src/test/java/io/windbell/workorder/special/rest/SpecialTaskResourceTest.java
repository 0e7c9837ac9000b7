package io.windbell.workorder.special.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.special.SpecialFixtures;
import io.windbell.workorder.special.SpecialTaskCommands;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The special-task API: CX admins propose, link and change (If-Match, 409 when stale); analysts read without customer
 * ids; a regional manager reads the tasks of their region only; every other role is refused.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class SpecialTaskResourceTest {

    @Inject
    WorkOrders workOrders;

    @Inject
    SpecialTaskCommands commands;

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    @OidcSecurity(claims = @Claim(key = "employee_id", value = "E9001"))
    void anAdminProposesATaskByHandLinksCasesAndChangesItWithIfMatch() {
        String suffix = SpecialFixtures.unique();
        String touchpoint = "loan.apply_" + suffix;
        UUID first = kase("BR" + suffix, "RR" + suffix);
        UUID second = kase("BR" + suffix, "RR" + suffix);

        var created = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Loan applications stall at income proof", "touchpointCode", touchpoint,
                        "caseIds", List.of(first.toString(), second.toString())))
                .post("/v1/special-tasks").then().statusCode(201)
                .header("Location", containsString("/v1/special-tasks/")).header("ETag", notNullValue())
                .body("origin", equalTo("MANUAL")).body("priority", equalTo("HIGH"))
                .body("ownerDepartment", equalTo("Retail Credit Dept")).body("branchId", equalTo("BR" + suffix))
                .body("pattern", equalTo("touchpoint:" + touchpoint)).body("watch", equalTo("OPEN"))
                .body("regressed", equalTo(false))
                .body("scoringLink", equalTo("http://127.0.0.1:8084/v1/touchpoints/" + touchpoint + "/odata"))
                .body("caseCount", equalTo(2)).body("cases.customerId", everyItem(notNullValue())).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        // the touchpoint's pattern is held: a second task for it is refused
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "again", "touchpointCode", touchpoint, "caseIds",
                        List.of(kase("BR" + suffix, "RR" + suffix).toString())))
                .post("/v1/special-tasks").then().statusCode(409);

        given().contentType(ContentType.JSON).body(Map.of("caseIds", List.of(kase("BX" + suffix, null).toString())))
                .post("/v1/special-tasks/" + id + "/cases").then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"999\"")
                .body(Map.of("caseIds", List.of(kase("BX" + suffix, null).toString())))
                .post("/v1/special-tasks/" + id + "/cases").then().statusCode(409);
        String third = kase("BX" + suffix, null).toString();
        String linked = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("caseIds", List.of(third))).post("/v1/special-tasks/" + id + "/cases").then()
                .statusCode(200).body("caseCount", equalTo(3)).body("cases.id", hasItem(third)).extract()
                .header("ETag");
        assertThat(linked).isNotEqualTo(etag);
        // a case linked already is named in the answer
        given().contentType(ContentType.JSON).header("If-Match", linked).body(Map.of("caseIds", List.of(third)))
                .post("/v1/special-tasks/" + id + "/cases").then().statusCode(400)
                .body("violations.field", hasItem("caseIds[0]"));

        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("ownerDepartment", "Consumer Finance Dept")).patch("/v1/special-tasks/" + id).then()
                .statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", linked)
                .body(Map.of("ownerDepartment", "Consumer Finance Dept", "dueDate", "2026-12-31"))
                .patch("/v1/special-tasks/" + id).then().statusCode(200)
                .body("ownerDepartment", equalTo("Consumer Finance Dept")).body("dueDate", equalTo("2026-12-31"))
                .header("ETag", not(equalTo(linked)));
        assertThat(SpecialFixtures.history(UUID.fromString(id))).contains(HistoryEntry.Action.UPDATED,
                HistoryEntry.Action.LINKED_TO_SPECIAL_TASK);

        given().get("/v1/special-tasks?touchpoint=" + touchpoint).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(id)).body("items[0].cases", nullValue());
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void invalidBodiesAreAnsweredFieldByField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "", "touchpointCode", "Not A Code", "dueDate", "tomorrow", "priority", "ASAP",
                        "caseIds", List.of("not-a-uuid", UUID.randomUUID().toString())))
                .post("/v1/special-tasks").then().statusCode(400).body("violations.field",
                        org.hamcrest.Matchers.hasItems("title", "touchpointCode", "dueDate", "priority", "caseIds[0]"));
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "t", "caseIds", List.of(UUID.randomUUID().toString()))).post("/v1/special-tasks")
                .then().statusCode(400).body("violations.field", hasItem("caseIds[0]"));
        given().get("/v1/special-tasks/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/v1/special-tasks/nope").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void anAnalystReadsTasksWithoutCustomersAndChangesNothing() {
        UUID id = proposed("BA" + SpecialFixtures.unique(), "R01");
        given().get("/v1/special-tasks/" + id).then().statusCode(200).body("cases", hasSize(1))
                .body("cases[0].customerId", nullValue()).body("cases[0].status", equalTo("OPEN"));
        given().contentType(ContentType.JSON).body(Map.of("title", "t", "caseIds", List.of(id.toString())))
                .post("/v1/special-tasks").then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("dueDate", "2026-12-31"))
                .patch("/v1/special-tasks/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("caseIds", List.of(UUID.randomUUID().toString())))
                .post("/v1/special-tasks/" + id + "/cases").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "regional.r01", roles = "regional-manager")
    @OidcSecurity(claims = { @Claim(key = "region_id", value = "RSCOPE1"),
            @Claim(key = "employee_id", value = "E0201") })
    void aRegionalManagerReadsTheTasksOfTheirRegionOnly() {
        String suffix = SpecialFixtures.unique();
        UUID mine = proposed("BM" + suffix, "RSCOPE1");
        UUID theirs = proposed("BT" + suffix, "RSCOPE2");
        given().get("/v1/special-tasks/" + mine).then().statusCode(200).body("regionId", equalTo("RSCOPE1"));
        given().get("/v1/special-tasks/" + theirs).then().statusCode(404);
        given().get("/v1/special-tasks?limit=200").then().statusCode(200).body("items.id", hasItem(mine.toString()))
                .body("items.id", not(hasItem(theirs.toString())))
                .body("items.regionId", everyItem(equalTo("RSCOPE1")));
    }

    @Test
    @TestSecurity(user = "frontline.b001", roles = "frontline")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void frontlineIsRefused() {
        given().get("/v1/special-tasks").then().statusCode(403);
        given().get("/v1/special-tasks/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager.b001", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void aBranchManagerIsRefused() {
        given().get("/v1/special-tasks").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "t", "caseIds", List.of(UUID.randomUUID().toString()))).post("/v1/special-tasks")
                .then().statusCode(403);
    }

    /** A task proposed by hand (no touchpoint) for one case of {@code branch} in {@code region}. */
    private UUID proposed(String branch, String region) {
        UUID kase = kase(branch, region);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WorkOrder task = SpecialFixtures.inTransaction(() -> commands.propose(
                new SpecialTaskCommands.Manual("A task by hand", null, null, null, null, null, List.of(kase)), "E9001",
                now));
        return task.id;
    }

    private UUID kase(String branch, String region) {
        return new SpecialFixtures(workOrders).openCase(branch, region, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                draft -> {
                }).id;
    }
}

package io.windbell.journey.query;

import static io.restassured.RestAssured.given;
import static io.windbell.journey.query.Fixtures.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.journey.support.JourneyTestResource;

@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class TimelineTest {

    @Inject
    DataSource dataSource;

    Fixtures fixtures;
    String customer;
    String device;
    UUID login;
    UUID webVisit;
    UUID branchVisit;
    UUID call;
    UUID lateOne;
    UUID tieOne;
    UUID february;
    UUID branchJourney;
    UUID openJourney;
    UUID anonymousJourney;

    @BeforeEach
    void seed() {
        fixtures = new Fixtures(dataSource);
        customer = Fixtures.unique("C-TL");
        device = Fixtures.unique("D-TL");
        String code = Fixtures.unique("TL");
        fixtures.link(device, customer, at("2025-03-01T03:00:00Z"));

        branchJourney = fixtures.journey(code).customer(customer).started(at("2025-03-01T03:00:00Z"))
                .completed(at("2025-03-01T04:30:00Z")).phase("DONE").currentStep(2).interruptions(1).channelSwitches(1)
                .insert();
        // open since February: still overlaps a March window
        openJourney = fixtures.journey(code).customer(customer).started(at("2025-02-20T10:00:00Z")).insert();
        // closed in February: does not overlap
        fixtures.journey(code).customer(customer).started(at("2025-02-01T10:00:00Z"))
                .lastActivity(at("2025-02-02T10:00:00Z")).status("INTERRUPTED").closed(true).insert();
        // merged into the branch journey: hidden
        fixtures.journey(code).anonymous(device).started(at("2025-03-01T02:00:00Z")).mergedInto(branchJourney).insert();
        // still under the linked device id (not yet re-attributed): shown
        anonymousJourney = fixtures.journey(code + "X").anonymous(device).started(at("2025-03-01T02:30:00Z")).insert();

        login = fixtures.event().customer(customer).at("2025-03-01T09:00:00+08:00").channel("MOBILE_APP")
                .touchpoint("app.login").duration(850).session("s-1").insert();
        webVisit = fixtures.event().anonymous(device).at("2025-03-01T02:00:00Z").channel("WEB")
                .touchpoint("web.product_view").product("P-FUND-7").insert();
        branchVisit = fixtures.event().customer(customer).at("2025-03-01T11:00:00+08:00").channel("BRANCH")
                .touchpoint("branch.counter").staff("B001", "E0042").product("P-FUND-7").journey(branchJourney, code, 1)
                .insert();
        call = fixtures.event().customer(customer).at("2025-03-01T04:00:00Z").channel("CALL_CENTER")
                .touchpoint("cc.inbound").error("IVR_TIMEOUT").journey(branchJourney, code, null).insert();
        lateOne = fixtures.event().customer(customer).at("2025-03-01T05:00:00Z").channel("MOBILE_APP")
                .touchpoint("app.holdings").outcome("INFO").journey(branchJourney, code, 2).late().insert();
        tieOne = fixtures.event().customer(customer).at("2025-03-01T05:00:00Z").channel("WECHAT")
                .touchpoint("wechat.message").insert();
        february = fixtures.event().customer(customer).at("2025-02-15T08:00:00Z").insert();
        // someone else's event in the same hour, and an anonymous event of an unlinked device
        fixtures.event().customer(Fixtures.unique("C-OTHER")).at("2025-03-01T03:30:00Z").insert();
        fixtures.event().anonymous(Fixtures.unique("D-OTHER")).at("2025-03-01T03:30:00Z").insert();
    }

    private static String newest(UUID a, UUID b) {
        // equal times are ordered by event id, descending, as PostgreSQL orders uuids (unsigned, byte by byte)
        return a.toString().compareTo(b.toString()) > 0 ? a.toString() : b.toString();
    }

    private static String oldest(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) > 0 ? b.toString() : a.toString();
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void eventsAcrossChannelsNewestFirstInTwoPages() {
        String next = given().queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-03-02")
                .queryParam("limit", 4).when().get("/v1/customers/{id}/timeline", customer).then().statusCode(200)
                .body("customerId", equalTo(customer))
                .body("items.eventId",
                        contains(newest(lateOne, tieOne), oldest(lateOne, tieOne), call.toString(),
                                branchVisit.toString()))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");

        given().queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-03-02").queryParam("limit", 4)
                .queryParam("cursor", next).when().get("/v1/customers/{id}/timeline", customer).then().statusCode(200)
                .body("items.eventId", contains(webVisit.toString(), login.toString())).body("nextCursor", nullValue());

        // a page boundary between two events of the same instant loses neither
        String afterFirst = given().queryParam("limit", 1).when().get("/v1/customers/{id}/timeline", customer).then()
                .statusCode(200).body("items.eventId", contains(newest(lateOne, tieOne))).extract().path("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", afterFirst).when()
                .get("/v1/customers/{id}/timeline", customer).then().statusCode(200)
                .body("items.eventId", contains(oldest(lateOne, tieOne)));

        // without a window: everything, February included, in one default-sized page
        given().when().get("/v1/customers/{id}/timeline", customer).then().statusCode(200).body("items", hasSize(7))
                .body("items[6].eventId", equalTo(february.toString())).body("nextCursor", nullValue());
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void eachEventKeepsItsOffsetAndDetails() {
        var body = given().queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-03-02T00:00:00Z").when()
                .get("/v1/customers/{id}/timeline", customer).then().statusCode(200).extract().jsonPath();
        List<String> ids = body.getList("items.eventId");

        int l = ids.indexOf(login.toString());
        assertEquals("2025-03-01T09:00:00+08:00", body.getString("items[" + l + "].occurredAt"));
        assertEquals("MOBILE_APP", body.getString("items[" + l + "].channel"));
        assertEquals(850, body.getInt("items[" + l + "].durationMs"));
        assertEquals("s-1", body.getString("items[" + l + "].sessionId"));

        int b = ids.indexOf(branchVisit.toString());
        assertEquals("2025-03-01T11:00:00+08:00", body.getString("items[" + b + "].occurredAt"));
        assertEquals("B001", body.getString("items[" + b + "].branchId"));
        assertEquals("E0042", body.getString("items[" + b + "].employeeId"));
        assertEquals("P-FUND-7", body.getString("items[" + b + "].productId"));
        assertEquals(branchJourney.toString(), body.getString("items[" + b + "].journeyInstanceId"));
        assertEquals(1, body.getInt("items[" + b + "].stepOrder"));

        int c = ids.indexOf(call.toString());
        assertEquals("FAILURE", body.getString("items[" + c + "].outcome"));
        assertEquals("IVR_TIMEOUT", body.getString("items[" + c + "].errorCode"));
        assertEquals(null, body.get("items[" + c + "].stepOrder"));
        assertEquals("2025-03-01T04:00:00Z", body.getString("items[" + c + "].occurredAt"));

        int w = ids.indexOf(webVisit.toString());
        assertEquals(device, body.getString("items[" + w + "].anonymousId"));
        assertEquals(null, body.get("items[" + w + "].customerId"));

        assertEquals(true, body.getBoolean("items[" + ids.indexOf(lateOne.toString()) + "].late"));
        assertEquals(false, body.getBoolean("items[" + l + "].late"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void journeysOverlappingTheWindow() {
        given().queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-03-02T00:00:00Z").when()
                .get("/v1/customers/{id}/timeline", customer).then().statusCode(200)
                // newest start first; the February one that closed before the window and the merged one are absent
                .body("journeys.id",
                        contains(branchJourney.toString(), anonymousJourney.toString(), openJourney.toString()))
                .body("journeys[0].status", equalTo("COMPLETED")).body("journeys[0].phase", equalTo("DONE"))
                .body("journeys[0].startedAt", equalTo("2025-03-01T03:00:00Z"))
                .body("journeys[0].completedAt", equalTo("2025-03-01T04:30:00Z"))
                .body("journeys[0].interruptions", equalTo(1)).body("journeys[0].channelSwitches", equalTo(1))
                // channels in the order first used; the late visit was not applied to the journey
                .body("journeys[0].channels", contains("BRANCH", "CALL_CENTER"))
                .body("journeys[1].anonymousId", equalTo(device)).body("journeys[2].status", equalTo("IN_PROGRESS"))
                .body("journeys[2].channels", hasSize(0));

        // a window in February: the February journey, and the one still open
        given().queryParam("from", "2025-02-01T00:00:00Z").queryParam("to", "2025-02-10T00:00:00Z").when()
                .get("/v1/customers/{id}/timeline", customer).then().statusCode(200).body("journeys", hasSize(1))
                .body("journeys[0].startedAt", equalTo("2025-02-01T10:00:00Z")).body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void anUnknownCustomerHasAnEmptyTimeline() {
        given().when().get("/v1/customers/{id}/timeline", Fixtures.unique("C-NOBODY")).then().statusCode(200)
                .body("items", hasSize(0)).body("journeys", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void invalidParametersAreAnsweredFieldByField() {
        given().queryParam("from", "yesterday").queryParam("limit", 0).when()
                .get("/v1/customers/{id}/timeline", customer).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("from", "limit"));
        given().queryParam("limit", 201).when().get("/v1/customers/{id}/timeline", customer).then().statusCode(400)
                .body("violations.field", contains("limit"));
        given().queryParam("limit", "ten").when().get("/v1/customers/{id}/timeline", customer).then().statusCode(400)
                .body("violations.field", contains("limit"));
        given().queryParam("from", "2025-03-02T00:00:00Z").queryParam("to", "2025-03-01T00:00:00Z").when()
                .get("/v1/customers/{id}/timeline", customer).then().statusCode(400)
                .body("violations.field", contains("from"));
        given().queryParam("cursor", "not-a-cursor").when().get("/v1/customers/{id}/timeline", customer).then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItems("cursor"));
        given().queryParam("limit", 200).when().get("/v1/customers/{id}/timeline", customer).then().statusCode(200);
    }

    private static void assertEquals(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}

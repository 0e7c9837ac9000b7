package io.windbell.journey.query;

import static io.restassured.RestAssured.given;
import static io.windbell.journey.query.Fixtures.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
@TestSecurity(user = "analyst", roles = "cx-analyst")
class JourneyResourceTest {

    @Inject
    DataSource dataSource;

    Fixtures fixtures;
    String code;
    String otherCode;
    String customer;
    String device;
    UUID purchase;
    UUID absorbed;
    UUID absorbedEarlier;
    UUID inProgress;
    UUID interrupted;
    UUID deviceJourney;
    UUID other;
    UUID webView;
    UUID start;
    UUID call;
    UUID submit;

    @BeforeEach
    void seed() {
        fixtures = new Fixtures(dataSource);
        code = Fixtures.unique("JR");
        otherCode = Fixtures.unique("JR");
        customer = Fixtures.unique("C-JR");
        device = Fixtures.unique("D-JR");
        fixtures.link(device, customer, at("2025-03-02T10:00:00Z"));

        interrupted = fixtures.journey(code).customer(customer).started(at("2025-03-01T09:00:00Z"))
                .status("INTERRUPTED").closed(true).interruptions(1).insert();
        purchase = fixtures.journey(code).customer(customer).started(at("2025-03-02T09:50:00Z"))
                .completed(at("2025-03-02T10:05:00Z")).phase("AFTER_INVESTING").currentStep(2).interruptions(1)
                .channelSwitches(1).insert();
        // the anonymous start of the same journey, taken over at login; and one merged into that one before
        absorbed = fixtures.journey(code).anonymous(device).started(at("2025-03-02T09:50:00Z")).mergedInto(purchase)
                .insert();
        absorbedEarlier = fixtures.journey(code).anonymous(device).started(at("2025-03-02T09:40:00Z"))
                .mergedInto(absorbed).insert();
        inProgress = fixtures.journey(code).customer(customer).started(at("2025-03-03T08:00:00Z")).insert();
        deviceJourney = fixtures.journey(otherCode).anonymous(device).started(at("2025-03-04T08:00:00Z")).insert();
        other = fixtures.journey(otherCode).customer(Fixtures.unique("C-JR")).started(at("2025-03-04T09:00:00Z"))
                .insert();

        // inserted out of order: the answer sorts them
        submit = fixtures.event().customer(customer).at("2025-03-02T18:05:00+08:00").touchpoint("wealth.submit")
                .journey(purchase, code, 2).insert();
        start = fixtures.event().customer(customer).at("2025-03-02T10:00:00Z").touchpoint("wealth.risk")
                .journey(purchase, code, 1).insert();
        call = fixtures.event().customer(customer).at("2025-03-02T10:03:00Z").channel("CALL_CENTER")
                .touchpoint("cc.inbound").journey(purchase, code, null).insert();
        webView = fixtures.event().anonymous(device).customer(customer).at("2025-03-02T09:50:00Z").channel("WEB")
                .touchpoint("wealth.risk").journey(absorbed, code, 1).insert();
        fixtures.event().customer(customer).at("2025-03-02T11:00:00Z").touchpoint("wealth.holdings").channel("WECHAT")
                .journey(purchase, code, 2).late().insert();

        fixtures.interruption(purchase, code).at("wealth.submit", 2).error("E_LIMIT")
                .interrupted(at("2025-03-02T10:04:00Z")).resumed(at("2025-03-02T10:04:30Z"), "CALL_CENTER").insert();
        fixtures.interruption(absorbed, code).reason("ABANDONED").at("wealth.risk", 1).channel("WEB")
                .interrupted(at("2025-03-02T09:55:00Z")).insert();
    }

    @Test
    void oneJourneyWithItsVisitsAndInterruptions() {
        given().when().get("/v1/journeys/{id}", purchase).then().statusCode(200)
                .body("journey.id", equalTo(purchase.toString())).body("journey.definitionCode", equalTo(code))
                .body("journey.definitionVersion", equalTo(1)).body("journey.customerId", equalTo(customer))
                .body("journey.status", equalTo("COMPLETED")).body("journey.closed", equalTo(true))
                .body("journey.phase", equalTo("AFTER_INVESTING")).body("journey.currentStep", equalTo(2))
                .body("journey.completedAt", equalTo("2025-03-02T10:05:00Z"))
                .body("journey.channelSwitches", equalTo(1))
                // the visits of the merged anonymous instance belong to this one now
                .body("journey.channels", contains("WEB", "MOBILE_APP", "CALL_CENTER"))
                .body("visits.eventId",
                        contains(equalTo(webView.toString()), equalTo(start.toString()), equalTo(call.toString()),
                                equalTo(submit.toString()), notNullValue()))
                .body("visits.journeyInstanceId",
                        contains(purchase.toString(), purchase.toString(), purchase.toString(), purchase.toString(),
                                purchase.toString()))
                .body("visits[3].occurredAt", equalTo("2025-03-02T18:05:00+08:00"))
                .body("visits[2].stepOrder", nullValue()).body("visits[4].late", equalTo(true))
                .body("visitsTruncated", equalTo(false)).body("interruptions", hasSize(2))
                .body("interruptions[0].reason", equalTo("ABANDONED")).body("interruptions[0].channel", equalTo("WEB"))
                .body("interruptions[0].resumedAt", nullValue()).body("interruptions[1].reason", equalTo("FAILURE"))
                .body("interruptions[1].touchpoint", equalTo("wealth.submit"))
                .body("interruptions[1].stepOrder", equalTo(2)).body("interruptions[1].errorCode", equalTo("E_LIMIT"))
                .body("interruptions[1].interruptedAt", equalTo("2025-03-02T10:04:00Z"))
                .body("interruptions[1].resumedAt", equalTo("2025-03-02T10:04:30Z"))
                .body("interruptions[1].resumedChannel", equalTo("CALL_CENTER"));
    }

    @Test
    void aMergedJourneyPointsToTheOneThatTookItOver() {
        given().when().get("/v1/journeys/{id}", absorbed).then().statusCode(404).contentType("application/problem+json")
                .body("mergedInto", equalTo(purchase.toString())).body("detail", containsString(purchase.toString()));
        // a chain of merges ends at the instance that survives
        given().when().get("/v1/journeys/{id}", absorbedEarlier).then().statusCode(404).body("mergedInto",
                equalTo(purchase.toString()));
    }

    @Test
    void unknownAndMalformedIds() {
        given().when().get("/v1/journeys/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("mergedInto", nullValue());
        given().when().get("/v1/journeys/{id}", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("id"));
    }

    @Test
    void aCustomersJourneysNewestFirstInPagesWithoutMergedOnes() {
        String next = given().queryParam("customerId", customer).queryParam("limit", 3).when().get("/v1/journeys")
                .then().statusCode(200)
                .body("items.id", contains(deviceJourney.toString(), inProgress.toString(), purchase.toString()))
                .body("items[0].anonymousId", equalTo(device)).body("items[0].customerId", nullValue())
                .body("items[2].channels", contains("MOBILE_APP", "CALL_CENTER")).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().queryParam("customerId", customer).queryParam("limit", 3).queryParam("cursor", next).when()
                .get("/v1/journeys").then().statusCode(200).body("items.id", contains(interrupted.toString()))
                .body("nextCursor", nullValue());
    }

    @Test
    void filtersCombine() {
        given().queryParam("customerId", customer).queryParam("status", "interrupted").when().get("/v1/journeys").then()
                .statusCode(200).body("items.id", contains(interrupted.toString()));
        given().queryParam("definition", otherCode).when().get("/v1/journeys").then().statusCode(200).body("items.id",
                contains(other.toString(), deviceJourney.toString()));
        given().queryParam("definition", code).queryParam("from", "2025-03-02").queryParam("to", "2025-03-03T08:00:00Z")
                .when().get("/v1/journeys").then().statusCode(200).body("items.id", contains(purchase.toString()));
        given().queryParam("definition", code).queryParam("status", "IN_PROGRESS").queryParam("limit", 1).when()
                .get("/v1/journeys").then().statusCode(200).body("items.id", contains(inProgress.toString()))
                .body("nextCursor", nullValue());
    }

    @Test
    void invalidFiltersAreAnsweredFieldByField() {
        given().queryParam("status", "STALLED").queryParam("from", "soon").queryParam("limit", -1).when()
                .get("/v1/journeys").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("status", "from", "limit"));
        given().queryParam("from", "2025-03-05").queryParam("to", "2025-03-01").when().get("/v1/journeys").then()
                .statusCode(400).body("violations.field", contains("from"));
        given().queryParam("cursor", "AAAA").when().get("/v1/journeys").then().statusCode(400).body("violations.field",
                contains("cursor"));
    }
}

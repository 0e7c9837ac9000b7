package io.windbell.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.ingest.support.Events;
import io.windbell.ingest.support.IngestTestResource;

/** Back-pressure: beyond the in-flight limit ingest sheds load with 429 and Retry-After instead of timing out. */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = true)
@TestProfile(OverloadTest.TinyCapacity.class)
class OverloadTest {

    /** Room for one unacknowledged event only. */
    public static class TinyCapacity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windbell.ingest.limits.in-flight-events", "1");
        }
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void moreEventsThanCapacityAre429WithRetryAfterAndNothingIsPublished() {
        given().contentType(ContentType.JSON).body(List.of(Events.valid().build(), Events.valid().build())).when()
                .post("/v1/events/batch").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", equalTo("1")).body("type", equalTo("https://windbell.io/problems/overloaded"));

        // capacity comes back once the broker acknowledged: a single event fits
        given().contentType(ContentType.JSON).body(Events.valid().build()).when().post("/v1/events").then()
                .statusCode(202);
        given().contentType(ContentType.JSON).body(Events.valid().build()).when().post("/v1/events").then()
                .statusCode(202);
    }
}

package io.windbell.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.ingest.support.Events;
import io.windbell.ingest.support.IngestTestResource;

/** With no broker to talk to, ingest must fail fast with 503 and never answer 202 for an event it did not store. */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, initArgs = @ResourceArg(name = "kafka", value = "none"), restrictToAnnotatedClass = true)
@TestProfile(BrokerOutageTest.NoBroker.class)
class BrokerOutageTest {

    /** Points ingest at a port where no broker listens. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "windbell.ingest.producer.probe-interval",
                    "PT0.5S");
        }
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void requestsFailFastWith503AndRetryAfter() {
        long started = System.nanoTime();
        given().contentType(ContentType.JSON).body(Events.valid().build()).when().post("/v1/events").then()
                .statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("type", equalTo("https://windbell.io/problems/broker-unavailable"));
        given().contentType(ContentType.JSON).body(List.of(Events.valid().build())).when().post("/v1/events/batch")
                .then().statusCode(503).header("Retry-After", equalTo("1"));
        org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("fail fast, no waiting for a broker that is not there").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void readinessIsDownButTheProcessIsAlive() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'touchpoint-catalog' }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}

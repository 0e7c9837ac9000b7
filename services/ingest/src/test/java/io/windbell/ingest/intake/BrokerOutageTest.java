package io.windbell.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.ingest.kafka.BrokerAvailability;
import io.windbell.ingest.kafka.TouchpointPublisher;
import io.windbell.ingest.support.Events;
import io.windbell.ingest.support.IngestTestResource;

/**
 * With no broker to talk to, ingest must fail fast with 503 and never answer 202 for an event it did not store.
 * <p>
 * "Fast" is a mechanism, not a stopwatch: while the availability probe has the broker down, a request is refused at the
 * gate before anything is handed to the producer, so it never waits for the producer's {@code max.block.ms} (metadata)
 * or {@code delivery.timeout.ms}. The test checks that gate (the probe's state, the gate's own answer, no send), which
 * holds however busy the machine is.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, initArgs = @ResourceArg(name = "kafka", value = "none"), restrictToAnnotatedClass = true)
@TestProfile(BrokerOutageTest.NoBroker.class)
class BrokerOutageTest {

    /** The answer of the gate; a send that timed out would say "did not acknowledge" instead. */
    private static final String REFUSED_AT_THE_GATE = "the event broker is unreachable; nothing was published";

    /** Points ingest at a port where no broker listens. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "windbell.ingest.producer.probe-interval",
                    "PT0.5S");
        }
    }

    @Inject
    BrokerAvailability broker;

    @InjectSpy
    TouchpointPublisher publisher;

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void requestsAreRefusedAtTheGateWith503AndRetryAfterWithoutASend() {
        assertThat(broker.available()).as("the probe has found no broker").isFalse();

        given().contentType(ContentType.JSON).body(Events.valid().build()).when().post("/v1/events").then()
                .statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("1"))
                .body("type", equalTo("https://windbell.io/problems/broker-unavailable"))
                .body("detail", startsWith(REFUSED_AT_THE_GATE));
        given().contentType(ContentType.JSON).body(List.of(Events.valid().build(), Events.valid().build())).when()
                .post("/v1/events/batch").then().statusCode(503).header("Retry-After", equalTo("1"))
                .body("detail", startsWith(REFUSED_AT_THE_GATE));

        verify(publisher, never()).publish(any());
    }

    /** /q/health/ready and /q/health/live of the management interface (Quarkus puts its root path /q in front). */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/health/live", management = true)
    URL liveness;

    @Test
    void readinessIsDownButTheProcessIsAlive() {
        given().when().get(readiness).then().statusCode(503)
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'touchpoint-catalog' }.status", equalTo("UP"));
        given().when().get(liveness).then().statusCode(200);
        // the public port says DOWN, and not which check or why
        String publicBody = given().when().get("/health").then().statusCode(503).extract().asString();
        assertThat(publicBody).isEqualToIgnoringWhitespace("{\"status\":\"DOWN\"}");
    }
}

package io.windbell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.windbell.e2e.suite.Api;
import io.windbell.e2e.suite.Suite;

/**
 * What the gateway answers when it must not pass a request on: a client over its rate (429 with Retry-After, and it
 * recovers), a body over the route's limit (413), a route whose upstream is down (502) or too slow (504). The suite's
 * gateway has three routes for this (see {@link Suite}): {@value Suite#LIMITED_ROUTE}, ingest behind a bucket of
 * {@value Suite#LIMITED_BURST} and one request per second; {@value Suite#DOWN_ROUTE}, where nothing listens; and
 * {@value Suite#SLOW_ROUTE}, a healthy upstream that never answers, with a one-second timeout.
 */
class GatewayFailureModesTest {

    private static final String LIMITED = "/api/" + Suite.LIMITED_ROUTE + "/v1/catalog/channels";

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndRecoversAfterWaiting() {
        Response refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            Response response = Api.as("client:channel-app").get(LIMITED);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                response.then().statusCode(200);
            }
        }
        assertThat(refused).as("a 429 within 50 quick requests over a burst of " + Suite.LIMITED_BURST).isNotNull();
        refused.then().contentType("application/problem+json").body("status", equalTo(429)).header("X-Request-Id",
                not(emptyOrNullString()));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isPositive();

        // the bucket is per client: another client of the same route is not held back
        Api.as("client:cx-analyst-cli").get(LIMITED).then().statusCode(200);

        // after the advertised wait, the client is served again
        await().pollDelay(Duration.ofSeconds(retryAfter)).pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(retryAfter + 30))
                .untilAsserted(() -> Api.as("client:channel-app").get(LIMITED).then().statusCode(200));
    }

    @Test
    void aRouteWhoseUpstreamIsDownAnswers502() {
        Api.as("client:cx-admin-cli").get("/api/" + Suite.DOWN_ROUTE + "/v1/anything").then().statusCode(502)
                .contentType("application/problem+json").body("status", equalTo(502))
                .header("X-Request-Id", not(emptyOrNullString()));
        Api.as("client:cx-admin-cli").contentType("application/json").body("{}")
                .post("/api/" + Suite.DOWN_ROUTE + "/v1/anything").then().statusCode(502)
                .contentType("application/problem+json");
        // the token is checked before any upstream is tried
        Api.gateway().get("/api/" + Suite.DOWN_ROUTE + "/v1/anything").then().statusCode(401);
        // and the other routes are unaffected
        Api.as("client:cx-admin-cli").get("/api/journey/v1/definitions").then().statusCode(200);
    }

    @Test
    void aRouteWhoseUpstreamDoesNotAnswerInTimeAnswers504() {
        // the slow route's upstream is healthy but answers nothing; the route's timeout is one second
        Api.as("client:cx-admin-cli").get("/api/" + Suite.SLOW_ROUTE + "/v1/anything").then().statusCode(504)
                .contentType("application/problem+json").body("status", equalTo(504))
                .header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void aBodyOverTheRoutesLimitIs413() {
        // journey's route takes at most 256 KiB
        String big = "{\"code\":\"" + "x".repeat(300 * 1024) + "\"}";
        Api.as("client:cx-admin-cli").contentType("application/json").body(big).post("/api/journey/v1/definitions")
                .then().statusCode(413).contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void anUnknownPathIs404ProblemNotAnUpstreamCall() {
        Api.as("client:cx-admin-cli").get("/api/no-such-service/v1/x").then().statusCode(404).header("X-Request-Id",
                not(emptyOrNullString()));
    }
}

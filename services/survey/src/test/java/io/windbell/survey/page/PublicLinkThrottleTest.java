package io.windbell.survey.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windbell.survey.support.SurveyTestResource;

/**
 * The public link endpoints are throttled per client address: a burst over the limit gets 429 problem+json with
 * {@code Retry-After}, another address is unaffected. The test client sits behind a "proxy" on 127.0.0.1 that the
 * profile trusts, so {@code X-Forwarded-For} names the client. The refill over time is RateLimiterTest's (with a clock
 * it moves); here the rate is so low that no token comes back during the test.
 */
@QuarkusTest
@TestProfile(PublicLinkThrottleTest.TinyLimit.class)
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class PublicLinkThrottleTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windbell.survey.throttle.burst", "3", "windbell.survey.throttle.rate", "0.001",
                    "quarkus.http.proxy.proxy-address-forwarding", "true", "quarkus.http.proxy.allow-x-forwarded",
                    "true", "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void aBurstOverTheLimitIsRefusedWithRetryAfterAndOtherAddressesAreUnaffected() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/v1/s/{token}", "no-such-token").then()
                    .statusCode(404);
        }
        String retryAfter = given().header("X-Forwarded-For", "203.0.113.7").get("/s/{token}", "no-such-token").then()
                .statusCode(429).contentType("application/problem+json").body("status", equalTo(429)).extract()
                .header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isPositive();
        given().header("X-Forwarded-For", "203.0.113.7").get("/v1/s/{token}", "no-such-token").then().statusCode(429)
                .header("Retry-After", notNullValue());

        // another address still has its whole burst
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.8").get("/v1/s/{token}", "no-such-token").then()
                    .statusCode(404);
        }
        // the page's static assets are not throttled
        given().header("X-Forwarded-For", "203.0.113.7").get("/s-assets/survey.css").then().statusCode(200);
    }
}

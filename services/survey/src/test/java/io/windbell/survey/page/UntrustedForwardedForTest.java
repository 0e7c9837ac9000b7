package io.windbell.survey.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.windbell.survey.support.SurveyTestResource;

/**
 * The throttle's client address comes from {@code X-Forwarded-For} only when the proxy is trusted: here forwarding is
 * on but the only trusted proxy is elsewhere, so a client that makes up a new {@code X-Forwarded-For} per request still
 * spends one bucket (its connection's address).
 */
@QuarkusTest
@TestProfile(UntrustedForwardedForTest.ProxyElsewhere.class)
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class UntrustedForwardedForTest {

    /** {@link PublicLinkThrottleTest}'s tiny limit, with the only trusted proxy elsewhere. */
    public static class ProxyElsewhere extends PublicLinkThrottleTest.TinyLimit {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.http.proxy.trusted-proxies", "192.0.2.1");
            return overrides;
        }
    }

    @Test
    void aMadeUpForwardedForDoesNotEscapeTheLimit() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i).get("/v1/s/{token}", "no-such-token").then()
                    .statusCode(404);
        }
        given().header("X-Forwarded-For", "198.51.100.99").get("/v1/s/{token}", "no-such-token").then().statusCode(429)
                .header("Retry-After", notNullValue());
    }
}

package io.windbell.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.ValidatableResponse;

/**
 * The detailed readiness (check names, consumer counters, the last error text, catalog sizes) is served only on the
 * management interface; the public port answers {@code GET /health} with the overall status and nothing else, and has
 * no {@code /q/health}. A service's health test extends this with its {@code @QuarkusTest} resource.
 */
public abstract class HealthOnTheManagementInterface {

    /** {@code /q/health/ready} of the management interface (whose root path, {@code /q}, Quarkus puts in front). */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementReadiness;

    /** The readiness checks the service reports (names), each of which must stay off the public port. */
    protected abstract List<String> readinessChecks();

    /** The detailed readiness, read where the probes and operators read it: the management port. */
    protected ValidatableResponse readiness() {
        return given().get(managementReadiness).then();
    }

    @Test
    void theManagementInterfaceReportsEveryReadinessCheck() {
        readiness().statusCode(200).body("status", is("UP")).body("checks.name",
                hasItems(readinessChecks().toArray(String[]::new)));
    }

    @Test
    void thePublicPortSaysUpAndNothingElse() {
        String body = given().get("/health").then().statusCode(200).header("Cache-Control", "no-store")
                .contentType("application/json").extract().asString();
        assertThat(body).isEqualToIgnoringWhitespace("{\"status\":\"UP\"}");
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started")) {
            var response = given().get(path);
            assertThat(response.statusCode()).as(path + " on the public port").isEqualTo(404);
            assertThat(response.asString()).as(path + " on the public port").doesNotContain("checks")
                    .doesNotContain(readinessChecks());
        }
    }
}

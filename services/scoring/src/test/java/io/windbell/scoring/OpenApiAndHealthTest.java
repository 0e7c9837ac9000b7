package io.windbell.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.scoring.support.ScoringTestResource;
import io.windbell.testing.HealthOnTheManagementInterface;

/**
 * The operational endpoints need no token: the OpenAPI document on the public port, readiness with its checks only on
 * the management interface.
 */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class OpenApiAndHealthTest extends HealthOnTheManagementInterface {

    @Override
    protected List<String> readinessChecks() {
        return List.of("windbell-messaging", "Database connections health check");
    }

    @Test
    void readinessCoversTheThreeChannels() {
        readiness().statusCode(200).body("status", org.hamcrest.Matchers.is("UP"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("touchpoints.applied"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("journey-events.applied"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("survey-events.applied"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryResource() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/v1/branches"));
    }
}

package io.windbell.journey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.testing.HealthOnTheManagementInterface;

/**
 * The operational endpoints need no token: the OpenAPI document on the public port, readiness with its checks only on
 * the management interface.
 */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class OpenApiAndHealthTest extends HealthOnTheManagementInterface {

    @Override
    protected List<String> readinessChecks() {
        return List.of("windbell-messaging", "journey-definitions", "Database connections health check");
    }

    @Test
    void readinessCoversTheDatabaseTheDefinitionsAndThePipeline() {
        readiness().statusCode(200).body("status", org.hamcrest.Matchers.is("UP"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("touchpoints.applied"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryResource() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/v1/definitions"))
                .body("paths", hasKey("/v1/definitions/{code}"))
                .body("paths", hasKey("/v1/customers/{customerId}/timeline")).body("paths", hasKey("/v1/journeys"))
                .body("paths", hasKey("/v1/journeys/{id}")).body("paths", hasKey("/v1/funnels/{definitionCode}"))
                .body("paths", hasKey("/v1/admin/processing"));
    }
}

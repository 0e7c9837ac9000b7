package io.windbell.journey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.journey.support.JourneyTestResource;

/** The operational endpoints need no token: readiness with its checks, and the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class OpenApiAndHealthTest {

    @Test
    void readinessCoversTheDatabaseTheDefinitionsAndThePipeline() {
        given().get("/q/health/ready").then().statusCode(200).body("status", org.hamcrest.Matchers.is("UP"))
                .body("checks.name",
                        hasItems("windbell-messaging", "journey-definitions", "Database connections health check"))
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

package io.windbell.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.testing.HealthOnTheManagementInterface;

/** The OpenAPI document on the public port; the detailed readiness only on the management interface. */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class OpenApiAndHealthTest extends HealthOnTheManagementInterface {

    @Override
    protected List<String> readinessChecks() {
        return List.of("windbell-messaging", "survey-scheduler", "Database connections health check");
    }

    @Test
    void readinessCoversTheDatabaseAndThePipeline() {
        readiness().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("relay.published"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("journey-events.applied"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("workorder-events.applied"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryResource() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/v1/invitations"))
                .body("paths", hasKey("/v1/invitations/{id}")).body("paths", hasKey("/v1/invitations/{id}/link"))
                .body("paths", hasKey("/v1/decisions")).body("paths", hasKey("/v1/responses"))
                .body("paths", hasKey("/v1/questions")).body("paths", hasKey("/v1/rules"))
                .body("paths", hasKey("/v1/s/{token}")).body("paths", hasKey("/v1/s/{token}/responses"))
                .body("paths", hasKey("/v1/customers/{customerId}/contact-preferences"));
    }
}

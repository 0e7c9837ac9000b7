package io.windbell.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.survey.support.SurveyTestResource;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class OpenApiAndHealthTest {

    @Test
    void readinessCoversTheDatabaseAndThePipeline() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name",
                        hasItems("windbell-messaging", "survey-scheduler", "Database connections health check"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("relay.published"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("journey-events.applied"))
                .body("checks.find { it.name == 'windbell-messaging' }.data", hasKey("workorder-events.applied"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryResource() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/v1/invitations"))
                .body("paths", hasKey("/v1/invitations/{id}")).body("paths", hasKey("/v1/decisions"))
                .body("paths", hasKey("/v1/responses")).body("paths", hasKey("/v1/questions"))
                .body("paths", hasKey("/v1/rules")).body("paths", hasKey("/v1/s/{token}"))
                .body("paths", hasKey("/v1/s/{token}/responses"))
                .body("paths", hasKey("/v1/customers/{customerId}/contact-preferences"));
    }
}

package io.windbell.workorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.testing.HealthOnTheManagementInterface;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The operational endpoints need no token: the OpenAPI document on the public port, readiness with its checks only on
 * the management interface.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class OpenApiAndHealthTest extends HealthOnTheManagementInterface {

    @Override
    protected List<String> readinessChecks() {
        return List.of("Database connections health check", "windbell-messaging");
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkOrderApi() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/v1/workorders"))
                .body("paths", hasKey("/v1/workorders/{id}")).body("paths", hasKey("/v1/workorders/stats"))
                .body("paths", hasKey("/v1/workorders/{id}/resolve")).body("paths", hasKey("/v1/staff/import"))
                .body("paths", hasKey("/v1/sla-policies")).body("paths", hasKey("/v1/calendars/{code}/import"))
                .body("paths", hasKey("/v1/creation-rules")).body("paths", hasKey("/v1/special-tasks"));
    }
}

package io.windbell.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.testing.HealthOnTheManagementInterface;

/**
 * The operational endpoints need no token: the OpenAPI document on the public port, readiness with its checks only on
 * the management interface.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class OpenApiAndHealthTest extends HealthOnTheManagementInterface {

    @Override
    protected List<String> readinessChecks() {
        return List.of("Database connections health check", "windbell-messaging", "notification-streams");
    }

    @Test
    void theOpenApiDocumentDescribesTheNotificationApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/v1/employees/{employeeId}/stream"))
                .body("paths", hasKey("/v1/employees/{employeeId}/inbox"))
                .body("paths", hasKey("/v1/employees/{employeeId}/preferences"))
                .body("paths", hasKey("/v1/admin/deliveries")).body("paths", hasKey("/v1/admin/endpoints"));
    }
}

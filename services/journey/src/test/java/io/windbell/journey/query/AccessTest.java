package io.windbell.journey.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.journey.support.JourneyTestResource;

/** Journeys are not branch-scoped data: only CX analysts and admins read them. */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class AccessTest {

    static final List<String> PATHS = List.of("/v1/customers/C-ACCESS-1/timeline", "/v1/journeys",
            "/v1/journeys/" + UUID.randomUUID(), "/v1/funnels/NO_SUCH_JOURNEY");

    static void expect(int status) {
        for (String path : PATHS) {
            given().when().get(path).then().statusCode(status);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheReadApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()",
                        hasItems("/v1/customers/{customerId}/timeline", "/v1/journeys", "/v1/journeys/{id}",
                                "/v1/funnels/{definitionCode}"))
                .body("paths.'/v1/funnels/{definitionCode}'.get.responses.keySet()", hasItems("200", "400", "404"));
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        expect(401);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    void frontlineIsForbidden() {
        expect(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void branchManagersAreForbidden() {
        expect(403);
    }

    @Test
    @TestSecurity(user = "region", roles = "regional-manager")
    void regionalManagersAreForbidden() {
        expect(403);
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void channelAppsAreForbidden() {
        expect(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void adminsMayRead() {
        given().when().get(PATHS.get(0)).then().statusCode(200);
        given().when().get(PATHS.get(1)).then().statusCode(200);
        given().when().get(PATHS.get(2)).then().statusCode(404);
        given().when().get(PATHS.get(3)).then().statusCode(404);
    }
}

package io.windbell.e2e;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.e2e.suite.Api;

/**
 * Roles through the gateway with real Keycloak tokens: the route's rule first (403 from the gateway), then the
 * service's own (its 403 passes through), and 200 with a role that may read, for every service.
 */
class GatewayRolesTest {

    @ParameterizedTest(name = "{0} GET {1}")
    @CsvSource({ "client:channel-app, /api/ingest/v1/catalog/channels",
            "user:analyst, /api/ingest/v1/catalog/touchpoints", "user:analyst, /api/journey/v1/definitions",
            "client:cx-analyst-cli, /api/journey/v1/journeys", "user:analyst, /api/survey/v1/questions",
            "user:manager.b001, /api/survey/v1/responses", "user:analyst, /api/scoring/v1/alerts",
            "user:regional.r01, /api/scoring/v1/alerts", "user:frontline.b001, /api/workorder/v1/workorders",
            "user:manager.b006, /api/workorder/v1/workorders", "user:regional.r02, /api/workorder/v1/workorders/stats",
            "user:admin, /api/workorder/v1/calendars", "user:frontline.b001, /api/notification/v1/employees/me/inbox",
            "user:manager.b002, /api/notification/v1/employees/me/preferences",
            "client:cx-admin-cli, /api/notification/v1/admin/deliveries" })
    void aRoleThatMayReadGets200(String who, String path) {
        Api.as(who).get(path).then().statusCode(200).header("X-Request-Id", not(emptyOrNullString()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({ "user:frontline.b001, POST, /api/ingest/v1/events", "user:manager.b001, POST, /api/ingest/v1/events",
            "user:frontline.b001, GET, /api/journey/v1/definitions", "user:frontline.b002, GET, /api/scoring/v1/alerts",
            "user:frontline.b001, GET, /api/survey/v1/questions",
            "client:channel-app, GET, /api/workorder/v1/workorders",
            "client:channel-app, GET, /api/notification/v1/employees/me/inbox",
            "client:channel-app, GET, /api/journey/v1/journeys", "client:channel-app, GET, /api/scoring/v1/alerts" })
    void aRoleTheRouteDoesNotAdmitGets403FromTheGateway(String who, String method, String path) {
        Api.as(who).contentType("application/json").body("{}").request(method, path).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403))
                .header("X-Request-Id", not(emptyOrNullString()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({ "user:analyst, POST, /api/ingest/v1/events", "user:analyst, GET, /api/ingest/v1/quarantine",
            "user:manager.b001, GET, /api/survey/v1/questions", "user:frontline.b001, GET, /api/workorder/v1/staff",
            "user:analyst, GET, /api/workorder/v1/workorders",
            "user:frontline.b001, GET, /api/notification/v1/admin/deliveries" })
    void aRoleTheRouteAdmitsButTheServiceDoesNotGetsTheServices403(String who, String method, String path) {
        Api.as(who).contentType("application/json").body("{}").request(method, path).then().statusCode(403)
                .contentType("application/problem+json").header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void theChannelAppPostsAnEventThroughTheGateway() {
        Map<String, Object> event = Map.of("eventId", UUID.randomUUID().toString(), "occurredAt",
                Instant.now().toString(), "channel", "MOBILE_APP", "touchpoint", "account.entry", "customerId",
                "CE2EROLES" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000), "outcome", "SUCCESS");
        Api.as("client:channel-app").contentType("application/json").body(event).post("/api/ingest/v1/events").then()
                .statusCode(202);
    }

    @Test
    void theIndexNamesEveryServicesOpenApiDocument() {
        Api.gateway().get("/api/openapi").then().statusCode(200)
                .body("services.name",
                        containsInAnyOrder("ingest", "journey", "survey", "scoring", "workorder", "notification"))
                .body("services.find { it.name == 'workorder' }.url", equalTo("/api/workorder/q/openapi?format=json"));
        for (String service : new String[] { "ingest", "journey", "survey", "scoring", "workorder", "notification" }) {
            Api.gateway().get("/api/" + service + "/q/openapi?format=json").then().statusCode(200).body("openapi",
                    not(emptyOrNullString()));
        }
    }
}

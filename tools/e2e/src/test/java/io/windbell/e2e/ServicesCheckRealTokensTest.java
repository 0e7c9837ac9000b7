package io.windbell.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.e2e.suite.Api;

/**
 * Defence in depth: each service, called directly (not through the gateway), checks the real Keycloak's tokens itself:
 * 401 without one, 403 for a role it does not admit, 200 for one it does.
 */
class ServicesCheckRealTokensTest {

    @ParameterizedTest(name = "{0} GET {1} as {2}")
    @CsvSource({ "ingest, /v1/catalog/channels, client:channel-app, user:frontline.b001",
            "journey, /v1/definitions, user:analyst, user:frontline.b001",
            "survey, /v1/questions, user:analyst, user:frontline.b001",
            "scoring, /v1/alerts, user:analyst, user:frontline.b001",
            "workorder, /v1/workorders, user:frontline.b001, client:channel-app",
            "notification, /v1/employees/me/inbox, user:frontline.b001, client:channel-app" })
    void aServiceAdmitsItsRolesAndRefusesOthersAndStrangers(String service, String path, String allowed,
            String refused) {
        Api.service(service).get(path).then().statusCode(401).contentType("application/problem+json");
        Api.service(service).auth().oauth2(Api.token(refused)).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        Api.service(service).auth().oauth2(Api.token(allowed)).get(path).then().statusCode(200);
    }
}

package io.windbell.e2e;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.e2e.suite.Suite;
import io.windbell.e2e.suite.Tokens;

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
        String url = Suite.get().service(service).url() + path;
        given().get(url).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token(refused)).get(url).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(allowed)).get(url).then().statusCode(200);
    }

    static String token(String who) {
        String[] kind = who.split(":", 2);
        return "client".equals(kind[0]) ? Tokens.client(kind[1]) : Tokens.user(kind[1]);
    }
}

package io.windbell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.e2e.suite.Claims;
import io.windbell.e2e.suite.Suite;
import io.windbell.e2e.suite.Tokens;
import io.windbell.testing.KeycloakServer;

/**
 * The stack's realm (tools/stack/keycloak/windbell-realm.json) as the real Keycloak serves it: every staff role in two
 * branches of two regions with the organisation claims, the clients' roles and audience, the token lifetime, and the
 * protections (no password grant for the console, brute-force lockout).
 */
class RealmTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "frontline.b001, frontline, E0001, B001, R01", "frontline.b002, frontline, E0002, B002, R01",
            "frontline.b006, frontline, E0053, B006, R02", "manager.b001, branch-manager, E0101, B001, R01",
            "manager.b002, branch-manager, E0302, B002, R01", "manager.b006, branch-manager, E0306, B006, R02",
            "manager.b007, branch-manager, E0307, B007, R02", "regional.r01, regional-manager, E0201, , R01",
            "regional.r02, regional-manager, E0202, , R02" })
    void everyStaffUserGetsAnApiTokenWithTheirRoleAndOrganisation(String user, String role, String employee,
            String branch, String region) {
        Map<String, Object> claims = Claims.of(Tokens.user(user));
        assertThat(roles(claims)).contains(role);
        assertThat(claims.get("employee_id")).isEqualTo(employee);
        assertThat(claims.get("branch_id")).isEqualTo(branch);
        assertThat(claims.get("region_id")).isEqualTo(region);
        assertApiAccessToken(claims);
        assertThat(claims.get("iss")).isEqualTo(Suite.get().keycloak().issuer());
        assertThat(claims.get("azp")).isEqualTo(KeycloakServer.PASSWORD_GRANT_CLIENT);
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .as("access token lifetime (s)").isEqualTo(600);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "admin, cx-admin", "analyst, cx-analyst" })
    void theCxUsersHaveNoBranch(String user, String role) {
        Map<String, Object> claims = Claims.of(Tokens.user(user));
        assertThat(roles(claims)).contains(role);
        assertThat(claims).doesNotContainKeys("branch_id", "region_id");
        assertApiAccessToken(claims);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "channel-app, channel-app", "cx-admin-cli, cx-admin", "cx-analyst-cli, cx-analyst",
            "windbell-notification, survey-deliverer", "survey-deliverer-dev, survey-deliverer" })
    void everyConfidentialClientGetsAnApiTokenWithItsRole(String client, String role) {
        Map<String, Object> claims = Claims.of(Tokens.client(client));
        assertThat(roles(claims)).contains(role).doesNotContain("frontline", "branch-manager", "regional-manager");
        assertThat(claims.get("azp")).isEqualTo(client);
        assertApiAccessToken(claims);
    }

    @Test
    void theConsoleClientHasNoPasswordGrant() {
        given().formParams(Map.of("grant_type", "password", "client_id", "windbell-console", "username",
                "frontline.b001", "password", "frontline.b001")).post(Suite.get().keycloak().tokenUrl()).then()
                .statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void aUserIsLockedOutAfterFiveWrongPasswords() {
        // frontline.b007 is used by no other test: it stays locked for a minute
        String user = "frontline.b007";
        KeycloakServer keycloak = Suite.get().keycloak();
        assertThat(Claims.of(keycloak.userToken(user)).get("branch_id")).isEqualTo("B007");
        for (int i = 0; i < 5; i++) {
            given().formParams(passwordGrant(user, "wrong-" + i)).post(keycloak.tokenUrl()).then()
                    .statusCode(anyOf(is(400), is(401))).body("error", equalTo("invalid_grant"))
                    .body("access_token", nullValue());
        }
        // the right password no longer opens it
        given().formParams(passwordGrant(user, user)).post(keycloak.tokenUrl()).then()
                .statusCode(anyOf(is(400), is(401))).body("error", equalTo("invalid_grant"))
                .body("access_token", nullValue());
    }

    private static Map<String, String> passwordGrant(String user, String password) {
        return Map.of("grant_type", "password", "client_id", KeycloakServer.PASSWORD_GRANT_CLIENT, "username", user,
                "password", password);
    }

    private static void assertApiAccessToken(Map<String, Object> claims) {
        assertThat(claims.get("typ")).isEqualTo("Bearer");
        Object aud = claims.get("aud");
        assertThat(aud instanceof List<?> list ? list : List.of(aud)).contains("windbell-api");
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Map<String, Object> claims) {
        return (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
    }
}

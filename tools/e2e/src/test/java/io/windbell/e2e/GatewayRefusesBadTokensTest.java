package io.windbell.e2e;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;
import io.windbell.e2e.suite.Api;
import io.windbell.e2e.suite.Suite;
import io.windbell.e2e.suite.Tokens;
import io.windbell.testing.KeycloakServer;
import io.windbell.testing.TestTokens;

/**
 * The gateway lets in only the realm's access tokens for the Windbell APIs, and so does the service behind it. The bad
 * tokens are built here from a real token's claims: each is wrong in exactly one respect, and the same claims signed by
 * a key the realm publishes (the suite's test key, {@link KeycloakServer#testSigningKey()}) are accepted, so each 401
 * is about that one respect.
 */
class GatewayRefusesBadTokensTest {

    /** cx-analyst may read it, through the gateway's journey route and in journey itself. */
    private static final String PATH = "/api/journey/v1/definitions";
    private static final String SERVICE_PATH = "/v1/definitions";

    private static TestTokens realClaims() {
        KeycloakServer.RealmKey key = Suite.get().realmKey();
        return TestTokens.withClaimsOf(Tokens.user("analyst")).signedWith(key.privateKey()).header("kid", key.kid());
    }

    private static ValidatableResponse refused(String jwt) {
        ValidatableResponse viaGateway = Api.gateway(jwt).get(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401))
                .header("X-Request-Id", not(emptyOrNullString()));
        // defence in depth: the service refuses it too, had the gateway let it through
        Api.service("journey").header("Authorization", "Bearer " + jwt).get(SERVICE_PATH).then().statusCode(401);
        return viaGateway;
    }

    @Test
    void aRealTokenIsAccepted() {
        Api.as("analyst").get(PATH).then().statusCode(200).header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void theSameClaimsSignedByAKeyOfTheRealmAreAccepted() {
        // the control for every test below: this key is trusted, so their 401s are about the claim they change
        Api.gateway(realClaims().jwt()).get(PATH).then().statusCode(200);
    }

    @Test
    void noTokenIsRefused() {
        Api.gateway().get(PATH).then().statusCode(401).contentType("application/problem+json").header("X-Request-Id",
                not(emptyOrNullString()));
    }

    @Test
    void garbageIsRefused() {
        refused("not-a-jwt");
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(realClaims().expired().jwt());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(realClaims().audience(List.of("account", "some-other-api")).jwt());
        refused(realClaims().audience(null).jwt());
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        refused(realClaims().claim("iss", "http://127.0.0.1:1/realms/windbell").jwt());
        refused(realClaims().claim("iss", Suite.get().keycloak().baseUrl() + "/realms/master").jwt());
    }

    @Test
    void anIdTokenIsRefused() {
        refused(realClaims().typ("ID").jwt());
    }

    @Test
    void aForgedTokenWithTheRealmsKeyIdIsRefused() {
        // signed by a key of the forger's own, claiming to be the realm's current signing key
        String kid = Suite.get().keycloak().signingKeyId();
        refused(TestTokens.withClaimsOf(Tokens.user("analyst")).signedByAStranger().header("kid", kid).jwt());
        refused(TestTokens.withClaimsOf(Tokens.user("admin"))
                .claim("realm_access", java.util.Map.of("roles", List.of("cx-admin", "cx-analyst"))).signedByAStranger()
                .header("kid", kid).jwt());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        // alg none: a real token's claims, no signature
        String kid = Suite.get().keycloak().signingKeyId();
        refused(TestTokens.withClaimsOf(Tokens.user("analyst")).unsigned().header("kid", kid).jwt());
        refused(TestTokens.withClaimsOf(Tokens.user("analyst")).unsigned().jwt());
    }

    @Test
    void aRealTokenWithItsSignatureCutOffIsRefused() {
        String real = Tokens.user("analyst");
        refused(real.substring(0, real.lastIndexOf('.') + 1));
    }
}

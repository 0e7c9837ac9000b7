package io.windbell.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

/**
 * A service accepts only the realm's access tokens meant for the Windbell APIs: signed by the realm's key, not expired,
 * with the audience {@code windbell-api} and {@code typ: Bearer}. A token of another client of the realm (no audience,
 * or another one) and an ID token are refused with 401 problem+json, as are expired and foreign-signed ones, even when
 * they carry a Windbell role. The tokens are real signed JWTs ({@link TestTokens}), so this checks the service's OIDC
 * configuration, not a test shortcut. Also: what a personal-data API answers is neither cached nor content-sniffed. A
 * service's {@code AccessTokenTest} extends this with its {@code @QuarkusTest} resource.
 */
public abstract class OnlyApiAccessTokensAreAccepted {

    /** A GET under {@code /v1} that answers 200 to a caller with {@link #role()}. */
    protected abstract String protectedPath();

    /** A role that may read {@link #protectedPath()}. */
    protected abstract String role();

    private ValidatableResponse get(TestTokens token) {
        return given().header("Authorization", token.bearer()).get(protectedPath()).then();
    }

    private void refused(TestTokens token) {
        get(token).statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void anAccessTokenForTheApisWithTheRoleIsAccepted() {
        get(TestTokens.access(role())).statusCode(200);
    }

    @Test
    void personalDataIsNeitherCachedNorSniffed() {
        get(TestTokens.access(role())).statusCode(200).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        // refusals too: a shared cache must not keep one caller's 401 for another
        get(TestTokens.access(role()).audience(null)).statusCode(401).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        // what the realm's admin-cli (and any client without the audience mapper) issues
        refused(TestTokens.access(role()).audience(null).claim("azp", "admin-cli"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(TestTokens.access(role()).audience(List.of("account", "some-other-api")));
        refused(TestTokens.access(role()).audience("some-other-api"));
    }

    @Test
    void anIdTokenIsRefusedEvenWithTheApiAudience() {
        refused(TestTokens.access(role()).typ("ID"));
        refused(TestTokens.access(role()).typ(null));
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(TestTokens.access(role()).expired());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        refused(TestTokens.access(role()).signedByAStranger());
    }
}

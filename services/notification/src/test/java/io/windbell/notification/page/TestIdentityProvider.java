package io.windbell.notification.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.windbell.testing.TestTokens;

/**
 * A small OpenID Connect provider on 127.0.0.1 that speaks the part of Keycloak's protocol the inbox page uses:
 * {@code /auth} remembers the PKCE challenge and redirects back with a one-time code and the {@code state} (the user is
 * logged in already: one employee per test JVM); {@code /token} exchanges a code only for the verifier whose S256 hash
 * is the challenge, refreshes with the refresh tokens it issued, and answers CORS for the page's origin;
 * {@code /logout} redirects to {@code post_logout_redirect_uri}. Access tokens are RS256 tokens of {@link TestTokens},
 * the key the service trusts in %test. {@code /stats} tells the test what happened.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    /** The config key under which the test finds the logged-in employee's id. */
    public static final String EMPLOYEE = "windbell.test.page.employee";
    public static final String REALM = "/realms/windbell";
    public static final String BRANCH = "B001";
    /** Short enough that the page refreshes within the test (it refreshes 30 s before expiry, at least after 1 s). */
    static final int EXPIRES_IN_SECONDS = 33;

    private final String employee = "E-page-" + UUID.randomUUID();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();
    private Vertx vertx;
    private HttpServer server;

    private record Grant(String clientId, String redirectUri, String challenge) {
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the test identity provider did not start", e);
        }
        return Map.of("windbell.notification.page.issuer", "http://127.0.0.1:" + server.actualPort() + REALM, EMPLOYEE,
                employee);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        String oidc = REALM + "/protocol/openid-connect";
        if (path.equals(oidc + "/auth")) {
            authorize(request);
        } else if (path.equals(oidc + "/token")) {
            cors(request);
            if (request.method().name().equals("OPTIONS")) {
                request.response().setStatusCode(204).end();
            } else {
                request.setExpectMultipart(true);
                request.endHandler(end -> token(request, request.formAttributes()));
            }
        } else if (path.equals(oidc + "/logout")) {
            logouts.incrementAndGet();
            redirect(request, request.getParam("post_logout_redirect_uri"));
        } else if (path.equals("/stats")) {
            json(request, 200, new JsonObject().put("logins", logins.get()).put("refreshes", refreshes.get())
                    .put("refusals", refusals.get()).put("logouts", logouts.get()));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void authorize(HttpServerRequest request) {
        String redirectUri = request.getParam("redirect_uri");
        String challenge = request.getParam("code_challenge");
        if (!"code".equals(request.getParam("response_type")) || redirectUri == null || challenge == null
                || !"S256".equals(request.getParam("code_challenge_method")) || request.getParam("state") == null) {
            request.response().setStatusCode(400).end("a code flow with PKCE S256 and a state is required");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(request.getParam("client_id"), redirectUri, challenge));
        redirect(request, redirectUri + "?state=" + encode(request.getParam("state")) + "&session_state="
                + UUID.randomUUID() + "&code=" + code);
    }

    private void token(HttpServerRequest request, MultiMap form) {
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            Grant grant = codes.get(String.valueOf(form.get("code")));
            if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                    || !grant.clientId().equals(form.get("client_id"))
                    || !grant.challenge().equals(s256(form.get("code_verifier")))) {
                refusals.incrementAndGet();
                json(request, 400, new JsonObject().put("error", "invalid_grant").put("error_description",
                        "PKCE verification failed: code verifier"));
                return;
            }
            codes.remove(form.get("code"));
            logins.incrementAndGet();
            json(request, 200, tokens());
        } else if ("refresh_token".equals(grantType)
                && refreshTokens.remove(String.valueOf(form.get("refresh_token")), Boolean.TRUE)) {
            refreshes.incrementAndGet();
            json(request, 200, tokens());
        } else {
            refusals.incrementAndGet();
            json(request, 400, new JsonObject().put("error", "invalid_grant"));
        }
    }

    private JsonObject tokens() {
        String refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, Boolean.TRUE);
        TestTokens access = TestTokens.access("frontline").claim("azp", "windbell-console")
                .claim("employee_id", employee).claim("branch_id", BRANCH)
                .claim("preferred_username", "frontline.page");
        return new JsonObject().put("access_token", access.jwt()).put("token_type", "Bearer")
                .put("expires_in", EXPIRES_IN_SECONDS).put("refresh_token", refresh)
                .put("id_token", access.typ("ID").audience("windbell-console").jwt()).put("scope", "openid");
    }

    /** Keycloak answers the token endpoint's CORS for the client's web origins; here, whoever asks. */
    private static void cors(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            request.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin")
                    .putHeader("Access-Control-Allow-Methods", "POST, OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", "Content-Type");
        }
    }

    /** base64url(SHA-256(verifier)) without padding (RFC 7636, S256). */
    static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpServerRequest request, String location) {
        request.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store")
                .end();
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}

package io.windbell.notification.invitation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Real HTTP servers on 127.0.0.1 for the systems an invitation passes through: the identity provider's token endpoint,
 * survey's link endpoint, the app's push service and the SMS gateway (one Vert.x server, one path each). What they
 * received and how survey answers are in static state the tests read and set.
 */
public class InvitationStandIns implements QuarkusTestResourceLifecycleManager {

    /** A request one of the servers received. */
    public record Received(String authorization, Map<String, String> headers, JsonObject body, String path) {
    }

    /** survey's scripted answer for one invitation. */
    public record Answer(int status, String problemSlug) {
    }

    static final String CLIENT_SECRET = "stand-in-client-secret";
    static final String SMS_KEY = "stand-in-sms-key";
    static final List<String> ISSUED_TOKENS = new CopyOnWriteArrayList<>();
    static final List<Received> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    static final List<Received> SURVEY_CALLS = new CopyOnWriteArrayList<>();
    static final List<Received> PUSHES = new CopyOnWriteArrayList<>();
    static final List<Received> TEXTS = new CopyOnWriteArrayList<>();
    static final Map<UUID, Answer> SURVEY_ANSWERS = new ConcurrentHashMap<>();
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private Vertx vertx;

    /** The link survey hands out for {@code invitationId}. */
    static String linkOf(UUID invitationId) {
        return "https://survey.example/s/" + UUID.nameUUIDFromBytes(invitationId.toString().getBytes());
    }

    static List<Received> received(List<Received> all, UUID invitationId) {
        return all.stream().filter(r -> r.path().contains(invitationId.toString())
                || r.body() != null && r.body().encode().contains(invitationId.toString())).toList();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/idp/protocol/openid-connect/token").handler(this::token);
        router.get("/survey/v1/invitations/:id/link").handler(this::link);
        router.post("/push").handler(ctx -> accept(ctx, PUSHES));
        router.post("/sms").handler(ctx -> accept(ctx, TEXTS));
        HttpServer server;
        try {
            server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stand-ins did not start", e);
        }
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.oidc-client.auth-server-url", base + "/idp", "quarkus.oidc-client.credentials.secret",
                CLIENT_SECRET, "windbell.notification.invitations.survey-url", base + "/survey",
                "windbell.notification.invitations.adapters.app-push.url", base + "/push",
                "windbell.notification.invitations.adapters.sms.url", base + "/sms",
                "windbell.notification.invitations.adapters.sms.api-key", SMS_KEY);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void token(RoutingContext ctx) {
        TOKEN_REQUESTS
                .add(received(ctx, new JsonObject().put("grant_type", ctx.request().getFormAttribute("grant_type"))));
        String token = "stand-in-token-" + TOKENS.incrementAndGet() + "-" + UUID.randomUUID();
        ISSUED_TOKENS.add(token);
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("access_token", token)
                .put("token_type", "Bearer").put("expires_in", 300).encode());
    }

    private void link(RoutingContext ctx) {
        UUID id = UUID.fromString(ctx.pathParam("id"));
        SURVEY_CALLS.add(received(ctx, null));
        Answer answer = SURVEY_ANSWERS.getOrDefault(id, new Answer(200, null));
        if (answer.status() == 200) {
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(new JsonObject().put("invitationId", id.toString()).put("linkUrl", linkOf(id))
                            .put("expiresAt", "2030-01-18T02:00:00Z").encode());
            return;
        }
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://windbell.io/problems/" + answer.problemSlug())
                        .put("status", answer.status()).encode());
    }

    private static void accept(RoutingContext ctx, List<Received> into) {
        into.add(received(ctx, ctx.body().asJsonObject()));
        ctx.response().setStatusCode(202).end();
    }

    private static Received received(RoutingContext ctx, JsonObject body) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        return new Received(ctx.request().getHeader("Authorization"), headers, body, ctx.request().path());
    }
}

package io.windbell.gateway.proxy;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import io.windbell.gateway.GatewayConfig;
import io.windbell.gateway.route.Route;
import io.windbell.gateway.route.Routes;
import io.windbell.gateway.upstream.Upstream;
import io.windbell.gateway.upstream.Upstreams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.throttle.RateLimiter;

/**
 * Every proxied request: match the route, check size, login, role and rate, then hand the request to Vert.x's
 * {@code vertx-http-proxy} for the chosen instance, streaming both ways (an SSE stream or a large batch passes as it
 * comes). The caller's {@code Authorization} header goes upstream unchanged, so the service authorizes again.
 */
@ApplicationScoped
public class ProxyHandler implements Handler<RoutingContext> {

    private static final Logger ACCESS = Logger.getLogger("io.windbell.gateway.access");

    private final Routes routes;
    private final Upstreams upstreams;
    private final Vertx vertx;
    private final VerifiedTokens verified;

    ProxyHandler(Routes routes, Upstreams upstreams, Vertx vertx, GatewayConfig config) {
        this.routes = routes;
        this.upstreams = upstreams;
        this.vertx = vertx;
        this.verified = new VerifiedTokens(config.verifiedTokens(), () -> System.currentTimeMillis() / 1000);
    }

    /** One request's state as it passes the checks. */
    private static final class Exchange {
        final RoutingContext ctx;
        final Route route;
        final String path;
        final String requestId;
        final long started = System.nanoTime();
        ProxyRequest proxyRequest;
        String client = "-";
        String upstream = "-";
        volatile boolean timedOut;

        Exchange(RoutingContext ctx, Route route, String path, String requestId) {
            this.ctx = ctx;
            this.route = route;
            this.path = path;
            this.requestId = requestId;
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<Route> matched = routes.table().match(path);
        if (matched.isEmpty()) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        Exchange exchange = new Exchange(ctx, matched.get(), path, ctx.get(RequestIds.HEADER));
        response.endHandler(v -> logAccess(exchange));
        // paused from here on: the body waits until the checks pass, and is dropped if they fail
        exchange.proxyRequest = ProxyRequest.reverseProxy(request);

        long declared = declaredLength(request);
        if (declared > exchange.route.maxBodyBytes()) {
            refuse(exchange, GatewayProblems.tooLarge(exchange.route.maxBodyBytes()));
            return;
        }
        if (exchange.route.isPublic(path)) {
            exchange.client = "address:" + request.remoteAddress().hostAddress();
            limitThenForward(exchange);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            refuse(exchange, GatewayProblems.unauthorized("a bearer token is required"));
            return;
        }
        Optional<VerifiedTokens.Caller> known = verified.lookup(authorization);
        if (known.isPresent()) {
            authorized(exchange, known.get());
            return;
        }
        Context context = Vertx.currentContext();
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        identity.subscribe().with(
                id -> context.runOnContext(v -> safely(exchange, () -> verified(exchange, authorization, id))),
                failure -> context.runOnContext(v -> refuse(exchange,
                        GatewayProblems.unauthorized("the bearer token is not valid for Windbell"))));
    }

    private void verified(Exchange exchange, String authorization, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            refuse(exchange, GatewayProblems.unauthorized("the bearer token is not valid for Windbell"));
            return;
        }
        Object azp = jwt.getClaim("azp");
        VerifiedTokens.Caller caller = new VerifiedTokens.Caller(Set.copyOf(identity.getRoles()),
                azp != null ? "client:" + azp : "principal:" + jwt.getName());
        verified.remember(authorization, caller, jwt.getExpirationTime());
        authorized(exchange, caller);
    }

    private void authorized(Exchange exchange, VerifiedTokens.Caller caller) {
        exchange.client = caller.client();
        if (!exchange.route.admits(caller.roles())) {
            refuse(exchange, GatewayProblems.forbidden(exchange.route.name()));
            return;
        }
        limitThenForward(exchange);
    }

    private void limitThenForward(Exchange exchange) {
        RateLimiter.Decision decision = routes.limiter(exchange.route).acquire(exchange.client);
        if (!decision.allowed()) {
            exchange.ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            refuse(exchange, GatewayProblems.tooMany(decision.retryAfterSeconds()));
            return;
        }
        forward(exchange);
    }

    private void forward(Exchange exchange) {
        Optional<Upstream> chosen = upstreams.pool(exchange.route.name()).choose();
        if (chosen.isEmpty()) {
            refuse(exchange, GatewayProblems.badGateway(exchange.route.name(),
                    "every instance's circuit breaker is open; retry shortly"));
            return;
        }
        Upstream upstream = chosen.get();
        exchange.upstream = upstream.toString();
        HttpServerRequest request = exchange.ctx.request();
        ProxyRequest proxyRequest = exchange.proxyRequest;
        String query = request.query();
        proxyRequest.setURI(exchange.route.upstreamPath(exchange.path) + (query == null ? "" : "?" + query));
        TrustedHeaders.strip(proxyRequest.headers());
        TrustedHeaders.set(proxyRequest.headers(), request.remoteAddress().hostAddress(), request.scheme(),
                request.authority() == null ? null : request.authority().toString(),
                exchange.route.stripPrefix() ? exchange.route.prefix() : null, exchange.requestId);
        LimitedBody limited = null;
        if (declaredLength(request) < 0 && proxyRequest.getBody() != null) {
            // the proxy passes a body on chunked only when the caller wrote exactly "chunked"; "Chunked" is the same
            // encoding (RFC 9112 tokens are case-insensitive) and must not become an empty body upstream
            // and an HTTP/2 caller's body (its frames carry no length) goes upstream over HTTP/1.1 chunked: without it
            // the proxy would write the body's data frames to a request that declared no way to carry them
            String encoding = request.getHeader("Transfer-Encoding");
            if (request.version() == HttpVersion.HTTP_2
                    || (encoding != null && encoding.trim().equalsIgnoreCase("chunked"))) {
                request.headers().set("Transfer-Encoding", "chunked");
            }
            limited = new LimitedBody(proxyRequest.getBody().stream(), exchange.route.maxBodyBytes());
            proxyRequest.setBody(Body.body(limited, -1));
        }
        LimitedBody body = limited;
        Context context = Vertx.currentContext();
        upstream.call(() -> send(exchange, upstream, body)).whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                context.runOnContext(v -> safely(exchange, () -> failed(exchange, body, cause)));
            }
        });
    }

    /** Sends upstream; completes when the answer has started to flow back, or fails without an answer. */
    private CompletionStage<Void> send(Exchange exchange, Upstream upstream, LimitedBody body) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        long timeoutMillis = exchange.route.timeout().toMillis();
        String accept = exchange.ctx.request().getHeader("Accept");
        boolean stream = accept != null && accept.contains("text/event-stream");
        upstreams.client(stream).request(upstream.at(exchange.proxyRequest.getURI())).compose(clientRequest -> {
            long timer = vertx.setTimer(timeoutMillis, id -> {
                exchange.timedOut = true;
                clientRequest.reset(0, new UpstreamTimeout());
            });
            return exchange.proxyRequest.send(clientRequest).onComplete(ar -> vertx.cancelTimer(timer));
        }).onSuccess(proxyResponse -> {
            relay(exchange, proxyResponse);
            started.complete(null);
        }).onFailure(started::completeExceptionally);
        return started;
    }

    private static void relay(Exchange exchange, ProxyResponse proxyResponse) {
        // the gateway's own request id wins over anything the service echoes
        proxyResponse.headers().remove(RequestIds.HEADER);
        proxyResponse.send();
    }

    private void failed(Exchange exchange, LimitedBody body, Throwable error) {
        Problem problem;
        if (body != null && body.exceeded()) {
            problem = GatewayProblems.tooLarge(exchange.route.maxBodyBytes());
        } else if (exchange.timedOut) {
            problem = GatewayProblems.gatewayTimeout(exchange.route.name(), exchange.route.timeout().toMillis());
        } else if (error instanceof CircuitBreakerOpenException) {
            problem = GatewayProblems.badGateway(exchange.route.name(),
                    "the instance's circuit breaker is open; retry shortly");
        } else {
            problem = GatewayProblems.badGateway(exchange.route.name(), "the service could not be reached");
        }
        refuse(exchange, problem);
    }

    /**
     * Runs a step that continues on the event loop later: a fault in it answers 500 instead of leaving the caller
     * hanging.
     */
    private static void safely(Exchange exchange, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // logged at ERROR with an errorId, the one thing the answer says about it
            refuse(exchange, io.windbell.platform.problem.HttpProblems.unexpected(e, exchange.path));
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static void refuse(Exchange exchange, Problem problem) {
        exchange.proxyRequest.release();
        GatewayProblems.send(exchange.ctx.response(), problem, exchange.path);
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not a length: refused as too large rather than guessed at
        }
    }

    private static void logAccess(Exchange exchange) {
        HttpServerRequest request = exchange.ctx.request();
        long micros = (System.nanoTime() - exchange.started) / 1_000;
        ACCESS.infof("%s %s %d %d.%03d ms id=%s %s upstream=%s route=%s", request.method(), LogPaths.of(exchange.path),
                exchange.ctx.response().getStatusCode(), micros / 1000, micros % 1000, exchange.requestId,
                exchange.client, exchange.upstream, exchange.route.name());
    }

    /** The upstream did not start answering in time. */
    static final class UpstreamTimeout extends RuntimeException {
        UpstreamTimeout() {
            super("the upstream did not start answering in time", null, false, false);
        }
    }
}

package io.windbell.gateway;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.windbell.gateway.openapi.OpenApiIndex;
import io.windbell.gateway.proxy.ProxyHandler;
import io.windbell.gateway.proxy.RequestIds;
import io.windbell.gateway.proxy.SecurityHeaders;

/**
 * Puts the gateway's handlers on the public router: the OpenAPI index, then the proxy for every path a route covers
 * (anything else falls through to the gateway's own endpoints, {@code /health}, or 404).
 */
@Singleton
public class GatewayRouter {

    /** Before Quarkus's own routes (which start at order 0 for REST), after its security and CORS filters. */
    private static final int ORDER = -100;

    void register(@Observes Router router, ProxyHandler proxy, OpenApiIndex index) {
        router.route().order(ORDER - 2).handler(GatewayRouter::everyAnswer);
        router.get(OpenApiIndex.PATH).order(ORDER - 1).handler(index);
        router.route().order(ORDER).handler(proxy);
    }

    /** A request id and the security headers on every answer, the gateway's own and the proxied alike. */
    private static void everyAnswer(RoutingContext ctx) {
        String requestId = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.HEADER, requestId);
        HttpServerResponse response = ctx.response();
        response.putHeader(RequestIds.HEADER, requestId);
        boolean tls = ctx.request().isSSL();
        response.headersEndHandler(v -> SecurityHeaders.addMissing(response.headers(), tls));
        ctx.next();
    }
}

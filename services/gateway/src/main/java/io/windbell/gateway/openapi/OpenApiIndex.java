package io.windbell.gateway.openapi;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.windbell.gateway.route.Route;
import io.windbell.gateway.route.Routes;

/**
 * {@code GET /api/openapi}: where each service's OpenAPI document is, through the gateway
 * ({@code /api/<service>/q/openapi}), so a client or a test can walk every operation of the suite from one URL.
 */
@ApplicationScoped
public class OpenApiIndex implements Handler<RoutingContext> {

    public static final String PATH = "/api/openapi";

    private final byte[] body;

    OpenApiIndex(Routes routes) {
        List<Route> listed = routes.table().all().stream().filter(Route::listedInIndex).toList();
        JsonArray services = new JsonArray();
        listed.forEach(route -> services
                .add(new JsonObject(Map.of("name", route.name(), "url", route.prefix() + "/q/openapi?format=json"))));
        this.body = new JsonObject().put("services", services).toBuffer().getBytes();
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}

package io.windbell.gateway.route;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.gateway.GatewayConfig;
import io.windbell.platform.throttle.RateLimiter;

/** The configured routes as a {@link RouteTable}, and each route's token buckets. */
@ApplicationScoped
public class Routes {

    /** Clients remembered per route's limiter; beyond it the least recently active starts again with a full bucket. */
    private static final int MAX_CLIENTS = 10_000;

    private final RouteTable table;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    Routes(GatewayConfig config) {
        Map<String, GatewayConfig.RouteConfig> enabled = enabled(config);
        this.table = new RouteTable(enabled.entrySet().stream().map(e -> route(e.getKey(), e.getValue())).toList());
        enabled.forEach((name, route) -> limiters.put(name, new RateLimiter(route.rateLimit().perSecond(),
                route.rateLimit().burst(), MAX_CLIENTS, System::nanoTime)));
    }

    /** The routes that are switched on, by name. */
    public static Map<String, GatewayConfig.RouteConfig> enabled(GatewayConfig config) {
        Map<String, GatewayConfig.RouteConfig> enabled = new java.util.TreeMap<>();
        config.routes().forEach((name, route) -> {
            if (route.enabled()) {
                enabled.put(name, route);
            }
        });
        return enabled;
    }

    static Route route(String name, GatewayConfig.RouteConfig config) {
        return new Route(name, config.prefix().orElse("/api/" + name), config.stripPrefix(), config.publicRoute(),
                new HashSet<>(config.roles().orElse(List.of())),
                config.publicPaths().orElse(List.of()).stream().map(PathGlob::of).toList(),
                config.maxBodySize().asLongValue(), config.timeout(), config.openapi() && !config.publicRoute());
    }

    public RouteTable table() {
        return table;
    }

    /** The token buckets of a route, keyed by client. */
    public RateLimiter limiter(Route route) {
        return limiters.get(route.name());
    }
}

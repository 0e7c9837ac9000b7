package io.windbell.gateway.upstream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every route has at least one instance whose {@code /health} answered UP: a gateway that can reach none of
 * a route's instances takes itself out of the load balancer rather than answering that route with 502s only.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    private final Upstreams upstreams;

    UpstreamReadiness(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
        upstreams.pools().forEach((route, pool) -> {
            long up = pool.instances().stream().filter(Upstream::healthy).count();
            builder.withData(route, up + "/" + pool.instances().size() + " up");
            if (up == 0) {
                builder.down();
            }
        });
        return builder.build();
    }
}

package io.windbell.survey.page;

import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.throttle.RateLimiter;
import io.windbell.survey.SurveyConfig;

/**
 * Throttles the public survey link endpoints ({@code /s/*}, {@code /v1/s/*}) per client address: they need no
 * credential but the link token, so without a limit anyone could guess tokens or load the service from one machine.
 * Over the limit an address gets 429 problem+json with {@code Retry-After}. The address is the connection's peer, or
 * the forwarded client address when {@code quarkus.http.proxy.*} trusts the proxy (Vert.x then rewrites
 * {@code remoteAddress()}); an untrusted {@code X-Forwarded-For} changes nothing. Static assets are not throttled.
 */
@Singleton
public class PublicLinkThrottle {

    private final Instance<SurveyConfig> config;
    private volatile RateLimiter limiter;

    /** The configuration is read on the first request: REST filters are created before it is available. */
    PublicLinkThrottle(Instance<SurveyConfig> config) {
        this.config = config;
    }

    private RateLimiter limiter() {
        RateLimiter current = limiter;
        if (current == null) {
            synchronized (this) {
                if (limiter == null) {
                    SurveyConfig.Throttle throttle = config.get().throttle();
                    limiter = new RateLimiter(throttle.rate(), throttle.burst(), throttle.maxAddresses(),
                            System::nanoTime);
                }
                current = limiter;
            }
        }
        return current;
    }

    @ServerRequestFilter(preMatching = true)
    public void throttle(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !(path.startsWith("/s/") || path.startsWith("/v1/s/"))) {
            return;
        }
        SocketAddress client = request.remoteAddress();
        String address = client == null ? null : client.hostAddress() != null ? client.hostAddress() : client.host();
        RateLimiter.Decision decision = limiter().acquire(address == null ? "unknown" : address);
        if (!decision.allowed()) {
            throw new ProblemException(
                    Problem.of("too-many-requests", "Too many requests", 429,
                            "Too many requests from this address; retry after " + decision.retryAfterSeconds()
                                    + " second(s)"),
                    Map.of("Retry-After", String.valueOf(decision.retryAfterSeconds())));
        }
    }
}

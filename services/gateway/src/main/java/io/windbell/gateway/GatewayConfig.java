package io.windbell.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's configuration ({@code windbell.gateway.*}): the routes, each naming its upstream instances, who may use
 * it and how much, and how the upstreams are watched. A route is added by configuring it; nothing is hard-coded.
 */
@ConfigMapping(prefix = "windbell.gateway")
public interface GatewayConfig {

    /** The routes by name, e.g. {@code ingest}; a route's path prefix defaults to {@code /api/<name>}. */
    Map<String, RouteConfig> routes();

    /** How the upstream instances are watched and called. */
    UpstreamConfig upstream();

    /**
     * How many verified bearer tokens are remembered until they expire (see {@code VerifiedTokens}); 0 checks every
     * token on every request.
     */
    @WithDefault("10000")
    int verifiedTokens();

    /** One route: a path prefix, the instances behind it and its rules. */
    interface RouteConfig {

        /**
         * A route switched off is not served (404), not probed and not part of readiness: a deployment without one of
         * the services turns its route off (Helm does, for every service not among the gateway's upstreams).
         */
        @WithDefault("true")
        boolean enabled();

        /** The path prefix, e.g. {@code /s}; default {@code /api/<route name>}. */
        Optional<String> prefix();

        /** Whether the prefix is taken off before the request goes upstream ({@code /api/ingest/v1/x → /v1/x}). */
        @WithDefault("true")
        boolean stripPrefix();

        /** The upstream instances' base URLs, e.g. {@code http://ingest:8080}; requests go round-robin. */
        List<String> upstreams();

        /**
         * Served without login (the survey pages: the link token in the path is the credential). A route that is not
         * public must name its roles: a route configured without either fails the start.
         */
        @WithDefault("false")
        boolean publicRoute();

        /** The realm roles of which a token must hold one; the service checks its own, finer rules again. */
        Optional<List<String>> roles();

        /**
         * Paths under the route (after the prefix) served without login, as globs: {@code *} one segment, {@code **}
         * any; e.g. {@code /q/openapi} or a stream that authenticates with a ticket of its own.
         */
        Optional<List<String>> publicPaths();

        /** The token bucket per client ({@code azp}; per address on public paths). */
        RateLimitConfig rateLimit();

        /** The largest request body; more is refused with 413 before the upstream sees it. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** How long the upstream may take to start its answer (then 504); a stream, once started, is not cut. */
        @WithDefault("10s")
        Duration timeout();

        /** Whether the OpenAPI index lists this route's {@code /q/openapi}. */
        @WithDefault("true")
        boolean openapi();
    }

    /** A token bucket: {@code burst} at once, then {@code per-second} on average. */
    interface RateLimitConfig {

        @WithDefault("50")
        double perSecond();

        @WithDefault("100")
        int burst();
    }

    /** Watching and calling the upstreams. */
    interface UpstreamConfig {

        /** How often each instance's public {@code /health} is asked. */
        @WithDefault("2s")
        Duration healthInterval();

        /** The health path on each instance's public port. */
        @WithDefault("/health")
        String healthPath();

        /** How long a TCP connect may take before the instance counts as down. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** A connection idle this long is closed (a stream's heartbeats keep it alive). */
        @WithDefault("5m")
        Duration idleTimeout();

        /** Connections per instance for ordinary requests (kept alive and reused). */
        @WithDefault("256")
        int poolSize();

        /**
         * Connections per instance for event streams ({@code Accept: text/event-stream}): each open stream holds one
         * for as long as it lasts, so streams get their own pool and can never starve the ordinary requests.
         */
        @WithDefault("20000")
        int streamPoolSize();

        /** The circuit breaker per instance (SmallRye Fault Tolerance). */
        BreakerConfig breaker();
    }

    /** Opens after {@code failure-ratio} of the last {@code volume} calls failed; half-opens after {@code delay}. */
    interface BreakerConfig {

        @WithDefault("10")
        int volume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("5s")
        Duration delay();
    }
}

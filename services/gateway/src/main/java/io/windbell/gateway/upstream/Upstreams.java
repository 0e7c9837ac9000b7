package io.windbell.gateway.upstream;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.windbell.gateway.GatewayConfig;

/**
 * Every upstream instance of every route, one HTTP client for all of them, and the health probe that asks each
 * instance's public {@code /health} on an interval. An instance named by several routes (survey's pages and API) is one
 * {@link Upstream}, with one breaker.
 */
@ApplicationScoped
@Startup
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    private static final TypeLiteral<CompletionStage<Void>> CALL = new TypeLiteral<>() {
    };

    private final Vertx vertx;
    private final GatewayConfig.UpstreamConfig config;
    private final HttpClient client;
    private final HttpClient streamClient;
    /** The probe's own: a busy ordinary pool must not make a healthy instance look down. */
    private final HttpClient probeClient;
    private final Map<String, Upstream> instances = new LinkedHashMap<>();
    private final Map<String, UpstreamPool> pools = new LinkedHashMap<>();
    private final long probeTimer;

    Upstreams(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config.upstream();
        this.client = client(this.config.poolSize());
        this.streamClient = client(this.config.streamPoolSize());
        this.probeClient = client(1);
        io.windbell.gateway.route.Routes.enabled(config).forEach((name, route) -> pools.put(name, new UpstreamPool(
                route.upstreams().stream().map(String::trim).filter(s -> !s.isEmpty()).map(this::instance).toList())));
        probeAll();
        this.probeTimer = vertx.setPeriodic(this.config.healthInterval().toMillis(), id -> probeAll());
    }

    private HttpClient client(int poolSize) {
        return vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis()).setKeepAlive(true)
                        .setIdleTimeout((int) config.idleTimeout().toSeconds()),
                new PoolOptions().setHttp1MaxSize(poolSize));
    }

    private Upstream instance(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return instances.computeIfAbsent(base, b -> new Upstream(URI.create(b), this::breaker));
    }

    private TypedGuard<CompletionStage<Void>> breaker(String name,
            java.util.function.Consumer<io.smallrye.faulttolerance.api.CircuitBreakerState> onChange) {
        GatewayConfig.BreakerConfig breaker = config.breaker();
        return TypedGuard.create(CALL).withDescription("upstream " + name).withThreadOffload(false).withCircuitBreaker()
                .requestVolumeThreshold(breaker.volume()).failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS).successThreshold(1).onStateChange(state -> {
                    LOG.warnf("upstream %s: circuit breaker %s", name, state);
                    onChange.accept(state);
                }).done().build();
    }

    /** The HTTP client that carries a proxied request: streams have their own (see {@code stream-pool-size}). */
    public HttpClient client(boolean stream) {
        return stream ? streamClient : client;
    }

    /** The pool of a route, by the route's name. */
    public UpstreamPool pool(String route) {
        UpstreamPool pool = pools.get(route);
        if (pool == null) {
            throw new IllegalArgumentException("no upstreams for route " + route);
        }
        return pool;
    }

    /** Every route's pool, by route name. */
    public Map<String, UpstreamPool> pools() {
        return pools;
    }

    private void probeAll() {
        instances.values().forEach(this::probe);
    }

    private void probe(Upstream upstream) {
        long timeout = Math.max(500, config.healthInterval().toMillis());
        probeClient.request(upstream.at(config.healthPath()).setMethod(HttpMethod.GET).setTimeout(timeout)).compose(
                request -> request.send().compose(response -> response.body().map(body -> response.statusCode())))
                .onComplete(result -> {
                    boolean up = result.succeeded() && result.result() == 200;
                    if (up != upstream.healthy()) {
                        if (up) {
                            LOG.infof("upstream %s is up", upstream);
                        } else {
                            LOG.warnf("upstream %s is down: %s", upstream, result.succeeded()
                                    ? "health answered " + result.result() : result.cause().toString());
                        }
                    }
                    upstream.healthy(up);
                });
    }

    /** All distinct instances. */
    public List<Upstream> instances() {
        return List.copyOf(instances.values());
    }

    @PreDestroy
    void close() {
        vertx.cancelTimer(probeTimer);
        client.close();
        streamClient.close();
        probeClient.close();
    }
}

package io.windbell.gateway.upstream;

import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.http.RequestOptions;

/**
 * One instance behind a route: where it listens, whether its last health probe answered UP, and its circuit breaker.
 * The breaker counts calls that got no answer (refused, reset, timed out); an answer of any status is a success, so a
 * service's own 4xx/5xx never opens it.
 */
public final class Upstream {

    private final URI base;
    private final TypedGuard<CompletionStage<Void>> breaker;
    private volatile boolean healthy;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    Upstream(URI base, GuardFactory guards) {
        if (base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException("an upstream is an http(s) base URL, not " + base);
        }
        if (base.getPath() != null && !base.getPath().isEmpty() && !base.getPath().equals("/")) {
            throw new IllegalArgumentException("an upstream is a base URL without a path, not " + base);
        }
        this.base = base;
        this.breaker = guards.breaker(base.toString(), s -> state = s);
    }

    /** Builds an instance's circuit breaker, told of each state change. */
    interface GuardFactory {
        TypedGuard<CompletionStage<Void>> breaker(String name,
                java.util.function.Consumer<CircuitBreakerState> onChange);
    }

    /** The request options that reach this instance at the given path (and query); base URLs have no path. */
    public RequestOptions at(String pathAndQuery) {
        boolean tls = "https".equals(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        return new RequestOptions().setHost(base.getHost()).setPort(port).setSsl(tls).setURI(pathAndQuery);
    }

    /** Runs one call through the breaker: it completes when the upstream's answer has started (or failed). */
    public CompletionStage<Void> call(Supplier<CompletionStage<Void>> call) {
        return breaker.get(call);
    }

    /** Whether a request should be tried here now: the breaker is not open. */
    public boolean available() {
        return state != CircuitBreakerState.OPEN;
    }

    public boolean healthy() {
        return healthy;
    }

    void healthy(boolean up) {
        this.healthy = up;
    }

    public CircuitBreakerState breakerState() {
        return state;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}

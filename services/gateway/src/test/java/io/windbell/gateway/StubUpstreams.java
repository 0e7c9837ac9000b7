package io.windbell.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP servers standing in for the services behind the gateway: each answers with what it received (method, URI,
 * headers, body size), {@code /slow} answers after 3 s, {@code ?sse=1} opens an event stream that stays open until the
 * test lets it end. Routes of the test configuration point at them; route {@code down} at a closed port.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    /** What the stub received, newest last. */
    public record Received(int port, String method, String uri, Map<String, String> headers, int bodyBytes) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Set while an SSE answer is open; the test counts it down to end the stream. */
    public static volatile CountDownLatch endStream = new CountDownLatch(1);
    public static final java.util.concurrent.atomic.AtomicInteger STREAMS_OPEN = new java.util.concurrent.atomic.AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer first = listen();
        HttpServer second = listen();
        String one = "http://127.0.0.1:" + first.actualPort();
        String both = one + ",http://127.0.0.1:" + second.actualPort();
        String closed = "http://127.0.0.1:" + closedPort();
        return Map.ofEntries(Map.entry("windbell.gateway.routes.ingest.upstreams", both),
                Map.entry("windbell.gateway.routes.journey.upstreams", one),
                Map.entry("windbell.gateway.routes.survey.upstreams", one),
                Map.entry("windbell.gateway.routes.scoring.upstreams", one),
                Map.entry("windbell.gateway.routes.workorder.upstreams", one),
                Map.entry("windbell.gateway.routes.notification.upstreams", one),
                // a small route to run out of: 3 at once, then one every 2 s; 1 KiB bodies; half a second to answer
                Map.entry("windbell.gateway.routes.tiny.upstreams", one),
                Map.entry("windbell.gateway.routes.tiny.roles", "cx-admin"),
                Map.entry("windbell.gateway.routes.tiny.rate-limit.per-second", "0.5"),
                Map.entry("windbell.gateway.routes.tiny.rate-limit.burst", "3"),
                Map.entry("windbell.gateway.routes.tiny.max-body-size", "1K"),
                Map.entry("windbell.gateway.routes.tiny.timeout", "500ms"),
                Map.entry("windbell.gateway.routes.down.upstreams", closed),
                Map.entry("windbell.gateway.routes.down.roles", "cx-admin"),
                Map.entry("windbell.gateway.routes.down.openapi", "false"),
                // a route switched off: not served, not probed, not in readiness
                Map.entry("windbell.gateway.routes.off.upstreams", closed),
                Map.entry("windbell.gateway.routes.off.roles", "cx-admin"),
                Map.entry("windbell.gateway.routes.off.enabled", "false"),
                Map.entry("windbell.gateway.upstream.health-interval", "200ms"),
                // two ordinary connections per instance: open streams must not use them up
                Map.entry("windbell.gateway.upstream.pool-size", "2"));
    }

    private HttpServer listen() {
        try {
            return vertx.createHttpServer().requestHandler(request -> {
                if (request.path().equals("/health")) {
                    request.response().end("{\"status\":\"UP\"}");
                    return;
                }
                request.body().onSuccess(body -> {
                    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    request.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + "," + b));
                    Received received = new Received(request.localAddress().port(), request.method().name(),
                            request.uri(), headers, body.length());
                    RECEIVED.add(received);
                    if (request.path().endsWith("/slow")) {
                        vertx.setTimer(3_000, id -> request.response().end("late"));
                    } else if ("1".equals(request.getParam("sse"))) {
                        stream(request.response());
                    } else {
                        request.response().putHeader("Content-Type", "application/json")
                                .putHeader("X-Request-Id", "from-the-service")
                                .end(new JsonObject().put("uri", received.uri()).put("bytes", body.length()).encode());
                    }
                });
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream did not start", e);
        }
    }

    private void stream(io.vertx.core.http.HttpServerResponse response) {
        response.setChunked(true).putHeader("Content-Type", "text/event-stream");
        STREAMS_OPEN.incrementAndGet();
        // the head first, the first event a little later, as a service that commits its answer before its first event
        response.writeHead();
        vertx.setTimer(300, id -> response.write("event: ready\ndata: {}\n\n"));
        CountDownLatch end = endStream;
        vertx.executeBlocking(() -> end.await(60, TimeUnit.SECONDS)).onComplete(done -> {
            response.write("event: bye\ndata: {}\n\n");
            STREAMS_OPEN.decrementAndGet();
            response.end();
        });
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}

package io.windbell.loadgen.sse;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.windbell.loadgen.http.LocalTarget;

/**
 * Holds one {@code text/event-stream} connection per employee open on notification ({@code GET
 * /v1/employees/{id}/stream} with a bearer token), and notes when each {@code inbox-item} arrives, by the
 * {@code workOrderId} in its data, on {@link System#nanoTime()}. A stream counts as ready at its {@code event: ready}.
 */
public final class SseStreams implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpClient client;
    private final LocalTarget target;
    private final Function<String, String> tokenOf;
    /** workOrderId -> receive time of its first inbox-item on any stream. */
    public final Map<UUID, Long> receivedNanos = new ConcurrentHashMap<>();
    /** Employees whose stream said {@code ready}, in that order. */
    public final List<String> ready = new CopyOnWriteArrayList<>();
    public final LongAdder failed = new LongAdder();
    public final LongAdder closedEarly = new LongAdder();
    public final LongAdder items = new LongAdder();
    public final Map<String, Integer> failureTypes = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /**
     * @param tokenOf
     *            the bearer token of an employee id
     */
    public SseStreams(LocalTarget target, int streams, int eventLoops, Function<String, String> tokenOf) {
        this.target = target;
        this.tokenOf = tokenOf;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1));
        // one connection per stream, never pooled away: no idle timeout, no keep-alive expiry
        this.client = vertx
                .createHttpClient(
                        new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(0).setIdleTimeout(0)
                                .setConnectTimeout(10_000),
                        new PoolOptions().setHttp1MaxSize(streams + 16).setMaxWaitQueueSize(streams + 16));
    }

    /** Bench employee number {@code i} (1-based): {@code E-bench-00001}. */
    public static String employee(int i) {
        return String.format("E-bench-%05d", i);
    }

    /**
     * Opens {@code streams} streams for employees 1..n, {@code perSecond} a second, and waits until each is ready or
     * failed, at most {@code boundNanos} in all. Prints progress every second.
     */
    public void open(int streams, double perSecond, long boundNanos, PrintStream err) {
        long start = System.nanoTime();
        long nextNote = start + 1_000_000_000L;
        for (int i = 1; i <= streams && System.nanoTime() - start < boundNanos; i++) {
            long due = start + (long) ((i - 1) * 1e9 / perSecond);
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
            }
            connect(employee(i));
            if (System.nanoTime() >= nextNote) {
                err.printf("[notification-push] streams opened=%d ready=%d failed=%d%n", i, ready.size(), failed.sum());
                nextNote += 1_000_000_000L;
            }
        }
        while (ready.size() + failed.sum() < streams && System.nanoTime() - start < boundNanos) {
            LockSupport.parkNanos(50_000_000L);
        }
    }

    private void connect(String employee) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(target.host())
                .setPort(target.port()).setURI(target.uri("/v1/employees/" + employee + "/stream"))
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf.apply(employee))
                .putHeader(HttpHeaders.ACCEPT, "text/event-stream");
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                fail(opened.cause().getClass().getSimpleName());
                return;
            }
            // the response's handlers are registered before the request is sent, so they are in place when its first
            // chunk ("event: ready") arrives. With request.send() registered from this (non-event-loop) thread, the
            // response could complete first, the handlers came a tick late and the chunk was lost
            // (eclipse-vertx/vert.x#5825): a CI run saw 17 of 20 streams ready though the server had accepted all 20.
            opened.result().response().onComplete(ar -> streamOpened(employee, ar));
            opened.result().end();
        });
    }

    private void streamOpened(String employee, AsyncResult<HttpClientResponse> ar) {
        if (ar.failed()) {
            fail(ar.cause().getClass().getSimpleName());
            return;
        }
        HttpClientResponse response = ar.result();
        if (response.statusCode() != 200) {
            fail("HTTP " + response.statusCode());
            response.request().connection().close();
            return;
        }
        SseParser parser = new SseParser(event -> onEvent(employee, event));
        response.handler(buffer -> parser.feed(buffer.getBytes()));
        response.exceptionHandler(e -> closed());
        response.endHandler(v -> closed());
    }

    private void onEvent(String employee, SseParser.Event event) {
        long now = System.nanoTime();
        if (event.event().equals("ready")) {
            ready.add(employee);
        } else if (event.event().equals("inbox-item")) {
            items.increment();
            try {
                JsonNode item = JSON.readTree(event.data());
                String id = item.path("workOrderId").asText(null);
                if (id != null) {
                    receivedNanos.putIfAbsent(UUID.fromString(id), now);
                }
            } catch (IllegalArgumentException | java.io.IOException e) {
                failureTypes.merge("unreadable inbox-item", 1, Integer::sum);
            }
        }
    }

    private void fail(String why) {
        failed.increment();
        failureTypes.merge(why, 1, Integer::sum);
    }

    private void closed() {
        if (!closing) {
            closedEarly.increment();
        }
    }

    /** What happened to the streams, for the summary. */
    public Map<String, Object> summary(int requested) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("requested", requested);
        m.put("ready", ready.size());
        m.put("failed", failed.sum());
        m.put("closedEarly", closedEarly.sum());
        m.put("inboxItems", items.sum());
        m.put("failureTypes", new TreeMap<>(failureTypes));
        return m;
    }

    @Override
    public void close() {
        closing = true;
        client.close().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}

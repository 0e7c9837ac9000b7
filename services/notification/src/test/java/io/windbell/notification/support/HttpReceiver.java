package io.windbell.notification.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for a webhook receiver or a WeCom robot: each path answers as the test
 * says (by the number of the call) and keeps what it received.
 */
public final class HttpReceiver implements AutoCloseable {

    /** What one call received. */
    public record Received(Map<String, String> headers, String body) {
    }

    /** What a path answers. */
    public record Answer(int status, String body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, IntFunction<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    public HttpReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            List<Received> calls = received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
            Map<String, String> headers = new java.util.HashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
            calls.add(new Received(headers, body.toString()));
            Answer answer = answers.getOrDefault(path, n -> new Answer(404, "")).apply(calls.size());
            request.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                    .end(answer.body());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** {@code path} answers the n-th call (1-based) with {@code answer.apply(n)}. */
    public String path(String path, IntFunction<Answer> answer) {
        answers.put(path, answer);
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public List<Received> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}

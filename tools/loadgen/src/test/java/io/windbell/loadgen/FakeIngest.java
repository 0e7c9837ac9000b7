package io.windbell.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A tiny stand-in for the ingest service (and the realm's token endpoint) on 127.0.0.1: serves the built-in catalog in
 * pages, accepts events with a configurable status and counts what it received.
 */
public final class FakeIngest implements AutoCloseable {

    public static final String TOKEN_PATH = "/realms/windbell/protocol/openid-connect/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final JsonNode catalogItems;

    public final AtomicLong singleRequests = new AtomicLong();
    public final AtomicLong batchRequests = new AtomicLong();
    public final AtomicLong events = new AtomicLong();
    public final AtomicLong catalogRequests = new AtomicLong();
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    public final Queue<JsonNode> received = new ConcurrentLinkedQueue<>();
    public final Map<String, Long> authorizations = new ConcurrentHashMap<>();
    public final Queue<String> tokenForms = new ConcurrentLinkedQueue<>();
    public volatile int status = 202;
    public volatile int catalogPageSize = 10;
    public volatile long tokenLifetimeSeconds = 900;

    private FakeIngest() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/io/windbell/loadgen/catalog/builtin-catalog.json")) {
            catalogItems = JSON.readTree(in).get("items");
        }
        server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    public static FakeIngest start() throws Exception {
        return new FakeIngest();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    /** Codes of the catalog, with the channels each allows. */
    public Map<String, List<String>> channelsByCode() {
        Map<String, List<String>> map = new ConcurrentHashMap<>();
        catalogItems.forEach(t -> {
            List<String> channels = new ArrayList<>();
            t.get("channels").forEach(c -> channels.add(c.asText()));
            map.put(t.get("code").asText(), channels);
        });
        return map;
    }

    private void handle(HttpServerRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null) {
            authorizations.merge(auth, 1L, Long::sum);
        }
        String path = request.path();
        if (request.method() == HttpMethod.GET && path.equals("/v1/catalog/touchpoints")) {
            catalog(request);
        } else if (request.method() == HttpMethod.POST && path.equals(TOKEN_PATH)) {
            request.body().onSuccess(body -> token(request.response(), body.toString()));
        } else if (request.method() == HttpMethod.POST && path.startsWith("/v1/events")) {
            request.body().onSuccess(body -> events(request, path.endsWith("/batch"), body.getBytes()));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void catalog(HttpServerRequest request) {
        catalogRequests.incrementAndGet();
        int from = request.getParam("cursor") == null ? 0 : Integer.parseInt(request.getParam("cursor"));
        ArrayNode page = JSON.createArrayNode();
        for (int i = from; i < Math.min(catalogItems.size(), from + catalogPageSize); i++) {
            page.add(catalogItems.get(i));
        }
        ObjectNode json = JSON.createObjectNode();
        json.set("items", page);
        int next = from + catalogPageSize;
        if (next < catalogItems.size()) {
            json.put("nextCursor", Integer.toString(next));
        } else {
            json.putNull("nextCursor");
        }
        request.response().putHeader("Content-Type", "application/json").end(json.toString());
    }

    private void token(HttpServerResponse response, String form) {
        tokenForms.add(form);
        int n = tokenRequests.incrementAndGet();
        response.putHeader("Content-Type", "application/json").end("{\"access_token\":\"tok-" + n + "\",\"expires_in\":"
                + tokenLifetimeSeconds + ",\"token_type\":\"Bearer\"}");
    }

    private void events(HttpServerRequest request, boolean batch, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (batch) {
            batchRequests.incrementAndGet();
            json.forEach(this::accept);
        } else {
            singleRequests.incrementAndGet();
            accept(json);
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end("{}");
    }

    private void accept(JsonNode event) {
        events.incrementAndGet();
        eventIds.add(event.get("eventId").asText());
        received.add(event);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}

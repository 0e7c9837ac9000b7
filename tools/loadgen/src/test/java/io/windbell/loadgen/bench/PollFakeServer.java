package io.windbell.loadgen.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * gen_http.py's fake server in Java: answers each {@code METHOD /path} with the next of its canned answers (the last
 * one repeated; {@code body} JSON, {@code raw} text, 204 without a body) and records the requests (method, path with
 * query, Authorization, body). On 127.0.0.1, a free port.
 */
final class PollFakeServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Integer> taken = new HashMap<>();
    private final List<List<String>> requests = new ArrayList<>();
    private JsonNode routes = PyJson.object();

    PollFakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** New answers per "METHOD /path"; forgets what was asked before. */
    synchronized void script(JsonNode routes) {
        this.routes = routes;
        taken.clear();
        requests.clear();
    }

    synchronized List<List<String>> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] data;
        int status;
        synchronized (this) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(Arrays.asList(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            JsonNode answers = routes.get(key);
            JsonNode answer;
            if (answers == null) {
                answer = PyJson.object().put("status", 404).put("raw", "no route " + key);
            } else {
                int i = taken.merge(key, 1, Integer::sum) - 1;
                answer = answers.get(Math.min(i, answers.size() - 1));
            }
            status = answer.get("status").asInt();
            String text = answer.has("raw") ? answer.get("raw").asText()
                    : answer.has("body") ? PyJson.dumps(answer.get("body")) : "";
            data = text.getBytes(StandardCharsets.UTF_8);
        }
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, data.length == 0 ? -1 : data.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(data);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

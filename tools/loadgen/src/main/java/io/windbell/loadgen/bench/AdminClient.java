package io.windbell.loadgen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GET/POST on the journey admin API with a client-credentials token (client and token endpoint from the environment:
 * {@code WINDBELL_BENCH_TOKEN_URL}, {@code WINDBELL_BENCH_CLIENT_ID}, {@code WINDBELL_BENCH_CLIENT_SECRET}), fetched
 * again on a 401. Replaces bench.py's {@code Admin}; {@link #token()} is also the token of {@code http-latency}.
 */
final class AdminClient {

    static final String TOKEN_URL = "WINDBELL_BENCH_TOKEN_URL";
    static final String CLIENT_ID = "WINDBELL_BENCH_CLIENT_ID";
    static final String CLIENT_SECRET = "WINDBELL_BENCH_CLIENT_SECRET";
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    /** An answer: its status (0 when nothing answered) and its JSON body (null when empty or not JSON). */
    record Answer(int status, JsonNode body) {
    }

    private final String base;
    private final Map<String, String> env;
    private final HttpClient http;
    private String token;

    AdminClient(String base, Map<String, String> env) {
        this.base = base.replaceAll("/+$", "");
        this.env = env;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CALL_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A new access token from the token endpoint (IOException when there is none to be had). */
    String token() throws IOException, InterruptedException {
        String url = env.get(TOKEN_URL);
        if (url == null) {
            throw new IOException(TOKEN_URL + " is not set");
        }
        String form = "grant_type=client_credentials&client_id=" + encode(env.getOrDefault(CLIENT_ID, "cx-admin-cli"))
                + "&client_secret=" + encode(env.getOrDefault(CLIENT_SECRET, "cx-admin-secret"));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TOKEN_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        } catch (IllegalArgumentException e) {
            throw new IOException("bad token URL " + url, e);
        }
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP Error " + response.statusCode() + " from " + url);
        }
        JsonNode body = PollJson.parse(response.body());
        JsonNode accessToken = body == null ? null : body.get("access_token");
        if (accessToken == null || !accessToken.isTextual()) {
            throw new IOException("no access_token from " + url);
        }
        return accessToken.textValue();
    }

    /** METHOD on base + PATH; status 0 when nothing answers (connection refused, no token, a body not JSON). */
    Answer call(String method, String path) throws InterruptedException {
        for (int attempt = 1; attempt <= 2; attempt++) {
            if (token == null) {
                try {
                    token = token();
                } catch (IOException e) {
                    return new Answer(0, null);
                }
            }
            HttpResponse<byte[]> response;
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
                        .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json").build();
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | IllegalArgumentException e) {
                return new Answer(0, null);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                byte[] body = response.body();
                if (body.length == 0) {
                    return new Answer(status, null);
                }
                JsonNode json = PollJson.parse(body);
                return json == null ? new Answer(0, null) : new Answer(status, json);
            }
            if (status == 401 && attempt == 1) {
                token = null;
                continue;
            }
            return new Answer(status, null);
        }
        return new Answer(401, null);
    }

    /** GET /v1/admin/processing: the counters object, or null when there is no 200 with a JSON object. */
    ObjectNode processing() throws InterruptedException {
        Answer answer = call("GET", "/v1/admin/processing");
        return answer.status() == 200 && answer.body() instanceof ObjectNode object ? object : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

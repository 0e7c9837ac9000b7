package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code http-latency}: percentiles and request paths equal to bench.py's ({@code gen_latency.py}), and the command
 * against the fake server: the figures, a non-200 ending the run with exit 1, a token fetched again on a 401.
 */
class HttpLatencyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static PollFakeServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new PollFakeServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void percentilesAreBenchPys() throws IOException {
        for (JsonNode row : PollerTest.resource("latency-expected.json").get("percentiles")) {
            List<Double> values = new ArrayList<>();
            row.get("values").forEach(v -> values.add(v.doubleValue()));
            String java = PyJson
                    .dumps(HttpLatency.Latency.of(values).map(HttpLatency.Latency::toJson).orElse(PyJson.object()));
            assertThat(java).as(values.toString()).isEqualTo(PyJson.dumps(row.get("percentiles")));
        }
    }

    @Test
    void queryPathsAreBenchPys() throws IOException {
        JsonNode python = PollerTest.resource("latency-expected.json").get("queryPath");
        LocalDate today = LocalDate.parse(python.get("today").asText());
        JsonNode paths = python.get("paths");
        for (int i = 0; i < paths.size(); i++) {
            assertThat(HttpLatency.queryPath(python.get("template").asText(), i, today))
                    .isEqualTo(paths.get(i).asText());
        }
    }

    @Test
    void splitsTheUrlLikeUrlsplit() {
        assertThat(HttpLatency.splitUrl("http://127.0.0.1:8085/v1/metrics?from={from}&to={to}#x"))
                .containsExactly("http://127.0.0.1:8085", "/v1/metrics?from={from}&to={to}");
        assertThat(HttpLatency.splitUrl("http://localhost:1/v1/pyramid?")).containsExactly("http://localhost:1",
                "/v1/pyramid");
    }

    record Outcome(JsonNode json, String stderr, int exit) {
    }

    private static Outcome run(String url, int warmup, int count, Map<String, String> env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new HttpLatency(env, TODAY).run("metrics", url, warmup, count,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        return new Outcome(PyJson.MAPPER.readTree(lines[lines.length - 1]), err.toString(StandardCharsets.UTF_8), exit);
    }

    private static Map<String, String> env() {
        return Map.of(AdminClient.TOKEN_URL, server.base() + "/token");
    }

    private static void script(String routes) throws IOException {
        server.script(PyJson.MAPPER.readTree(routes));
    }

    private static final String TOKENS = "\"POST /token\": [{\"status\": 200, \"body\": {\"access_token\": \"t1\"}},"
            + " {\"status\": 200, \"body\": {\"access_token\": \"t2\"}}]";

    @Test
    void measuresTheCountLastRequests() throws Exception {
        script("{" + TOKENS + ", \"GET /v1/metrics\": [{\"status\": 200, \"body\": {\"rows\": [1, 2]}}]}");
        Outcome outcome = run(server.base() + "/v1/metrics?from={from}&to={to}", 2, 5, env());
        assertThat(outcome.exit()).isZero();
        JsonNode json = outcome.json();
        assertThat(json.get("name").asText()).isEqualTo("metrics");
        assertThat(json.get("warmup").isInt()).isTrue();
        assertThat(json.get("count").asInt()).isEqualTo(5);
        assertThat(PyJson.dumps(json.get("status"))).isEqualTo("{\"200\": 7}");
        assertThat(json.get("latencyMs").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "max", "mean");
        assertThat(json.get("first").get("path").asText())
                .isEqualTo(HttpLatency.queryPath("/v1/metrics?from={from}&to={to}", 0, TODAY));
        assertThat(json.get("first").get("bytes").asInt()).isEqualTo("{\"rows\": [1, 2]}".length());
        assertThat(json.get("first").get("ms").isDouble()).isTrue();
        assertThat(json.get("note").asText()).isEqualTo(HttpLatency.NOTE);
        assertThat(outcome.stderr()).matches("\\[metrics\\] 0 of 7: \\d+\\.\\d ms\n");
        List<List<String>> requests = server.requests();
        assertThat(requests).hasSize(8);
        assertThat(requests.get(7)).containsExactly("GET",
                HttpLatency.queryPath("/v1/metrics?from={from}&to={to}", 6, TODAY), "Bearer t1", "");
    }

    @Test
    void aNon200EndsTheRunWithExit1() throws Exception {
        script("{" + TOKENS + ", \"GET /v1/pyramid\": [{\"status\": 200, \"body\": {}}, {\"status\": 404, \"raw\":"
                + " \"not here\"}]}");
        Outcome outcome = run(server.base() + "/v1/pyramid?date={date}", 0, 5, env());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(PyJson.dumps(outcome.json())).isEqualTo("{\"name\": \"metrics\", \"failed\": \"GET "
                + HttpLatency.queryPath("/v1/pyramid?date={date}", 1, TODAY)
                + " answered 404 (is the endpoint merged?)\", \"body\": \"not here\", \"answered\": 1, \"status\":"
                + " {\"200\": 1, \"404\": 1}}");
    }

    @Test
    void aTokenThatExpiresDuringTheRunIsFetchedAgain() throws Exception {
        script("{" + TOKENS + ", \"GET /v1/metrics\": [{\"status\": 200, \"body\": {}}, {\"status\": 401},"
                + " {\"status\": 200, \"body\": {}}]}");
        Outcome outcome = run(server.base() + "/v1/metrics", 0, 3, env());
        assertThat(outcome.exit()).isZero();
        assertThat(PyJson.dumps(outcome.json().get("status"))).isEqualTo("{\"200\": 3}");
        assertThat(server.requests()).extracting(r -> r.get(0) + " " + r.get(2)).containsExactly("POST null",
                "GET Bearer t1", "GET Bearer t1", "POST null", "GET Bearer t2", "GET Bearer t2");
    }

    @Test
    void a401OnTheFirstRequestIsNotRetried() throws Exception {
        script("{" + TOKENS + ", \"GET /v1/metrics\": [{\"status\": 401}]}");
        Outcome outcome = run(server.base() + "/v1/metrics", 0, 3, env());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.json().get("failed").asText()).isEqualTo("GET /v1/metrics answered 401 (token)");
    }

    @Test
    void noTokenNoRequests() throws Exception {
        script("{\"POST /token\": [{\"status\": 401, \"body\": {\"error\": \"unauthorized_client\"}}]}");
        Outcome outcome = run(server.base() + "/v1/metrics", 0, 3, env());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.json().fieldNames()).toIterable().containsExactly("name", "failed");
        assertThat(outcome.json().get("failed").asText()).startsWith("no token from " + server.base() + "/token: ");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void nothingListeningEndsTheRunWithExit1() throws Exception {
        script("{" + TOKENS + "}");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Outcome outcome = run("http://127.0.0.1:" + closed + "/v1/metrics", 0, 3, env());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.json().get("failed").asText()).startsWith("GET /v1/metrics: ");
        assertThat(outcome.json().get("answered").asInt()).isZero();
    }

    @Test
    void theClientComesFromTheEnvironmentLikeTheAdminClients() throws Exception {
        script("{" + TOKENS + ", \"GET /v1/metrics\": [{\"status\": 200, \"body\": {}}]}");
        Outcome outcome = run(server.base() + "/v1/metrics", 0, 1,
                Map.of(AdminClient.TOKEN_URL, server.base() + "/token", AdminClient.CLIENT_ID, "cx-analyst-cli",
                        AdminClient.CLIENT_SECRET, "cx-analyst-secret"));
        assertThat(outcome.exit()).isZero();
        assertThat(server.requests().get(0)).containsExactly("POST", "/token", null,
                "grant_type=client_credentials&client_id=cx-analyst-cli&client_secret=cx-analyst-secret");
    }
}

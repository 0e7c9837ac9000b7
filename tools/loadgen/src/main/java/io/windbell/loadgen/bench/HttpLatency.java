package io.windbell.loadgen.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code bench http-latency NAME URL WARMUP COUNT}: GETs URL ({from} {to} {date} filled in, varied per request) WARMUP
 * + COUNT times in sequence on one keep-alive connection with a client-credentials token, and prints the latency of the
 * COUNT last (nearest-rank p50/p90/p99, max, mean); any answer but 200 ends the run with exit 1 and the problem in the
 * JSON. Replaces bench.py's {@code cmd_http_latency}, {@code query_path} and {@code percentiles}.
 */
final class HttpLatency {

    static final String NOTE = "sequential GETs on one keep-alive connection, client-side time from request to last"
            + " byte; the first WARMUP are left out";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<Integer, String> HINTS = Map.of(404, " (is the endpoint merged?)", 400,
            " (the query parameters: see the knobs in bench.sh)", 401, " (token)", 403, " (role)");

    /** Nearest-rank percentiles, the maximum and the mean of the measured latencies, milliseconds (2 decimals). */
    record Latency(double p50, double p90, double p99, double max, double mean) {

        /** Empty when there are no values (bench.py's {@code {}}). */
        static Optional<Latency> of(List<Double> values) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double sum = 0;
            for (double x : values) {
                sum += x; // in the order measured, as Python's sum()
            }
            return Optional.of(new Latency(rank(v, 50), rank(v, 90), rank(v, 99), PyJson.round(v[v.length - 1], 2),
                    PyJson.round(sum / v.length, 2)));
        }

        private static double rank(double[] sorted, int percent) {
            long ceil = -Math.floorDiv(-(long) sorted.length * percent, 100);
            return PyJson.round(sorted[(int) Math.min(sorted.length - 1, Math.max(0, ceil - 1))], 2);
        }

        ObjectNode toJson() {
            return PyJson.object().put("p50", p50).put("p90", p90).put("p99", p99).put("max", max).put("mean", mean);
        }
    }

    private final Map<String, String> env;
    private final LocalDate today;

    HttpLatency(Map<String, String> env, LocalDate today) {
        this.env = env;
        this.today = today;
    }

    /**
     * Request {@code i} of {@code template}: {to} 0-24 days back and {from} 85-104 days before it (500 distinct windows
     * of about 90 days, so a cache of whole answers does not serve repeats), {date} 0-89 days back.
     */
    static String queryPath(String template, int i, LocalDate today) {
        LocalDate to = today.minusDays(i % 25);
        LocalDate start = to.minusDays(85 + (i / 25) % 20);
        LocalDate date = today.minusDays(i % 90);
        return template.replace("{from}", start.toString()).replace("{to}", to.toString()).replace("{date}",
                date.toString());
    }

    /** Makes the requests, prints the JSON line (the figures, or what went wrong) and returns the exit code. */
    int run(String name, String urlTemplate, int warmup, int count, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        AdminClient admin = new AdminClient(urlTemplate, env);
        String token;
        try {
            token = admin.token();
        } catch (IOException e) {
            print(out, PyJson.object().put("name", name).put("failed",
                    "no token from " + env.get(AdminClient.TOKEN_URL) + ": " + e.getMessage()));
            return 1;
        }
        String[] target = splitUrl(urlTemplate);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        List<Double> latencies = new ArrayList<>();
        ObjectNode statuses = PyJson.object();
        ObjectNode example = null;
        for (int i = 0; i < warmup + count; i++) {
            String path = queryPath(target[1], i, today);
            HttpResponse<byte[]> response;
            double ms;
            for (int attempt = 1;; attempt++) {
                long t0 = System.nanoTime();
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(target[0] + path)).timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET()
                            .build();
                    response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException | IllegalArgumentException e) {
                    print(out, PyJson.object().put("name", name).put("failed", "GET " + path + ": " + e).put("answered",
                            i));
                    return 1;
                }
                ms = (System.nanoTime() - t0) / 1e6;
                if (response.statusCode() != 401 || attempt == 2 || i == 0) {
                    break;
                }
                token = admin.token(); // expired during the run (Keycloak's default lifetime is 5 minutes)
            }
            int status = response.statusCode();
            byte[] body = response.body();
            statuses.put(String.valueOf(status), statuses.path(String.valueOf(status)).asLong() + 1);
            if (status != 200) {
                String shown = new String(Arrays.copyOf(body, Math.min(600, body.length)), StandardCharsets.UTF_8);
                print(out,
                        PyJson.object().put("name", name)
                                .put("failed", "GET " + path + " answered " + status + HINTS.getOrDefault(status, ""))
                                .put("body", shown).put("answered", i).set("status", statuses));
                return 1;
            }
            if (example == null) {
                example = PyJson.object().put("path", path).put("bytes", body.length).put("ms", PyJson.round(ms, 2));
            }
            if (i >= warmup) {
                latencies.add(ms);
            }
            if (i % 100 == 0) {
                err.println(
                        "[" + name + "] " + i + " of " + (warmup + count) + ": " + PollJson.fixed(ms, 1, 0) + " ms");
                err.flush();
            }
        }
        ObjectNode result = PyJson.object().put("name", name).put("warmup", warmup).put("count", latencies.size());
        result.set("status", statuses);
        result.set("latencyMs", Latency.of(latencies).map(Latency::toJson).orElse(PyJson.object()));
        result.set("first", example);
        result.put("note", NOTE);
        print(out, result);
        return 0;
    }

    /** {@code http://host:port} and the path with its query (Python's urlsplit; no fragment). */
    static String[] splitUrl(String url) {
        int schemeEnd = url.indexOf("://");
        String rest = schemeEnd < 0 ? url : url.substring(schemeEnd + 3);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int pathStart = rest.length();
        for (char c : new char[] { '/', '?' }) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < pathStart) {
                pathStart = at;
            }
        }
        String pathQuery = rest.substring(pathStart);
        if (pathQuery.endsWith("?")) {
            pathQuery = pathQuery.substring(0, pathQuery.length() - 1);
        }
        return new String[] { "http://" + rest.substring(0, pathStart), pathQuery };
    }

    private static void print(PrintStream out, ObjectNode json) {
        out.println(PyJson.dumps(json));
        out.flush();
    }
}

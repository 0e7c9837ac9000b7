package io.windbell.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The whole tool, in process, against a fake ingest service on 127.0.0.1. */
class LoadGenEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeIngest ingest;

    private record Result(int exit, String out, String err) {

        JsonNode summary() throws Exception {
            String[] lines = out.strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        }
    }

    @BeforeEach
    void start() throws Exception {
        ingest = FakeIngest.start();
    }

    @AfterEach
    void stop() throws Exception {
        ingest.close();
    }

    private Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(argv));
        int exit = LoadGen.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rateSingleSendsExactlyTheScheduledRequestsAndSummarisesTheMeasuredOnes() throws Exception {
        Result result = run("rate", "--kind", "single", "--rate", "200", "--duration", "1s", "--warmup", "500ms",
                "--connections", "8", "--base-url", ingest.baseUrl(), "--token", "T0", "--seed", "1");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode summary = result.summary();
        assertThat(summary.get("command").asText()).isEqualTo("rate");
        assertThat(summary.get("kind").asText()).isEqualTo("single");
        assertThat(summary.get("targetRate").asDouble()).isEqualTo(200);
        assertThat(summary.get("requests").asLong()).isEqualTo(200);
        assertThat(summary.get("events").asLong()).isEqualTo(200);
        assertThat(summary.get("status").get("202").asLong()).isEqualTo(200);
        assertThat(summary.get("errors").asLong()).isZero();
        // the measured window is the configured second, longer only by however late the last answer came (that
        // depends on how busy the machine is, so it is not bounded here); the rate is measured over that window
        double seconds = summary.get("durationS").asDouble();
        assertThat(seconds).isGreaterThanOrEqualTo(1.0);
        assertThat(summary.get("requestsPerS").asDouble()).isLessThanOrEqualTo(200.0).isCloseTo(200 / seconds,
                within(0.2));
        assertThat(summary.get("latencyMs").get("p50").asDouble()).isPositive();
        assertThat(summary.get("latencyMs").get("max").asDouble())
                .isGreaterThanOrEqualTo(summary.get("latencyMs").get("p999").asDouble());
        // Warmup requests are sent too, just not counted: the rate ramps up over the first two thirds of the 500 ms
        // warmup (200/s * 1/3 s / 2 = 33.3 requests) and holds for the last third (33.3), so 67 of them.
        assertThat(ingest.singleRequests.get()).isEqualTo(267);
        assertThat(ingest.eventIds).hasSize(267);
        assertThat(ingest.authorizations).containsOnlyKeys("Bearer T0");
        assertThat(result.err()).contains("[rate]");
    }

    @Test
    void rateBatchCountsEvents() throws Exception {
        Result result = run("rate", "--kind", "batch", "--batch-size", "20", "--rate", "40", "--duration", "1s",
                "--warmup", "0s", "--base-url", ingest.baseUrl(), "--seed", "2");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("requests").asLong()).isEqualTo(40);
        assertThat(summary.get("events").asLong()).isEqualTo(800);
        assertThat(ingest.batchRequests.get()).isEqualTo(40);
        assertThat(ingest.events.get()).isEqualTo(800);
        Map<String, List<String>> catalog = ingest.channelsByCode();
        assertThat(ingest.received).allSatisfy(e -> {
            assertThat(catalog.get(e.get("touchpoint").asText())).contains(e.get("channel").asText());
            assertThat(e.has("receivedAt")).isFalse();
            assertThat(e.get("occurredAt").asText()).matches(".*T.*([+-]\\d\\d:\\d\\d|Z)");
        });
    }

    @Test
    void maxKeepsTheConnectionsBusyForTheDuration() throws Exception {
        Result result = run("max", "--kind", "batch", "--batch-size", "10", "--connections", "4", "--duration", "1s",
                "--warmup", "300ms", "--base-url", ingest.baseUrl(), "--seed", "3");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        long requests = summary.get("requests").asLong();
        assertThat(requests).isGreaterThan(20);
        assertThat(summary.get("events").asLong()).isEqualTo(requests * 10);
        assertThat(summary.get("status").get("202").asLong()).isEqualTo(requests);
        assertThat(summary.get("targetRate").isNull()).isTrue();
        assertThat(ingest.batchRequests.get()).isGreaterThan(requests);
        assertThat(ingest.events.get()).isEqualTo(ingest.batchRequests.get() * 10);
    }

    @Test
    void rejectedRequestsAreErrors() throws Exception {
        ingest.status = 503;
        Result result = run("rate", "--kind", "single", "--rate", "50", "--duration", "500ms", "--warmup", "0s",
                "--base-url", ingest.baseUrl());

        JsonNode summary = result.summary();
        assertThat(summary.get("requests").asLong()).isEqualTo(25);
        assertThat(summary.get("errors").asLong()).isEqualTo(25);
        assertThat(summary.get("events").asLong()).isZero();
        assertThat(summary.get("status").get("503").asLong()).isEqualTo(25);
    }

    @Test
    void simulateWalksJourneysWithAClientCredentialsToken() throws Exception {
        Result result = run("simulate", "--customers", "50", "--rate", "150", "--duration", "2s", "--time-scale", "600",
                "--base-url", ingest.baseUrl(), "--token-url", ingest.tokenUrl(), "--client-id", "channel-app",
                "--client-secret", "S", "--seed", "4");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = result.summary();
        assertThat(summary.get("command").asText()).isEqualTo("simulate");
        assertThat(summary.get("events").asLong()).isEqualTo(ingest.events.get()).isBetween(100L, 400L);
        assertThat(summary.get("journeys").get("started").asLong()).isPositive();
        assertThat(ingest.tokenRequests.get()).isEqualTo(1);
        assertThat(ingest.authorizations).containsOnlyKeys("Bearer tok-1");
        Map<String, List<String>> catalog = ingest.channelsByCode();
        assertThat(ingest.received).allSatisfy(
                e -> assertThat(catalog.get(e.get("touchpoint").asText())).contains(e.get("channel").asText()));
    }

    @Test
    void payloadsWritesOneEventPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("payloads.jsonl");
        Result result = run("payloads", "--count", "300", "--out", file.toString(), "--catalog", "builtin", "--seed",
                "5");

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(300);
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.get("eventId").asText()).hasSize(36);
            assertThat(event.has("receivedAt")).isTrue();
        }
        JsonNode summary = result.summary();
        double average = lines.stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).average()
                .orElseThrow();
        assertThat(summary.get("avgBytes").asDouble()).isCloseTo(average, org.assertj.core.data.Offset.offset(0.1));
        assertThat(result.err()).contains("average");
    }

    @Test
    void refusesOtherHostsAndExplainsUsage() {
        Result refused = run("max", "--kind", "single", "--base-url", "http://example.com:8081");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing host 'example.com'");
        assertThat(refused.out()).isEmpty();

        Result help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("max", "rate", "simulate", "payloads", "--base-url");
    }

    @Test
    void aMissingServerIsAClearFailure() {
        Result result = run("rate", "--kind", "single", "--rate", "10", "--duration", "1s", "--base-url",
                "http://127.0.0.1:1");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("reading the catalog from http://127.0.0.1:1");
        assertThat(result.out()).isEmpty();
    }
}

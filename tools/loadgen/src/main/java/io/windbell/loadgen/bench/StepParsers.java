package io.windbell.loadgen.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parsers of a step's tool output (its stdout file) into the step's result JSON: bench.py's {@code cmd_last_json}
 * (loadgen's summary, the last line that is a JSON object) and {@code PERF_RE} / {@code cmd_perf_json} (the final
 * summary line of Kafka's ProducerPerformance).
 */
final class StepParsers {

    /** A parser by its subcommand name: the JSON of the file, or empty with {@link #failure} to report. */
    enum Parser {
        LAST_JSON("last-json", "no JSON summary line in "),
        PERF_JSON("perf-json", "no ProducerPerformance summary line in ");

        final String command;
        private final String failure;

        Parser(String command, String failure) {
            this.command = command;
            this.failure = failure;
        }

        static Parser named(String command) {
            for (Parser p : values()) {
                if (p.command.equals(command)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown parser " + command + " (last-json or perf-json)");
        }

        Optional<JsonNode> parse(Path file) throws IOException {
            return this == LAST_JSON ? lastJson(file) : perfJson(file);
        }

        /** What bench.py says (sys.exit) when the file has nothing to parse. */
        String failure(Path file) {
            return failure + file;
        }
    }

    static final Pattern PERF_RE = Pattern.compile(
            "(?<records>\\d+) records sent, (?<recordsPerS>[\\d.]+) records/sec \\((?<mbPerS>[\\d.]+) MB/sec\\), "
                    + "(?<avgLatencyMs>[\\d.]+) ms avg latency, (?<maxLatencyMs>[\\d.]+) ms max latency, "
                    + "(?<p50>\\d+) ms 50th, (?<p95>\\d+) ms 95th, (?<p99>\\d+) ms 99th, (?<p999>\\d+) ms 99.9th");

    private static final List<String> PERF_FIELDS = List.of("records", "recordsPerS", "mbPerS", "avgLatencyMs",
            "maxLatencyMs", "p50", "p95", "p99", "p999");

    private StepParsers() {
    }

    /** {@code cmd_last_json}: the last line that starts with '{' and parses as JSON. */
    static Optional<JsonNode> lastJson(Path file) throws IOException {
        List<String> lines = StepText.splitlines(StepText.read(file));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = StepText.strip(lines.get(i));
            if (line.startsWith("{")) {
                try {
                    return Optional.of(PyJson.parse(line));
                } catch (IOException e) {
                    // not JSON after all: an earlier line may be
                }
            }
        }
        return Optional.empty();
    }

    /** {@code cmd_perf_json}: the last ProducerPerformance summary line, every figure a float but records. */
    static Optional<JsonNode> perfJson(Path file) throws IOException {
        List<String> lines = StepText.splitlines(StepText.read(file));
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = PERF_RE.matcher(lines.get(i));
            if (m.find()) {
                ObjectNode d = PyJson.object();
                for (String field : PERF_FIELDS) {
                    double value = Double.parseDouble(m.group(field));
                    if (field.equals("records")) {
                        d.put(field, (long) value);
                    } else {
                        d.put(field, value);
                    }
                }
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}

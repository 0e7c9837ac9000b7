package io.windbell.loadgen.bench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rows of the report's metric table ({@code | metric | measured | target | ratio | result |}): bench.py's
 * {@code rows} with its {@code row} (ingest rows, only when an ingest step ran) and {@code jrow} (always).
 */
final class MetricRows {

    /** One way of adding a row: bench.py's {@code row(metric, measured, target, ratio, ok)}. */
    @FunctionalInterface
    interface Sink {
        void row(String metric, String measured, String target, String ratio, Boolean ok);

        /** A row without a target: {@code row(metric, measured, "—", "—", None)}. */
        default void info(String metric, String measured) {
            row(metric, measured, "—", "—", null);
        }
    }

    /**
     * A figure against its target {@code t[key]}: the ratio column ({@code fmt(v / t[key], "", 2)} when {@code v} is
     * truthy, or merely not None with {@code ratioOfZero}; else "n/a") and the verdict (None when {@code v} is None,
     * else {@code v >= t[key]} or {@code v <= t[key]}). {@code t[key]} is looked up only where bench.py looks it up, so
     * a missing target fails (KeyError) exactly when it does there.
     */
    record Versus(String ratio, Boolean ok) {

        static Versus of(Double v, JsonNode t, String key, boolean atLeast, boolean ratioOfZero) {
            boolean withRatio = ratioOfZero ? v != null : ReportJson.truthy(v);
            String ratio = withRatio ? Fmt.fmt(ReportJson.div(v, target(t, key)), "", 2) : "n/a";
            Boolean ok = v == null ? null : atLeast ? v >= target(t, key) : v <= target(t, key);
            return new Versus(ratio, ok);
        }

        private static double target(JsonNode t, String key) {
            return ReportJson.required(ReportJson.item(t, key));
        }
    }

    private final List<String> lines = new ArrayList<>();

    /** {@code jrow}: adds every row. */
    Sink always() {
        return this::add;
    }

    /** {@code row}: adds the rows only when {@code enabled}. */
    Sink onlyIf(boolean enabled) {
        return (metric, measured, target, ratio, ok) -> {
            if (enabled) {
                add(metric, measured, target, ratio, ok);
            }
        };
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private void add(String metric, String measured, String target, String ratio, Boolean ok) {
        lines.add("| " + metric + " | " + measured + " | " + target + " | " + ratio + " | " + Fmt.verdict(ok) + " |");
    }
}

package io.windbell.loadgen.bench;

import java.util.ArrayList;
import java.util.List;

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

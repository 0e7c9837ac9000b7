package io.windbell.loadgen.bench;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What only the poll subcommands need on top of {@link PyJson}: a response body parsed or null, the {@code f"{x:.1f}"}
 * format and {@code int(value)} of a JSON value with {@code get(key, 0)}'s default.
 */
final class PollJson {

    private PollJson() {
    }

    /** The parsed JSON text, or null when it is not JSON (Python's ValueError). */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = PyJson.MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Python's {@code f"{x:W.Df}"}: D decimals (correctly rounded), right-aligned in W characters. */
    static String fixed(double x, int decimals, int width) {
        String text = Fmt.fixed(x, decimals, false);
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /**
     * Python's {@code int(value)} of a JSON value: a number truncated, a numeric string parsed; absent (Python's
     * {@code get(key, 0)}) or null is 0.
     */
    static long toLong(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.longValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        try {
            return PyJson.pyInt(value.asText()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            // Python's ValueError: the run fails (exit 1), it is not a usage error
            throw new IllegalStateException("not a count: " + value, e);
        }
    }
}

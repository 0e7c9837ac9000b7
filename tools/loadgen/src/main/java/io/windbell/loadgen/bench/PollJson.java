package io.windbell.loadgen.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the poll subcommands need to print exactly what bench.py printed: Python's {@code json.dumps} (separators
 * {@code ", "} and {@code ": "}, {@code ensure_ascii}, floats by {@code repr}), {@code round(x, n)}, the
 * {@code f"{x:.1f}"} format and {@code int(value)} of a JSON value. Package-private: the poll group's own helper.
 */
final class PollJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PollJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The parsed JSON text, or null when it is not JSON (Python's ValueError). */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Python's {@code json.dumps(value)} of a tree. */
    static String dumps(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            out.append('{');
            String separator = "";
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(separator);
                string(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isFloatingPointNumber()) {
            out.append(repr(node.doubleValue()));
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else {
            string(node.asText(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                if (c < ' ' || c > '~') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: the shortest round-trip digits, positional for exponents -4 to 15. */
    static String repr(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        BigDecimal oneDigit = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
        if (shortest.precision() == 2 && Double.parseDouble(oneDigit.toString()) == x) {
            shortest = oneDigit; // Java prints at least two digits (4.9E-324), Python the shortest (5e-324)
        }
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (x < 0 ? "-" : "") + mantissa + (exponent < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exponent));
    }

    /** Python's {@code round(x, digits)}: half to even on the exact binary value. */
    static double round(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Python's {@code f"{x:W.Df}"}: D decimals (correctly rounded), right-aligned in W characters. */
    static String fixed(double x, int decimals, int width) {
        String text = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (x < 0 && !text.startsWith("-")) {
            text = "-" + text; // Python keeps the sign of a negative that rounds to zero
        }
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
            return Long.parseLong(value.asText().strip().replace("_", ""));
        } catch (NumberFormatException e) {
            // Python's ValueError: the run fails (exit 1), it is not a usage error
            throw new IllegalStateException("not a count: " + value, e);
        }
    }
}

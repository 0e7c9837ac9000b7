package io.windbell.loadgen.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON as bench.py reads and writes it: Python's {@code json.loads} (NaN allowed, no trailing data) and
 * {@code json.dumps} (separators {@code ", "} and {@code ": "}, or {@code indent=2}; non-ASCII escaped; floats as
 * {@code repr}), plus the bits of Python semantics the step group's ports need ({@code round}, truthiness, {@code ==}
 * across int and float). Package-private helper of the step group.
 */
final class StepJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StepJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** {@code json.loads(text)}; throws on invalid JSON. */
    static JsonNode parse(String text) throws IOException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new IOException("no JSON value");
        }
        return node;
    }

    /** bench.py's {@code _load_json}: the file's JSON, or null when it is missing, empty or not JSON. */
    static JsonNode load(Path path) {
        try {
            if (path == null || Files.size(path) == 0) {
                return null;
            }
            return parse(Files.readString(path));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code json.dumps(value)}. */
    static String dumps(JsonNode value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1, 0);
        return sb.toString();
    }

    /** {@code json.dumps(value, indent=2)}. */
    static String dumpsIndented(JsonNode value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 2, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode v, int indent, int level) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            sb.append("null");
        } else if (v.isBoolean()) {
            sb.append(v.booleanValue() ? "true" : "false");
        } else if (v.isIntegralNumber()) {
            sb.append(v.bigIntegerValue());
        } else if (v.isNumber()) {
            sb.append(floatRepr(v.doubleValue()));
        } else if (v.isTextual()) {
            string(sb, v.textValue());
        } else if (v.isArray()) {
            container(sb, '[', ']', v.size(), indent, level, i -> write(sb, v.get(i), indent, level + 1));
        } else if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            container(sb, '{', '}', v.size(), indent, level, i -> {
                Map.Entry<String, JsonNode> e = it.next();
                string(sb, e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), indent, level + 1);
            });
        } else {
            string(sb, v.asText());
        }
    }

    private interface Item {
        void write(int index);
    }

    private static void container(StringBuilder sb, char open, char close, int size, int indent, int level, Item item) {
        sb.append(open);
        if (size == 0) {
            sb.append(close);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (indent >= 0) {
                sb.append(i == 0 ? "\n" : ",\n").append(" ".repeat(indent * (level + 1)));
            } else if (i > 0) {
                sb.append(", ");
            }
            item.write(i);
        }
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * level));
        }
        sb.append(close);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            default -> {
                if (c < 0x20 || c > 0x7e) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            }
        }
        sb.append('"');
    }

    /** Python's {@code repr(float)}: the shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int decpt = digits.length() - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (decpt > 16 || decpt < -3) {
            int exp = decpt - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + (exp < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exp));
        }
        if (decpt <= 0) {
            return sign + "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
        }
        return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
    }

    /** Python's {@code round(x, n)} of a float: half to even on the binary value. */
    static double round(double x, int n) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(n, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Python's {@code bool(value)} of a JSON value (null and missing are false). */
    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return v.size() > 0;
    }

    /** Python's {@code a == b} of JSON values: numbers (and booleans) by value, None == None. */
    static boolean pyEquals(JsonNode a, JsonNode b) {
        boolean aNone = a == null || a.isNull() || a.isMissingNode();
        boolean bNone = b == null || b.isNull() || b.isMissingNode();
        if (aNone || bNone) {
            return aNone && bNone;
        }
        if ((a.isNumber() || a.isBoolean()) && (b.isNumber() || b.isBoolean())) {
            return numeric(a).compareTo(numeric(b)) == 0;
        }
        return a.equals(b);
    }

    private static BigDecimal numeric(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : new BigDecimal(v.doubleValue());
    }

    /** {@code value.get(key)} of a Python dict read from JSON: null when absent or JSON null. */
    static JsonNode get(JsonNode object, String key) {
        JsonNode v = object == null ? null : object.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** {@code (value or {})} for a value expected to be a dict: an empty object for null and non-objects. */
    static JsonNode orEmpty(JsonNode v) {
        return v != null && v.isObject() ? v : object();
    }

    /** Python's {@code a - b} of JSON numbers: an int when both are, else a float. */
    static JsonNode minus(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return NODES.numberNode(a.bigIntegerValue().subtract(b.bigIntegerValue()));
        }
        return NODES.numberNode(number(a) - number(b));
    }

    /** Python's {@code a < b} (negative), {@code ==} (0), {@code >} (positive) of JSON numbers; throws on others. */
    static int compare(JsonNode a, JsonNode b) {
        return numeric(requireNumber(a)).compareTo(numeric(requireNumber(b)));
    }

    /** Python's {@code round(x, n)} of a JSON number: an int stays the same int. */
    static JsonNode round(JsonNode x, int n) {
        return x.isIntegralNumber() ? x : NODES.numberNode(round(x.doubleValue(), n));
    }

    /** Python's {@code int(value)} of a JSON value (floats truncated, strings parsed); throws on null. */
    static long toInt(JsonNode v) {
        if (v != null && v.isTextual()) {
            return Long.parseLong(StepText.strip(v.textValue()));
        }
        return requireNumber(v).isBoolean() ? (v.booleanValue() ? 1 : 0) : v.longValue();
    }

    private static double number(JsonNode v) {
        return requireNumber(v).isBoolean() ? (v.booleanValue() ? 1 : 0) : v.doubleValue();
    }

    private static JsonNode requireNumber(JsonNode v) {
        if (v == null || !(v.isNumber() || v.isBoolean())) {
            throw new IllegalStateException("not a number: " + v);
        }
        return v;
    }
}

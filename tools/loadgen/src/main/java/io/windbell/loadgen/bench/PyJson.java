package io.windbell.loadgen.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
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
 * Python {@code json}/number semantics on Jackson trees, so the bench's files and lines read as the Python helper's
 * did: {@code json.loads} (NaN allowed, no trailing data), {@code json.dumps} (separators {@code ", "} and
 * {@code ": "}, or {@code indent=2}; non-ASCII escaped; floats as {@code repr}, non-finite as {@code NaN} and
 * {@code Infinity}), {@code repr(float)}, {@code round}, truthiness, {@code ==} across int and float, {@code int()} and
 * {@code float()} of strings. The one place for these in the package.
 */
final class PyJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PyJson() {
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
            sb.append(jsonFloat(v.doubleValue()));
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

    /** A float as {@code json.dumps} writes it: {@code repr}, but {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    static String jsonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return repr(d);
    }

    /**
     * Python's {@code repr(float)}: the shortest round-trip digits (also 5e-324), positional for exponents -4 to 15;
     * {@code nan}, {@code inf}, {@code -inf}.
     */
    static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
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

    /**
     * Python's {@code round(x, n)} of a float: half to even on the binary value; a negative that rounds to zero keeps
     * its sign (-0.0), NaN and infinities stay.
     */
    static double round(double x, int n) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return Math.copySign(new BigDecimal(x).setScale(n, RoundingMode.HALF_EVEN).doubleValue(), x);
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
            return v.isIntegralNumber() ? v.bigIntegerValue().signum() != 0 : v.doubleValue() != 0;
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
            return pyInt(v.textValue()).longValueExact();
        }
        return requireNumber(v).isBoolean() ? (v.booleanValue() ? 1 : 0) : v.longValue();
    }

    /** Python's {@code int(s)}: surrounding blanks, a sign, underscores between digits. */
    static BigInteger pyInt(String s) {
        String t = StepText.strip(s);
        if (!t.matches("[+-]?\\d+(_\\d+)*")) {
            throw new NumberFormatException("invalid literal for int() with base 10: '" + s + "'");
        }
        return new BigInteger(t.replace("_", "").replace("+", ""));
    }

    /** Python's {@code float(s)} for decimal forms, inf and nan. */
    static double pyFloat(String s) {
        String t = StepText.strip(s).toLowerCase(java.util.Locale.ROOT).replace("_", "");
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        double sign = t.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            throw new NumberFormatException("could not convert string to float: '" + s + "'");
        }
        return Double.parseDouble(t);
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

package io.windbell.loadgen.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Python's view of a parsed JSON value, as bench.py's report reads its result files: {@code d.get(k)},
 * {@code d.get(k, default)}, {@code d[k]}, {@code x or {}}, truthiness, {@code sum}, {@code len} and numbers. A JSON
 * null and an absent key are both Java {@code null} here, except where {@code getOr} tells them apart like
 * {@code d.get(k, default)} does. Where the Python would raise (a {@code .get} on None or a list, a missing target key,
 * a division by zero, arithmetic on None), these throw {@link IllegalStateException} or {@link ArithmeticException}, so
 * the command fails (exit 1) as bench.py's traceback does.
 */
final class ReportJson {

    /** {@code {}}: never modified. */
    static final ObjectNode EMPTY = PyJson.object();

    private ReportJson() {
    }

    /** {@code d.get(key)}: {@code d} must be a dict. */
    static JsonNode get(JsonNode d, String key) {
        return orNull(dict(d).get(key));
    }

    /** {@code d.get(key, dflt)}: the default only when the key is absent (a JSON null stays None). */
    static JsonNode getOr(JsonNode d, String key, JsonNode dflt) {
        JsonNode v = dict(d).get(key);
        return v == null ? dflt : orNull(v);
    }

    /** {@code d[key]}: KeyError when absent. */
    static JsonNode item(JsonNode d, String key) {
        JsonNode v = dict(d).get(key);
        if (v == null) {
            throw new IllegalStateException("KeyError: '" + key + "'");
        }
        return orNull(v);
    }

    /** {@code (d or {}).get(key)}. */
    static JsonNode at(JsonNode d, String key) {
        return get(orEmpty(d), key);
    }

    /** {@code x or {}}. */
    static JsonNode orEmpty(JsonNode x) {
        return truthy(x) ? x : EMPTY;
    }

    static JsonNode orNull(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    /** Python's truth value of a JSON value. */
    static boolean truthy(JsonNode x) {
        return PyJson.truthy(x);
    }

    static boolean truthy(Double x) {
        return x != null && x != 0.0;
    }

    /** A number (bool counts as 0/1 like Python's) or None; anything else cannot be used as a number. */
    static Double num(JsonNode x) {
        if (x == null || x.isNull()) {
            return null;
        }
        if (x.isBoolean()) {
            return x.booleanValue() ? 1.0 : 0.0;
        }
        if (x.isNumber()) {
            return x.doubleValue();
        }
        throw new IllegalStateException("TypeError: not a number: " + x);
    }

    /** A number where Python does arithmetic or a comparison with it: None raises. */
    static double required(Double x) {
        if (x == null) {
            throw new IllegalStateException("TypeError: unsupported operand type: 'NoneType'");
        }
        return x;
    }

    static double required(JsonNode x) {
        return required(num(x));
    }

    /** {@code a / b} with Python's ZeroDivisionError. */
    static double div(double a, double b) {
        if (b == 0.0) {
            throw new ArithmeticException("ZeroDivisionError: float division by zero");
        }
        return a / b;
    }

    /** {@code x != 0} in Python: False for 0, 0.0 and False. */
    static boolean notZero(JsonNode x) {
        if (x == null || !(x.isNumber() || x.isBoolean())) {
            return true;
        }
        return num(x) != 0.0;
    }

    /** The entries of a dict in their order. */
    static List<Map.Entry<String, JsonNode>> items(JsonNode d) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        dict(d).fields().forEachRemaining(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
        return entries;
    }

    /** The elements of a list (or the keys of a dict, as Python iterates them). */
    static List<JsonNode> elements(JsonNode list) {
        if (list == null || !(list.isArray() || list.isObject())) {
            throw new IllegalStateException("TypeError: not iterable: " + list);
        }
        List<JsonNode> out = new ArrayList<>();
        if (list.isObject()) {
            list.fieldNames().forEachRemaining(k -> out.add(PyJson.NODES.textNode(k)));
        } else {
            list.forEach(out::add);
        }
        return out;
    }

    /** The strings of a list of strings (meta's steps). */
    static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : elements(list)) {
            if (!e.isTextual()) {
                throw new IllegalStateException("TypeError: not a string: " + e);
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** {@code len(x)}. */
    static int len(JsonNode x) {
        if (x != null && x.isTextual()) {
            return x.textValue().codePointCount(0, x.textValue().length());
        }
        if (x == null || !x.isContainerNode()) {
            throw new IllegalStateException("TypeError: object has no len(): " + x);
        }
        return x.size();
    }

    /**
     * {@code str(sum(values))}: an int while every value is an int (or bool), else a float, as Python adds them from 0.
     */
    static String sumStr(List<JsonNode> values) {
        BigInteger whole = BigInteger.ZERO;
        Double real = null;
        for (JsonNode v : values) {
            if (real == null && (v != null && (v.isIntegralNumber() || v.isBoolean()))) {
                whole = whole.add(v.isBoolean() ? BigInteger.valueOf(v.booleanValue() ? 1 : 0) : v.bigIntegerValue());
            } else {
                real = (real == null ? whole.doubleValue() : real) + required(num(v));
            }
        }
        return real == null ? whole.toString() : PyJson.repr(real);
    }

    private static JsonNode dict(JsonNode d) {
        if (d == null || !d.isObject()) {
            throw new IllegalStateException("AttributeError: '" + typeName(d) + "' object has no attribute 'get'");
        }
        return d;
    }

    private static String typeName(JsonNode d) {
        if (d == null || d.isNull()) {
            return "NoneType";
        }
        return d.isArray() ? "list" : d.isTextual() ? "str" : d.isBoolean() ? "bool" : d.isNumber() ? "number" : "?";
    }
}

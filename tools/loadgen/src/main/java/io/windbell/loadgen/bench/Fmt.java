package io.windbell.loadgen.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The number and value formatting of bench.py's report: {@code fmt} ({@code f"{v:,.Nf}"} plus a unit, "n/a" for None),
 * {@code verdict}, {@code f"{v:.Nf}"}, and {@code str()} of a JSON value as Python prints it (floats by {@code repr}:
 * shortest round-trip digits, {@code 12.0}, {@code 1e-05}; None, True, False).
 */
final class Fmt {

    private Fmt() {
    }

    /** bench.py {@code fmt(v, unit, digits)}. */
    static String fmt(Double v, String unit, int digits) {
        if (v == null) {
            return "n/a";
        }
        return (fixed(v, digits, true) + " " + unit).strip();
    }

    static String fmt(Double v, String unit) {
        return fmt(v, unit, 0);
    }

    static String fmt(Double v) {
        return fmt(v, "", 0);
    }

    static String fmt(JsonNode v, String unit, int digits) {
        if (v != null && v.isTextual()) {
            throw new IllegalStateException("ValueError: Unknown format code 'f' for object of type 'str'");
        }
        return fmt(ReportJson.num(v), unit, digits);
    }

    static String fmt(JsonNode v, String unit) {
        return fmt(v, unit, 0);
    }

    static String fmt(JsonNode v) {
        return fmt(v, "", 0);
    }

    /** A process's CPU in the report: {@code f"{fmt(avg, '%')} ({fmt(peak, '%')})"} of its resources entry. */
    static String cpu(JsonNode process) {
        return fmt(ReportJson.get(process, "cpuAvgPct"), "%") + " (" + fmt(ReportJson.get(process, "cpuPeakPct"), "%")
                + ")";
    }

    /** bench.py {@code verdict(ok)}. */
    static String verdict(Boolean ok) {
        return ok == null ? "n/a" : ok ? "pass" : "**miss**";
    }

    /** Python's {@code f"{v:.Nf}"} (or {@code f"{v:,.Nf}"} with grouping): the binary value rounded half to even. */
    static String fixed(double v, int digits, boolean grouping) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN);
        String plain = rounded.abs().toPlainString();
        if (grouping) {
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < whole.length(); i++) {
                if (i > 0 && (whole.length() - i) % 3 == 0) {
                    grouped.append(',');
                }
                grouped.append(whole.charAt(i));
            }
            plain = grouped + (dot < 0 ? "" : plain.substring(dot));
        }
        boolean negative = v < 0 || (v == 0.0 && 1.0 / v < 0);
        return negative ? "-" + plain : plain;
    }

    /** Python's {@code str()} of a JSON value ({@code f"{x}"}). */
    static String str(JsonNode x) {
        if (x != null && x.isTextual()) {
            return x.textValue();
        }
        return pyRepr(x);
    }

    private static String pyRepr(JsonNode x) {
        if (x == null || x.isNull() || x.isMissingNode()) {
            return "None";
        }
        if (x.isBoolean()) {
            return x.booleanValue() ? "True" : "False";
        }
        if (x.isIntegralNumber()) {
            return x.bigIntegerValue().toString();
        }
        if (x.isNumber()) {
            return PyJson.repr(x.doubleValue());
        }
        if (x.isTextual()) {
            return quote(x.textValue());
        }
        if (x.isArray()) {
            StringJoiner list = new StringJoiner(", ", "[", "]");
            x.forEach(e -> list.add(pyRepr(e)));
            return list.toString();
        }
        StringJoiner dict = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, JsonNode> e : ReportJson.items(x)) {
            dict.add(quote(e.getKey()) + ": " + pyRepr(e.getValue()));
        }
        return dict.toString();
    }

    private static String quote(String s) {
        String q = s.contains("'") && !s.contains("\"") ? "\"" : "'";
        String body = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
        return q + (q.equals("'") ? body.replace("'", "\\'") : body) + q;
    }
}

package io.windbell.platform.logging;

/** Masks customer identifiers before they reach a log line: enough to correlate, too little to identify. */
public final class Mask {

    private Mask() {
    }

    /** {@code C000123456} becomes {@code C0******56}; short or missing ids become {@code ***}. */
    public static String id(String value) {
        if (value == null || value.length() < 6) {
            return "***";
        }
        int keep = 2;
        return value.substring(0, keep) + "*".repeat(value.length() - 2 * keep)
                + value.substring(value.length() - keep);
    }
}

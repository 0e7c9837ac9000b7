package io.windbell.contracts;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds every string of an event that {@link Text} refuses: values and object keys, at any depth, in any field (known
 * or not). The JSON Schemas state the same rule as {@code pattern} but cannot state the surrogate part of it, and
 * {@code attributes} are free-form, so producers check events with this walker as well; ingest rejects what it finds
 * before anything is published, which is why no consumer ever has to store such a string.
 * <p>
 * Findings name the place by a path in the style of ingest's field violations ({@code sessionId},
 * {@code attributes.device.os}, {@code attributes.tags[2]}, {@code attributes["odd key"]}); a key that is itself
 * refused is named with its refused characters written as {@code \}{@code uXXXX}, so that a finding never carries the
 * very characters that cannot be stored.
 */
public final class EventContent {

    private EventContent() {
    }

    /** The paths of every refused key or string value below {@code node}, in document order; empty when none. */
    public static List<String> refusedPaths(JsonNode node) {
        return refusedPaths(node, "");
    }

    /** As {@link #refusedPaths(JsonNode)}, with every path below {@code prefix} (e.g. {@code attributes}). */
    public static List<String> refusedPaths(JsonNode node, String prefix) {
        if (acceptable(node)) {
            return List.of(); // the common case: no path is built (building them all was a tenth of ingest's CPU)
        }
        List<String> found = new ArrayList<>(1);
        walk(node, prefix, found);
        return found;
    }

    /** The path of {@code key} below {@code parent}; refused characters of the key are written as escapes. */
    public static String path(String parent, String key) {
        if (plainKey(key)) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return (parent.isEmpty() ? "$" : parent) + "[\"" + printable(key.replace("\\", "\\\\").replace("\"", "\\\""))
                + "\"]";
    }

    /**
     * {@code value} with every refused UTF-16 unit written as {@code \}{@code uXXXX}: safe to store, log or echo in an
     * error, and still says what was sent. Acceptable text comes back unchanged (the same instance).
     */
    public static String printable(String value) {
        if (value == null) {
            return null;
        }
        int first = Text.firstRefused(value);
        if (first < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, first);
        int from = first;
        while (from < value.length()) {
            // a view, not a copy: a body of refused characters costs one pass
            int refused = Text.firstRefused(CharBuffer.wrap(value, from, value.length()));
            if (refused < 0) {
                out.append(value, from, value.length());
                break;
            }
            out.append(value, from, from + refused)
                    .append(String.format("\\u%04X", (int) value.charAt(from + refused)));
            from += refused + 1;
        }
        return out.toString();
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            if (!Text.isAcceptable(node.textValue())) {
                found.add(path.isEmpty() ? "$" : path);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path(path, field.getKey());
                if (!Text.isAcceptable(field.getKey())) {
                    found.add(child);
                    continue; // the key already condemns the entry; one finding per place
                }
                walk(field.getValue(), child, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), (path.isEmpty() ? "$" : path) + "[" + i + "]", found);
            }
        }
    }

    /** Whether every key and string value below {@code node} is acceptable; no allocation. */
    private static boolean acceptable(JsonNode node) {
        if (node == null) {
            return true;
        }
        if (node.isTextual()) {
            return Text.isAcceptable(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!Text.isAcceptable(field.getKey()) || !acceptable(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!acceptable(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A key that reads unambiguously after a dot: a letter or {@code _}, then letters, digits, {@code _} or {@code -}.
     */
    private static boolean plainKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '-'))) {
                return false;
            }
        }
        return true;
    }
}

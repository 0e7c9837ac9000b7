package io.windbell.loadgen.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Counts the journey events a run wrote (ConsoleConsumer output with partition, offset and headers, at or after the
 * per-partition end offsets of GetOffsetShell output taken before) and what came out twice: a ce_id seen twice (a relay
 * retry) or a journey step (journeyInstanceId + revision) under two ce_ids (a double application). Replaces bench.py's
 * {@code journey_events_check}, {@code _find_step} and {@code cmd_journey_events_check}.
 */
record JourneyEventsCheck(int records, int distinctIds, int idsSeenTwice, int steps, int stepsWithTwoIds,
        int unreadable, SortedMap<String, Integer> types) {

    private static final Pattern CE_ID_RE = Pattern.compile("(?:^|,)ce_id:([0-9a-fA-F-]{36})");
    private static final Pattern CE_TYPE_RE = Pattern.compile("(?:^|,)ce_type:([^,\\t]+)");

    /** A journey step: the instance and its revision, as found in the event's JSON. */
    private record Step(JsonNode instance, JsonNode revision) {
    }

    static JourneyEventsCheck of(List<String> startLines, Iterable<String> eventLines) {
        Map<Long, Long> start = new HashMap<>();
        for (String line : startLines) {
            String[] parts = rsplit(StepText.strip(line), ':', 2);
            if (parts.length == 3 && StepText.isDigits(parts[1]) && StepText.isDigits(parts[2])) {
                start.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
        }
        int records = 0;
        int unreadable = 0;
        Map<String, Integer> ids = new HashMap<>();
        Map<Step, Set<String>> steps = new HashMap<>();
        SortedMap<String, Integer> types = new TreeMap<>();
        for (String line : eventLines) {
            String[] fields = (line.endsWith("\n") ? line.substring(0, line.length() - 1) : line).split("\t", -1);
            String p = first(fields, "Partition:");
            String o = first(fields, "Offset:");
            if (p == null || o == null) {
                continue;
            }
            long offset = Long.parseLong(o.split(":", 2)[1]);
            if (offset < start.getOrDefault(Long.parseLong(p.split(":", 2)[1]), 0L)) {
                continue;
            }
            records++;
            String headers = "";
            for (String f : fields) {
                if (f.contains("ce_id:")) {
                    headers = f;
                    break;
                }
            }
            Matcher id = CE_ID_RE.matcher(headers);
            Matcher type = CE_TYPE_RE.matcher(headers);
            String ceId = id.find() ? id.group(1) : null;
            types.merge(type.find() ? type.group(1) : "?", 1, Integer::sum);
            Step step;
            try {
                step = findStep(PyJson.parse(fields[fields.length - 1]));
            } catch (IOException e) {
                step = null;
            }
            if (ceId == null || step == null) {
                unreadable++;
                continue;
            }
            ids.merge(ceId, 1, Integer::sum);
            steps.computeIfAbsent(step, s -> new HashSet<>()).add(ceId);
        }
        return new JourneyEventsCheck(records, ids.size(), (int) ids.values().stream().filter(n -> n > 1).count(),
                steps.size(), (int) steps.values().stream().filter(v -> v.size() > 1).count(), unreadable, types);
    }

    private static String first(String[] fields, String prefix) {
        for (String f : fields) {
            if (f.startsWith(prefix)) {
                return f;
            }
        }
        return null;
    }

    /** Python's {@code s.rsplit(sep, max)}. */
    static String[] rsplit(String s, char sep, int max) {
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
        int end = s.length();
        for (int i = s.length() - 1; i >= 0 && parts.size() < max; i--) {
            if (s.charAt(i) == sep) {
                parts.add(0, s.substring(i + 1, end));
                end = i;
            }
        }
        parts.add(0, s.substring(0, end));
        return parts.toArray(String[]::new);
    }

    /** {@code _find_step}: the first (depth-first) object with journeyInstanceId and revision. */
    private static Step findStep(JsonNode value) {
        if (value.isObject()) {
            if (value.has("journeyInstanceId") && value.has("revision")) {
                return new Step(value.get("journeyInstanceId"), value.get("revision"));
            }
        }
        if (value.isObject() || value.isArray()) {
            for (JsonNode v : value) {
                Step found = findStep(v);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    ObjectNode toNode() {
        ObjectNode node = PyJson.object();
        node.put("records", records);
        node.put("distinctIds", distinctIds);
        node.put("idsSeenTwice", idsSeenTwice);
        node.put("steps", steps);
        node.put("stepsWithTwoIds", stepsWithTwoIds);
        node.put("unreadable", unreadable);
        ObjectNode t = node.putObject("types");
        types.forEach(t::put);
        return node;
    }
}

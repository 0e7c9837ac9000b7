package io.windbell.loadgen.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row of the journey-replicas table (K replicas in one consumer group) with its applied-once checks, from the files
 * bench.sh leaves in the run's directory. Replaces bench.py's {@code replicas_row}, {@code cmd_replicas_row},
 * {@code rate_once_ready} and {@code longest_stall}. Values pass through as JSON with Python's int/float kinds.
 */
final class ReplicasRow {

    /** Events/s from the first progress sample once every replica was ready, and over how many seconds. */
    record OnceReady(JsonNode eventsPerS, JsonNode seconds) {
        static final OnceReady NONE = new OnceReady(null, null);
    }

    private ReplicasRow() {
    }

    /** {@code cmd_replicas_row}: reads DIR's files and returns the row (with its resources). */
    static ObjectNode fromDir(Path dir, String label, int k, Path preloadPath, int exitCode, String killJson,
            List<String> readyArgs) throws IOException {
        JsonNode preload = PyJson.orEmpty(PyJson.get(PyJson.orEmpty(PyJson.load(preloadPath)), "result"));
        Map<String, JsonNode> healths = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "health-*.json")) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                healths.put(name.substring("health-".length(), name.length() - ".json".length()), PyJson.load(p));
            }
        }
        Path groupFile = dir.resolve("group.txt");
        GroupAssignment group = Files.exists(groupFile) ? GroupAssignment.parse(StepText.read(groupFile)) : null;
        Map<String, Double> ready = new LinkedHashMap<>();
        for (String a : readyArgs) {
            int eq = a.indexOf('=');
            if (eq >= 0) {
                ready.put(a.substring(0, eq), Double.parseDouble(a.substring(eq + 1)));
            }
        }
        JsonNode kill = PyJson.parse(killJson == null || killJson.isEmpty() ? "{}" : killJson);
        ObjectNode row = row(label, k, preload, PyJson.orEmpty(PyJson.load(dir.resolve("catchup.json"))), healths,
                group, PyJson.orEmpty(PyJson.load(dir.resolve("db.json"))),
                PyJson.orEmpty(PyJson.load(dir.resolve("events.json"))), kill, exitCode, ready);
        row.set("resources", PyJson.load(dir.resolve("resources.json")));
        return row;
    }

    /** One applied-once check. */
    private record Check(String name, boolean ok) {
    }

    /** {@code replicas_row}; {@code group} null when there was no group.txt. */
    static ObjectNode row(String label, int k, JsonNode preload, JsonNode catchup, Map<String, JsonNode> healths,
            GroupAssignment group, JsonNode db, JsonNode events, JsonNode kill, int exitCode,
            Map<String, Double> ready) {
        JsonNode unique = PyJson.get(preload, "uniqueEvents");
        JsonNode records = PyJson.get(preload, "records");
        boolean killed = PyJson.truthy(PyJson.get(kill, "killed"));
        long applied = total(healths, "applied");
        long skipped = total(healths, "skipped");
        long dead = total(healths, "dead-lettered");
        JsonNode eventsRecords = events.has("records") ? events.get("records") : PyJson.NODES.numberNode(0);
        JsonNode steps = PyJson.get(events, "steps");
        List<Check> checks = new ArrayList<>(
                List.of(new Check("caught up", PyJson.truthy(PyJson.get(catchup, "caughtUp"))),
                        new Check("inbox rows = distinct events of the preload",
                                PyJson.pyEquals(PyJson.get(db, "inboxRows"), unique)),
                        new Check("timeline rows = distinct events of the preload",
                                PyJson.pyEquals(PyJson.get(db, "timelineRows"), unique)),
                        new Check("no event id twice on the timeline",
                                PyJson.pyEquals(PyJson.get(db, "timelineRows"), PyJson.get(db, "timelineDistinct"))),
                        new Check("nothing dead-lettered", dead == 0),
                        new Check("consumer lag 0", group != null && group.lag() != null && group.lag() == 0),
                        new Check("outbox relayed", PyJson.pyEquals(PyJson.get(db, "outboxLeft"), int0())),
                        new Check("no journey step emitted under two ids",
                                PyJson.pyEquals(PyJson.get(events, "stepsWithTwoIds"), int0())
                                        && PyJson.compare(eventsRecords, int0()) > 0),
                        // revision counts the events of an instance: every one of them is on the topic, none of them
                        // twice
                        new Check("journey steps on the topic = Σ revision of the instances",
                                steps != null && PyJson.pyEquals(steps, PyJson.get(db, "revisionSum")))));
        if (!killed) {
            // a killed replica takes its counters with it; the live replicas' sum is checked only without one
            checks.add(new Check("Σ applied over the replicas = distinct events",
                    PyJson.pyEquals(PyJson.NODES.numberNode(applied), unique)));
            JsonNode atLeast = PyJson.truthy(records) ? records : int0();
            checks.add(new Check("Σ applied + skipped ≥ records",
                    PyJson.compare(PyJson.NODES.numberNode(applied + skipped + dead), atLeast) >= 0));
        }
        OnceReady steady = rateOnceReady(catchup, ready);

        ObjectNode row = PyJson.object();
        row.put("label", label);
        row.put("replicas", k);
        row.set("killed", PyJson.truthy(kill) ? kill : null);
        row.set("records", records);
        row.set("uniqueEvents", unique);
        row.set("preloadDuplicates", PyJson.get(preload, "duplicates"));
        row.set("eventsPerS", PyJson.get(catchup, "perS"));
        row.set("consumeS", PyJson.get(catchup, "consumeS"));
        row.set("startFrom", PyJson.get(catchup, "startFrom"));
        row.set("caughtUp", PyJson.get(catchup, "caughtUp"));
        row.set("eventsPerSOnceReady", steady.eventsPerS());
        row.set("onceReadyS", steady.seconds());
        row.set("longestStallS", longestStall(PyJson.get(catchup, "progress")));
        if (ready.isEmpty()) {
            row.putNull("allReadyS");
        } else {
            row.put("allReadyS", Collections.max(ready.values()));
        }
        ObjectNode readyS = row.putObject("readyS");
        ready.forEach(readyS::put);
        row.put("applied", applied);
        row.put("skipped", skipped);
        row.put("deadLettered", dead);
        // skipped beyond the preload's resent duplicates: records delivered again (a rebalance, a killed replica)
        row.set("redelivered", records != null && !killed
                ? PyJson.minus(PyJson.NODES.numberNode(applied + skipped + dead), records) : null);
        ObjectNode perReplica = row.putObject("perReplica");
        new TreeMap<>(healths).forEach((name, h) -> {
            JsonNode health = PyJson.orEmpty(h);
            ObjectNode r = perReplica.putObject(name);
            r.set("applied", PyJson.get(health, "touchpoints.applied"));
            r.set("skipped", PyJson.get(health, "touchpoints.skipped"));
            r.set("relayPublished", PyJson.get(health, "relay.published"));
        });
        if (group == null) {
            row.putNull("partitionsPerReplica");
            row.putNull("lag");
        } else {
            ObjectNode partitions = row.putObject("partitionsPerReplica");
            group.perReplica().forEach(partitions::put);
            row.put("lag", group.lag());
        }
        row.set("db", db);
        row.set("journeyEvents", events);
        ArrayNode failed = PyJson.NODES.arrayNode();
        ArrayNode names = PyJson.NODES.arrayNode();
        for (Check c : checks) {
            names.add(c.name());
            if (!c.ok()) {
                failed.add(c.name());
            }
        }
        row.put("appliedOnce", failed.isEmpty());
        row.set("failedChecks", failed);
        row.set("checks", names);
        row.put("exitCode", exitCode);
        return row;
    }

    private static JsonNode int0() {
        return PyJson.NODES.numberNode(0);
    }

    private static long total(Map<String, JsonNode> healths, String key) {
        long sum = 0;
        for (JsonNode h : healths.values()) {
            JsonNode health = PyJson.orEmpty(h);
            String field = "touchpoints." + key;
            sum += health.has(field) ? PyJson.toInt(health.get(field)) : 0;
        }
        return sum;
    }

    /**
     * {@code rate_once_ready}: events/s from the first progress sample after the last replica became ready to the end
     * of the drain, the replicas' steady throughput without their JVM starts (none when the drain ended before).
     */
    static OnceReady rateOnceReady(JsonNode catchup, Map<String, Double> ready) {
        if (ready.isEmpty() || !PyJson.truthy(PyJson.get(catchup, "caughtUp"))) {
            return OnceReady.NONE;
        }
        JsonNode since = PyJson.NODES.numberNode(Collections.max(ready.values()));
        JsonNode first = null;
        JsonNode progress = PyJson.get(catchup, "progress");
        if (progress != null) {
            for (JsonNode point : progress) {
                if (PyJson.compare(point.get(0), since) >= 0) {
                    first = point;
                    break;
                }
            }
        }
        JsonNode end = PyJson.get(catchup, "pollerS");
        JsonNode count = PyJson.get(catchup, "count");
        if (first == null || end == null || count == null
                || PyJson.compare(PyJson.minus(end, first.get(0)), PyJson.NODES.numberNode(2)) < 0) {
            return OnceReady.NONE;
        }
        JsonNode seconds = PyJson.minus(end, first.get(0));
        double perS = PyJson.minus(count, first.get(1)).asDouble() / seconds.asDouble();
        return new OnceReady(PyJson.NODES.numberNode(PyJson.round(perS, 1)), PyJson.round(seconds, 1));
    }

    /** {@code longest_stall}: the longest stretch (s) of progress samples without progress, once consumption began. */
    static JsonNode longestStall(JsonNode progress) {
        JsonNode longest = PyJson.NODES.numberNode(0.0);
        JsonNode since = null;
        JsonNode last = null;
        if (progress != null) {
            for (JsonNode point : progress) {
                JsonNode t = point.get(0);
                JsonNode c = point.get(1);
                if (PyJson.truthy(c) && PyJson.pyEquals(c, last)) {
                    JsonNode stalled = PyJson.minus(t, since);
                    if (PyJson.compare(stalled, longest) > 0) {
                        longest = stalled;
                    }
                } else {
                    since = t;
                    last = c;
                }
            }
        }
        return PyJson.round(longest, 1);
    }
}

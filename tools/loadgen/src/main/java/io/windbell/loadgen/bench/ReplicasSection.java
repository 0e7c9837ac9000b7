package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.items;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The "journey replicas" table of the report: one line per row of the journey-replicas step
 * ({@code journey-replicas-<label>.json}), ordered by label. bench.py's {@code replicas_table}.
 */
final class ReplicasSection {

    private static final String NOTE = "events/s: distinct events claimed in journey's inbox ÷ the time from the start "
            + "of consumption (the last poll that saw none) to the poll that saw all of them, every 0.25 s; the replicas "
            + "start together after the preload, so their JVM starts and the rebalances as they join are inside the "
            + "time; \"once all ready\": from the first 1 s progress sample after the last replica's /q/health/ready "
            + "answered 200 to the end; longest stall: the longest run of 1 s progress samples without a new event "
            + "applied. Every row consumes the same preloaded records (the group reset to where the preload began, the "
            + "database dropped and recreated). CPU: the replicas' average over the row (per core: 200% = both cores). "
            + "Applied once = inbox rows = timeline rows = distinct timeline ids = the preload's distinct events, "
            + "nothing dead-lettered, lag 0, the outbox relayed, no journey step (journeyInstanceId + revision) "
            + "published under two ids, the distinct steps on cx.journey-events.v1 = Σ revision of journey's instances"
            + ", and without a kill Σ applied = distinct events.";

    private ReplicasSection() {
    }

    static List<String> table(Results r) {
        List<Labelled> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : r.entries()) {
            if (e.getKey().startsWith("journey-replicas-") && !e.getKey().endsWith("-preload")) {
                rows.add(new Labelled(label(e.getValue()), e.getValue()));
            }
        }
        List<JsonNode> sorted = rows.stream().sorted(Comparator.comparing(Labelled::label)).map(Labelled::row).toList();
        if (sorted.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of("", "## Journey replicas", "",
                "| replicas | partitions per replica (end) | records (distinct) | events/s | drain (longest stall) "
                        + "| all ready after launch | events/s once all ready | journey CPU Σ avg | machine busy "
                        + "| applied (Σ replicas) | skipped (duplicates + redelivered) | dead-lettered "
                        + "| timeline rows / distinct / inbox rows "
                        + "| journey events: records / steps emitted twice / ids seen twice | lag at end | applied once |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"));
        for (JsonNode row : sorted) {
            out.add(line(row));
        }
        out.add("");
        out.add(NOTE);
        return out;
    }

    /** A row of the step with its label. */
    private record Labelled(String label, JsonNode row) {
    }

    /** {@code (r.get("result") or {}).get("label") or ""}. */
    private static String label(JsonNode row) {
        JsonNode label = get(orEmpty(get(row, "result")), "label");
        if (!truthy(label)) {
            return "";
        }
        if (!label.isTextual()) {
            throw new IllegalStateException("TypeError: a label that is not a string: " + label);
        }
        return label.textValue();
    }

    private static String line(JsonNode r) {
        JsonNode x = orEmpty(get(r, "result"));
        JsonNode res = orEmpty(get(r, "resources"));
        double cpu = 0;
        for (Map.Entry<String, JsonNode> e : items(res)) {
            if (e.getKey().startsWith("journey-r") && e.getValue() != null && e.getValue().isObject()) {
                Double avg = num(get(orEmpty(e.getValue()), "cpuAvgPct"));
                cpu += truthy(avg) ? avg : 0;
            }
        }
        JsonNode kill = orEmpty(get(x, "killed"));
        String who = str(get(x, "replicas"));
        if (truthy(kill)) {
            who += " (" + str(get(kill, "killed")) + " SIGKILLed at " + fmt(get(kill, "atApplied")) + " applied)";
        }
        String parts = items(orEmpty(get(x, "partitionsPerReplica"))).stream().map(
                e -> e.getKey().substring(Math.min(e.getKey().length(), "journey-".length())) + " " + str(e.getValue()))
                .collect(Collectors.joining(", "));
        if (parts.isEmpty()) {
            parts = "—";
        }
        JsonNode db = orEmpty(get(x, "db"));
        JsonNode ev = orEmpty(get(x, "journeyEvents"));
        JsonNode redel = get(x, "redelivered");
        String skipped = fmt(get(x, "skipped")) + (truthy(redel) ? " (of which redelivered " + fmt(redel) + ")" : "");
        if (truthy(kill)) {
            skipped += " (live replicas only)";
        }
        String verdict;
        if (truthy(get(x, "appliedOnce"))) {
            verdict = "pass";
        } else {
            JsonNode failed = get(x, "failedChecks");
            verdict = "**FAIL**: " + (truthy(failed)
                    ? ReportJson.strings(failed).stream().collect(Collectors.joining("; ")) : "no result");
        }
        return "| " + who + " | " + parts + " | " + fmt(get(x, "records")) + " (" + fmt(get(x, "uniqueEvents")) + ") | "
                + fmt(get(x, "eventsPerS"), "events/s") + " | " + fmt(get(x, "consumeS"), "s", 1) + " ("
                + fmt(get(x, "longestStallS"), "s", 1) + ") | " + fmt(get(x, "allReadyS"), "s", 1) + " | "
                + fmt(get(x, "eventsPerSOnceReady"), "events/s") + " over " + fmt(get(x, "onceReadyS"), "s", 1) + " | "
                + fmt(cpu, "%") + " | " + fmt(get(res, "machineBusyPct"), "%") + " | " + fmt(get(x, "applied")) + " | "
                + skipped + " | " + fmt(get(x, "deadLettered")) + " | " + fmt(get(db, "timelineRows")) + " / "
                + fmt(get(db, "timelineDistinct")) + " / " + fmt(get(db, "inboxRows")) + " | " + fmt(get(ev, "records"))
                + " / " + fmt(get(ev, "stepsWithTwoIds")) + " / " + fmt(get(ev, "idsSeenTwice")) + " | "
                + fmt(get(x, "lag")) + " | " + verdict + " |";
    }
}

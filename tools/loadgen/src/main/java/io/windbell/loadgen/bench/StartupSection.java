package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.Fmt.verdict;
import static io.windbell.loadgen.bench.ReportJson.at;
import static io.windbell.loadgen.bench.ReportJson.div;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.getOr;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.required;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

/**
 * The startup step's table in the report: one row per service ({@code startup-<service>.json}), in the order they were
 * measured, ready and idle RSS without and with the JDK AOT cache against the targets. bench.py's
 * {@code startup_table}.
 */
final class StartupSection {

    private StartupSection() {
    }

    static List<String> table(Results r) {
        List<JsonNode> recs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : r.entries()) {
            JsonNode rec = e.getValue();
            if (e.getKey().startsWith("startup-") && rec != null && rec.isObject() && truthy(get(rec, "service"))) {
                recs.add(rec);
            }
        }
        recs.sort(Comparator.comparingDouble(rec -> required(getOr(rec, "order", IntNode.valueOf(0)))));
        if (recs.isEmpty()) {
            return List.of();
        }
        JsonNode t = r.targets();
        JsonNode targetS = get(t, "startS");
        JsonNode targetMb = get(t, "idleRssMb");
        List<String> out = new ArrayList<>(List.of("## Start-up with the JDK AOT cache", "",
                "| service | ready without cache | ready with cache | target | ratio | result | RSS idle without / with cache "
                        + "| target | result |",
                "|---|---|---|---|---|---|---|---|---|"));
        for (JsonNode rec : recs) {
            JsonNode no = orEmpty(get(rec, "noCache"));
            JsonNode ca = orEmpty(get(rec, "cache"));
            Double ready = num(get(ca, "readyS"));
            Double rss = num(get(ca, "idleRssMb"));
            out.add("| " + str(get(rec, "service")) + " | " + fmt(get(no, "readyS"), "s", 2) + " | "
                    + fmt(ready, "s", 2) + " | ≤ " + str(targetS) + " s | "
                    + (truthy(ready) && truthy(targetS) ? fmt(div(ready, required(targetS)), "", 2) : "n/a") + " | "
                    + verdict(ready == null || !truthy(targetS) ? null : ready <= required(targetS)) + " | "
                    + fmt(get(no, "idleRssMb"), "MB") + " / " + fmt(rss, "MB") + " | ≤ " + str(targetMb) + " MB | "
                    + verdict(rss == null || !truthy(targetMb) ? null : rss <= required(targetMb)) + " |");
        }
        int runs = recs.stream().mapToInt(rec -> {
            JsonNode list = at(get(rec, "cache"), "runs");
            return truthy(list) ? ReportJson.len(list) : 0;
        }).max().orElseThrow();
        out.add("");
        out.add("Medians of " + runs
                + " runs each way; ratio = ready with the cache ÷ target; the cache is trained once "
                + "per service (training run: start, health checks, OpenAPI document and its parameterless GETs with a "
                + "cx-admin token, SIGTERM; "
                + recs.stream().map(rec -> str(get(rec, "service")) + " " + fmt(get(rec, "trainingS"), "s", 0) + ", "
                        + fmt(get(rec, "cacheMb"), "MB")).collect(Collectors.joining(", "))
                + ").");
        out.add("");
        return out;
    }
}

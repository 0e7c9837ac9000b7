package io.windbell.loadgen.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The resources of one step from {@link Sampler}'s file: per process CPU% (average and peak over 1 s) and RSS (peak,
 * last), and the machine's busy CPU% (100 = one CPU), ignoring the first SKIP_S seconds. Replaces bench.py's
 * {@code cmd_summarize}; the JSON it returns is the line that prints.
 */
final class ResourceSummary {

    private final int cpuCount;
    private final long clockTicks;

    ResourceSummary(int cpuCount, long clockTicks) {
        this.cpuCount = cpuCount;
        this.clockTicks = clockTicks;
    }

    /** With this machine's CPU count and CLK_TCK. */
    static ResourceSummary system() {
        return new ResourceSummary(ProcStat.system().cpuCount(), ProcStat.clockTicks());
    }

    /** A sample line's value of process {@code i}, column {@code col} (0 ticks, 1 RSS), or null. */
    private static JsonNode proc(JsonNode row, int i, int col) {
        JsonNode procs = row.get("procs");
        if (procs == null || i >= procs.size()) {
            return null;
        }
        JsonNode v = procs.get(i).get(col);
        return v == null || v.isNull() ? null : v;
    }

    ObjectNode summarize(Path samples, double skipS, List<String> names) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : StepText.fileLines(samples)) {
            if (!StepText.strip(line).isEmpty()) {
                rows.add(PyJson.parse(line));
            }
        }
        if (!rows.isEmpty()) {
            double t0 = rows.get(0).get("t").doubleValue();
            List<JsonNode> kept = rows.stream().filter(r -> r.get("t").doubleValue() - t0 >= skipS).toList();
            rows = kept.size() >= 2 ? kept : rows;
        }
        ObjectNode result = PyJson.object();
        result.put("samples", rows.size());
        if (rows.size() < 2) {
            return result;
        }
        JsonNode first = rows.get(0);
        JsonNode last = rows.get(rows.size() - 1);
        double span = last.get("t").doubleValue() - first.get("t").doubleValue();
        result.put("seconds", PyJson.round(span, 1));
        long busy = last.get("busy").longValue() - first.get("busy").longValue();
        long total = last.get("total").longValue() - first.get("total").longValue();
        result.put("machineBusyPct", PyJson.round(100.0 * busy / Math.max(1, total) * cpuCount, 1));
        for (int i = 0; i < names.size(); i++) {
            List<Long> ticks = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (JsonNode r : rows) {
                JsonNode t = proc(r, i, 0);
                JsonNode m = proc(r, i, 1);
                if (t != null) {
                    ticks.add(t.longValue());
                }
                if (m != null) {
                    rss.add(m.longValue());
                }
            }
            if (ticks.size() < 2) {
                continue;
            }
            double peak = 0.0;
            for (int k = 1; k < rows.size(); k++) {
                JsonNode a = rows.get(k - 1);
                JsonNode b = rows.get(k);
                JsonNode pa = proc(a, i, 0);
                JsonNode pb = proc(b, i, 0);
                double dt = b.get("t").doubleValue() - a.get("t").doubleValue();
                if (pa != null && pb != null && dt > 0) {
                    peak = Math.max(peak, 100.0 * (pb.longValue() - pa.longValue()) / clockTicks / dt);
                }
            }
            ObjectNode proc = result.putObject(names.get(i));
            proc.put("cpuAvgPct",
                    PyJson.round(100.0 * (ticks.get(ticks.size() - 1) - ticks.get(0)) / clockTicks / span, 1));
            proc.put("cpuPeakPct", PyJson.round(peak, 1));
            proc.put("rssPeakMb",
                    PyJson.round(rss.stream().mapToLong(Long::longValue).max().orElseThrow() / 1024.0, 1));
            proc.put("rssLastMb", PyJson.round(rss.get(rss.size() - 1) / 1024.0, 1));
        }
        return result;
    }
}

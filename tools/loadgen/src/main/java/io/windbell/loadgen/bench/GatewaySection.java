package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.ReportJson.at;
import static io.windbell.loadgen.bench.ReportJson.div;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.required;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The gateway rows of the report: single-event ingest direct and through the gateway in the same run, each path's
 * closed-loop maximum and its open-loop p99 at 70% of its own maximum, and gateway ÷ direct. bench.py's
 * {@code gateway_rows}.
 */
final class GatewaySection {

    private GatewaySection() {
    }

    static void rows(Results r, MetricRows.Sink row) {
        JsonNode t = r.targets();
        JsonNode dmax = r.result("gateway-overhead-direct-max");
        JsonNode gmax = r.result("gateway-overhead-gateway-max");
        JsonNode drate = r.result("gateway-overhead-direct-rate");
        JsonNode grate = r.result("gateway-overhead-gateway-rate");
        if (!(truthy(dmax) || truthy(gmax) || truthy(drate) || truthy(grate))) {
            JsonNode steps = orEmpty(at(r.get("machine"), "steps"));
            if (truthy(steps) && ReportJson.elements(steps).stream()
                    .anyMatch(s -> s.isTextual() && s.textValue().equals("gateway-overhead"))) {
                row.row("gateway overhead",
                        "not measured: the step failed (see .bench/logs/bench-gateway-overhead-*.log)",
                        "≥ " + str(get(t, "gatewayVsDirect")), "n/a", false);
            }
            return;
        }
        JsonNode targetNode = get(t, "gatewayVsDirect");
        Double target = num(targetNode);
        Double d = num(get(dmax, "requestsPerS"));
        Double g = num(get(gmax, "requestsPerS"));
        row.info("ingest single event, closed loop max: direct / through the gateway (/api/ingest)",
                fmt(d, "requests/s") + " / " + fmt(g, "requests/s"));
        ratioRow(row, "gateway ÷ direct, closed loop max requests/s", g, d, targetNode, target);
        for (Map.Entry<String, JsonNode> path : List.of(Map.entry("direct", drate),
                Map.entry("through the gateway", grate))) {
            JsonNode rate = path.getValue();
            JsonNode lat = orEmpty(get(rate, "latencyMs"));
            row.info("ingest single event " + path.getKey() + ", open loop at 70% of its own max ("
                    + fmt(get(rate, "targetRate"), "requests/s") + "): requests/s reached; p50 / p99 / p99.9 / max",
                    fmt(get(rate, "requestsPerS"), "requests/s") + "; "
                            + IngestSection.joinMs(lat, "p50", "p99", "p999", "max"));
        }
        ratioRow(row, "gateway ÷ direct, open loop requests/s at 70% of each path's max",
                num(get(grate, "requestsPerS")), num(get(drate, "requestsPerS")), targetNode, target);
        Double dp = num(at(get(drate, "latencyMs"), "p99"));
        Double gp = num(at(get(grate, "latencyMs"), "p99"));
        row.info("p99 at 70%: through the gateway − direct", dp != null && gp != null ? fmt(gp - dp, "ms", 1) : "n/a");
        for (String step : List.of("gateway-overhead-gateway-max", "gateway-overhead-gateway-rate")) {
            JsonNode rr = orEmpty(at(r.get(step), "resources"));
            JsonNode gw = orEmpty(get(rr, "gateway"));
            JsonNode ing = orEmpty(get(rr, "ingest"));
            if (truthy(gw)) {
                row.info(step + ": gateway CPU avg (peak) / RSS peak; ingest CPU avg",
                        Fmt.cpu(gw) + " / " + fmt(get(gw, "rssPeakMb"), "MB") + "; " + fmt(get(ing, "cpuAvgPct"), "%"));
            }
        }
    }

    /** gateway ÷ direct against the target: {@code ratio = g / d if d and g else None}. */
    private static void ratioRow(MetricRows.Sink row, String metric, Double g, Double d, JsonNode targetNode,
            Double target) {
        Double ratio = truthy(d) && truthy(g) ? div(g, d) : null;
        row.row(metric, fmt(ratio, "", 2), "≥ " + str(targetNode),
                truthy(ratio) && truthy(target) ? fmt(div(ratio, target), "", 2) : "n/a",
                ratio == null || !truthy(target) ? null : ratio >= required(target));
    }
}

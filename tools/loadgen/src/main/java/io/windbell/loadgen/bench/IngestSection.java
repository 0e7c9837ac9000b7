package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.ReportJson.at;
import static io.windbell.loadgen.bench.ReportJson.div;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.item;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.required;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.loadgen.bench.MetricRows.Versus;

/**
 * The ingest rows of the report (the producer perf test, batched and single-event ingest, the open-loop p99, start-up
 * and idle RSS): the first part of bench.py's {@code cmd_report}.
 */
final class IngestSection {

    private IngestSection() {
    }

    static void rows(Results r, MetricRows.Sink row) {
        JsonNode t = r.targets();
        Double perf = num(get(r.result("perf"), "recordsPerS"));
        Double batch = num(get(r.result("batch"), "eventsPerS"));
        Double single = num(get(r.result("single"), "requestsPerS"));
        JsonNode rate = r.result("rate");
        Double p99 = num(at(get(rate, "latencyMs"), "p99"));
        JsonNode start = r.getOrEmpty("startup");

        row.info("Kafka producer perf test, same records and producer settings (reference)", fmt(perf, "records/s"));
        Versus b = Versus.of(batch, t, "batchEventsPerS", true, false);
        row.row("ingest, batched (50 events/request), closed loop", fmt(batch, "events/s"),
                "≥ " + fmt(get(t, "batchEventsPerS")) + " events/s", b.ratio(), b.ok());
        Double ratio = truthy(batch) && truthy(perf) ? div(batch, perf) : null;
        Versus v = Versus.of(ratio, t, "batchVsPerf", true, false);
        row.row("ingest batched ÷ producer perf test", fmt(ratio, "", 2), "≥ " + str(get(t, "batchVsPerf")), v.ratio(),
                v.ok());
        Versus s = Versus.of(single, t, "singleRequestsPerS", true, false);
        row.row("ingest, single event per request, closed loop", fmt(single, "requests/s"),
                "≥ " + fmt(get(t, "singleRequestsPerS")) + " requests/s", s.ratio(), s.ok());
        // the rate step's share of the max (70 % unless WINDBELL_BENCH_RATE_PCT says otherwise); the target is at 70 %
        String share = truthy(get(rate, "targetRate")) && truthy(single)
                ? (long) Math.rint(div(required(item(rate, "targetRate")), single) * 100) + "%" : "70%";
        Versus p = Versus.of(p99, t, "p99Ms", false, true);
        row.row("ingest p99 at " + share + " of max, open loop (" + fmt(get(rate, "targetRate"), "requests/s") + ")",
                fmt(p99, "ms", 1), "≤ " + str(get(t, "p99Ms")) + " ms at 70%", p.ratio(), p.ok());
        JsonNode lat = orEmpty(get(rate, "latencyMs"));
        row.info("ingest p50 / p99.9 / max at " + share + " of max", joinMs(lat, "p50", "p999", "max"));
        JsonNode split = orEmpty(get(rate, "latencySplitMs"));
        if (truthy(split)) {
            row.info("ingest p99 at " + share + ", split: waiting in the load generator / in flight",
                    Stream.of("waitToSend", "inFlight").map(k -> fmt(at(get(split, k), "p99"), "ms", 1))
                            .collect(Collectors.joining(" / ")));
        }
        Double ready = num(get(start, "readyS"));
        Versus rd = Versus.of(ready, t, "startS", false, false);
        row.row("ingest start to ready (JVM, launch → /q/health/ready 200)", fmt(ready, "s", 2),
                "≤ " + str(get(t, "startS")) + " s", rd.ratio(), rd.ok());
        Double idle = num(get(start, "idleRssMb"));
        Versus id = Versus.of(idle, t, "idleRssMb", false, false);
        row.row("ingest RSS idle (after ready)", fmt(idle, "MB"), "≤ " + str(get(t, "idleRssMb")) + " MB", id.ratio(),
                id.ok());
    }

    /** {@code " / ".join(fmt(d.get(k), "ms", 1) for k in keys)}. */
    static String joinMs(JsonNode d, String... keys) {
        return Stream.of(keys).map(k -> fmt(get(d, k), "ms", 1)).collect(Collectors.joining(" / "));
    }
}

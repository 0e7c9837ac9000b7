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
        row.row("ingest, batched (50 events/request), closed loop", fmt(batch, "events/s"),
                "≥ " + fmt(get(t, "batchEventsPerS")) + " events/s",
                truthy(batch) ? fmt(div(batch, required(item(t, "batchEventsPerS"))), "", 2) : "n/a",
                batch == null ? null : batch >= required(item(t, "batchEventsPerS")));
        Double ratio = truthy(batch) && truthy(perf) ? div(batch, perf) : null;
        row.row("ingest batched ÷ producer perf test", fmt(ratio, "", 2), "≥ " + str(get(t, "batchVsPerf")),
                truthy(ratio) ? fmt(div(ratio, required(item(t, "batchVsPerf"))), "", 2) : "n/a",
                ratio == null ? null : ratio >= required(item(t, "batchVsPerf")));
        row.row("ingest, single event per request, closed loop", fmt(single, "requests/s"),
                "≥ " + fmt(get(t, "singleRequestsPerS")) + " requests/s",
                truthy(single) ? fmt(div(single, required(item(t, "singleRequestsPerS"))), "", 2) : "n/a",
                single == null ? null : single >= required(item(t, "singleRequestsPerS")));
        // the rate step's share of the max (70 % unless WINDBELL_BENCH_RATE_PCT says otherwise); the target is at 70 %
        String share = truthy(get(rate, "targetRate")) && truthy(single)
                ? (long) Math.rint(div(required(item(rate, "targetRate")), single) * 100) + "%" : "70%";
        row.row("ingest p99 at " + share + " of max, open loop (" + fmt(get(rate, "targetRate"), "requests/s") + ")",
                fmt(p99, "ms", 1), "≤ " + str(get(t, "p99Ms")) + " ms at 70%",
                p99 != null ? fmt(div(p99, required(item(t, "p99Ms"))), "", 2) : "n/a",
                p99 == null ? null : p99 <= required(item(t, "p99Ms")));
        JsonNode lat = orEmpty(get(rate, "latencyMs"));
        row.info("ingest p50 / p99.9 / max at " + share + " of max", joinMs(lat, "p50", "p999", "max"));
        JsonNode split = orEmpty(get(rate, "latencySplitMs"));
        if (truthy(split)) {
            row.info("ingest p99 at " + share + ", split: waiting in the load generator / in flight",
                    Stream.of("waitToSend", "inFlight").map(k -> fmt(at(get(split, k), "p99"), "ms", 1))
                            .collect(Collectors.joining(" / ")));
        }
        Double ready = num(get(start, "readyS"));
        row.row("ingest start to ready (JVM, launch → /q/health/ready 200)", fmt(ready, "s", 2),
                "≤ " + str(get(t, "startS")) + " s",
                truthy(ready) ? fmt(div(ready, required(item(t, "startS"))), "", 2) : "n/a",
                ready == null ? null : ready <= required(item(t, "startS")));
        Double idle = num(get(start, "idleRssMb"));
        row.row("ingest RSS idle (after ready)", fmt(idle, "MB"), "≤ " + str(get(t, "idleRssMb")) + " MB",
                truthy(idle) ? fmt(div(idle, required(item(t, "idleRssMb"))), "", 2) : "n/a",
                idle == null ? null : idle <= required(item(t, "idleRssMb")));
    }

    /** {@code " / ".join(fmt(d.get(k), "ms", 1) for k in keys)}. */
    static String joinMs(JsonNode d, String... keys) {
        return Stream.of(keys).map(k -> fmt(get(d, k), "ms", 1)).collect(Collectors.joining(" / "));
    }
}

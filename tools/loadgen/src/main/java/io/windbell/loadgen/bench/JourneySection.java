package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.ReportJson.at;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.items;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.loadgen.bench.MetricRows.Versus;

/**
 * The journey rows of the report (throughput with durable state, latency at a fixed rate, resources, batch phases): the
 * journey part of bench.py's {@code cmd_report}.
 */
final class JourneySection {

    private static final List<String> STEPS = List.of("journey-preload", "journey-throughput", "journey-latency");

    private JourneySection() {
    }

    static void rows(Results r, MetricRows.Sink row) {
        if (STEPS.stream().noneMatch(r.steps()::contains)) {
            return;
        }
        JsonNode t = r.targets();
        JsonNode preload = r.result("journey-preload");
        JsonNode catchup = r.result("journey-throughput");
        JsonNode jload = r.result("journey-latency");
        JsonNode jproc = r.getOrEmpty("journey-processing");
        JsonNode jlat = orEmpty(get(jproc, "latency"));
        Double teps = num(get(catchup, "eventsPerS"));
        boolean timedOut = truthy(get(catchup, "timedOut"));
        Versus tv = Versus.of(teps, t, "journeyEventsPerS", true, false);
        String note = timedOut ? " (timed out: rate so far)" : "";
        row.row("journey, durable state: " + fmt(get(preload, "records")) + " preloaded records applied from start of "
                + "consumption" + note, fmt(teps, "events/s"), "≥ " + fmt(get(t, "journeyEventsPerS")) + " events/s",
                tv.ratio(), tv.ok() == null ? null : tv.ok() && !timedOut);
        Double p99 = num(get(jlat, "p99Ms"));
        Versus pv = Versus.of(p99, t, "journeyP99Ms", false, true);
        row.row("journey p99, Kafka record → journey state committed, at " + fmt(get(jload, "targetRate"), "events/s")
                + " (open loop, " + fmt(get(jlat, "count")) + " events)", fmt(p99, "ms", 1),
                "≤ " + str(get(t, "journeyP99Ms")) + " ms", pv.ratio(), pv.ok());
        row.info("journey p50 / p99.9 / max at that rate", IngestSection.joinMs(jlat, "p50Ms", "p999Ms", "maxMs"));
        row.info("journey load generator: rate reached / behind schedule p99", fmt(get(jload, "eventsPerS"), "events/s")
                + " / " + fmt(at(get(jload, "behindScheduleMs"), "p99"), "ms", 1));
        row.info("journey RSS at the end / consumer lag at the end",
                fmt(get(jproc, "rssMb"), "MB") + " / " + fmt(get(jproc, "consumerLag")) + " records");
        JsonNode jready = get(r.getOrEmpty("journey-startup"), "readyS");
        row.info("journey start to ready while consuming the preload (JVM)", fmt(jready, "s", 2));
        JsonNode jwait = orEmpty(get(jproc, "waitBeforeBatch"));
        row.info("journey at that rate: waiting for a consumer p50 / p99 (part of the latency); mean batch",
                fmt(get(jwait, "p50Ms"), "ms", 1) + " / " + fmt(get(jwait, "p99Ms"), "ms", 1) + "; "
                        + fmt(get(jproc, "meanBatchSize"), "records", 0));
        // where the time of a batch goes, draining the backlog and at the fixed rate
        phasesRow(row, "draining the backlog", r.getOrEmpty("journey-throughput-phases"));
        phasesRow(row, "at the fixed rate", jproc);
    }

    /** The mean time per phase of a batch in SOURCE (a journey processing snapshot, may be None), when it has any. */
    private static void phasesRow(MetricRows.Sink row, String label, JsonNode snapshot) {
        JsonNode source = orEmpty(snapshot);
        JsonNode phases = orEmpty(get(source, "phases"));
        if (!truthy(phases)) {
            return;
        }
        double total = 0;
        for (Map.Entry<String, JsonNode> p : items(phases)) {
            Double mean = num(at(p.getValue(), "meanMs"));
            total += truthy(mean) ? mean : 0;
        }
        String parts = items(phases).stream().map(p -> p.getKey() + " " + fmt(at(p.getValue(), "meanMs"), "ms", 1))
                .collect(Collectors.joining(", "));
        row.info("journey batch phases " + label + " (mean per batch of " + fmt(get(source, "meanBatchSize"), "", 0)
                + " records; sum " + fmt(total, "ms", 1) + ")", parts);
    }
}

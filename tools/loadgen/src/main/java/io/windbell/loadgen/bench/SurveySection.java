package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.ReportJson.at;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.items;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.required;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The survey rows of the report (decisions with durable state, their outcomes, the invitations' delivery, the latency
 * to survey.invited): the survey part of bench.py's {@code cmd_report}.
 */
final class SurveySection {

    private static final List<String> STEPS = List.of("survey-preload", "survey-throughput", "survey-latency");

    private SurveySection() {
    }

    static void rows(Results r, MetricRows.Sink row) {
        if (STEPS.stream().noneMatch(r.steps()::contains)) {
            return;
        }
        JsonNode spre = r.result("survey-preload");
        JsonNode scatch = r.result("survey-throughput");
        JsonNode sdec = r.getOrEmpty("survey-decisions");
        JsonNode slat = r.result("survey-latency");
        String note = truthy(get(scatch, "timedOut")) ? " (timed out: rate so far)" : "";
        row.info(
                "survey, durable state: " + fmt(get(spre, "records"))
                        + " preloaded journey ends decided, from start of " + "consumption" + note,
                fmt(get(scatch, "perS"), "decisions/s"));
        List<Map.Entry<String, JsonNode>> outcomes = items(orEmpty(get(sdec, "outcomes")));
        double sum = 0;
        for (Map.Entry<String, JsonNode> o : outcomes) {
            sum += required(o.getValue());
        }
        Double total = sum != 0 ? sum : null;
        row.info("survey decisions by outcome",
                total != null ? outcomes.stream()
                        .map(o -> o.getKey() + " " + fmt(o.getValue()) + " ("
                                + Fmt.fixed(100.0 * required(o.getValue()) / total, 1, false) + "%)")
                        .collect(Collectors.joining(", ")) : "n/a");
        JsonNode at = orEmpty(get(sdec, "invitationsAtCatchUp"));
        JsonNode end = orEmpty(get(sdec, "invitationsAfterDelivery"));
        row.info(
                "survey invitations by status at catch-up / once delivery settled ("
                        + fmt(get(sdec, "deliverySettledAfterS"), "s", 1) + " later)",
                counts(at) + " / " + counts(end));
        row.info("survey RSS after the backlog / start to ready while consuming it (JVM)",
                fmt(get(sdec, "rssMb"), "MB") + " / " + fmt(get(sdec, "readyS"), "s", 2));
        JsonNode inv = orEmpty(get(slat, "invitations"));
        JsonNode lat = orEmpty(get(inv, "latencyMs"));
        if (truthy(slat)) {
            row.info(
                    "survey p50 / p99 / p99.9 / max, journey event → survey.invited (Kafka timestamps) at "
                            + fmt(get(slat, "targetRate"), "journeys/s") + ", delay 0 ("
                            + fmt(get(inv, "matchedMeasured")) + " invitations)",
                    IngestSection.joinMs(lat, "p50", "p99", "p999", "max"));
            row.info("survey load generator: rate reached / behind schedule p99",
                    fmt(get(slat, "eventsPerS"), "journeys/s") + " / "
                            + fmt(at(get(slat, "behindScheduleMs"), "p99"), "ms", 1));
        }
    }

    /** {@code ', '.join(f'{k} {fmt(v)}' for k, v in d.items()) or 'none'}. */
    private static String counts(JsonNode d) {
        String joined = items(d).stream().map(e -> e.getKey() + " " + fmt(e.getValue()))
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? "none" : joined;
    }
}

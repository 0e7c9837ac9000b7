package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.ReportJson.at;
import static io.windbell.loadgen.bench.ReportJson.div;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.item;
import static io.windbell.loadgen.bench.ReportJson.items;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.required;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scoring rows of the report: ingestion with durable state, the two queries, the alert latency. bench.py's
 * {@code scoring_rows} (with its {@code against}) and {@code meta_days}.
 */
final class ScoringSection {

    private ScoringSection() {
    }

    /** A measured value against its target: the measured, ratio and result columns. */
    private record Against(String measured, String ratio, Boolean ok) {

        static Against of(Double value, Double target, String unit, int digits, boolean higherIsBetter,
                JsonNode failed) {
            if (truthy(failed)) {
                return new Against("not measured: " + str(failed), "n/a", false);
            }
            if (value == null) {
                return new Against("n/a", "n/a", null);
            }
            boolean ok = higherIsBetter ? value >= required(target) : value <= required(target);
            return new Against(fmt(value, unit, digits), fmt(div(value, required(target)), "", 2), ok);
        }
    }

    private record Query(String part, String what, String key) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("metrics", "GET /v1/metrics (NPS by journey × branch × week, ~90 days)", "scoringMetricsP99Ms"),
            new Query("pyramid", "GET /v1/pyramid (MONTH)", "scoringPyramidP99Ms"));

    static void rows(Results r, MetricRows.Sink row) {
        List<String> steps = r.steps();
        if (steps.stream().noneMatch(s -> s.startsWith("scoring-"))) {
            return;
        }
        JsonNode t = r.targets();
        for (String[] k : new String[][] { { "touchpoints", "events/s", "scoringTouchpointsPerS" },
                { "responses", "responses/s", "scoringResponsesPerS" } }) {
            String kind = k[0];
            String unit = k[1];
            String key = k[2];
            String step = "scoring-" + kind;
            if (!steps.contains(step)) {
                continue;
            }
            JsonNode catchup = r.result(step);
            JsonNode pre = orEmpty(get(r.result(step + "-preload"), kind));
            boolean timedOut = truthy(get(catchup, "timedOut"));
            String note = timedOut ? " (timed out: rate so far)" : "";
            Double target = num(item(t, key));
            Against a = Against.of(num(get(catchup, "perS")), target, unit, 0, true, null);
            row.row("scoring, durable state: " + fmt(get(pre, "records")) + " preloaded " + kind + " of "
                    + fmt(metaDays(pre)) + " days folded, from start of consumption" + note, a.measured(),
                    "≥ " + fmt(target) + " " + unit, a.ratio(), a.ok() == null ? null : a.ok() && !timedOut);
            JsonNode end = r.getOrEmpty(step + "-end");
            JsonNode data = orEmpty(get(catchup, "messaging"));
            String channel = kind.equals("touchpoints") ? "touchpoints" : "survey-events";
            row.info("scoring after the " + kind + ": RSS / start to ready while consuming (JVM) / dead-lettered",
                    fmt(get(end, "rssMb"), "MB") + " / " + fmt(get(end, "readyS"), "s", 2) + " / "
                            + fmt(get(data, channel + ".dead-lettered")));
        }
        JsonNode rows = at(r.get("scoring-rows"), "rows");
        if (truthy(rows)) {
            row.info("scoring rows when queried", items(rows).stream().map(e -> e.getKey() + " " + fmt(e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        for (Query q : QUERIES) {
            JsonNode res = r.result("scoring-query-" + q.part());
            if (!truthy(res)) {
                continue;
            }
            JsonNode lat = orEmpty(get(res, "latencyMs"));
            JsonNode failed = get(res, "failed");
            Double target = num(item(t, q.key()));
            Against a = Against.of(num(get(lat, "p99")), target, "ms", 1, false, failed);
            String counts = truthy(failed) ? ""
                    : " (" + fmt(get(res, "count")) + " after " + fmt(get(res, "warmup")) + " warmup)";
            row.row("scoring p99, " + q.what() + ", sequential" + counts, a.measured(), "≤ " + fmt(target) + " ms",
                    a.ratio(), a.ok());
            if (!truthy(failed)) {
                row.info("scoring " + q.part() + " p50 / max; first answer", fmt(get(lat, "p50"), "ms", 1) + " / "
                        + fmt(get(lat, "max"), "ms", 1) + "; " + fmt(at(get(res, "first"), "bytes"), "bytes"));
            }
        }
        JsonNode alertsStep = r.result("scoring-alerts");
        if (truthy(alertsStep)) {
            JsonNode alerts = orEmpty(get(alertsStep, "alerts"));
            JsonNode lat = orEmpty(get(alerts, "latencyMs"));
            JsonNode matched = get(alerts, "matchedMeasured");
            JsonNode none = truthy(matched) ? null
                    : PyJson.MAPPER.getNodeFactory().textNode("no alert.low-score came back");
            Double target = num(item(t, "scoringAlertP99Ms"));
            Against a = Against.of(num(get(lat, "p99")), target, "ms", 1, false, none);
            row.row("scoring p99, survey.responded → alert.low-score (Kafka timestamps) at "
                    + fmt(get(alertsStep, "targetRate"), "responses/s") + " (open loop; " + fmt(matched) + " of "
                    + fmt(get(alerts, "lowScoresMeasured")) + " low scores alerted)", a.measured(),
                    "≤ " + fmt(target) + " ms", a.ratio(), a.ok());
            row.info("scoring alert p50 / p99.9 / max; load generator rate reached / behind schedule p99",
                    (truthy(matched) ? IngestSection.joinMs(lat, "p50", "p999", "max") : "—") + "; "
                            + fmt(get(alertsStep, "eventsPerS"), "responses/s") + " / "
                            + fmt(at(get(alertsStep, "behindScheduleMs"), "p99"), "ms", 1));
        }
    }

    /** bench.py {@code meta_days}: days between a preload's first and last event (its from/to), or None. */
    static Double metaDays(JsonNode preload) {
        JsonNode from = preload.get("from");
        JsonNode to = preload.get("to");
        if (from == null || to == null || !from.isTextual() || !to.isTextual()) {
            return null;
        }
        Temporal start = parseIso(from.textValue().replace("Z", "+00:00"));
        Temporal end = parseIso(to.textValue().replace("Z", "+00:00"));
        if (start == null || end == null) {
            return null;
        }
        if (start.getClass() != end.getClass()) {
            throw new IllegalStateException("TypeError: can't subtract offset-naive and offset-aware datetimes");
        }
        Duration d = Duration.between(start, end);
        double seconds = d.getSeconds() + d.getNano() / 1e9;
        return Math.rint(seconds / 86400);
    }

    /**
     * {@code datetime.fromisoformat} for the forms the bench writes: aware, naive, or a date alone; null when not ISO
     * (Python 3.11 takes a few more forms, e.g. an hour without minutes).
     */
    private static Temporal parseIso(String text) {
        // fromisoformat takes any one character between the date and the time
        String s = text.length() > 10 ? text.substring(0, 10) + "T" + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException notAware) {
            try {
                return LocalDateTime.parse(s);
            } catch (DateTimeParseException notNaive) {
                try {
                    return LocalDate.parse(s).atStartOfDay();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}

package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.getOr;
import static io.windbell.loadgen.bench.ReportJson.items;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.required;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The Markdown report of a bench run from its result files ({@code report RESULTS_DIR}): the header (machine, versions,
 * how each service was measured), the metric table, the journey-replicas and start-up tables, the per-step resources
 * and the commands. bench.py's {@code cmd_report}; the sections are {@link IngestSection}, {@link JourneySection},
 * {@link SurveySection}, {@link GatewaySection}, {@link ScoringSection}, {@link AnsweredSection},
 * {@link ReplicasSection} and {@link StartupSection}.
 */
final class Report {

    private static final List<String> INGEST_STEPS = List.of("payloads", "perf", "batch", "single", "rate");

    /** A scoring step records its parts (the preload, each query) under their own names. */
    private static final List<String> PARTS = List.of("", "-preload", "-metrics", "-pyramid", "-warmup", "-direct-max",
            "-gateway-max", "-direct-rate", "-gateway-rate");

    private Report() {
    }

    /** {@code report RESULTS_DIR}: the report on stdout (UTF-8, as python3 prints it). */
    static int command(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty()) {
            err.println("usage: report RESULTS_DIR");
            return 2;
        }
        // like bench.py, arguments after RESULTS_DIR are ignored
        String markdown = render(Results.load(Path.of(args.get(0))));
        out.write((markdown + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    /** The report without the final newline ({@code "\n".join(out)}). */
    static String render(Results r) {
        JsonNode meta = r.meta();
        List<String> steps = r.steps();
        MetricRows rows = new MetricRows();
        // the ingest rows only when an ingest step ran (WINDBELL_BENCH_STEPS may pick journey alone)
        IngestSection.rows(r, rows.onlyIf(INGEST_STEPS.stream().anyMatch(steps::contains)));
        MetricRows.Sink jrow = rows.always();
        JourneySection.rows(r, jrow);
        SurveySection.rows(r, jrow);
        GatewaySection.rows(r, jrow);
        ScoringSection.rows(r, jrow);
        AnsweredSection.workorderRows(r, jrow);
        AnsweredSection.notificationRows(r, jrow);

        List<String> out = new ArrayList<>(header(r, meta, steps));
        out.add("");
        if (!rows.lines().isEmpty()) { // none when only the startup or journey-replicas step ran
            out.add("| metric | measured | target | ratio | result |");
            out.add("|---|---|---|---|---|");
            out.addAll(rows.lines());
        }
        out.addAll(ReplicasSection.table(r));
        out.add("");
        out.addAll(StartupSection.table(r));
        List<String> recorded = new ArrayList<>();
        for (String s : steps) {
            for (String part : PARTS) {
                if (r.has(s + part)) {
                    recorded.add(s + part);
                }
            }
        }
        out.addAll(perStep(r, recorded));
        return String.join("\n", out);
    }

    private static List<String> header(Results r, JsonNode meta, List<String> steps) {
        List<String> out = new ArrayList<>();
        out.add("# Windbell benchmark, " + metaStr(meta, "date"));
        out.add("");
        out.add("- command: `" + metaStr(meta, "command") + "`");
        out.add("- machine: " + metaStr(meta, "nproc") + " CPUs (" + metaStr(meta, "cpuModel") + "), "
                + metaStr(meta, "memGb") + " GB RAM, " + metaStr(meta, "os"));
        out.add("- JDK: " + metaStr(meta, "jdk") + "; Kafka " + metaStr(meta, "kafka") + "; PostgreSQL "
                + metaStr(meta, "postgres") + "; Keycloak " + metaStr(meta, "keycloak"));
        out.add("- code: " + metaStr(meta, "git"));
        out.add("- producer settings (perf test and ingest): `" + metaStr(meta, "producerProps") + "`");
        out.add("- everything (broker, database, Keycloak, ingest, journey, load generator) shares these CPUs: "
                + "ratios measured in the same run count, absolute numbers are indicative only");
        if (steps.stream().anyMatch(s -> s.startsWith("journey-"))) {
            out.add("- journey: its own empty database; records written straight to the topic as ingest publishes "
                    + "them (loadgen `journeys`); throughput = preloaded records ÷ time from the start of consumption "
                    + "until applied ≥ records (GET /v1/admin/processing every 0.25 s); latency = journey's own "
                    + "histogram, Kafka record timestamp → journey state committed, reset after a 30 s warmup");
        }
        if (steps.stream().anyMatch(s -> s.startsWith("survey-"))) {
            out.add("- survey: its own empty database; quiet hours off; every active rule at delay PT0S and the "
                    + "sampling rate of WINDBELL_BENCH_SURVEY_SAMPLING (default 1.0) through the admin API; the real "
                    + "contact budget; journey ends written straight to the topic as "
                    + "journey's outbox relay publishes them (loadgen `journey-ends`, one customer each); throughput = "
                    + "journey ends ÷ time from the start of consumption until SELECT count(*) FROM survey_decision ≥ "
                    + "journey ends (psql every 0.25 s); latency = Kafka timestamp of the journey event → of its "
                    + "survey.invited record, read back by the load generator");
        }
        if (steps.stream().anyMatch(s -> s.startsWith("scoring-"))) {
            out.add("- scoring: its own empty database; journey and survey stopped; touchpoints and answers of the last "
                    + "120 days written straight to the topics as ingest and survey publish them (loadgen "
                    + "`scoring-events`); throughput = events ÷ time from the start of consumption until the channel's "
                    + "applied + skipped + dead-lettered in scoring's readiness data ≥ events (every 0.25 s); queries: "
                    + "sequential GETs with a cx-analyst token after 50 warmup ones; alert latency = Kafka timestamp of "
                    + "survey.responded → of its alert.low-score, read back by the load generator");
        }
        if (steps.contains("workorder-alerts")) {
            out.add("- workorder: its own empty database; journey, survey and scoring stopped; its consumer group at the "
                    + "end of its topics; the demo staff directory imported (tools/stack/demo-staff.py); alert.low-score "
                    + "written straight to the topic as scoring's relay publishes them (loadgen `workorder-alerts`, one "
                    + "customer each, open loop, 200 warm-up alerts left out); latency = the load generator's receive "
                    + "time of the workorder.created whose sourceAlertId is the alert's minus the time it sent the alert");
        }
        if (steps.contains("gateway-overhead")) {
            out.add("- gateway: ingest and the gateway trust tokens of a key the bench made (quarkus.oidc.public-key), one "
                    + "channel-app token for both paths; the gateway's ingest rate limit raised out of the way (the "
                    + "limiter still runs), its other routes pointed at ingest; the load generator's `max` and `rate` "
                    + "(single events) direct to ingest, then through /api/ingest; each path's rate at 70% of its own max");
        }
        if (steps.contains("notification-push")) {
            out.add("- notification: its own empty database; the other services stopped; its consumer group at the end "
                    + "of its topics; bearer tokens of bench employees signed with a key the bench made and notification "
                    + "trusts (quarkus.oidc.public-key); the streams held open by the load generator (loadgen "
                    + "`notification-push`), then workorder.created written straight to the topic as workorder's relay "
                    + "publishes them, each assigned to a random connected employee (open loop, warm-up left out); "
                    + "latency = the load generator's receive time of the inbox-item whose workOrderId is the order's "
                    + "minus the time it handed the record to the producer");
        }
        Double base = num(get(r.getOrEmpty("baseline"), "machineBusyPct"));
        if (base != null) {
            JsonNode nproc = get(meta, "nproc");
            JsonNode cpus = truthy(nproc) ? nproc : com.fasterxml.jackson.databind.node.IntNode.valueOf(1);
            String warn = base > 20 * required(cpus)
                    ? " **(other processes were busy: figures are low and noisy, re-run on an idle machine)**" : "";
            out.add("- machine busy before the first step (the stack idle): " + Fmt.fixed(base, 0, false) + "% of "
                    + times100(cpus) + "%" + warn);
        }
        return out;
    }

    /** {@code meta.get(key, '?')} printed. */
    private static String metaStr(JsonNode meta, String key) {
        return str(getOr(meta, key, TextNode.valueOf("?")));
    }

    /** {@code cpus * 100} printed: an int stays an int. */
    private static String times100(JsonNode cpus) {
        if (cpus.isIntegralNumber()) {
            return cpus.bigIntegerValue().multiply(BigInteger.valueOf(100)).toString();
        }
        if (cpus.isBoolean()) {
            return cpus.booleanValue() ? "100" : "0";
        }
        return PyJson.repr(required(cpus) * 100);
    }

    private static List<String> perStep(Results r, List<String> steps) {
        List<String> out = new ArrayList<>(List.of("## Per step", "",
                "| step | exit | errors / non-2xx | ingest CPU avg (peak) | ingest RSS peak | journey CPU avg (peak) "
                        + "| journey RSS peak | survey CPU avg (peak) | survey RSS peak | scoring CPU avg (peak) "
                        + "| scoring RSS peak | kafka CPU avg | machine busy |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|"));
        for (String s : steps) {
            out.add(perStepLine(s, r.get(s)));
        }
        out.add("");
        out.add("CPU% is per core (200% = both cores of a 2-CPU machine), sampled from /proc once a second "
                + "after the warmup; RSS from VmRSS.");
        out.add("");
        out.add("## Commands");
        out.add("");
        for (String s : steps) {
            out.add("- " + s + ": `" + str(get(r.get(s), "command")) + "`");
        }
        // a step can also fail a check after its command succeeded (bench.sh writes checkFailed)
        List<String> failed = steps.stream()
                .filter(s -> ReportJson.notZero(get(r.get(s), "exitCode")) || truthy(get(r.get(s), "checkFailed")))
                .toList();
        if (!failed.isEmpty()) {
            out.add("");
            out.add("Steps that failed: " + String.join(", ", failed) + " (see .bench/logs/bench-<step>.log).");
        }
        return out;
    }

    private static String perStepLine(String s, JsonNode step) {
        JsonNode rr = orEmpty(get(step, "resources"));
        JsonNode result = orEmpty(get(step, "result"));
        JsonNode status = orEmpty(get(result, "status"));
        String non2xx = null;
        if (truthy(status)) {
            List<JsonNode> values = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : items(status)) {
                if (!e.getKey().startsWith("2")) {
                    values.add(e.getValue());
                }
            }
            non2xx = ReportJson.sumStr(values);
        }
        JsonNode errs = get(result, "errors");
        String errcol;
        if (errs == null && non2xx == null) {
            errcol = "—";
        } else if (non2xx == null) {
            errcol = str(errs) + " / —";
        } else {
            errcol = (errs != null ? str(errs) : "?") + " / " + non2xx;
        }
        JsonNode ing = orEmpty(get(rr, "ingest"));
        JsonNode kaf = orEmpty(get(rr, "kafka"));
        StringBuilder line = new StringBuilder("| " + s + " | " + str(get(step, "exitCode")) + " | " + errcol + " | ");
        line.append(cpu(ing)).append(" | ").append(rss(ing)).append(" | ");
        for (String service : List.of("journey", "survey", "scoring")) {
            JsonNode res = orEmpty(get(rr, service));
            line.append(cpu(res)).append(" | ").append(rss(res)).append(" | ");
        }
        line.append(truthy(kaf) ? fmt(get(kaf, "cpuAvgPct"), "%") : "—").append(" | ")
                .append(fmt(get(rr, "machineBusyPct"), "%")).append(" |");
        return line.toString();
    }

    /** {@code f"{fmt(avg, '%')} ({fmt(peak, '%')})" if res else "—"}. */
    private static String cpu(JsonNode res) {
        return truthy(res) ? Fmt.cpu(res) : "—";
    }

    private static String rss(JsonNode res) {
        return truthy(res) ? fmt(get(res, "rssPeakMb"), "MB") : "—";
    }
}

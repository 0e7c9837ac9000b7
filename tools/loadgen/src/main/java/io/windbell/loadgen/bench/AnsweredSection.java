package io.windbell.loadgen.bench;

import static io.windbell.loadgen.bench.Fmt.fmt;
import static io.windbell.loadgen.bench.Fmt.str;
import static io.windbell.loadgen.bench.ReportJson.at;
import static io.windbell.loadgen.bench.ReportJson.div;
import static io.windbell.loadgen.bench.ReportJson.get;
import static io.windbell.loadgen.bench.ReportJson.num;
import static io.windbell.loadgen.bench.ReportJson.orEmpty;
import static io.windbell.loadgen.bench.ReportJson.truthy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rows of the open-loop steps whose events are answered by another event (AlertAnswers in the load generator): the
 * p99 against its target, p50 / p90 / max, the unanswered, the rate reached and the service's CPU/RSS; the workorder
 * step, and the notification step with its streams and their memory. bench.py's {@code answered_rows},
 * {@code workorder_rows} and {@code notification_rows}.
 */
final class AnsweredSection {

    private AnsweredSection() {
    }

    /** bench.py {@code workorder_rows}: alert.low-score on the topic → workorder.created on the topic. */
    static void workorderRows(Results r, MetricRows.Sink row) {
        answeredRows(r, row, "workorder-alerts", "workOrders", "workorderAlertP99Ms", "workorder",
                "alert.low-score sent → workorder.created received (load generator's clock)", "alerts");
    }

    /** bench.py {@code notification_rows}: workorder.created → inbox-item on the assignee's SSE stream. */
    static void notificationRows(Results r, MetricRows.Sink row) {
        answeredRows(r, row, "notification-push", "pushed", "notificationPushP99Ms", "notification",
                "workorder.created published → inbox-item on the assignee's stream (load generator's clock)", "events");
        JsonNode a = orEmpty(at(r.get("notification-push"), "result"));
        if (!truthy(a)) {
            return;
        }
        JsonNode streams = orEmpty(get(a, "streams"));
        JsonNode memory = orEmpty(get(a, "memory"));
        row.info("notification streams held: ready of requested (failed, closed early); connect time",
                fmt(get(streams, "ready")) + " of " + fmt(get(streams, "requested")) + " ("
                        + fmt(get(streams, "failed")) + ", " + fmt(get(streams, "closedEarly")) + "); "
                        + fmt(get(a, "connectS"), "s", 1));
        row.info("notification RSS before the streams / with them / at the end; per stream",
                fmt(get(memory, "rssBeforeMb"), "MB") + " / " + fmt(get(memory, "rssWithStreamsMb"), "MB") + " / "
                        + fmt(get(memory, "rssEndMb"), "MB") + "; " + fmt(get(memory, "perStreamKb"), "kB", 1));
    }

    /** bench.py {@code answered_rows}. */
    static void answeredRows(Results r, MetricRows.Sink row, String stepName, String key, String targetKey,
            String service, String what, String unit) {
        JsonNode step = r.get(stepName);
        if (!truthy(step)) {
            return;
        }
        JsonNode a = orEmpty(get(step, "result"));
        JsonNode answers = orEmpty(get(a, key));
        JsonNode lat = orEmpty(get(answers, "latencyMs"));
        Double target = num(get(r.targets(), targetKey));
        boolean matched = truthy(get(answers, "matched"));
        Double p99 = matched ? num(get(lat, "p99")) : null;
        JsonNode checkFailed = get(step, "checkFailed");
        String measured;
        String ratio;
        Boolean ok;
        if (truthy(checkFailed) || !truthy(a)) {
            measured = "not measured: " + (truthy(checkFailed) ? str(checkFailed) : "the step failed");
            ratio = "n/a";
            ok = false;
        } else if (p99 == null || !truthy(target)) {
            measured = "n/a";
            ratio = "n/a";
            ok = null;
        } else {
            measured = fmt(p99, "ms", 1);
            ratio = fmt(div(p99, target), "", 2);
            ok = p99 <= target;
        }
        row.row(service + " p99, " + what + " at " + fmt(get(a, "targetRate"), unit + "/s") + " (open loop; "
                + fmt(get(answers, "matched")) + " of " + fmt(get(answers, "measured")) + " answered within 30 s)",
                measured, truthy(target) ? "≤ " + fmt(target) + " ms" : "—", ratio, ok);
        row.info(service
                + " p50 / p90 / max; unanswered (of them late); load generator rate reached / behind schedule p99",
                (matched ? IngestSection.joinMs(lat, "p50", "p90", "max") : "—") + "; "
                        + fmt(get(answers, "unanswered")) + " (" + fmt(get(answers, "late")) + "); "
                        + fmt(get(a, "eventsPerS"), unit + "/s") + " / "
                        + fmt(at(get(a, "behindScheduleMs"), "p99"), "ms", 1));
        JsonNode res = orEmpty(at(get(step, "resources"), service));
        if (truthy(res)) {
            row.info(service + " during the step: CPU avg (peak) / RSS peak",
                    Fmt.cpu(res) + " / " + fmt(get(res, "rssPeakMb"), "MB"));
        }
    }
}

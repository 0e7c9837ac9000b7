#!/usr/bin/env python3
"""Writes the report fixtures (result directories of made-up bench runs, figures in the range of docs/benchmarks.md)
and their expected output from bench.py itself: python3 make_fixtures.py (from this directory)."""
import json
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH_PY = os.path.join(HERE, "../../../../../../bench/bench.py")

TARGETS = {"batchEventsPerS": 30000, "batchVsPerf": 0.5, "singleRequestsPerS": 6000, "p99Ms": 20, "startS": 1.5,
           "idleRssMb": 250, "journeyEventsPerS": 10000, "journeyP99Ms": 100, "scoringTouchpointsPerS": 5000,
           "scoringResponsesPerS": 2000, "scoringMetricsP99Ms": 500, "scoringPyramidP99Ms": 500,
           "scoringAlertP99Ms": 1000, "workorderAlertP99Ms": 1000, "notificationPushP99Ms": 1000,
           "gatewayVsDirect": 0.8}


def machine(steps, **over):
    m = {"date": "2026-12-05T10:12:44+00:00", "command": "WINDBELL_BENCH_STEPS=x make bench", "nproc": 2,
         "cpuModel": "AMD EPYC 7763 64-Core Processor", "memGb": 7.8, "os": "Ubuntu 24.04.1 LTS, kernel 6.8.0-1017-azure",
         "jdk": "OpenJDK 64-Bit Server VM 25+36-LTS (/usr/lib/jvm/temurin-25-jdk-amd64)", "kafka": "4.1.0",
         "postgres": "17.6", "keycloak": "26.4.0", "git": "88621d5", "producerProps":
         "bootstrap.servers=127.0.0.1:9092 acks=all enable.idempotence=true linger.ms=5 batch.size=65536",
         "steps": steps.split(), "targets": dict(TARGETS)}
    m.update(over)
    return m


def res(ingest=None, **others):
    r = {"samples": 21, "seconds": 20.0, "machineBusyPct": 187.4}
    if ingest:
        r["ingest"] = ingest
    r.update(others)
    return r


def proc(avg, peak, rss):
    return {"cpuAvgPct": avg, "cpuPeakPct": peak, "rssPeakMb": rss, "rssLastMb": rss - 3.5}


def step(name, command, result, resources=None, exit_code=0, wall=25.0, **extra):
    s = {"step": name, "command": command, "exitCode": exit_code, "wallS": wall, "result": result,
         "resources": resources}
    s.update(extra)
    return s


def write(d, files):
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    for name, value in files.items():
        with open(os.path.join(d, name + ".json"), "w") as f:
            if isinstance(value, str):
                f.write(value)
            else:
                json.dump(value, f, indent=2)


def latency(p50, p90, p99, p999, mx):
    return {"p50": p50, "p90": p90, "p99": p99, "p999": p999, "max": mx}


def ingest_files(rate_result, single_rps=6632.4):
    return {
        "payloads": step("payloads", "loadgen payloads --count 100000", None, None, 0, 3.0),
        "perf": step("perf", "kafka-producer-perf-test.sh --num-records 2000000", {
            "records": 2000000, "recordsPerS": 221926.5, "mbPerS": 108.4, "avgLatencyMs": 120.3,
            "maxLatencyMs": 512.0, "p50": 98.0, "p95": 310.0, "p99": 420.0, "p999": 501.0},
            res(None, kafka=proc(44.2, 61.0, 812.3))),
        "batch": step("batch", "loadgen max --batch 50 --connections 64 --duration 20s", {
            "eventsPerS": 44431.2, "requestsPerS": 888.6, "errors": 0, "status": {"200": 17772, "503": 3}},
            res(proc(131.5, 162.0, 412.7), kafka=proc(38.0, 50.5, 820.1))),
        "single": step("single", "loadgen max --connections 64 --duration 20s", {
            "requestsPerS": single_rps, "errors": 2, "status": {"200": 132648}} if single_rps else None,
            res(proc(122.0, 151.3, 398.0), kafka=proc(20.1, 30.0, 815.0)), 0 if single_rps else 1),
        "rate": step("rate", "loadgen rate --rate 4642 --duration 30s", rate_result,
                     res(proc(80.4, 99.5, 401.2)), 0 if rate_result else 124),
        "startup": {"step": "startup", "readyS": 3.94, "idleRssMb": 279.4,
                    "note": "launch to first 200 from /q/health/ready (management port), polled every 0.1 s"},
        "baseline": {"step": "baseline", "seconds": 3.0, "machineBusyPct": 6.5},
    }


def full():
    steps = ("payloads perf batch single rate startup journey-preload journey-throughput journey-latency "
             "survey-preload survey-throughput survey-latency gateway-overhead scoring-touchpoints scoring-responses "
             "scoring-query scoring-alerts workorder-alerts notification-push")
    files = ingest_files(None)
    files["machine"] = machine(steps)
    files["baseline"] = {"step": "baseline", "seconds": 3.0, "machineBusyPct": 57.25}
    files.update({
        "journey-preload": step("journey-preload", "loadgen journeys --records 300000",
                                {"records": 300000, "recordsPerS": 61000.5, "errors": 0}, res(None), 0, 6.1),
        "journey-throughput": step("journey-throughput", "start journey; poll GET /v1/admin/processing", {
            "target": 300000, "baseline": 0, "caughtUp": True, "timedOut": False, "pollerS": 50.2,
            "count": 300000, "startFrom": "last poll that saw nothing consumed", "consumeS": 46.87,
            "perS": 6401.2, "eventsPerS": 6401.2, "firstProgressS": 3.5},
            res(None, journey=proc(170.2, 196.0, 442.3), kafka=proc(10.0, 22.0, 830.0)), 0, 51.0),
        "journey-throughput-phases": {"applied": 300000, "meanBatchSize": 487.3, "phases": {
            "decode": {"meanMs": 2.31}, "load": {"meanMs": 28.5}, "apply": {"meanMs": 9.05}, "commit": {"meanMs": 1.8}}},
        "journey-startup": {"step": "journey-startup", "readyS": 4.3},
        "journey-latency": step("journey-latency", "loadgen journeys --rate 2000 --duration 60s", {
            "targetRate": 2000, "eventsPerS": 1999.7, "records": 120000, "behindScheduleMs": {"p99": 0.4}},
            res(None, journey=proc(61.0, 90.2, 450.0)), 0, 65.0),
        "journey-processing": {"step": "journey-processing",
                               "latency": {"count": 118630, "p50Ms": 26.0, "p99Ms": 61.0, "p999Ms": 81.0, "maxMs": 106.0},
                               "applied": 420000, "waitBeforeBatch": {"p50Ms": 4.5, "p99Ms": 21.25},
                               "meanBatchSize": 3.2, "phases": {"decode": {"meanMs": 0.05}, "load": {"meanMs": 3.125},
                                                                "apply": None},
                               "caughtUp": True, "consumerLag": 0, "rssMb": 442.0},
        "survey-preload": step("survey-preload", "loadgen journey-ends --records 50000", {"records": 50000}, res(None)),
        "survey-throughput": step("survey-throughput", "start survey; poll SELECT count(*)", {
            "caughtUp": False, "timedOut": True, "perS": 1417.3, "consumeS": 35.3, "count": 41000},
            res(None, survey=proc(72.0, 159.0, 414.0)), 0, 120.0),
        "survey-decisions": {"step": "survey-decisions", "outcomes": {"invited": 30000, "suppressed": 12500, "budget": 7500},
                             "invitationsAtCatchUp": {"PENDING": 29000, "SENT": 1000},
                             "invitationsAfterDelivery": {"SENT": 30000}, "deliverySettledAfterS": 12.25,
                             "rssMb": 414.5, "readyS": 3.77},
        "survey-latency": step("survey-latency", "loadgen journey-ends --rate 200", {
            "targetRate": 200, "eventsPerS": 199.9, "behindScheduleMs": {"p99": 1.25},
            "invitations": {"matchedMeasured": 5990, "latencyMs": latency(8.0, 20.0, 45.5, 80.125, 99.0)}},
            res(None, survey=proc(30.0, 55.0, 420.0))),
        "survey-latency-end": {"step": "survey-latency-end", "rssMb": 420.1},
        "gateway-overhead-direct-max": step("gateway-overhead-direct-max", "loadgen max direct",
                                            {"requestsPerS": 784.0, "errors": 0, "status": {"200": 15680}},
                                            res(proc(52.0, 80.0, 390.0))),
        "gateway-overhead-gateway-max": step("gateway-overhead-gateway-max", "loadgen max gateway",
                                             {"requestsPerS": 368.2, "errors": 0, "status": {"200": 7364, "429": 2}},
                                             res(proc(30.0, 45.0, 380.0), gateway=proc(56.0, 88.0, 210.5))),
        "gateway-overhead-direct-rate": step("gateway-overhead-direct-rate", "loadgen rate direct", {
            "targetRate": 548, "requestsPerS": 547.6, "latencyMs": latency(5.1, 40.0, 1466.4, 1800.0, 2000.5)},
            res(proc(40.0, 60.0, 392.0))),
        "gateway-overhead-gateway-rate": step("gateway-overhead-gateway-rate", "loadgen rate gateway", {
            "targetRate": 257, "requestsPerS": 256.9, "latencyMs": latency(6.0, 20.0, 579.1, 700.0, 812.3)},
            res(proc(20.0, 30.0, 385.0), gateway=proc(33.3, 50.0, 205.0))),
        "scoring-touchpoints-preload": step("scoring-touchpoints-preload", "loadgen scoring-events", {
            "touchpoints": {"records": 600000, "from": "2026-08-07T10:00:00Z", "to": "2026-12-05T10:00:00Z"},
            "responses": {"records": 40000, "from": "2026-08-07T10:00:00Z", "to": "2026-12-05T09:00:00Z"}}, res(None)),
        "scoring-touchpoints": step("scoring-touchpoints", "start scoring; poll touchpoints", {
            "caughtUp": True, "timedOut": False, "perS": 5312.6, "consumeS": 112.9,
            "messaging": {"touchpoints.applied": 600000, "touchpoints.dead-lettered": 0}},
            res(None, scoring=proc(56.0, 140.0, 721.0)), 0, 130.0),
        "scoring-touchpoints-end": {"step": "scoring-touchpoints-end", "rssMb": 721.4, "readyS": 10.5},
        "scoring-responses-preload": step("scoring-responses-preload", "loadgen scoring-events", {
            "responses": {"records": 40000, "from": "2026-08-07", "to": "bad date"}}, res(None)),
        "scoring-responses": step("scoring-responses", "start scoring; poll survey-events", {
            "caughtUp": False, "timedOut": True, "perS": 2100.0, "consumeS": 19.0,
            "messaging": {"survey-events.dead-lettered": 3}}, res(None, scoring=proc(60.0, 150.0, 464.0)), 0, 200.0),
        "scoring-responses-end": {"step": "scoring-responses-end", "rssMb": None, "readyS": 7.2},
        "scoring-rows": {"step": "scoring-rows", "rows": {"nps_weekly": 2400, "pyramid_monthly": 96, "touchpoint_day": 120000}},
        "scoring-query-metrics": step("scoring-query-metrics", "http-latency metrics", {
            "count": 500, "warmup": 50, "latencyMs": {"p50": 12.5, "p90": 20.0, "p99": 41.05, "max": 88.0},
            "first": {"bytes": 18432}}, res(None, scoring=proc(80.0, 100.0, 730.0))),
        "scoring-query-pyramid": step("scoring-query-pyramid", "http-latency pyramid",
                                      {"failed": "HTTP 500 after 3 requests"}, res(None), 1),
        "scoring-alerts": step("scoring-alerts", "loadgen scoring-events --alerts --rate 200", {
            "targetRate": 200, "eventsPerS": 199.5, "behindScheduleMs": {"p99": 0.75},
            "alerts": {"matchedMeasured": 1200, "lowScoresMeasured": 1210,
                       "latencyMs": {"p50": 9.0, "p99": 31.0, "p999": 80.1, "max": 90.0}}}, res(None)),
        "workorder-alerts": step("workorder-alerts", "loadgen workorder-alerts --rate 100", {
            "targetRate": 100, "eventsPerS": 99.8, "behindScheduleMs": {"p99": 0.5},
            "workOrders": {"matched": 5800, "measured": 5900, "unanswered": 100, "late": 4,
                           "latencyMs": {"p50": 15.0, "p90": 30.0, "p99": 120.5, "max": 300.0}}},
            res(None, workorder=proc(45.5, 90.0, 350.0)), 0, 70.0,
            checkFailed="workorder.created for 100 alerts missing"),
        "notification-push": step("notification-push", "loadgen notification-push --streams 1000 --rate 50", {
            "targetRate": 50, "eventsPerS": 49.9, "connectS": 4.25, "behindScheduleMs": {"p99": 0.3},
            "pushed": {"matched": 2990, "measured": 3000, "unanswered": 10, "late": 0,
                       "latencyMs": {"p50": 4.0, "p90": 7.5, "p99": 18.25, "max": 40.0}},
            "streams": {"requested": 1000, "ready": 998, "failed": 2, "closedEarly": 0},
            "memory": {"rssBeforeMb": 302.0, "rssWithStreamsMb": 340.5, "rssEndMb": 345.0, "perStreamKb": 39.05}},
            res(None, notification=proc(25.0, 60.0, 345.0))),
        "not-json": "{this is not JSON",
    })
    write(os.path.join(HERE, "full"), files)


def small():
    files = ingest_files({"targetRate": 4642, "requestsPerS": 4641.2, "errors": 0, "status": {"200": 139236},
                          "latencyMs": latency(5.5, 30.0, 101.05, 166.0, 240.7),
                          "latencySplitMs": {"waitToSend": {"p99": 60.2}, "inFlight": {"p99": 40.85}}})
    files["machine"] = machine("payloads perf batch single rate", nproc=4, memGb=15.6)
    files["startup"] = {"step": "startup", "readyS": 1.25, "idleRssMb": 0}
    write(os.path.join(HERE, "small"), files)


def replicas():
    def row(label, k, per_s, killed=None, failed=(), parts=None, redelivered=0, cpus=(94.0,)):
        x = {"label": label, "replicas": k, "killed": killed, "records": 100000, "uniqueEvents": 99077,
             "preloadDuplicates": 923, "eventsPerS": per_s, "consumeS": 29.4, "startFrom": "last poll that saw none",
             "caughtUp": True, "eventsPerSOnceReady": per_s + 83.2, "onceReadyS": 20.05, "longestStallS": 7.5,
             "allReadyS": 6.4, "readyS": {"journey-r1": 6.4}, "applied": 99077, "skipped": 923 + redelivered,
             "deadLettered": 0, "redelivered": redelivered if not killed else None, "perReplica": {},
             "partitionsPerReplica": parts or {"journey-r1": 6}, "lag": 0,
             "db": {"inboxRows": 99077, "timelineRows": 99077, "timelineDistinct": 99077, "outboxLeft": 0,
                    "revisionSum": 68281},
             "journeyEvents": {"records": 68281, "steps": 68281, "stepsWithTwoIds": 0, "idsSeenTwice": 0},
             "appliedOnce": not failed, "failedChecks": list(failed), "checks": [], "exitCode": 0}
        resources = {"samples": 30, "seconds": 29.0, "machineBusyPct": 188.5}
        for i, c in enumerate(cpus, 1):
            resources[f"journey-r{i}"] = proc(c, c + 40, 300.0)
        resources["kafka"] = proc(12.0, 30.0, 800.0)
        return step(f"journey-replicas-{label}", f"start {k} replicas of journey", x, resources, 0, 40.0)

    files = {
        "machine": machine("journey-replicas startup", nproc=2),
        "journey-replicas-preload": step("journey-replicas-preload", "loadgen journeys --records 100000",
                                         {"records": 100000, "uniqueEvents": 99077, "duplicates": 923}, None),
        "journey-replicas-1": row("1", 1, 3376.3),
        "journey-replicas-3": row("3", 3, 1414.0, parts={"journey-r1": 2, "journey-r2": 2, "journey-r3": 2},
                                  redelivered=800, cpus=(40.0, 39.5, 39.8)),
        "journey-replicas-2": row("2", 2, 2217.0, killed={"killed": "journey-r2", "atApplied": 50012},
                                  failed=("consumer lag 0", "outbox relayed"), parts={"journey-r1": 4, "journey-r2": 2},
                                  cpus=(60.0, 52.25)),
        "startup-step": step("startup", "per service: aot_train; then 3 x (start without, start with)", None, None, 0, 300.0),
        "startup-journey": None,  # filled in by startup-json below
        "startup-ingest": None,
        "startup-gateway": None,
    }
    d = os.path.join(HERE, "replicas")
    write(d, {k: v for k, v in files.items() if v is not None})
    for order, (svc, train, size, no, ca) in enumerate([
            ("ingest", "41.5", "61865984", "9620:287000 9700:290000 9500:286500", "6690:328704 6600:329000 6700:328000"),
            ("journey", "", "0", "6830:237568 6900:238000", "1400:260096 1450:261000"),
            ("gateway", "30", "31457280", "6100:168960 6050:169000 6200:170000", "4040:177152 4000:177000 4100:178000")]):
        subprocess.run(["python3", BENCH_PY, "startup-json", os.path.join(d, f"startup-{svc}.json"), svc, train, size,
                        no, ca, str(2 - order)], check=True)


def failed():
    """Steps that failed or wrote odd values: the gateway step without results, a workorder step without a result,
    float status counts, a float nproc and a busy machine, a file holding null that no step reads."""
    targets = dict(TARGETS)
    del targets["notificationPushP99Ms"]
    files = {
        "machine": machine("gateway-overhead workorder-alerts notification-push batch", nproc=2.0, targets=targets,
                           memGb=None, git="88621d5 + uncommitted changes"),
        "baseline": {"step": "baseline", "seconds": 3.0, "machineBusyPct": 40.5},
        "batch": step("batch", "loadgen max --batch 50", {"eventsPerS": 0, "errors": None,
                                                          "status": {"200": 10.0, "500": 2.5, "503": 1}},
                      res(proc(0.0, -0.25, 0.5)), exit_code=0.0),
        "workorder-alerts": step("workorder-alerts", "loadgen workorder-alerts --rate 100", None, None, 1),
        "notification-push": step("notification-push", "loadgen notification-push", {
            "targetRate": 50, "eventsPerS": 12.5, "pushed": {"matched": 0, "measured": 3000, "unanswered": 3000,
                                                              "late": None}}, res(None), exit_code="0"),
        "left-over": "null",
    }
    write(os.path.join(HERE, "failed"), files)


def edge():
    """The other branches: a journey drain that timed out above its target, survey without outcomes or latency,
    gateway with one side only, alerts that never came back, a failed metrics query, a null phases file, a replicas
    row without a result, start-up records without a cache run, a hidden file glob does not see, a file with a BOM json.load refuses."""
    targets = dict(TARGETS)
    del targets["startS"]
    files = {
        "machine": machine("journey-throughput survey-throughput gateway-overhead scoring-query scoring-alerts "
                           "journey-replicas startup", targets=targets, nproc=None),
        "baseline": {"step": "baseline", "machineBusyPct": 0.5},
        "journey-throughput": step("journey-throughput", "start journey", {
            "caughtUp": False, "timedOut": True, "eventsPerS": 12000.5}, res(None, journey=proc(150.0, 190.0, 400.0))),
        "journey-throughput-phases": "null",
        "journey-processing": {"latency": None, "phases": {}},
        "survey-throughput": step("survey-throughput", "start survey", {"perS": 0.0}, res(None)),
        "survey-decisions": {"outcomes": {}, "invitationsAtCatchUp": None},
        "gateway-overhead-direct-max": step("gateway-overhead-direct-max", "loadgen max direct",
                                            {"requestsPerS": 700, "status": {"200": 100, "201": 5}}, res(None)),
        "scoring-query-metrics": step("scoring-query-metrics", "http-latency metrics",
                                      {"failed": "no 200 within 60 s"}, res(None), 1),
        "scoring-alerts": step("scoring-alerts", "loadgen scoring-events --alerts", {
            "targetRate": 200, "eventsPerS": 150.25, "alerts": {"matchedMeasured": 0, "lowScoresMeasured": 900}},
            res(None)),
        "journey-replicas-a": step("journey-replicas-a", "start 1 replica", None, None, 1),
        "journey-replicas-b": step("journey-replicas-b", "start 2 replicas", {
            "label": "b", "replicas": 2, "killed": {"killed": "journey-r1"}, "partitionsPerReplica": {},
            "appliedOnce": False, "failedChecks": [], "redelivered": None}, {"journey-r1": None, "machineBusyPct": 99}),
        "startup-ingest": {"step": "startup", "service": "ingest", "noCache": {"runs": [], "readyS": None},
                           "cache": None, "trainingS": None, "cacheMb": None, "order": 1},
        "startup-survey": {"step": "startup", "service": "survey", "noCache": None,
                           "cache": {"runs": [{"readyS": 1.2}], "readyS": 1.2, "idleRssMb": 250.0}, "order": 0.5},
        "startup-nameless": {"step": "startup", "service": ""},
        ".hidden": {"step": "hidden"},
        "startup-bom": '\ufeff{"step": "startup", "service": "bom", "order": 9}',
    }
    write(os.path.join(HERE, "edge"), files)


STARTUP_CASES = {
    "even-runs": ["svc", "12.5", "0", "1000:1024 3000:2048", "1500:1536 1501:1537", "3"],
    "no-runs": ["svc", "", "", "", ""],
    "rounding": ["svc", "7", "1048576", "1005:1075 2015:1127 125:51", "4445:10 4455:10", "0"],
    "negative-size": ["svc", "1e3", "-7", "", "5:6", "1"],
}


def startup_cases():
    d = os.path.join(HERE, "startup-json")
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    with open(os.path.join(d, "cases.json"), "w") as f:
        json.dump(STARTUP_CASES, f, indent=2)
    for name, args in STARTUP_CASES.items():
        subprocess.run(["python3", BENCH_PY, "startup-json", os.path.join(d, name + ".json")] + args, check=True)


def expected(name):
    with open(os.path.join(HERE, name + ".md"), "w") as f:
        subprocess.run(["python3", BENCH_PY, "report", os.path.join(HERE, name)], stdout=f, check=True)


if __name__ == "__main__":
    full()
    small()
    replicas()
    failed()
    edge()
    startup_cases()
    for n in ("full", "small", "replicas", "failed", "edge", "missing"):
        expected(n)

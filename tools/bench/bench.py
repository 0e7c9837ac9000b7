#!/usr/bin/env python3
"""Helpers of tools/bench/bench.sh (python3 standard library only).

  bench.py sample OUT PID...            sample CPU ticks and RSS of PIDs and the machine's CPU
                                        once a second into OUT until terminated
  bench.py summarize OUT SKIP_S NAME... per-process CPU% (avg, peak 1 s) and RSS (peak), and the
                                        machine's busy CPU%, ignoring the first SKIP_S seconds;
                                        NAME labels each PID in the order given to `sample`
  bench.py last-json FILE               the last line of FILE that is a JSON object (loadgen's summary)
  bench.py perf-json FILE               the final summary line of ProducerPerformance as JSON
  bench.py step-json ...                assemble one step's result file (see bench.sh)
  bench.py busy SECONDS OUT             the machine's busy CPU% over SECONDS (other load) into OUT
  bench.py report RESULTS_DIR           the Markdown report from the result files
"""
import glob
import json
import os
import re
import signal
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------------------------
# Sampling: /proc, not `ps %cpu`, because ps reports the average over the process lifetime,
# which for a JVM started a minute ago says little about the last 20 seconds.
# --------------------------------------------------------------------------------------------
def proc_sample(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime, all threads
        rss_kb = 0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss_kb = int(line.split()[1])
        return ticks, rss_kb
    except (OSError, IndexError, ValueError):
        return None, None


def machine_sample():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    total = sum(v[:8])  # user nice system idle iowait irq softirq steal
    idle = v[3] + v[4]
    return total - idle, total


def cmd_sample(out, pids):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    with open(out, "w") as f:
        while not stop:
            busy, total = machine_sample()
            row = {"t": time.time(), "busy": busy, "total": total, "procs": [proc_sample(p) for p in pids]}
            f.write(json.dumps(row) + "\n")
            f.flush()
            time.sleep(1.0)


def cmd_busy(seconds, out):
    b0, t0 = machine_sample()
    time.sleep(seconds)
    b1, t1 = machine_sample()
    pct = round(100.0 * (b1 - b0) / max(1, t1 - t0) * os.cpu_count(), 1)
    json.dump({"step": "baseline", "seconds": seconds, "machineBusyPct": pct}, open(out, "w"))
    print(pct)


def cmd_summarize(out, skip_s, names):
    rows = [json.loads(l) for l in open(out) if l.strip()]
    if rows:
        t0 = rows[0]["t"]
        kept = [r for r in rows if r["t"] - t0 >= skip_s]
        rows = kept if len(kept) >= 2 else rows
    result = {"samples": len(rows)}
    if len(rows) < 2:
        print(json.dumps(result))
        return
    first, last = rows[0], rows[-1]
    span = last["t"] - first["t"]
    result["seconds"] = round(span, 1)
    result["machineBusyPct"] = round(100.0 * (last["busy"] - first["busy"]) / max(1, last["total"] - first["total"]) * os.cpu_count(), 1)
    for i, name in enumerate(names):
        ticks = [r["procs"][i][0] for r in rows if i < len(r["procs"]) and r["procs"][i][0] is not None]
        rss = [r["procs"][i][1] for r in rows if i < len(r["procs"]) and r["procs"][i][1] is not None]
        if len(ticks) < 2:
            continue
        peak = 0.0
        for a, b in zip(rows, rows[1:]):
            pa, pb = a["procs"][i][0], b["procs"][i][0]
            if pa is not None and pb is not None and b["t"] > a["t"]:
                peak = max(peak, 100.0 * (pb - pa) / CLK_TCK / (b["t"] - a["t"]))
        result[name] = {
            "cpuAvgPct": round(100.0 * (ticks[-1] - ticks[0]) / CLK_TCK / span, 1),
            "cpuPeakPct": round(peak, 1),
            "rssPeakMb": round(max(rss) / 1024.0, 1),
            "rssLastMb": round(rss[-1] / 1024.0, 1),
        }
    print(json.dumps(result))


# --------------------------------------------------------------------------------------------
# Parsing tool output
# --------------------------------------------------------------------------------------------
def cmd_last_json(path):
    for line in reversed(open(path, errors="replace").read().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
                print(json.dumps(obj))
                return
            except ValueError:
                pass
    sys.exit(f"no JSON summary line in {path}")


PERF_RE = re.compile(
    r"(?P<records>\d+) records sent, (?P<recordsPerS>[\d.]+) records/sec \((?P<mbPerS>[\d.]+) MB/sec\), "
    r"(?P<avgLatencyMs>[\d.]+) ms avg latency, (?P<maxLatencyMs>[\d.]+) ms max latency, "
    r"(?P<p50>\d+) ms 50th, (?P<p95>\d+) ms 95th, (?P<p99>\d+) ms 99th, (?P<p999>\d+) ms 99.9th")


def cmd_perf_json(path):
    for line in reversed(open(path, errors="replace").read().splitlines()):
        m = PERF_RE.search(line)
        if m:
            d = {k: float(v) for k, v in m.groupdict().items()}
            d["records"] = int(d["records"])
            print(json.dumps(d))
            return
    sys.exit(f"no ProducerPerformance summary line in {path}")


def cmd_step_json(step, command, exit_code, wall_s, result_file, resources_file):
    def load(p):
        try:
            return json.load(open(p)) if p and os.path.getsize(p) > 0 else None
        except (OSError, ValueError):
            return None
    print(json.dumps({"step": step, "command": command, "exitCode": int(exit_code), "wallS": float(wall_s),
                      "result": load(result_file), "resources": load(resources_file)}, indent=2))


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------
def fmt(v, unit="", digits=0):
    if v is None:
        return "n/a"
    s = f"{v:,.{digits}f}"
    return f"{s} {unit}".strip()


def verdict(ok):
    return "n/a" if ok is None else ("pass" if ok else "**FAIL**")


def cmd_report(results_dir):
    R = {}
    for p in glob.glob(os.path.join(results_dir, "*.json")):
        try:
            R[os.path.basename(p)[:-5]] = json.load(open(p))
        except ValueError:
            pass
    meta = R.get("machine", {})
    t = meta.get("targets", {})

    def res(step):
        s = R.get(step) or {}
        return s.get("result") or {}

    perf = res("perf").get("recordsPerS")
    batch = res("batch").get("eventsPerS")
    single = res("single").get("requestsPerS")
    rate = res("rate")
    p99 = (rate.get("latencyMs") or {}).get("p99")
    start = R.get("startup", {})

    rows = []

    def row(metric, measured, target, ratio, ok):
        rows.append(f"| {metric} | {measured} | {target} | {ratio} | {verdict(ok)} |")

    row("Kafka producer perf test, same records and producer settings (reference)",
        fmt(perf, "records/s"), "—", "—", None)
    row("ingest, batched (50 events/request), closed loop",
        fmt(batch, "events/s"), f"≥ {fmt(t.get('batchEventsPerS'))} events/s",
        fmt(batch / t["batchEventsPerS"], "", 2) if batch else "n/a",
        None if batch is None else batch >= t["batchEventsPerS"])
    ratio = batch / perf if batch and perf else None
    row("ingest batched ÷ producer perf test", fmt(ratio, "", 2), f"≥ {t.get('batchVsPerf')}",
        fmt(ratio / t["batchVsPerf"], "", 2) if ratio else "n/a",
        None if ratio is None else ratio >= t["batchVsPerf"])
    row("ingest, single event per request, closed loop",
        fmt(single, "requests/s"), f"≥ {fmt(t.get('singleRequestsPerS'))} requests/s",
        fmt(single / t["singleRequestsPerS"], "", 2) if single else "n/a",
        None if single is None else single >= t["singleRequestsPerS"])
    row(f"ingest p99 at 70% of max, open loop ({fmt(rate.get('targetRate'), 'requests/s')})",
        fmt(p99, "ms", 1), f"≤ {t.get('p99Ms')} ms",
        fmt(p99 / t["p99Ms"], "", 2) if p99 is not None else "n/a",
        None if p99 is None else p99 <= t["p99Ms"])
    lat = rate.get("latencyMs") or {}
    row("ingest p50 / p99.9 / max at 70% of max", " / ".join(fmt(lat.get(k), "ms", 1) for k in ("p50", "p999", "max")),
        "—", "—", None)
    ready = start.get("readyS")
    row("ingest start to ready (JVM, launch → /q/health/ready 200)", fmt(ready, "s", 2), f"≤ {t.get('startS')} s",
        fmt(ready / t["startS"], "", 2) if ready else "n/a", None if ready is None else ready <= t["startS"])
    idle = start.get("idleRssMb")
    row("ingest RSS idle (after ready)", fmt(idle, "MB"), f"≤ {t.get('idleRssMb')} MB",
        fmt(idle / t["idleRssMb"], "", 2) if idle else "n/a", None if idle is None else idle <= t["idleRssMb"])

    out = []
    out.append(f"# Windbell benchmark, {meta.get('date', '?')}")
    out.append("")
    out.append(f"- command: `{meta.get('command', '?')}`")
    out.append(f"- machine: {meta.get('nproc', '?')} CPUs ({meta.get('cpuModel', '?')}), "
               f"{meta.get('memGb', '?')} GB RAM, {meta.get('os', '?')}")
    out.append(f"- JDK: {meta.get('jdk', '?')}; Kafka {meta.get('kafka', '?')}; PostgreSQL {meta.get('postgres', '?')}; "
               f"Keycloak {meta.get('keycloak', '?')}")
    out.append(f"- code: {meta.get('git', '?')}")
    out.append(f"- producer settings (perf test and ingest): `{meta.get('producerProps', '?')}`")
    out.append("- everything (broker, database, Keycloak, ingest, load generator) shares these CPUs: "
               "ratios measured in the same run count, absolute numbers are indicative only")
    base = R.get("baseline", {}).get("machineBusyPct")
    if base is not None:
        cpus = meta.get("nproc") or 1
        warn = " **(other processes were busy: figures are low and noisy, re-run on an idle machine)**" \
            if base > 20 * cpus else ""
        out.append(f"- machine busy before the first step (the stack idle): {base:.0f}% of {cpus * 100}%{warn}")
    out.append("")
    out.append("| metric | measured | target | ratio | result |")
    out.append("|---|---|---|---|---|")
    out.extend(rows)
    out.append("")
    out.append("## Per step")
    out.append("")
    out.append("| step | exit | errors / non-2xx | ingest CPU avg (peak) | ingest RSS peak | kafka CPU avg | machine busy |")
    out.append("|---|---|---|---|---|---|---|")
    steps = [s for s in meta.get("steps", []) if s in R]
    for s in steps:
        r = R[s]
        rr = r.get("resources") or {}
        ing = rr.get("ingest") or {}
        kaf = rr.get("kafka") or {}
        result = r.get("result") or {}
        status = result.get("status") or {}
        non2xx = sum(v for k, v in status.items() if not str(k).startswith("2")) if status else None
        errs = result.get("errors")
        errcol = "—" if errs is None and non2xx is None else f"{errs if errs is not None else '?'} / {non2xx if non2xx is not None else '?'}"
        cpu = f"{fmt(ing.get('cpuAvgPct'), '%')} ({fmt(ing.get('cpuPeakPct'), '%')})" if ing else "—"
        out.append(f"| {s} | {r.get('exitCode')} | {errcol} | {cpu} | {fmt(ing.get('rssPeakMb'), 'MB') if ing else '—'} | "
                   f"{fmt(kaf.get('cpuAvgPct'), '%') if kaf else '—'} | {fmt(rr.get('machineBusyPct'), '%')} |")
    out.append("")
    out.append("CPU% is per core (200% = both cores of a 2-CPU machine), sampled from /proc once a second "
               "after the warmup; RSS from VmRSS.")
    out.append("")
    out.append("## Commands")
    out.append("")
    for s in steps:
        out.append(f"- {s}: `{R[s].get('command')}`")
    failed = [s for s in steps if R[s].get("exitCode") != 0]
    if failed:
        out.append("")
        out.append(f"Steps that failed: {', '.join(failed)} (see .bench/logs/bench-<step>.log).")
    print("\n".join(out))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "sample":
        cmd_sample(args[0], [int(p) for p in args[1:]])
    elif cmd == "summarize":
        cmd_summarize(args[0], float(args[1]), args[2:])
    elif cmd == "last-json":
        cmd_last_json(args[0])
    elif cmd == "perf-json":
        cmd_perf_json(args[0])
    elif cmd == "step-json":
        cmd_step_json(*args)
    elif cmd == "busy":
        cmd_busy(float(args[0]), args[1])
    elif cmd == "report":
        cmd_report(args[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

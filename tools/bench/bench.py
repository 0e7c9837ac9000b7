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
  bench.py startup-json OUT SERVICE TRAINING_S CACHE_BYTES NO_CACHE_RUNS CACHE_RUNS [ORDER]
                                        one service's start-up record (the startup step): each RUNS is
                                        "ms:kb ms:kb ..." (launch -> /q/health/ready 200, VmRSS once idle), medians

The journey section (a cx-admin token is fetched by client credentials from $WINDBELL_BENCH_TOKEN_URL
with $WINDBELL_BENCH_CLIENT_ID / $WINDBELL_BENCH_CLIENT_SECRET, and fetched again on a 401):
  bench.py journey-catchup URL TARGET TIMEOUT_S [BASELINE]
                                        poll URL/v1/admin/processing every 0.25 s (connection refused
                                        while the service starts is fine) until applied + skipped + deadLettered
                                        >= TARGET; the last stdout line is JSON: when consumption started
                                        (the last poll that still saw BASELINE, else extrapolated back
                                        from the first answers), when it was done, events/s in between
  bench.py journey-settle URL TIMEOUT_S until applied stops growing (3 polls 1 s apart): JSON of it
  bench.py journey-get URL              GET URL/v1/admin/processing as JSON
  bench.py journey-reset URL            POST URL/v1/admin/processing/reset (expects 204)
  bench.py group-lag FILE               sum of the LAG column of `ConsumerGroupCommand --describe`

The journey-replicas section (K replicas in one consumer group; counted in journey's database and readiness data):
  bench.py messaging-get URL            the kit's counters in the readiness data at URL (/q/health/ready) as JSON
  bench.py group-assignment FILE        partitions per replica (client id journey-r<i>-...) and lag of
                                        `ConsumerGroupCommand --describe`
  bench.py journey-events-check START EVENTS
                                        journey events of ConsoleConsumer output EVENTS (print.partition, print.offset,
                                        print.headers) at or after the end offsets in START (GetOffsetShell output):
                                        records, distinct ce_ids, ce_ids seen twice, journey steps (journeyInstanceId +
                                        revision) carried by two different ce_ids
  bench.py replicas-row DIR LABEL K PRELOAD_JSON EXIT KILL_JSON [NAME=READY_S...]
                                        one row of the table from the files bench.sh left in DIR, with the checks

The survey section (survey's state is read from its database: one survey_decision row per trigger):
  bench.py db-catchup TARGET TIMEOUT_S [BASELINE] -- CMD...
                                        run CMD (prints one number, e.g. psql -At -c "SELECT count(*) ...")
                                        every 0.25 s until it prints >= TARGET; the last stdout line is JSON
                                        like journey-catchup's (start = the last poll that still saw BASELINE)
  bench.py db-settle TIMEOUT_S -- CMD...
                                        until CMD's number stops growing (3 polls 1 s apart): JSON of it

The scoring section (the kit's counters are read from the readiness data on the management port, no token; the
queries take a token like the journey section's, client cx-analyst-cli):
  bench.py health-catchup URL CHANNEL TARGET TIMEOUT_S [BASELINE]
                                        poll URL (/q/health/ready) every 0.25 s until CHANNEL's applied + skipped +
                                        dead-lettered in the windbell-messaging check >= TARGET; JSON like db-catchup's
  bench.py health-settle URL TIMEOUT_S  until the counters of every channel stop growing: JSON of them
  bench.py http-latency NAME URL WARMUP COUNT
                                        GET URL ({from} {to} {date} filled in, varied per request) WARMUP + COUNT
                                        times in sequence; p50/p90/p99/max of the COUNT last; exit 1 on any non-200
"""
import glob
import json
import os
import re
import signal
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

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
# The journey service's admin endpoint (cx-admin)
# --------------------------------------------------------------------------------------------
class Admin:
    """GET/POST on the journey admin API with a client-credentials token, refreshed on 401."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.token = None

    def _token(self):
        form = urllib.parse.urlencode({
            "grant_type": "client_credentials",
            "client_id": os.environ.get("WINDBELL_BENCH_CLIENT_ID", "cx-admin-cli"),
            "client_secret": os.environ.get("WINDBELL_BENCH_CLIENT_SECRET", "cx-admin-secret"),
        }).encode()
        with urllib.request.urlopen(os.environ["WINDBELL_BENCH_TOKEN_URL"], data=form, timeout=10) as r:
            return json.load(r)["access_token"]

    def call(self, method, path):
        """(status, parsed JSON or None); status 0 when nothing answers."""
        for attempt in (1, 2):
            if self.token is None:
                try:
                    self.token = self._token()
                except (OSError, ValueError, KeyError):
                    return 0, None
            request = urllib.request.Request(self.base + path, method=method, data=b"" if method == "POST" else None)
            request.add_header("Authorization", "Bearer " + self.token)
            request.add_header("Accept", "application/json")
            try:
                with urllib.request.urlopen(request, timeout=5) as r:
                    body = r.read()
                    return r.status, (json.loads(body) if body else None)
            except urllib.error.HTTPError as e:
                if e.code == 401 and attempt == 1:
                    self.token = None
                    continue
                return e.code, None
            except (OSError, ValueError):
                return 0, None
        return 401, None

    def processing(self):
        status, body = self.call("GET", "/v1/admin/processing")
        return body if status == 200 and isinstance(body, dict) else None


def done_count(p):
    # skipped: redelivered or duplicate events (same ce_id) that the inbox recognised
    return int(p.get("applied", 0)) + int(p.get("skipped", 0)) + int(p.get("deadLettered", 0))


def catch_up(poll, target, timeout_s, baseline, label, nothing):
    """Polls POLL() (a count, or None while nothing answers) every 0.25 s until it reaches TARGET.

    The rate is measured from the start of consumption: the last poll that still saw BASELINE (NOTHING says what it
    saw, e.g. "nothing consumed"), or, when consumption began before anything answered, extrapolated back from the
    first answers at the rate that followed; to the poll that saw TARGET. Returns the result (perS, consumeS, ...).
    """
    t0 = time.time()
    last_idle = None        # the last poll that saw nothing done yet
    first = None            # (t, count) of the first answer with progress
    done = None
    latest = None
    progress = []
    next_note = t0 + 5
    while time.time() - t0 < timeout_s:
        now = time.time()
        count = poll()
        if count is not None:
            latest = count
            if count <= baseline:
                last_idle = now
            elif first is None:
                first = (now, count)
            if not progress or now - t0 - progress[-1][0] >= 1:
                progress.append((round(now - t0, 2), count))
            if count >= target:
                done = now
                break
        if now >= next_note:
            print(f"[{label}] {now - t0:5.1f}s " + (f"{latest} of {target}" if latest is not None
                  else "no answer yet (starting)"), file=sys.stderr, flush=True)
            next_note += 5
        time.sleep(0.25)
    end = done if done is not None else time.time()
    result = {"target": target, "baseline": baseline, "caughtUp": done is not None, "timedOut": done is None,
              "pollerS": round(end - t0, 2), "count": latest}
    if first is not None:
        if last_idle is not None and last_idle < first[0]:
            start, how = last_idle, "last poll that saw " + nothing
        else:
            rate = (latest - first[1]) / max(1e-3, end - first[0])
            start = first[0] - (first[1] - baseline) / rate if rate > 0 else t0
            start, how = max(t0, start), "extrapolated back from the first answers"
        consumed = (latest - baseline) if done is None else target - baseline
        seconds = max(1e-3, end - start)
        result.update({"startFrom": how, "consumeS": round(seconds, 2), "perS": round(consumed / seconds, 1),
                       "firstProgressS": round(first[0] - t0, 2),
                       "fromPollerStartPerS": round(consumed / max(1e-3, end - t0), 1)})
    result["progress"] = progress[-600:]
    return result


def settle(poll, timeout_s):
    """Waits until POLL()'s count stops growing (3 polls 1 s apart): (settled, last count, seconds waited)."""
    t0 = time.time()
    counts = []
    while time.time() - t0 < timeout_s:
        c = poll()
        if c is not None:
            counts.append(c)
            if len(counts) >= 3 and counts[-1] == counts[-3]:
                return True, c, round(time.time() - t0, 1)
        time.sleep(1)
    return False, counts[-1] if counts else None, round(time.time() - t0, 1)


def cmd_journey_catchup(url, target, timeout_s, baseline=0):
    """Times how long the service takes to apply TARGET - BASELINE records from the start of consumption."""
    admin = Admin(url)
    seen = [None]

    def poll():
        seen[0] = admin.processing() or seen[0]
        return done_count(seen[0]) if seen[0] else None

    result = catch_up(poll, target, timeout_s, baseline, "journey-catchup", "nothing consumed")
    latest = seen[0]
    if latest:
        result.update({"applied": latest.get("applied"), "deadLettered": latest.get("deadLettered"),
                       "outboxPublished": latest.get("outboxPublished"), "latency": latest.get("latency")})
    # journey's names for the rates (the report reads them)
    for mine, theirs in (("perS", "eventsPerS"), ("firstProgressS", "firstAnswerS"),
                         ("fromPollerStartPerS", "fromPollerStartEventsPerS")):
        if mine in result:
            result[theirs] = result.pop(mine)
    print(json.dumps(result))


def cmd_journey_settle(url, timeout_s):
    admin = Admin(url)
    seen = [None]

    def poll():
        seen[0] = admin.processing() or seen[0]
        return done_count(seen[0]) if seen[0] else None

    settled, _, waited = settle(poll, timeout_s)
    print(json.dumps(dict(seen[0] or {}, settled=settled, waitedS=waited)))
    if not settled:
        sys.exit(f"journey did not settle within {timeout_s}s")


def cmd_journey_get(url):
    p = Admin(url).processing()
    if p is None:
        sys.exit(f"no answer from {url}/v1/admin/processing")
    print(json.dumps(p))


def cmd_journey_reset(url):
    status, _ = Admin(url).call("POST", "/v1/admin/processing/reset")
    if status != 204:
        sys.exit(f"POST {url}/v1/admin/processing/reset answered {status or 'nothing'}")
    print(json.dumps({"reset": True}))


def cmd_group_lag(path):
    """Sums LAG over the partitions of `ConsumerGroupCommand --describe` (a '-' lag counts as unknown)."""
    g = group_assignment(open(path, errors="replace").read())
    print(json.dumps({"lag": g["lagKnown"] if g["described"] else None, "partitions": g["partitions"],
                      "unknownPartitions": g["unknownLag"]}))


# --------------------------------------------------------------------------------------------
# The survey service: counted in its database (psql), not through an admin API
# --------------------------------------------------------------------------------------------
def db_count(cmd):
    """The number CMD prints, or None while it fails (the table does not exist yet, the database restarts)."""
    import subprocess
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    try:
        return int(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def cmd_db_catchup(target, timeout_s, baseline, cmd):
    """Times how long the service takes from the start of consumption until CMD counts TARGET."""
    print(json.dumps(catch_up(lambda: db_count(cmd), target, timeout_s, baseline, "db-catchup", "nothing decided")))


def cmd_db_settle(timeout_s, cmd):
    settled, count, waited = settle(lambda: db_count(cmd), timeout_s)
    print(json.dumps({"count": count, "settled": settled, "waitedS": waited}))
    if not settled:
        sys.exit(f"the count did not settle within {timeout_s}s")


# --------------------------------------------------------------------------------------------
# The scoring service: the kit's counters in its readiness (management port, no token), its queries
# with a cx-analyst token
# --------------------------------------------------------------------------------------------
def messaging_data(url):
    """The data of the kit's windbell-messaging readiness check at URL (/q/health/ready), or None."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            body = r.read()
    except urllib.error.HTTPError as e:
        body = e.read()   # 503 while starting or a check is down: the counters are still there
    except OSError:
        return None
    try:
        checks = json.loads(body).get("checks") or []
    except ValueError:
        return None
    return next((c.get("data") or {} for c in checks if c.get("name") == "windbell-messaging"), None)


def channel_done(data, channel):
    """applied + skipped (redelivered, claimed before) + dead-lettered of one channel, or None."""
    if data is None or f"{channel}.applied" not in data:
        return None
    return sum(int(data.get(f"{channel}.{k}", 0)) for k in ("applied", "skipped", "dead-lettered"))


def all_channels_done(data):
    if data is None:
        return None
    return sum(int(v) for k, v in data.items() if k.rsplit(".", 1)[-1] in ("applied", "skipped", "dead-lettered"))


def cmd_health_catchup(url, channel, target, timeout_s, baseline=0):
    """Like db-catchup, counting CHANNEL's applied + skipped + dead-lettered in the readiness data at URL."""
    seen = [None]

    def poll():
        seen[0] = messaging_data(url) or seen[0]
        return channel_done(seen[0], channel)

    result = catch_up(poll, target, timeout_s, baseline, f"{channel}-catchup", "nothing consumed")
    result["messaging"] = seen[0]
    print(json.dumps(result))


def cmd_health_settle(url, timeout_s):
    """Until every channel's count stops growing: JSON of the readiness data."""
    seen = [None]

    def poll():
        seen[0] = messaging_data(url) or seen[0]
        return all_channels_done(seen[0])

    settled, count, waited = settle(poll, timeout_s)
    print(json.dumps({"settled": settled, "count": count, "waitedS": waited, "messaging": seen[0]}))
    if not settled:
        sys.exit(f"the service's channels did not settle within {timeout_s}s")


def query_path(template, i, today):
    """Request I of TEMPLATE: {to} 0-24 days back and {from} 85-104 days before it (500 distinct windows of about 90
    days, so a cache of whole answers does not serve repeats), {date} 0-89 days back."""
    import datetime
    to = today - datetime.timedelta(days=i % 25)
    start = to - datetime.timedelta(days=85 + (i // 25) % 20)
    date = today - datetime.timedelta(days=i % 90)
    return template.replace("{from}", start.isoformat()).replace("{to}", to.isoformat()) \
        .replace("{date}", date.isoformat())


def percentiles(values):
    """Nearest-rank p50/p90/p99/max and the mean of VALUES (milliseconds)."""
    if not values:
        return {}
    v = sorted(values)

    def rank(p):
        return round(v[min(len(v) - 1, max(0, -(-len(v) * p // 100) - 1))], 2)

    return {"p50": rank(50), "p90": rank(90), "p99": rank(99), "max": round(v[-1], 2),
            "mean": round(sum(v) / len(v), 2)}


def cmd_http_latency(name, url_template, warmup, count):
    """GETs URL_TEMPLATE (see query_path) WARMUP + COUNT times, one after the other on one keep-alive connection,
    with a bearer token (Admin's client credentials); the last stdout line is JSON with the latency of the COUNT
    measured ones. Any answer but 200 (an endpoint not there yet: 404; parameters it does not take: 400) ends the
    run at once with exit 1 and the problem in the JSON: no figures for an endpoint that does not answer."""
    import datetime
    import http.client
    parts = urllib.parse.urlsplit(url_template)
    admin = Admin(url_template)
    try:
        token = admin._token()
    except (OSError, ValueError, KeyError) as e:
        print(json.dumps({"name": name, "failed": f"no token from {os.environ.get('WINDBELL_BENCH_TOKEN_URL')}: {e}"}))
        sys.exit(1)
    today = datetime.date.today()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.connect()
    # no Nagle on the client: a request is one small write, its latency must not wait for a delayed ACK
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    latencies, statuses = [], {}
    example = None
    for i in range(warmup + count):
        path = query_path(parts.path + ("?" + parts.query if parts.query else ""), i, today)
        for attempt in (1, 2):
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                print(json.dumps({"name": name, "failed": f"GET {path}: {e}", "answered": i}))
                sys.exit(1)
            ms = (time.perf_counter() - t0) * 1000
            if response.status != 401 or attempt == 2 or i == 0:
                break
            token = admin._token()   # expired during the run (Keycloak's default lifetime is 5 minutes)
        statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1
        if response.status != 200:
            hint = {404: " (is the endpoint merged?)", 400: " (the query parameters: see the knobs in bench.sh)",
                    401: " (token)", 403: " (role)"}.get(response.status, "")
            print(json.dumps({"name": name, "failed": f"GET {path} answered {response.status}{hint}",
                              "body": body[:600].decode("utf-8", "replace"), "answered": i, "status": statuses}))
            sys.exit(1)
        if example is None:
            example = {"path": path, "bytes": len(body), "ms": round(ms, 2)}
        if i >= warmup:
            latencies.append(ms)
        if i % 100 == 0:
            print(f"[{name}] {i} of {warmup + count}: {ms:.1f} ms", file=sys.stderr, flush=True)
    conn.close()
    print(json.dumps({"name": name, "warmup": warmup, "count": len(latencies), "status": statuses,
                      "latencyMs": percentiles(latencies), "first": example,
                      "note": "sequential GETs on one keep-alive connection, client-side time from request to last"
                              " byte; the first WARMUP are left out"}))


# --------------------------------------------------------------------------------------------
# Start-up with and without the JDK AOT cache (the startup step)
# --------------------------------------------------------------------------------------------
def median(values):
    v = sorted(values)
    if not v:
        return None
    m = len(v) // 2
    return v[m] if len(v) % 2 else (v[m - 1] + v[m]) / 2


def parse_runs(text):
    """ "ms:kb ms:kb ..." -> [{"readyS": .., "idleRssMb": ..}, ...] """
    runs = []
    for part in text.split():
        ms, kb = part.split(":")
        runs.append({"readyS": round(int(ms) / 1000, 2), "idleRssMb": round(int(kb) / 1024, 1)})
    return runs


def startup_record(service, training_s, cache_bytes, no_cache, cache):
    def summary(runs):
        return {"runs": runs, "readyS": median([r["readyS"] for r in runs]),
                "idleRssMb": median([r["idleRssMb"] for r in runs])}
    return {"step": "startup", "service": service, "noCache": summary(parse_runs(no_cache)),
            "cache": summary(parse_runs(cache)), "trainingS": float(training_s) if training_s else None,
            "cacheMb": round(int(cache_bytes) / 1048576, 1) if cache_bytes and int(cache_bytes) else None,
            "note": "launch to the first 200 from /q/health/ready (management port, polled every 0.05 s); RSS = VmRSS "
                    "3 s after ready; medians of the runs; runs without and with the cache alternate"}


def cmd_startup_json(out, service, training_s, cache_bytes, no_cache, cache, order="0"):
    rec = startup_record(service, training_s, cache_bytes, no_cache, cache)
    rec["order"] = int(order)
    json.dump(rec, open(out, "w"), indent=2)


def startup_table(R, t):
    """The startup step's table: one row per service (startup-<service>.json), in the order they were measured."""
    recs = sorted((r for k, r in R.items() if k.startswith("startup-") and isinstance(r, dict) and r.get("service")),
                  key=lambda r: r.get("order", 0))
    if not recs:
        return []
    target_s, target_mb = t.get("startS"), t.get("idleRssMb")
    out = ["## Start-up with the JDK AOT cache", "",
           f"| service | ready without cache | ready with cache | target | ratio | result | RSS idle without / with cache "
           f"| target | result |", "|---|---|---|---|---|---|---|---|---|"]
    for r in recs:
        no, ca = r.get("noCache") or {}, r.get("cache") or {}
        ready, rss = ca.get("readyS"), ca.get("idleRssMb")
        out.append(f"| {r['service']} | {fmt(no.get('readyS'), 's', 2)} | {fmt(ready, 's', 2)} | ≤ {target_s} s | "
                   f"{fmt(ready / target_s, '', 2) if ready and target_s else 'n/a'} | "
                   f"{verdict(None if ready is None or not target_s else ready <= target_s)} | "
                   f"{fmt(no.get('idleRssMb'), 'MB')} / {fmt(rss, 'MB')} | ≤ {target_mb} MB | "
                   f"{verdict(None if rss is None or not target_mb else rss <= target_mb)} |")
    runs = max(len((r.get("cache") or {}).get("runs") or []) for r in recs)
    out += ["", f"Medians of {runs} runs each way; ratio = ready with the cache ÷ target; the cache is trained once per "
            "service (training run: start, health checks, OpenAPI document and its parameterless GETs with a "
            "cx-admin token, SIGTERM; " + ", ".join(f"{r['service']} {fmt(r.get('trainingS'), 's', 0)}, "
                                                    f"{fmt(r.get('cacheMb'), 'MB')}" for r in recs) + ").", ""]
    return out


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------
def fmt(v, unit="", digits=0):
    if v is None:
        return "n/a"
    s = f"{v:,.{digits}f}"
    return f"{s} {unit}".strip()


def verdict(ok):
    return "n/a" if ok is None else ("pass" if ok else "**miss**")


def scoring_rows(R, res, t, meta, row):
    """The scoring rows of the report: ingestion with durable state, the two queries, the alert latency."""
    if not any(s.startswith("scoring-") for s in meta.get("steps", [])):
        return

    def against(value, target, unit, digits, higher_is_better, failed=None):
        if failed:
            return f"not measured: {failed}", "n/a", False
        if value is None:
            return "n/a", "n/a", None
        ok = value >= target if higher_is_better else value <= target
        return fmt(value, unit, digits), fmt(value / target, "", 2), ok

    for kind, unit, key in (("touchpoints", "events/s", "scoringTouchpointsPerS"),
                            ("responses", "responses/s", "scoringResponsesPerS")):
        step = f"scoring-{kind}"
        if step not in meta.get("steps", []):
            continue
        catchup, pre = res(step), res(step + "-preload").get(kind) or {}
        note = " (timed out: rate so far)" if catchup.get("timedOut") else ""
        measured, ratio, ok = against(catchup.get("perS"), t[key], unit, 0, True)
        row(f"scoring, durable state: {fmt(pre.get('records'))} preloaded {kind} of {fmt(meta_days(pre))} days folded, "
            f"from start of consumption{note}", measured, f"≥ {fmt(t[key])} {unit}", ratio,
            ok and not catchup.get("timedOut"))
        end = R.get(step + "-end", {})
        data = catchup.get("messaging") or {}
        channel = "touchpoints" if kind == "touchpoints" else "survey-events"
        row(f"scoring after the {kind}: RSS / start to ready while consuming (JVM) / dead-lettered",
            f"{fmt(end.get('rssMb'), 'MB')} / {fmt(end.get('readyS'), 's', 2)} / "
            f"{fmt(data.get(channel + '.dead-lettered'))}", "—", "—", None)
    rows = (R.get("scoring-rows") or {}).get("rows")
    if rows:
        row("scoring rows when queried", ", ".join(f"{k} {fmt(v)}" for k, v in rows.items()), "—", "—", None)
    for part, what, key in (("metrics", "GET /v1/metrics (NPS by journey × branch × week, ~90 days)",
                             "scoringMetricsP99Ms"),
                            ("pyramid", "GET /v1/pyramid (MONTH)", "scoringPyramidP99Ms")):
        r = res(f"scoring-query-{part}")
        if not r:
            continue
        lat = r.get("latencyMs") or {}
        measured, ratio, ok = against(lat.get("p99"), t[key], "ms", 1, False, r.get("failed"))
        counts = "" if r.get("failed") else f" ({fmt(r.get('count'))} after {fmt(r.get('warmup'))} warmup)"
        row(f"scoring p99, {what}, sequential{counts}", measured, f"≤ {fmt(t[key])} ms", ratio, ok)
        if not r.get("failed"):
            row(f"scoring {part} p50 / max; first answer", f"{fmt(lat.get('p50'), 'ms', 1)} / {fmt(lat.get('max'), 'ms', 1)}; "
                f"{fmt((r.get('first') or {}).get('bytes'), 'bytes')}", "—", "—", None)
    a = res("scoring-alerts")
    if a:
        alerts = a.get("alerts") or {}
        lat = alerts.get("latencyMs") or {}
        matched = alerts.get("matchedMeasured")
        none = "no alert.low-score came back" if not matched else None
        measured, ratio, ok = against(lat.get("p99"), t["scoringAlertP99Ms"], "ms", 1, False, none)
        row(f"scoring p99, survey.responded → alert.low-score (Kafka timestamps) at {fmt(a.get('targetRate'), 'responses/s')}"
            f" (open loop; {fmt(matched)} of {fmt(alerts.get('lowScoresMeasured'))} low scores alerted)", measured,
            f"≤ {fmt(t['scoringAlertP99Ms'])} ms", ratio, ok)
        row("scoring alert p50 / p99.9 / max; load generator rate reached / behind schedule p99",
            (" / ".join(fmt(lat.get(k), "ms", 1) for k in ("p50", "p999", "max")) if matched else "—") +
            f"; {fmt(a.get('eventsPerS'), 'responses/s')} / {fmt((a.get('behindScheduleMs') or {}).get('p99'), 'ms', 1)}",
            "—", "—", None)


def answered_rows(R, t, row, step_name, key, target_key, service, what, unit):
    """The rows of an open-loop step whose events are answered by another event (AlertAnswers in the load generator):
    the p99 against its target, then p50 / p90 / max, the unanswered and the rate reached, and the service's CPU/RSS."""
    step = R.get(step_name)
    if not step:
        return
    a = step.get("result") or {}
    answers = a.get(key) or {}
    lat = answers.get("latencyMs") or {}
    target = t.get(target_key)
    p99 = lat.get("p99") if answers.get("matched") else None
    if step.get("checkFailed") or not a:
        measured, ratio, ok = f"not measured: {step.get('checkFailed') or 'the step failed'}", "n/a", False
    elif p99 is None or not target:
        measured, ratio, ok = "n/a", "n/a", None
    else:
        measured, ratio, ok = fmt(p99, "ms", 1), fmt(p99 / target, "", 2), p99 <= target
    row(f"{service} p99, {what} at {fmt(a.get('targetRate'), unit + '/s')} (open loop; {fmt(answers.get('matched'))} "
        f"of {fmt(answers.get('measured'))} answered within 30 s)", measured,
        f"≤ {fmt(target)} ms" if target else "—", ratio, ok)
    row(f"{service} p50 / p90 / max; unanswered (of them late); load generator rate reached / behind schedule p99",
        (" / ".join(fmt(lat.get(k), "ms", 1) for k in ("p50", "p90", "max")) if answers.get("matched") else "—") +
        f"; {fmt(answers.get('unanswered'))} ({fmt(answers.get('late'))}); {fmt(a.get('eventsPerS'), unit + '/s')} / "
        f"{fmt((a.get('behindScheduleMs') or {}).get('p99'), 'ms', 1)}", "—", "—", None)
    res = (step.get("resources") or {}).get(service) or {}
    if res:
        row(f"{service} during the step: CPU avg (peak) / RSS peak",
            f"{fmt(res.get('cpuAvgPct'), '%')} ({fmt(res.get('cpuPeakPct'), '%')}) / {fmt(res.get('rssPeakMb'), 'MB')}",
            "—", "—", None)


def workorder_rows(R, t, row):
    """The workorder rows: alert.low-score on the topic -> workorder.created on the topic at a fixed rate."""
    answered_rows(R, t, row, "workorder-alerts", "workOrders", "workorderAlertP99Ms", "workorder",
                  "alert.low-score sent → workorder.created received (load generator's clock)", "alerts")


def notification_rows(R, t, row):
    """The notification rows: workorder.created on the topic -> inbox-item on the assignee's SSE stream, with N streams
    held, and the memory the streams cost."""
    answered_rows(R, t, row, "notification-push", "pushed", "notificationPushP99Ms", "notification",
                  "workorder.created published → inbox-item on the assignee's stream (load generator's clock)",
                  "events")
    a = (R.get("notification-push") or {}).get("result") or {}
    if not a:
        return
    streams = a.get("streams") or {}
    memory = a.get("memory") or {}
    row("notification streams held: ready of requested (failed, closed early); connect time",
        f"{fmt(streams.get('ready'))} of {fmt(streams.get('requested'))} ({fmt(streams.get('failed'))}, "
        f"{fmt(streams.get('closedEarly'))}); {fmt(a.get('connectS'), 's', 1)}", "—", "—", None)
    row("notification RSS before the streams / with them / at the end; per stream",
        f"{fmt(memory.get('rssBeforeMb'), 'MB')} / {fmt(memory.get('rssWithStreamsMb'), 'MB')} / "
        f"{fmt(memory.get('rssEndMb'), 'MB')}; {fmt(memory.get('perStreamKb'), 'kB', 1)}", "—", "—", None)


def gateway_rows(R, t, row):
    """The gateway rows (issue 14): single-event ingest direct and through the gateway in the same run, each path's
    closed-loop maximum and its open-loop p99 at 70% of its own maximum, and gateway ÷ direct."""
    def res(step):
        return (R.get(step) or {}).get("result") or {}

    dmax, gmax = res("gateway-overhead-direct-max"), res("gateway-overhead-gateway-max")
    drate, grate = res("gateway-overhead-direct-rate"), res("gateway-overhead-gateway-rate")
    if not (dmax or gmax or drate or grate):
        if "gateway-overhead" in ((R.get("machine") or {}).get("steps") or []):
            row("gateway overhead", "not measured: the step failed (see .bench/logs/bench-gateway-overhead-*.log)",
                f"≥ {t.get('gatewayVsDirect')}", "n/a", False)
        return
    target = t.get("gatewayVsDirect")
    d, g = dmax.get("requestsPerS"), gmax.get("requestsPerS")
    row("ingest single event, closed loop max: direct / through the gateway (/api/ingest)",
        f"{fmt(d, 'requests/s')} / {fmt(g, 'requests/s')}", "—", "—", None)
    ratio = g / d if d and g else None
    row("gateway ÷ direct, closed loop max requests/s", fmt(ratio, "", 2), f"≥ {target}",
        fmt(ratio / target, "", 2) if ratio and target else "n/a",
        None if ratio is None or not target else ratio >= target)
    for label, r in (("direct", drate), ("through the gateway", grate)):
        lat = r.get("latencyMs") or {}
        row(f"ingest single event {label}, open loop at 70% of its own max ({fmt(r.get('targetRate'), 'requests/s')}):"
            " requests/s reached; p50 / p99 / p99.9 / max",
            f"{fmt(r.get('requestsPerS'), 'requests/s')}; "
            + " / ".join(fmt(lat.get(k), "ms", 1) for k in ("p50", "p99", "p999", "max")), "—", "—", None)
    dr, gr = drate.get("requestsPerS"), grate.get("requestsPerS")
    rratio = gr / dr if dr and gr else None
    row("gateway ÷ direct, open loop requests/s at 70% of each path's max", fmt(rratio, "", 2), f"≥ {target}",
        fmt(rratio / target, "", 2) if rratio and target else "n/a",
        None if rratio is None or not target else rratio >= target)
    dp, gp = (drate.get("latencyMs") or {}).get("p99"), (grate.get("latencyMs") or {}).get("p99")
    row("p99 at 70%: through the gateway − direct", fmt(gp - dp, "ms", 1) if dp is not None and gp is not None
        else "n/a", "—", "—", None)
    for step in ("gateway-overhead-gateway-max", "gateway-overhead-gateway-rate"):
        rr = (R.get(step) or {}).get("resources") or {}
        gw, ing = rr.get("gateway") or {}, rr.get("ingest") or {}
        if gw:
            row(f"{step}: gateway CPU avg (peak) / RSS peak; ingest CPU avg",
                f"{fmt(gw.get('cpuAvgPct'), '%')} ({fmt(gw.get('cpuPeakPct'), '%')}) / {fmt(gw.get('rssPeakMb'), 'MB')}; "
                f"{fmt(ing.get('cpuAvgPct'), '%')}", "—", "—", None)


def meta_days(preload):
    """Days between a preload's first and last event (its from/to)."""
    import datetime
    try:
        start = datetime.datetime.fromisoformat(preload["from"].replace("Z", "+00:00"))
        end = datetime.datetime.fromisoformat(preload["to"].replace("Z", "+00:00"))
        return round((end - start).total_seconds() / 86400)
    except (KeyError, ValueError, AttributeError):
        return None


def replicas_table(R, meta):
    """The "journey replicas" table: one line per row of the journey-replicas step, in the order they ran."""
    rows = sorted((r for name, r in R.items() if name.startswith("journey-replicas-") and not name.endswith("-preload")),
                  key=lambda r: (r.get("result") or {}).get("label") or "")
    if not rows:
        return []
    out = ["", "## Journey replicas", "",
           "| replicas | partitions per replica (end) | records (distinct) | events/s | drain (longest stall) | all ready after launch "
           "| events/s once all ready | journey CPU Σ avg | machine busy "
           "| applied (Σ replicas) | skipped (duplicates + redelivered) | dead-lettered | timeline rows / distinct / inbox rows "
           "| journey events: records / steps emitted twice / ids seen twice | lag at end | applied once |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        x = r.get("result") or {}
        res = r.get("resources") or {}
        cpu = sum((v or {}).get("cpuAvgPct") or 0 for k, v in res.items() if k.startswith("journey-r") and isinstance(v, dict))
        kill = x.get("killed") or {}
        who = str(x.get("replicas"))
        if kill:
            who += f" ({kill.get('killed')} SIGKILLed at {fmt(kill.get('atApplied'))} applied)"
        parts = ", ".join(f"{k[len('journey-'):]} {v}" for k, v in (x.get("partitionsPerReplica") or {}).items()) or "—"
        db = x.get("db") or {}
        ev = x.get("journeyEvents") or {}
        redel = x.get("redelivered")
        skipped = fmt(x.get("skipped")) + (f" (of which redelivered {fmt(redel)})" if redel else "")
        if kill:
            skipped += " (live replicas only)"
        verdict_text = "pass" if x.get("appliedOnce") else "**FAIL**: " + "; ".join(x.get("failedChecks") or ["no result"])
        out.append(f"| {who} | {parts} | {fmt(x.get('records'))} ({fmt(x.get('uniqueEvents'))}) | "
                   f"{fmt(x.get('eventsPerS'), 'events/s')} | {fmt(x.get('consumeS'), 's', 1)} "
                   f"({fmt(x.get('longestStallS'), 's', 1)}) | {fmt(x.get('allReadyS'), 's', 1)} | "
                   f"{fmt(x.get('eventsPerSOnceReady'), 'events/s')} over {fmt(x.get('onceReadyS'), 's', 1)} | {fmt(cpu, '%')} | "
                   f"{fmt(res.get('machineBusyPct'), '%')} | {fmt(x.get('applied'))} | {skipped} | "
                   f"{fmt(x.get('deadLettered'))} | {fmt(db.get('timelineRows'))} / {fmt(db.get('timelineDistinct'))} / "
                   f"{fmt(db.get('inboxRows'))} | {fmt(ev.get('records'))} / {fmt(ev.get('stepsWithTwoIds'))} / "
                   f"{fmt(ev.get('idsSeenTwice'))} | {fmt(x.get('lag'))} | {verdict_text} |")
    out.append("")
    out.append("events/s: distinct events claimed in journey's inbox ÷ the time from the start of consumption (the last "
               "poll that saw none) to the poll that saw all of them, every 0.25 s; the replicas start together after "
               "the preload, so their JVM starts and the rebalances as they join are inside the time; \"once all ready\": "
               "from the first 1 s progress sample after the last replica's /q/health/ready answered 200 to the end; longest "
               "stall: the longest run of 1 s progress samples without a new event applied. "
               "Every row consumes the same preloaded records (the group reset to where the preload began, the "
               "database dropped and recreated). CPU: the "
               "replicas' average over the row (per core: 200% = both cores). Applied once = inbox rows = timeline "
               "rows = distinct timeline ids = the preload's distinct events, nothing dead-lettered, lag 0, the "
               "outbox relayed, no journey step (journeyInstanceId + revision) published under two ids, the distinct "
               "steps on cx.journey-events.v1 = Σ revision of journey's instances"
               + ", and without a kill Σ applied = distinct events.")
    return out


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
    ingest_steps = [s for s in ("payloads", "perf", "batch", "single", "rate") if s in meta.get("steps", [])]

    def row(metric, measured, target, ratio, ok):
        # the ingest rows only when an ingest step ran (WINDBELL_BENCH_STEPS may pick journey alone)
        if ingest_steps:
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
    # the rate step's share of the max (70 % unless WINDBELL_BENCH_RATE_PCT says otherwise); the target is at 70 %
    share = f"{round(rate['targetRate'] / single * 100)}%" if rate.get("targetRate") and single else "70%"
    row(f"ingest p99 at {share} of max, open loop ({fmt(rate.get('targetRate'), 'requests/s')})",
        fmt(p99, "ms", 1), f"≤ {t.get('p99Ms')} ms at 70%",
        fmt(p99 / t["p99Ms"], "", 2) if p99 is not None else "n/a",
        None if p99 is None else p99 <= t["p99Ms"])
    lat = rate.get("latencyMs") or {}
    row(f"ingest p50 / p99.9 / max at {share} of max",
        " / ".join(fmt(lat.get(k), "ms", 1) for k in ("p50", "p999", "max")), "—", "—", None)
    split = rate.get("latencySplitMs") or {}
    if split:
        row(f"ingest p99 at {share}, split: waiting in the load generator / in flight",
            " / ".join(fmt((split.get(k) or {}).get("p99"), "ms", 1) for k in ("waitToSend", "inFlight")),
            "—", "—", None)
    ready = start.get("readyS")
    row("ingest start to ready (JVM, launch → /q/health/ready 200)", fmt(ready, "s", 2), f"≤ {t.get('startS')} s",
        fmt(ready / t["startS"], "", 2) if ready else "n/a", None if ready is None else ready <= t["startS"])
    idle = start.get("idleRssMb")
    row("ingest RSS idle (after ready)", fmt(idle, "MB"), f"≤ {t.get('idleRssMb')} MB",
        fmt(idle / t["idleRssMb"], "", 2) if idle else "n/a", None if idle is None else idle <= t["idleRssMb"])

    # journey: throughput with durable state, latency at a fixed rate, resources at the end
    jsteps = [s for s in ("journey-preload", "journey-throughput", "journey-latency") if s in meta.get("steps", [])]

    def jrow(metric, measured, target, ratio, ok):
        rows.append(f"| {metric} | {measured} | {target} | {ratio} | {verdict(ok)} |")

    if jsteps:
        preload = res("journey-preload")
        catchup = res("journey-throughput")
        jload = res("journey-latency")
        jproc = R.get("journey-processing", {})
        jlat = jproc.get("latency") or {}
        teps = catchup.get("eventsPerS")
        teps_ok = None if teps is None else (teps >= t["journeyEventsPerS"] and not catchup.get("timedOut"))
        note = " (timed out: rate so far)" if catchup.get("timedOut") else ""
        jrow(f"journey, durable state: {fmt(preload.get('records'))} preloaded records applied from start of "
            f"consumption{note}", fmt(teps, "events/s"), f"≥ {fmt(t.get('journeyEventsPerS'))} events/s",
            fmt(teps / t["journeyEventsPerS"], "", 2) if teps else "n/a", teps_ok)
        p99 = jlat.get("p99Ms")
        jrow(f"journey p99, Kafka record → journey state committed, at {fmt(jload.get('targetRate'), 'events/s')} "
            f"(open loop, {fmt(jlat.get('count'))} events)", fmt(p99, "ms", 1), f"≤ {t.get('journeyP99Ms')} ms",
            fmt(p99 / t["journeyP99Ms"], "", 2) if p99 is not None else "n/a",
            None if p99 is None else p99 <= t["journeyP99Ms"])
        jrow("journey p50 / p99.9 / max at that rate", " / ".join(fmt(jlat.get(k), "ms", 1)
            for k in ("p50Ms", "p999Ms", "maxMs")), "—", "—", None)
        jrow("journey load generator: rate reached / behind schedule p99",
            f"{fmt(jload.get('eventsPerS'), 'events/s')} / {fmt((jload.get('behindScheduleMs') or {}).get('p99'), 'ms', 1)}",
            "—", "—", None)
        jrow("journey RSS at the end / consumer lag at the end", f"{fmt(jproc.get('rssMb'), 'MB')} / "
            f"{fmt(jproc.get('consumerLag'))} records", "—", "—", None)
        jready = R.get("journey-startup", {}).get("readyS")
        jrow("journey start to ready while consuming the preload (JVM)", fmt(jready, "s", 2), "—", "—", None)
        jwait = jproc.get("waitBeforeBatch") or {}
        jrow(f"journey at that rate: waiting for a consumer p50 / p99 (part of the latency); mean batch",
            f"{fmt(jwait.get('p50Ms'), 'ms', 1)} / {fmt(jwait.get('p99Ms'), 'ms', 1)}; "
            f"{fmt(jproc.get('meanBatchSize'), 'records', 0)}", "—", "—", None)
        # where the time of a batch goes, draining the backlog and at the fixed rate
        phase_sets = [("draining the backlog", R.get("journey-throughput-phases", {})),
                      ("at the fixed rate", jproc)]
        for label, source in phase_sets:
            phases = (source or {}).get("phases") or {}
            if phases:
                total = sum((v or {}).get("meanMs") or 0 for v in phases.values())
                parts = ", ".join(f"{k} {fmt((v or {}).get('meanMs'), 'ms', 1)}" for k, v in phases.items())
                jrow(f"journey batch phases {label} (mean per batch of {fmt((source or {}).get('meanBatchSize'), '', 0)}"
                     f" records; sum {fmt(total, 'ms', 1)})", parts, "—", "—", None)

    # survey: decisions with durable state, what they decided, delivery; latency to the invitation
    ssteps = [s for s in ("survey-preload", "survey-throughput", "survey-latency") if s in meta.get("steps", [])]
    if ssteps:
        spre = res("survey-preload")
        scatch = res("survey-throughput")
        sdec = R.get("survey-decisions", {})
        slat = res("survey-latency")
        note = " (timed out: rate so far)" if scatch.get("timedOut") else ""
        jrow(f"survey, durable state: {fmt(spre.get('records'))} preloaded journey ends decided, from start of "
             f"consumption{note}", fmt(scatch.get("perS"), "decisions/s"), "—", "—", None)
        outcomes = sdec.get("outcomes") or {}
        total = sum(outcomes.values()) or None
        jrow("survey decisions by outcome", ", ".join(f"{k} {fmt(v)} ({100.0 * v / total:.1f}%)"
             for k, v in outcomes.items()) if total else "n/a", "—", "—", None)
        at, end = sdec.get("invitationsAtCatchUp") or {}, sdec.get("invitationsAfterDelivery") or {}
        jrow("survey invitations by status at catch-up / once delivery settled "
             f"({fmt(sdec.get('deliverySettledAfterS'), 's', 1)} later)",
             f"{', '.join(f'{k} {fmt(v)}' for k, v in at.items()) or 'none'} / "
             f"{', '.join(f'{k} {fmt(v)}' for k, v in end.items()) or 'none'}", "—", "—", None)
        jrow("survey RSS after the backlog / start to ready while consuming it (JVM)",
             f"{fmt(sdec.get('rssMb'), 'MB')} / {fmt(sdec.get('readyS'), 's', 2)}", "—", "—", None)
        inv = slat.get("invitations") or {}
        lat = inv.get("latencyMs") or {}
        if slat:
            jrow(f"survey p50 / p99 / p99.9 / max, journey event → survey.invited (Kafka timestamps) at "
                 f"{fmt(slat.get('targetRate'), 'journeys/s')}, delay 0 ({fmt(inv.get('matchedMeasured'))} invitations)",
                 " / ".join(fmt(lat.get(k), "ms", 1) for k in ("p50", "p99", "p999", "max")), "—", "—", None)
            jrow("survey load generator: rate reached / behind schedule p99",
                 f"{fmt(slat.get('eventsPerS'), 'journeys/s')} / "
                 f"{fmt((slat.get('behindScheduleMs') or {}).get('p99'), 'ms', 1)}", "—", "—", None)

    gateway_rows(R, t, jrow)
    scoring_rows(R, res, t, meta, jrow)
    workorder_rows(R, t, jrow)
    notification_rows(R, t, jrow)

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
    out.append("- everything (broker, database, Keycloak, ingest, journey, load generator) shares these CPUs: "
               "ratios measured in the same run count, absolute numbers are indicative only")
    if any(s.startswith("journey-") for s in meta.get("steps", [])):
        out.append("- journey: its own empty database; records written straight to the topic as ingest publishes "
                   "them (loadgen `journeys`); throughput = preloaded records ÷ time from the start of consumption "
                   "until applied ≥ records (GET /v1/admin/processing every 0.25 s); latency = journey's own "
                   "histogram, Kafka record timestamp → journey state committed, reset after a 30 s warmup")
    if any(s.startswith("survey-") for s in meta.get("steps", [])):
        out.append("- survey: its own empty database; quiet hours off; every active rule at delay PT0S and the "
                   "sampling rate of WINDBELL_BENCH_SURVEY_SAMPLING (default 1.0) through the admin API; the real contact budget; journey ends written straight to the topic as "
                   "journey's outbox relay publishes them (loadgen `journey-ends`, one customer each); throughput = "
                   "journey ends ÷ time from the start of consumption until SELECT count(*) FROM survey_decision ≥ "
                   "journey ends (psql every 0.25 s); latency = Kafka timestamp of the journey event → of its "
                   "survey.invited record, read back by the load generator")
    if any(s.startswith("scoring-") for s in meta.get("steps", [])):
        out.append("- scoring: its own empty database; journey and survey stopped; touchpoints and answers of the last "
                   "120 days written straight to the topics as ingest and survey publish them (loadgen "
                   "`scoring-events`); throughput = events ÷ time from the start of consumption until the channel's "
                   "applied + skipped + dead-lettered in scoring's readiness data ≥ events (every 0.25 s); queries: "
                   "sequential GETs with a cx-analyst token after 50 warmup ones; alert latency = Kafka timestamp of "
                   "survey.responded → of its alert.low-score, read back by the load generator")
    if "workorder-alerts" in meta.get("steps", []):
        out.append("- workorder: its own empty database; journey, survey and scoring stopped; its consumer group at the end "
                   "of its topics; the demo staff directory imported (tools/stack/demo-staff.py); alert.low-score written "
                   "straight to the topic as scoring's relay publishes them (loadgen `workorder-alerts`, one customer "
                   "each, open loop, 200 warm-up alerts left out); latency = the load generator's receive time of the "
                   "workorder.created whose sourceAlertId is the alert's minus the time it sent the alert")
    if "gateway-overhead" in meta.get("steps", []):
        out.append("- gateway: ingest and the gateway trust tokens of a key the bench made (quarkus.oidc.public-key), one "
                   "channel-app token for both paths; the gateway's ingest rate limit raised out of the way (the limiter "
                   "still runs), its other routes pointed at ingest; the load generator's `max` and `rate` (single "
                   "events) direct to ingest, then through /api/ingest; each path's rate at 70% of its own max")
    if "notification-push" in meta.get("steps", []):
        out.append("- notification: its own empty database; the other services stopped; its consumer group at the end of "
                   "its topics; bearer tokens of bench employees signed with a key the bench made and notification "
                   "trusts (quarkus.oidc.public-key); the streams held open by the load generator (loadgen "
                   "`notification-push`), then workorder.created written straight to the topic as workorder's relay "
                   "publishes them, each assigned to a random connected employee (open loop, warm-up left out); "
                   "latency = the load generator's receive time of the inbox-item whose workOrderId is the order's "
                   "minus the time it handed the record to the producer")
    base = R.get("baseline", {}).get("machineBusyPct")
    if base is not None:
        cpus = meta.get("nproc") or 1
        warn = " **(other processes were busy: figures are low and noisy, re-run on an idle machine)**" \
            if base > 20 * cpus else ""
        out.append(f"- machine busy before the first step (the stack idle): {base:.0f}% of {cpus * 100}%{warn}")
    out.append("")
    if rows:  # none when only the startup or journey-replicas step ran
        out.append("| metric | measured | target | ratio | result |")
        out.append("|---|---|---|---|---|")
        out.extend(rows)
    out.extend(replicas_table(R, meta))
    out.append("")
    out.extend(startup_table(R, t))
    out.append("## Per step")
    out.append("")
    out.append("| step | exit | errors / non-2xx | ingest CPU avg (peak) | ingest RSS peak | journey CPU avg (peak) "
               "| journey RSS peak | survey CPU avg (peak) | survey RSS peak | scoring CPU avg (peak) | scoring RSS peak "
               "| kafka CPU avg | machine busy |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    # a scoring step records its parts (the preload, each query) under their own names
    steps = [p for s in meta.get("steps", []) for p in (s, s + "-preload", s + "-metrics", s + "-pyramid",
             s + "-warmup", s + "-direct-max", s + "-gateway-max", s + "-direct-rate", s + "-gateway-rate") if p in R]
    for s in steps:
        r = R[s]
        rr = r.get("resources") or {}
        ing = rr.get("ingest") or {}
        jou = rr.get("journey") or {}
        sur = rr.get("survey") or {}
        sco = rr.get("scoring") or {}
        kaf = rr.get("kafka") or {}
        result = r.get("result") or {}
        status = result.get("status") or {}
        non2xx = sum(v for k, v in status.items() if not str(k).startswith("2")) if status else None
        errs = result.get("errors")
        if errs is None and non2xx is None:
            errcol = "—"
        elif non2xx is None:
            errcol = f"{errs} / —"
        else:
            errcol = f"{errs if errs is not None else '?'} / {non2xx}"
        cpu = f"{fmt(ing.get('cpuAvgPct'), '%')} ({fmt(ing.get('cpuPeakPct'), '%')})" if ing else "—"
        jcpu = f"{fmt(jou.get('cpuAvgPct'), '%')} ({fmt(jou.get('cpuPeakPct'), '%')})" if jou else "—"
        scpu = f"{fmt(sur.get('cpuAvgPct'), '%')} ({fmt(sur.get('cpuPeakPct'), '%')})" if sur else "—"
        ocpu = f"{fmt(sco.get('cpuAvgPct'), '%')} ({fmt(sco.get('cpuPeakPct'), '%')})" if sco else "—"
        out.append(f"| {s} | {r.get('exitCode')} | {errcol} | {cpu} | {fmt(ing.get('rssPeakMb'), 'MB') if ing else '—'} | "
                   f"{jcpu} | {fmt(jou.get('rssPeakMb'), 'MB') if jou else '—'} | "
                   f"{scpu} | {fmt(sur.get('rssPeakMb'), 'MB') if sur else '—'} | "
                   f"{ocpu} | {fmt(sco.get('rssPeakMb'), 'MB') if sco else '—'} | "
                   f"{fmt(kaf.get('cpuAvgPct'), '%') if kaf else '—'} | {fmt(rr.get('machineBusyPct'), '%')} |")
    out.append("")
    out.append("CPU% is per core (200% = both cores of a 2-CPU machine), sampled from /proc once a second "
               "after the warmup; RSS from VmRSS.")
    out.append("")
    out.append("## Commands")
    out.append("")
    for s in steps:
        out.append(f"- {s}: `{R[s].get('command')}`")
    # a step can also fail a check after its command succeeded (bench.sh writes checkFailed)
    failed = [s for s in steps if R[s].get("exitCode") != 0 or R[s].get("checkFailed")]
    if failed:
        out.append("")
        out.append(f"Steps that failed: {', '.join(failed)} (see .bench/logs/bench-<step>.log).")
    print("\n".join(out))


# --------------------------------------------------------------------------------------------
# Journey replicas: K journey processes in one consumer group (issue 15, item 5)
# --------------------------------------------------------------------------------------------
def cmd_messaging_get(url):
    data = messaging_data(url)
    if data is None:
        sys.exit(f"no windbell-messaging data at {url}")
    print(json.dumps(data))


REPLICA_RE = re.compile(r"journey-r(\d+)")


def group_assignment(text):
    """{"lag", "partitions", "perReplica": {"journey-r1": n, ...}, "unassigned"} of `ConsumerGroupCommand --describe`."""
    header, lag, partitions, unassigned, unknown, per = None, 0, 0, 0, 0, {}
    for line in text.splitlines():
        cols = line.split()
        if not cols:
            continue
        if "PARTITION" in cols and "LAG" in cols:
            header = cols
            continue
        if header is None or len(cols) < len(header) - 3 or not cols[header.index("PARTITION")].isdigit():
            continue
        partitions += 1
        value = cols[header.index("LAG")]
        if value.isdigit():
            lag += int(value)
        else:
            unknown += 1
        client = cols[header.index("CLIENT-ID")] if "CLIENT-ID" in header and len(cols) == len(header) else "-"
        m = REPLICA_RE.search(client)
        if m:
            per["journey-r" + m.group(1)] = per.get("journey-r" + m.group(1), 0) + 1
        else:
            unassigned += 1
    return {"lag": lag if header and not unknown else None, "lagKnown": lag, "described": header is not None,
            "partitions": partitions, "unknownLag": unknown,
            "perReplica": dict(sorted(per.items())), "unassigned": unassigned}


def cmd_group_assignment(path):
    print(json.dumps(group_assignment(open(path, errors="replace").read())))


def _find_step(value):
    """(journeyInstanceId, revision) of the journey summary somewhere in an event's JSON, or None."""
    if isinstance(value, dict):
        if "journeyInstanceId" in value and "revision" in value:
            return value["journeyInstanceId"], value["revision"]
        for v in value.values():
            found = _find_step(v)
            if found:
                return found
    elif isinstance(value, list):
        for v in value:
            found = _find_step(v)
            if found:
                return found
    return None


CE_ID_RE = re.compile(r"(?:^|,)ce_id:([0-9a-fA-F-]{36})")
CE_TYPE_RE = re.compile(r"(?:^|,)ce_type:([^,\t]+)")


def journey_events_check(start_lines, event_lines):
    """Counts the journey events written after START (per-partition end offsets) and what came out twice."""
    start = {}
    for line in start_lines:
        parts = line.strip().rsplit(":", 2)
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            start[int(parts[1])] = int(parts[2])
    records, ids, steps, types, unreadable = 0, {}, {}, {}, 0
    for line in event_lines:
        fields = line.rstrip("\n").split("\t")
        p = next((f for f in fields if f.startswith("Partition:")), None)
        o = next((f for f in fields if f.startswith("Offset:")), None)
        if p is None or o is None:
            continue
        if int(o.split(":", 1)[1]) < start.get(int(p.split(":", 1)[1]), 0):
            continue
        records += 1
        headers = next((f for f in fields if "ce_id:" in f), "")
        m = CE_ID_RE.search(headers)
        t = CE_TYPE_RE.search(headers)
        ce_id = m.group(1) if m else None
        ctype = t.group(1) if t else "?"
        types[ctype] = types.get(ctype, 0) + 1
        try:
            step = _find_step(json.loads(fields[-1]))
        except ValueError:
            step = None
        if ce_id is None or step is None:
            unreadable += 1
            continue
        ids[ce_id] = ids.get(ce_id, 0) + 1
        steps.setdefault(step, set()).add(ce_id)
    return {"records": records, "distinctIds": len(ids), "idsSeenTwice": sum(1 for n in ids.values() if n > 1),
            "steps": len(steps), "stepsWithTwoIds": sum(1 for v in steps.values() if len(v) > 1),
            "unreadable": unreadable, "types": dict(sorted(types.items()))}


def cmd_journey_events_check(start_path, events_path):
    print(json.dumps(journey_events_check(open(start_path, errors="replace").read().splitlines(),
                                          open(events_path, errors="replace"))))


def _load_json(path):
    try:
        return json.load(open(path)) if os.path.getsize(path) > 0 else None
    except (OSError, ValueError):
        return None


def rate_once_ready(catchup, ready):
    """Events/s from the first progress sample after the last replica became ready to the end of the drain: the
    replicas' steady throughput without their JVM starts (None when the drain ended before that)."""
    if not ready or not catchup.get("caughtUp"):
        return None, None
    since = max(ready.values())
    points = [(t, c) for t, c in catchup.get("progress") or [] if t >= since]
    end, count = catchup.get("pollerS"), catchup.get("count")
    if not points or end is None or count is None or end - points[0][0] < 2:
        return None, None
    t, c = points[0]
    return round((count - c) / (end - t), 1), round(end - t, 1)


def longest_stall(progress):
    """The longest stretch (s) of progress samples without a new event applied, after consumption began."""
    longest, since, last = 0.0, None, None
    for t, c in progress or []:
        if c and c == last:
            longest = max(longest, t - since)
        else:
            since, last = t, c
    return round(longest, 1)


def replicas_row(label, k, preload, catchup, healths, group, db, events, kill, exit_code, ready):
    """One row of the journey-replicas table, with the applied-once checks (all must pass)."""
    unique = preload.get("uniqueEvents")
    records = preload.get("records")
    killed = bool(kill.get("killed"))

    def total(key):
        return sum(int((h or {}).get(f"touchpoints.{key}", 0)) for h in healths.values())

    applied, skipped, dead = total("applied"), total("skipped"), total("dead-lettered")
    checks = [
        ("caught up", bool(catchup.get("caughtUp"))),
        ("inbox rows = distinct events of the preload", db.get("inboxRows") == unique),
        ("timeline rows = distinct events of the preload", db.get("timelineRows") == unique),
        ("no event id twice on the timeline", db.get("timelineRows") == db.get("timelineDistinct")),
        ("nothing dead-lettered", dead == 0),
        ("consumer lag 0", group.get("lag") == 0),
        ("outbox relayed", db.get("outboxLeft") == 0),
        ("no journey step emitted under two ids", events.get("stepsWithTwoIds") == 0 and events.get("records", 0) > 0),
        # revision counts the events of an instance: every one of them is on the topic, none of them twice
        ("journey steps on the topic = Σ revision of the instances", events.get("steps") is not None and events.get("steps") == db.get("revisionSum")),
    ]
    if not killed:
        # a killed replica takes its counters with it; the live replicas' sum is checked only without one
        checks.append(("Σ applied over the replicas = distinct events", applied == unique))
        checks.append(("Σ applied + skipped ≥ records", applied + skipped + dead >= (records or 0)))
    failed = [name for name, ok in checks if not ok]
    steady = rate_once_ready(catchup, ready)
    return {
        "label": label, "replicas": k, "killed": kill or None, "records": records, "uniqueEvents": unique,
        "preloadDuplicates": preload.get("duplicates"),
        "eventsPerS": catchup.get("perS"), "consumeS": catchup.get("consumeS"), "startFrom": catchup.get("startFrom"),
        "caughtUp": catchup.get("caughtUp"),
        "eventsPerSOnceReady": steady[0], "onceReadyS": steady[1],
        "longestStallS": longest_stall(catchup.get("progress")), "allReadyS": max(ready.values()) if ready else None,
        "readyS": ready, "applied": applied, "skipped": skipped, "deadLettered": dead,
        # skipped beyond the preload's resent duplicates: records delivered again (a rebalance, a killed replica)
        "redelivered": applied + skipped + dead - records if records is not None and not killed else None,
        "perReplica": {name: {"applied": (h or {}).get("touchpoints.applied"), "skipped": (h or {}).get("touchpoints.skipped"),
                              "relayPublished": (h or {}).get("relay.published")} for name, h in sorted(healths.items())},
        "partitionsPerReplica": group.get("perReplica"), "lag": group.get("lag"), "db": db, "journeyEvents": events,
        "appliedOnce": not failed, "failedChecks": failed, "checks": [name for name, _ in checks], "exitCode": exit_code,
    }


def cmd_replicas_row(d, label, k, preload_path, exit_code, kill_json, ready_args):
    preload = ((_load_json(preload_path) or {}).get("result")) or {}
    healths = {os.path.basename(p)[len("health-"):-len(".json")]: _load_json(p)
               for p in glob.glob(os.path.join(d, "health-*.json"))}
    group = group_assignment(open(os.path.join(d, "group.txt"), errors="replace").read()) \
        if os.path.exists(os.path.join(d, "group.txt")) else {}
    ready = {a.split("=", 1)[0]: float(a.split("=", 1)[1]) for a in ready_args if "=" in a}
    row = replicas_row(label, int(k), preload, _load_json(os.path.join(d, "catchup.json")) or {}, healths, group,
                       _load_json(os.path.join(d, "db.json")) or {}, _load_json(os.path.join(d, "events.json")) or {},
                       json.loads(kill_json or "{}"), int(exit_code), ready)
    row["resources"] = _load_json(os.path.join(d, "resources.json"))
    print(json.dumps(row))


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
    elif cmd == "startup-json":
        cmd_startup_json(*args)
    elif cmd == "journey-catchup":
        cmd_journey_catchup(args[0], int(args[1]), float(args[2]), int(args[3]) if len(args) > 3 else 0)
    elif cmd == "journey-settle":
        cmd_journey_settle(args[0], float(args[1]))
    elif cmd == "journey-get":
        cmd_journey_get(args[0])
    elif cmd == "journey-reset":
        cmd_journey_reset(args[0])
    elif cmd == "group-lag":
        cmd_group_lag(args[0])
    elif cmd == "messaging-get":
        cmd_messaging_get(args[0])
    elif cmd == "group-assignment":
        cmd_group_assignment(args[0])
    elif cmd == "journey-events-check":
        cmd_journey_events_check(args[0], args[1])
    elif cmd == "replicas-row":
        cmd_replicas_row(args[0], args[1], args[2], args[3], args[4], args[5], args[6:])
    elif cmd == "db-catchup":
        sep = args.index("--")
        head, tail = args[:sep], args[sep + 1:]
        cmd_db_catchup(int(head[0]), float(head[1]), int(head[2]) if len(head) > 2 else 0, tail)
    elif cmd == "health-catchup":
        cmd_health_catchup(args[0], args[1], int(args[2]), float(args[3]), int(args[4]) if len(args) > 4 else 0)
    elif cmd == "health-settle":
        cmd_health_settle(args[0], float(args[1]))
    elif cmd == "http-latency":
        cmd_http_latency(args[0], args[1], int(args[2]), int(args[3]))
    elif cmd == "db-settle":
        sep = args.index("--")
        cmd_db_settle(float(args[0]), args[sep + 1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

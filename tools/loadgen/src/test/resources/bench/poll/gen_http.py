#!/usr/bin/env python3
"""Expected outputs of bench.py's HTTP poll subcommands against a fake server (PollHttpCommandsTest's fixtures).

Run from the repository root: python3 tools/loadgen/src/test/resources/bench/poll/gen_http.py
Each scenario gives the fake server's answers per "METHOD /path" (taken in order, the last one repeated; a body is
JSON, or "raw" text; 204 has none) and bench.py's command line ({base} is the server's http://127.0.0.1:PORT). The
clock is fake (time.sleep advances it), so catch-up and settle are deterministic. Writes http-scenarios.json and
http-expected.json (stdout, stderr, exit code and the requests the server saw, {base} put back). The db subcommands
run a real command on a counter file in a new directory ({dir}, with the scenario's "files").
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, "tools/bench")
import bench  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def ok(body):
    return {"status": 200, "body": body}


def status(code, body=None):
    return {"status": code} if body is None else {"status": code, "body": body}


def token(name):
    return ok({"access_token": name, "token_type": "Bearer"})


def processing(applied, skipped=0, dead=0, **more):
    return ok(dict({"applied": applied, "skipped": skipped, "deadLettered": dead, "outboxPublished": applied,
                    "latency": {"p50Ms": 1.5, "p99Ms": 12.25}}, **more))


def health(status_code=200, **counters):
    checks = [{"name": "kafka", "status": "UP"}]
    if counters:
        checks.append({"name": "windbell-messaging", "status": "UP", "data": counters})
    return {"status": status_code, "body": {"status": "UP" if status_code == 200 else "DOWN", "checks": checks}}


def scoring(applied, skipped=0, dead=0, other=0):
    return health(**{"scoring-events.applied": applied, "scoring-events.skipped": skipped,
                     "scoring-events.dead-lettered": dead, "alerts.applied": other, "alerts.lag": 7})


# a count that grows by 7 a call, failing (exit 1) while negative; the header line is left out (the last line counts)
COUNTER = 'n=$(cat "$0"/count); echo $((n + 7)) >"$0"/count; [ "$n" -ge 0 ] || exit 1; printf "count\\n%s\\n" "$n"'
CAPPED = 'n=$(cat "$0"/count); echo $((n + 7)) >"$0"/count; [ "$n" -ge 0 ] || exit 1; [ "$n" -le 20 ] || n=20; echo "$n"'

TOKEN = {"POST /token": [token("t1"), token("t2"), token("t3")]}

SCENARIOS = [
    {"name": "journey-catchup-token-refreshed-on-401",
     "args": ["journey-catchup", "{base}/", "300", "30"],
     "routes": dict(TOKEN, **{"GET /v1/admin/processing": [status(503), status(401)] + [processing(0)] * 3
                              + [processing(40), processing(100, 5, 2), processing(200, 10), processing(290, 10, 1)]})},
    {"name": "journey-catchup-baseline-timeout",
     "args": ["journey-catchup", "{base}", "5000", "4", "1000"],
     "routes": dict(TOKEN, **{"GET /v1/admin/processing": [processing(1000), ok({})] + [
         processing(1000 + 13 * i) for i in range(1, 30)]})},
    {"name": "journey-catchup-nothing-answers",
     "args": ["journey-catchup", "{base}", "10", "1.5"],
     "routes": dict(TOKEN, **{"GET /v1/admin/processing": [status(502)]})},
    {"name": "journey-settle-settled",
     "args": ["journey-settle", "{base}", "20"],
     "routes": dict(TOKEN, **{"GET /v1/admin/processing": [status(500), processing(5), processing(9, 1),
                                                          processing(10), processing(10)]})},
    {"name": "journey-settle-timeout",
     "args": ["journey-settle", "{base}", "3"],
     "routes": dict(TOKEN, **{"GET /v1/admin/processing": [processing(i) for i in range(1, 10)]})},
    {"name": "journey-get",
     "args": ["journey-get", "{base}"],
     "routes": dict(TOKEN, **{"GET /v1/admin/processing": [processing(12, 1, 0, note="caf\u00e9 \"quoted\"")]})},
    {"name": "journey-get-not-an-object",
     "args": ["journey-get", "{base}"],
     "routes": dict(TOKEN, **{"GET /v1/admin/processing": [ok([1, 2])]})},
    {"name": "journey-get-token-endpoint-down",
     "args": ["journey-get", "{base}"],
     "routes": {"POST /token": [status(503)], "GET /v1/admin/processing": [processing(1)]}},
    {"name": "journey-reset",
     "args": ["journey-reset", "{base}"],
     "routes": dict(TOKEN, **{"POST /v1/admin/processing/reset": [status(401), status(204)]})},
    {"name": "journey-reset-forbidden",
     "args": ["journey-reset", "{base}"],
     "routes": dict(TOKEN, **{"POST /v1/admin/processing/reset": [status(403)]})},
    {"name": "journey-reset-no-access-token",
     "args": ["journey-reset", "{base}"],
     "routes": {"POST /token": [ok({"error": "invalid_client"})]}},
    {"name": "health-catchup",
     "args": ["health-catchup", "{base}/q/health/ready", "scoring-events", "120", "30"],
     "routes": {"GET /q/health/ready": [status(404), health(503), health(503, **{"scoring-events.lag": 3})]
                + [scoring(0)] * 2 + [scoring(30, 1), scoring(60, 2, 1, other=5), scoring(119, 1, 0, other=6),
                                      scoring(121)]}},
    {"name": "health-catchup-baseline-timeout",
     "args": ["health-catchup", "{base}/q/health/ready", "scoring-events", "900", "2", "100"],
     "routes": {"GET /q/health/ready": [scoring(100), {"status": 200, "raw": "not json"}, scoring(100),
                                        scoring(150), scoring(170)]}},
    {"name": "health-settle",
     "args": ["health-settle", "{base}/q/health/ready", "20"],
     "routes": {"GET /q/health/ready": [health(503), scoring(1), scoring(4, 1, other=2), scoring(5, 1, other=2),
                                        scoring(5, 1, other=2)]}},
    {"name": "health-settle-timeout",
     "args": ["health-settle", "{base}/q/health/ready", "2.5"],
     "routes": {"GET /q/health/ready": [health(503)]}},
    {"name": "db-catchup-command-failing-first",
     "args": ["db-catchup", "70", "30", "--", "sh", "-c", COUNTER, "{dir}"], "files": {"count": "-21"}, "routes": {}},
    {"name": "db-catchup-baseline",
     "args": ["db-catchup", "1100", "30", "1000", "--", "sh", "-c", COUNTER, "{dir}"], "files": {"count": "1000"},
     "routes": {}},
    {"name": "db-catchup-no-such-command",
     "args": ["db-catchup", "10", "1", "--", "{dir}/no-such-command"], "routes": {}},
    {"name": "db-settle",
     "args": ["db-settle", "20", "--", "sh", "-c", CAPPED, "{dir}"], "files": {"count": "-7"}, "routes": {}},
    {"name": "db-settle-timeout",
     "args": ["db-settle", "3", "--", "sh", "-c", COUNTER, "{dir}"], "files": {"count": "0"}, "routes": {}},
    {"name": "messaging-get",
     "args": ["messaging-get", "{base}/q/health/ready"],
     "routes": {"GET /q/health/ready": [scoring(3, 1, 0, other=9)]}},
    {"name": "messaging-get-empty-data",
     "args": ["messaging-get", "{base}/q/health/ready"],
     "routes": {"GET /q/health/ready": [{"status": 503, "body": {"checks": [{"name": "windbell-messaging"}]}}]}},
    {"name": "messaging-get-no-check",
     "args": ["messaging-get", "{base}/q/health/ready"],
     "routes": {"GET /q/health/ready": [health(503)]}},
]


class Server:
    """Answers each "METHOD /path" with the next of its answers, the last repeated; records the requests."""

    def __init__(self):
        self.routes, self.taken, self.requests = {}, {}, []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                path = self.path.split("?", 1)[0]
                key = f"{self.command} {path}"
                server.requests.append([self.command, self.path, self.headers.get("Authorization"), body])
                answers = server.routes.get(key) or [{"status": 404, "raw": "no route " + key}]
                i = server.taken.get(key, 0)
                server.taken[key] = i + 1
                a = answers[min(i, len(answers) - 1)]
                data = (a["raw"] if "raw" in a else json.dumps(a["body"]) if "body" in a else "").encode()
                self.send_response(a["status"])
                if a["status"] != 204:
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if a["status"] != 204:
                    self.wfile.write(data)

            do_GET = answer
            do_POST = answer

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.http.server_port}"


class FakeTime:
    def __init__(self):
        self.now = 1764936000.0

    def time(self):
        return self.now

    def sleep(self, s):
        self.now += s


def run(server, scenario):
    server.routes, server.taken, server.requests = scenario["routes"], {}, []
    files = tempfile.mkdtemp()
    for name, text in scenario.get("files", {}).items():
        with open(os.path.join(files, name), "w") as f:
            f.write(text)
    os.environ["WINDBELL_BENCH_TOKEN_URL"] = server.base + "/token"
    bench.time = FakeTime()
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            bench.main(["bench.py"] + [a.replace("{base}", server.base).replace("{dir}", files)
                                      for a in scenario["args"]])
        except SystemExit as e:
            if isinstance(e.code, str):
                print(e.code, file=sys.stderr)
                code = 1
            else:
                code = e.code or 0

    def back(text):
        return text.replace(server.base, "{base}").replace(files, "{dir}") if isinstance(text, str) else text

    return {"stdout": back(out.getvalue()), "stderr": back(err.getvalue()), "exit": code,
            "requests": [[back(x) for x in r] for r in server.requests]}


def main():
    os.environ.pop("WINDBELL_BENCH_CLIENT_ID", None)
    os.environ.pop("WINDBELL_BENCH_CLIENT_SECRET", None)
    server = Server()
    with open(os.path.join(HERE, "http-scenarios.json"), "w") as f:
        json.dump(SCENARIOS, f, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "http-expected.json"), "w") as f:
        json.dump({s["name"]: run(server, s) for s in SCENARIOS}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

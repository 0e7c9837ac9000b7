#!/usr/bin/env python3
"""The bank's channel adapters for the local stack: the channel app's push service and the SMS gateway.

notification posts each survey invitation here (POST /push, POST /sms, ADR 0027). The sink checks what a real adapter
would (the API key, an Idempotency-Key, the fields), answers 202, and counts. It prints one line per message with the
customer id masked and never the link or the text: what arrives is a credential. GET /stats answers the counts.
Bound to 127.0.0.1 only; DEV ONLY.

    CHANNEL_SINK_API_KEY=<key> channel-sink.py --port 13090 --stack-dir .run
"""
import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REQUIRED = {"/push": ("customerId", "title", "body", "url", "invitationId"), "/sms": ("customerId", "text", "reference")}


def mask(customer_id):
    text = str(customer_id or "")
    return text[:2] + "*****" + text[-2:] if len(text) > 4 else "*****"


class Sink:
    def __init__(self, api_key):
        self.api_key = api_key
        self.lock = threading.Lock()
        self.counts = {"push": 0, "sms": 0, "repeated": 0, "refused": 0}
        self.seen = set()


def handler(sink):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):  # one line per message below instead of an access log with paths
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/stats":
                with sink.lock:
                    return self.answer(200, dict(sink.counts))
            if self.path == "/ready":
                return self.answer(200, {"status": "UP"})
            self.answer(404, {"error": "not found"})

        def do_POST(self):
            if self.path not in REQUIRED:
                return self.answer(404, {"error": "not found"})
            if sink.api_key and self.headers.get("X-Api-Key") != sink.api_key:
                with sink.lock:
                    sink.counts["refused"] += 1
                return self.answer(401, {"error": "wrong or missing X-Api-Key"})
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            except ValueError:
                return self.answer(400, {"error": "not JSON"})
            missing = [f for f in REQUIRED[self.path] if not body.get(f)]
            key = self.headers.get("Idempotency-Key")
            if missing or not key:
                with sink.lock:
                    sink.counts["refused"] += 1
                return self.answer(400, {"error": "missing " + ", ".join(missing or ["Idempotency-Key"])})
            kind = self.path[1:]
            with sink.lock:
                repeated = key in sink.seen
                sink.seen.add(key)
                sink.counts["repeated" if repeated else kind] += 1
            print(f"channel-sink: {kind} for customer {mask(body.get('customerId'))}"
                  f" (invitation {body.get('invitationId') or body.get('reference')}){' again' if repeated else ''}",
                  flush=True)
            self.answer(202, {"accepted": True})

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stack-dir", help="the stack's state dir: on the command line so make stop knows the process")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler(Sink(os.environ.get("CHANNEL_SINK_API_KEY", ""))))
    print(f"channel-sink: push service and SMS gateway on http://127.0.0.1:{args.port} (/push, /sms, /stats)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()

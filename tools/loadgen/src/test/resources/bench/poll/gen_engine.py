#!/usr/bin/env python3
"""Expected outputs of bench.py's catch_up and settle on scripted polls with a fake clock (PollerTest's fixtures).

Run from the repository root: python3 tools/loadgen/src/test/resources/bench/poll/gen_engine.py
Writes engine-scenarios.json (the inputs) and engine-expected.json (bench.py's stdout JSON and stderr per scenario).
"""
import io
import json
import os
import sys

sys.path.insert(0, "tools/bench")
import bench  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1764936000.0


def same(value, times=1):
    """A script segment: VALUE (null: no answer) TIMES polls in a row."""
    return [{"value": value, "times": times}]


def counting(start, stop, step=1):
    """A script segment: Python's range(START, STOP, STEP), one value a poll."""
    return [{"from": start, "to": stop, "step": step}]


def expand(script):
    values = []
    for segment in script:
        if "times" in segment:
            values += [segment["value"]] * segment["times"]
        else:
            values += list(range(segment["from"], segment["to"], segment["step"]))
    return values


def catchup(name, script, target, timeout_s, baseline=0, poll_s=0.01, label="test-catchup",
            nothing="nothing consumed"):
    return {"name": name, "kind": "catchup", "script": script, "target": target, "timeoutS": timeout_s,
            "baseline": baseline, "pollS": poll_s, "label": label, "nothing": nothing}


def settle(name, script, timeout_s, poll_s=0.01):
    return {"name": name, "kind": "settle", "script": script, "timeoutS": timeout_s, "pollS": poll_s}


SCENARIOS = [
    catchup("idle-then-consume", same(0, 8) + counting(3, 400, 7), 150, 60.0),
    catchup("starting-then-extrapolated", same(None, 30) + counting(40, 2000, 12), 400, 60.0),
    catchup("baseline-seen", same(None, 3) + same(1000, 10) + counting(1012, 3000, 12), 1500, 60.0, baseline=1000,
            nothing="nothing decided", label="db-catchup"),
    catchup("baseline-never-seen", same(None, 5) + counting(1100, 3000, 25), 1500, 60.0, baseline=1000),
    catchup("timeout-slow", same(0, 5) + counting(1, 3000), 1000000, 12.0, poll_s=0.003),
    catchup("timeout-nothing-answers", same(None), 100, 6.0),
    catchup("flat-after-start", same(None, 4) + same(50), 100, 3.0),
    catchup("idle-after-first-progress", same(0, 2) + same(5) + same(0) + counting(10, 500, 10), 300, 30.0),
    catchup("at-target-at-once", same(500), 100, 10.0, poll_s=0.0),
    catchup("long-run-progress-trimmed", same(0, 3) + counting(1, 5000), 4000, 700.0, poll_s=0.0137),
    catchup("no-answer-then-idle-then-consume", same(None, 25) + same(0, 25) + counting(1, 2000, 9), 900, 60.0,
            poll_s=0.02),
    settle("settles", counting(5, 9, 2) + same(8, 3), 30.0),
    settle("settles-after-no-answer", same(None, 2) + same(3, 3), 30.0),
    settle("gap-counts-as-unanswered", same(4) + same(None) + same(4) + same(6, 3), 30.0, poll_s=0.2),
    settle("keeps-growing", counting(1, 100), 5.0),
    settle("never-answers", same(None), 3.0),
]


class FakeTime:
    def __init__(self):
        self.now = T0

    def time(self):
        return self.now

    def sleep(self, s):
        self.now += s


def run(scenario):
    fake = FakeTime()
    bench.time = fake
    script, calls = expand(scenario["script"]), [0]

    def poll():
        value = script[min(calls[0], len(script) - 1)]
        calls[0] += 1
        fake.now += scenario["pollS"]
        return value

    err = io.StringIO()
    real_err, sys.stderr = sys.stderr, err
    try:
        if scenario["kind"] == "catchup":
            out = bench.catch_up(poll, scenario["target"], scenario["timeoutS"], scenario["baseline"],
                                 scenario["label"], scenario["nothing"])
        else:
            settled, count, waited = bench.settle(poll, scenario["timeoutS"])
            out = {"settled": settled, "count": count, "waitedS": waited}
    finally:
        sys.stderr = real_err
    return {"stdout": json.dumps(out), "stderr": err.getvalue(), "polls": calls[0]}


def main():
    with open(os.path.join(HERE, "engine-scenarios.json"), "w") as f:
        json.dump(SCENARIOS, f, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "engine-expected.json"), "w") as f:
        json.dump({s["name"]: run(s) for s in SCENARIOS}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

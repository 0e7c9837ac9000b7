#!/usr/bin/env python3
"""Expected results of bench.py's percentiles, query_path and round/repr of floats (PollLatencyTest's and
PollJsonTest's fixtures). Run from the repository root: python3 tools/loadgen/src/test/resources/bench/poll/gen_latency.py
"""
import datetime
import json
import os
import random
import sys

sys.path.insert(0, "tools/bench")
import bench  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rnd = random.Random(15)
    lists = [[], [3.0], [2.5, 1.25], [0.125, 0.375, 0.625], [1.005, 2.675, 0.115, 0.125],
             [rnd.uniform(0.2, 40.0) for _ in range(100)], [rnd.lognormvariate(1.0, 0.8) for _ in range(1000)],
             [rnd.expovariate(0.5) for _ in range(333)], [7.0] * 10]
    percentiles = [{"values": v, "percentiles": bench.percentiles(v)} for v in lists]
    template = "/v1/metrics?from={from}&to={to}&day={date}&again={to}"
    paths = {"template": template, "today": "2024-03-05",
             "paths": [bench.query_path(template, i, datetime.date(2024, 3, 5)) for i in range(0, 620)]}
    floats = [0.0, -0.0, 1.0, 0.1, 2.675, 1.005, 1e-05, 0.0001, 0.00012345, 123456789.0, 1e16, 1.5e16, 9999999999999998.0,
              1e22, 1.2345e-7, -3.5e-9, 100000.0, 12.0, 0.3, 1 / 3, 2 / 3 * 1000, 5e-324, 1.7976931348623157e308]
    repr_ = [[x, json.dumps(x)] for x in floats]
    rounds = [[x, n, round(x, n)] for x in floats + [0.125, 0.375, 2.5, 3.5, -2.5, 0.045, 1234.5678, 7.25]
              for n in (1, 2)]
    fixed = [[x, f"{x:5.1f}", f"{x:.1f}"] for x in [0.0, 0.05, 0.15, 0.25, 0.35, 4.95, 5.0, 10.25, 99.95, 123456.75,
                                                   -0.04, 1e-3]]
    with open(os.path.join(HERE, "latency-expected.json"), "w") as f:
        json.dump({"percentiles": percentiles, "queryPath": paths, "repr": repr_, "round": rounds, "fixed": fixed},
                  f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

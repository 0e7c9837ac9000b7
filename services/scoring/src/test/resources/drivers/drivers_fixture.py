#!/usr/bin/env python3
"""The driver-analysis fixture: generates observations.csv from a known linear model and computes expected.json from
the CSV with numpy/scipy, independently of the Java code (no Apache Commons Math, no shared formulas).

Run from this directory:  python3 drivers_fixture.py
Deterministic: numpy's PCG64 generator with seed 20250317; the CSV is written, read back, and only the values read
back are used for the expected numbers (so the Java test and this script see exactly the same doubles).
"""
import csv
import itertools
import json
import math
import platform

import numpy as np
import scipy
from scipy import stats

SEED = 20250317
N = 200
FACTORS = ["loan.apply_form", "loan.id_check", "loan.sms_verify", "loan.submit"]
# the known model, on factors normalised to 0..1: NPS = 1.0 + 3.0 x1 + 2.0 x2 + 0.5 x3 + 4.0 x4 + noise(sd 1.2),
# rounded and clipped to 0..10 as a real answer would be
TRUE_INTERCEPT = 1.0
TRUE_SLOPES = [3.0, 2.0, 0.5, 4.0]
NOISE_SD = 1.2


def generate(path):
    rng = np.random.default_rng(SEED)
    rows = []
    for _ in range(N):
        # one latent "how the day went" makes the factors correlate (about 0.3-0.5 pairwise)
        latent = rng.normal()
        raw = [0.7 * latent + rng.normal() for _ in FACTORS]
        # x1, x3 are CSAT questions (1..5 -> (s-1)/4); x2, x4 are 0..10 ratings (-> s/10)
        csat = lambda v: (min(5, max(1, int(round(3 + 1.1 * v)))) - 1) / 4
        ten = lambda v: min(10, max(0, int(round(6 + 2.2 * v)))) / 10
        x = [csat(raw[0]), ten(raw[1]), csat(raw[2]), ten(raw[3])]
        y = TRUE_INTERCEPT + sum(b * v for b, v in zip(TRUE_SLOPES, x)) + rng.normal(0, NOISE_SD)
        rows.append([min(10, max(0, int(round(y))))] + x)
    with open(path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["anchor"] + FACTORS)
        for row in rows:
            writer.writerow([row[0]] + [repr(v) for v in row[1:]])


def read(path):
    with open(path) as f:
        reader = csv.reader(f)
        header = next(reader)
        data = np.array([[float(v) for v in row] for row in reader])
    return header[1:], data[:, 1:], data[:, 0]


def r_squared(X, y):
    """R² of OLS with an intercept, by least squares on the raw data (not from correlations)."""
    design = np.column_stack([np.ones(len(y)), X])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ beta
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


def expected(factors, X, y):
    n, k = X.shape
    design = np.column_stack([np.ones(n), X])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ beta
    df = n - k - 1
    sigma2 = resid @ resid / df
    cov = sigma2 * np.linalg.inv(design.T @ design)
    se = np.sqrt(np.diag(cov))
    tss = (y - y.mean()) @ (y - y.mean())
    r2 = 1 - resid @ resid / tss
    adj = 1 - (1 - r2) * (n - 1) / df
    f = (r2 / k) / ((1 - r2) / df)
    sd_y = y.std(ddof=1)
    # LMG by its definition: the R² gain of each factor averaged over all k! orders of entry
    gains = np.zeros(k)
    orders = list(itertools.permutations(range(k)))
    for order in orders:
        entered = []
        before = 0.0
        for j in order:
            entered.append(j)
            after = r_squared(X[:, sorted(entered)], y)
            gains[j] += after - before
            before = after
    lmg = gains / len(orders)
    out = []
    for j, name in enumerate(factors):
        b, s = beta[j + 1], se[j + 1]
        t = b / s
        scale = X[:, j].std(ddof=1) / sd_y
        out.append({
            "factor": name,
            "coefficient": b,
            "standardError": s,
            "tStatistic": t,
            "pValue": 2 * stats.t.sf(abs(t), df),
            "standardizedCoefficient": b * scale,
            "standardizedStandardError": s * scale,
            "importance": lmg[j],
            "relativeImportance": lmg[j] / r2,
        })
    return {
        "n": n,
        "intercept": beta[0],
        "rSquared": r2,
        "adjustedRSquared": adj,
        "fStatistic": f,
        "fPValue": stats.f.sf(f, k, df),
        "effects": out,
        "computedWith": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "method": "numpy.linalg.lstsq OLS with intercept; se from sigma² (X'X)^-1; p from scipy.stats.t.sf "
                      "and scipy.stats.f.sf; LMG as the mean R² gain over all k! orders, each R² a lstsq fit",
        },
    }


def main():
    generate("observations.csv")
    factors, X, y = read("observations.csv")
    result = expected(factors, X, y)
    with open("expected.json", "w") as out:
        json.dump(result, out, indent=2, default=float)
        out.write("\n")
    print(json.dumps({k: v for k, v in result.items() if k != "effects"}, indent=2, default=float))
    print("pairwise correlation of the factors:\n", np.round(np.corrcoef(X.T), 2))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""schedstat.py PID SECONDS: per thread group of a process, CPU time and time runnable but waiting for a CPU over SECONDS
(from /proc/PID/task/*/schedstat, read twice). Diagnostic for docs/benchmarks.md, "Ingest's one-second tail"."""
import os, sys, time, collections
pid, secs = sys.argv[1], float(sys.argv[2])
def snap():
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
            run, wait, slices = map(int, open(f"/proc/{pid}/task/{tid}/schedstat").read().split())
            out[tid] = (name, run, wait, slices)
        except OSError:
            pass
    return out
a = snap(); time.sleep(secs); b = snap()
agg = collections.defaultdict(lambda: [0, 0, 0, 0])
for tid, (name, run, wait, sl) in b.items():
    r0, w0, s0 = (a[tid][1], a[tid][2], a[tid][3]) if tid in a else (0, 0, 0)
    key = name.rstrip("0123456789-") or name
    g = agg[key]; g[0] += run - r0; g[1] += wait - w0; g[2] += sl - s0; g[3] += 1
tot = [0, 0]
print(f"{'thread group':32} {'n':>3} {'cpu ms/s':>9} {'runq wait ms/s':>15} {'slices/s':>9} {'wait per slice us':>18}")
for k, (run, wait, sl, n) in sorted(agg.items(), key=lambda kv: -kv[1][0]):
    if run == 0 and wait == 0: continue
    tot[0] += run; tot[1] += wait
    print(f"{k:32} {n:>3} {run/1e6/secs:9.1f} {wait/1e6/secs:15.1f} {sl/secs:9.0f} {(wait/sl/1e3 if sl else 0):18.1f}")
print(f"{'TOTAL':32} {'':>3} {tot[0]/1e6/secs:9.1f} {tot[1]/1e6/secs:15.1f}")

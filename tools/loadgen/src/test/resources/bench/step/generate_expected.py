"""Regenerates expected/ from tools/bench/bench.py (run from the repository root:
python3 tools/loadgen/src/test/resources/bench/step/generate_expected.py). Each line of cases.tsv is
NAME, SUBCOMMAND, ARGS... (tab-separated; '@x' is the fixture file x, given relative to this directory);
bench.py runs in this directory with os.cpu_count() = 4 so that summarize's machine figures do not depend on the
machine (StepEquivalenceTest uses 4 CPUs and CLK_TCK 100 for those)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.abspath(os.path.join(HERE, "../../../../../../bench/bench.py"))
RUN = ("import os, runpy, sys; os.cpu_count = lambda: 4; sys.argv = sys.argv[1:]; "
       "runpy.run_path(sys.argv[0], run_name='__main__')")

for line in open(os.path.join(HERE, "cases.tsv")):
    name, *args = line.rstrip("\n").split("\t")
    args = [a[1:] if a.startswith("@") else a for a in args]
    p = subprocess.run([sys.executable, "-c", RUN, BENCH] + args, cwd=HERE, capture_output=True)
    for ext, data in ((".out", p.stdout), (".err", p.stderr if p.returncode else b""), (".rc", b"%d\n" % p.returncode)):
        with open(os.path.join(HERE, "expected", name + ext), "wb") as f:
            f.write(data)

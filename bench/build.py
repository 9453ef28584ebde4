"""Throughput of `fazhi build`: reports/s, MB/s and peak memory.

The corpus is the five seeds moved to N distinct real regions (``bench/corpus.py``:
each copy is its own report, as a corpus of counties is). Each run is a fresh
process (so peak memory is the run's own); the figure reported is the median of
the runs. With ``--store`` the build goes into a persistent store, and each run
also times an incremental rebuild after one more report is added. ``--jobs N``
is ``fazhi build --jobs N``: peak memory is given for the build's process and for
its whole process tree (workers included, sampled every 0.2 s from /proc).

    .venv/bin/python bench/build.py --reports 1000 --runs 3 --jobs 2
    .venv/bin/python bench/build.py --reports 1000 --runs 3 --store --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from corpus import make_corpus  # noqa: E402


SAMPLER = r"""
import os, threading, time
_peak = [0]
def _tree_rss():
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    parents[int(name)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    tree, grew = {os.getpid()}, True
    while grew:
        more = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024
def _sample():
    while True:
        _peak[0] = max(_peak[0], _tree_rss())
        time.sleep(0.2)
threading.Thread(target=_sample, daemon=True).start()
class Phases:
    def __init__(self):
        self.times, self.name, self.t = {}, None, time.perf_counter()
    def phase(self, name, total):
        self.stop()
        self.name, self.t = name, time.perf_counter()
    def advance(self, n=1, item=""):
        pass
    def stop(self):
        if self.name:
            self.times[self.name] = self.times.get(self.name, 0) + time.perf_counter() - self.t
        self.name = None
"""

STORE_CHILD = SAMPLER + r"""
import json, resource, shutil, sys, time
from pathlib import Path
t0 = time.perf_counter()
from fazhi.api import build_store, plan_store_build
from fazhi.extract.pipeline import get_nlp
from fazhi.graph.store import Store
get_nlp()
t1 = time.perf_counter()
corpus, store, extra = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[4])
first = build_store(plan_store_build([corpus], store), validate=sys.argv[3] == "1", jobs=int(sys.argv[5]))
t2 = time.perf_counter()
shutil.copy(extra, corpus / extra.name)
again = build_store(plan_store_build([corpus], store), validate=sys.argv[3] == "1", jobs=int(sys.argv[5]))
t3 = time.perf_counter()
(corpus / extra.name).unlink()
assert again.extracted == 1, again
print(json.dumps({
    "startup_s": t1 - t0, "build_s": t2 - t1, "incremental_s": t3 - t2, "total_s": t2 - t0,
    "reports": first.reports, "triples": first.quads,
    "store_bytes": sum(p.stat().st_blocks * 512 for p in Store(store).generation.iterdir()),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "peak_tree_rss_mb": max(_peak[0], _tree_rss()),
}))
"""

CHILD = SAMPLER + r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from fazhi.api import collect_paths, build
t1 = time.perf_counter()
files = collect_paths([sys.argv[1]])
phases = Phases()
skipped = []  # a synthetic copy the extractor places in a region another copy has (rare at 1,000) is skipped, as --keep-going does
summary = build(files, sys.argv[2], validate=sys.argv[3] == "1", jobs=int(sys.argv[4]), progress=phases, keep_going=True, skipped=skipped)
phases.stop()
t2 = time.perf_counter()
print(json.dumps({
    "startup_s": t1 - t0, "build_s": t2 - t1, "total_s": t2 - t0,
    **{f"phase_{k.replace(' ', '_')}_s": v for k, v in phases.times.items()},
    "reports": summary.reports, "skipped": len(skipped), "triples": summary.triples, "out_bytes": summary.bytes,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "peak_tree_rss_mb": max(_peak[0], _tree_rss()),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="ttl", choices=["ttl", "nt", "trig", "jsonld", "nq"])
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--store", action="store_true", help="build into a persistent store (and time an incremental rebuild)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (fazhi build --jobs)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="fazhi-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        size = make_corpus(corpus, args.reports)
        spare = work / "spare"
        spare.mkdir()
        make_corpus(spare, args.reports + 1)  # the one more report of the incremental run
        extra = sorted(spare.iterdir())[-1]
        runs = []
        for i in range(args.runs):
            validate = "0" if args.no_validate else "1"
            if args.store:
                command = [sys.executable, "-c", STORE_CHILD, str(corpus), str(work / f"store{i}"), validate, str(extra), str(args.jobs)]
            else:
                command = [sys.executable, "-c", CHILD, str(corpus), str(work / f"out{i}.{args.format}"), validate, str(args.jobs)]
            proc = subprocess.run(command, capture_output=True, text=True)
            if proc.returncode != 0:
                sys.exit(f"bench run {i + 1} failed:\n{proc.stderr[-2000:]}")
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(f"run {i + 1}: {runs[-1]['total_s']:.1f} s", file=sys.stderr)
            shutil.rmtree(work / f"store{i}", ignore_errors=True)
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        result = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "corpus_reports": args.reports,
            "corpus_mb": round(size / 1e6, 2),
            "runs": args.runs,
            "validate": not args.no_validate,
            "target": "store" if args.store else args.format,
            "median_total_s": round(med["total_s"], 2),
            "reports_per_s": round(args.reports / med["total_s"], 1),
            "mb_per_s": round(size / 1e6 / med["total_s"], 3),
            "triples": int(med["triples"]),
            **({"reports_built": int(med["reports"]), "skipped": int(med["skipped"])} if "skipped" in med else {}),
            "jobs": args.jobs,
            "peak_rss_mb": round(med["peak_rss_mb"], 1),
            "peak_tree_rss_mb": round(med["peak_tree_rss_mb"], 1),
            "runs_total_s": [round(r["total_s"], 1) for r in runs],
        }
        if args.store:
            result.update(median_build_s=round(med["build_s"], 2), median_incremental_one_more_s=round(med["incremental_s"], 2),
                          store_mb=round(med["store_bytes"] / 1e6, 1))
        else:
            result.update({f"median_{k}": round(v, 2) for k, v in med.items() if k.startswith("phase_")})
        print(json.dumps(result, ensure_ascii=False, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

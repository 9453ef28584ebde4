"""Throughput of `fazhi build`: reports/s, MB/s and peak memory.

The corpus is the five seeds repeated to ~N reports. Each copy gets its own
closing line so that every copy has a different content hash (identical
content would be one report). Each run is a fresh process (so peak memory is
the run's own); the figure reported is the median of the runs.

    .venv/bin/python bench/build.py --reports 1000 --runs 3
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from fazhi.api import collect_paths, extract_files, build
from fazhi.extract.pipeline import get_nlp
get_nlp()
t1 = time.perf_counter()
files = collect_paths([sys.argv[1]])
reports = extract_files(files)
t2 = time.perf_counter()
summary = build(files, sys.argv[2], reports=reports, validate=sys.argv[3] == "1")
t3 = time.perf_counter()
print(json.dumps({
    "startup_s": t1 - t0, "extract_s": t2 - t1, "graph_validate_write_s": t3 - t2, "total_s": t3 - t0,
    "reports": summary.reports, "triples": summary.triples, "out_bytes": summary.bytes,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def make_corpus(folder: Path, n: int) -> int:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    total = 0
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8") + f"\n(副本 {i:05d})\n"
        path = folder / f"{i:05d}_{seed.name}"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="ttl", choices=["ttl", "nt", "trig", "jsonld", "nq"])
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="fazhi-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        size = make_corpus(corpus, args.reports)
        runs = []
        for i in range(args.runs):
            out = work / f"out{i}.{args.format}"
            proc = subprocess.run(
                [sys.executable, "-c", CHILD, str(corpus), str(out), "0" if args.no_validate else "1"],
                capture_output=True, text=True,
            )
            if proc.returncode != 0:
                sys.exit(f"bench run {i + 1} failed:\n{proc.stderr[-2000:]}")
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(f"run {i + 1}: {runs[-1]['total_s']:.1f} s", file=sys.stderr)
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        result = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "corpus_reports": args.reports,
            "corpus_mb": round(size / 1e6, 2),
            "runs": args.runs,
            "validate": not args.no_validate,
            "format": args.format,
            "median_total_s": round(med["total_s"], 2),
            "median_extract_s": round(med["extract_s"], 2),
            "median_graph_validate_write_s": round(med["graph_validate_write_s"], 2),
            "reports_per_s": round(args.reports / med["total_s"], 1),
            "extract_reports_per_s": round(args.reports / med["extract_s"], 1),
            "mb_per_s": round(size / 1e6 / med["total_s"], 3),
            "triples": int(med["triples"]),
            "peak_rss_mb": round(med["peak_rss_mb"], 1),
        }
        print(json.dumps(result, ensure_ascii=False, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

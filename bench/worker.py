"""Where a build worker's time goes: CPU time per report for each step of ``fazhi.graph.worker``.

A worker of ``fazhi build`` reads a report, extracts it, makes its triples,
renders them (N-Quads for a store, with the shared entities' lines apart) and
validates them with SHACL. This times each step in one process, as a worker
does it (its collector threshold included), on the bench corpus
(``bench/corpus.py``), with ``time.process_time``: CPU time, which other work
on the machine disturbs less than wall time. The first ``--warm-up`` reports
are not counted (caches, first imports). Each run is a fresh process; the
figures are the medians of the runs' means.

    .venv/bin/python bench/worker.py --reports 80 --runs 3
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from corpus import make_corpus  # noqa: E402

STEPS = ("read and extract", "triples", "split and render", "SHACL")

RUN = r"""
import json, sys, time
from pathlib import Path

from fazhi.extract import extract_report
from fazhi.extract.pipeline import get_nlp
from fazhi.graph import worker
from fazhi.graph.build import report_graph_iri, report_iri
from fazhi.graph.store import ENTITIES_GRAPH
from fazhi.graph.stream import ntriples_lines, render
from fazhi.ontology import validate_part

files, warm_up = sorted(Path(sys.argv[1]).iterdir()), int(sys.argv[2])
nlp = get_nlp()
worker.collect_less_often()  # as worker.init does
clock = time.process_time
times, quads = [], []
for path in files:
    t0 = clock()
    report = extract_report(path, nlp=nlp)
    t1 = clock()
    triples = worker.report_graph_triples(report)
    t2 = clock()
    mine, shared = worker.split(triples, report_iri(report))
    render(mine, "nquads", report_graph_iri(report), [])
    render(shared, "nquads", ENTITIES_GRAPH, [])
    sorted(ntriples_lines(shared))
    t3 = clock()
    result = validate_part(triples)
    t4 = clock()
    if not result.conforms:
        sys.exit(f"{path}: not SHACL-valid: {result.messages[0]}")
    times.append((t1 - t0, t2 - t1, t3 - t2, t4 - t3))
    quads.append(len(triples))
counted = times[warm_up:]
print(json.dumps({
    "means_ms": [1000 * sum(t[i] for t in counted) / len(counted) for i in range(4)],
    "quads_per_report": sum(quads[warm_up:]) / len(counted),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=80)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm-up", type=int, default=5)
    args = parser.parse_args()
    if args.reports <= args.warm_up:
        parser.error(f"--reports must be more than --warm-up ({args.warm_up})")
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-worker-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.reports)
        runs = []
        for run in range(args.runs):
            done = subprocess.run(
                [sys.executable, "-c", RUN, str(corpus), str(args.warm_up)], capture_output=True, text=True, cwd=tmp,
            )
            if done.returncode != 0:
                sys.exit(f"run {run + 1} failed: {(done.stderr.strip().splitlines() or ['no message'])[-1]}")
            runs.append(json.loads(done.stdout))
            print(f"run {run + 1}: {sum(runs[-1]['means_ms']):.1f} ms a report", file=sys.stderr)
    steps = {step: round(statistics.median(r["means_ms"][i] for r in runs), 1) for i, step in enumerate(STEPS)}
    print(json.dumps({
        "machine": f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores, Python {platform.python_version()}",
        "reports": args.reports, "counted": args.reports - args.warm_up, "runs": args.runs,
        "cpu_ms_per_report": steps,
        "total_ms": round(statistics.median(sum(r["means_ms"]) for r in runs), 1),
        "quads_per_report": round(runs[0]["quads_per_report"]),
    }, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

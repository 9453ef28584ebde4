"""Page generation time and time-to-interactive in Chromium, for synthetic graphs of ~1,000 and ~5,000 nodes.

The synthetic graph is shaped like fazhi's output for the queries the pages run:
adoptions (region, mechanism, status, year) with an evidence mention and a source
report. Time-to-interactive is from navigation until the page sets
``window.fazhiReady`` (data loaded, network drawn or matrix built), median of the runs.

    .venv/bin/python bench/viz.py --nodes 1000 5000 --runs 3
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from fazhi.ontology import FZ, concept_iri, mint, ontology_graph, vocabulary_graph


def synthetic(nodes: int, seed: int = 7) -> Graph:
    """About ``nodes`` region and mechanism nodes: a fifth regions, the rest mechanisms."""
    rng = random.Random(seed)
    g = vocabulary_graph() + ontology_graph()
    mechanisms = max(10, nodes * 4 // 5)
    regions = max(2, nodes - mechanisms)
    for m in range(mechanisms):
        c = concept_iri(f"机制{m:05d}")
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.prefLabel, Literal(f"机制{m:05d}", lang="zh")))
    for r in range(regions):
        region = mint("region", f"bench-{r}")
        report = mint("report", f"bench-{r}")
        g.add((region, RDFS.label, Literal(f"测试区{r:04d}")))
        g.add((region, FZ.fullName, Literal(f"测试省测试市测试区{r:04d}")))
        g.add((report, FZ.sourceFile, Literal(f"bench-{r}.txt")))
        for m in rng.sample(range(mechanisms), k=min(mechanisms, 12)):
            a = mint("report", f"bench-{r}", "adoption", str(m))
            e = mint("report", f"bench-{r}", "mention", str(m))
            g.add((a, RDF.type, FZ.Adoption))
            g.add((a, FZ.region, region))
            g.add((a, FZ.mechanism, concept_iri(f"机制{m:05d}")))
            g.add((a, FZ.status, rng.choice([FZ.adopted, FZ.adopted, FZ.planned, FZ.problem])))
            g.add((a, FZ.year, Literal(2024, datatype=XSD.integer)))
            g.add((a, FZ.evidence, e))
            g.add((a, PROV.wasDerivedFrom, report))
            g.add((e, FZ.sentence, Literal(f"深入推进机制{m:05d},取得明显成效。")))
    return g


def time_to_interactive(browser, path: Path) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    start = time.perf_counter()
    page.goto(path.as_uri(), timeout=600000, wait_until="commit")
    page.wait_for_function("window.fazhiReady === true", timeout=600000, polling=50)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def main() -> None:
    from playwright.sync_api import sync_playwright

    from fazhi.viz.matrix import render_matrix
    from fazhi.viz.network import render_network

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        for n in args.nodes:
            g = synthetic(n)
            for kind, render in (("network", render_network), ("matrix", render_matrix)):
                gen, tti, summary = [], [], None
                for run in range(args.runs):
                    out = Path(tmp) / f"{kind}-{n}-{run}.html"
                    start = time.perf_counter()
                    summary = render(g, out)
                    gen.append(time.perf_counter() - start)
                    tti.append(time_to_interactive(browser, out))
                results.append({
                    "page": kind, "requested_nodes": n, "summary": summary,
                    "generation_s_median": round(statistics.median(gen), 2),
                    "time_to_interactive_s_median": round(statistics.median(tti), 2),
                })
                print(json.dumps(results[-1], ensure_ascii=False))
        browser.close()


if __name__ == "__main__":
    main()

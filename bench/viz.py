"""Page generation time and time-to-interactive in Chromium, on synthetic graphs.

The synthetic graph is shaped like fazhi's output for the queries the pages run:
adoptions (region, mechanism, status, year) with an evidence mention and a source
report, regions within provinces and cities. Time-to-interactive is from navigation
until the page sets ``window.fazhiReady`` (the network page: on vis-network's first
``afterDrawing``, with physics off; the matrix: table built), median of the runs.

Cases: the network page with ~N nodes drawn one by one (regions ↔ mechanisms, no
grouping) and the matrix, for each ``--nodes``; and the network page of a large graph
(``--grouped-regions`` regions, 300 mechanisms) in its aggregated view (regions
grouped by province and city).

    .venv/bin/python bench/viz.py --nodes 1000 --grouped-regions 2000 --runs 3
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

from fazhi.ontology import FZ, OA, concept_iri, mint, ontology_graph, vocabulary_graph


def synthetic(nodes: int, seed: int = 7, *, regions: int | None = None, mechanisms: int | None = None) -> Graph:
    """About ``nodes`` region and mechanism nodes (a fifth regions, the rest mechanisms), or as many as given;
    regions spread over 31 provinces and 300 cities."""
    rng = random.Random(seed)
    g = vocabulary_graph() + ontology_graph()
    mechanisms = mechanisms or max(10, nodes * 4 // 5)
    regions = regions or max(2, nodes - mechanisms)
    for m in range(mechanisms):
        c = concept_iri(f"机制{m:05d}")
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.prefLabel, Literal(f"机制{m:05d}", lang="zh")))
    for p in range(31):
        province = mint("region", f"bench-province-{p}")
        g.add((province, RDFS.label, Literal(f"测试省{p:02d}")))
        g.add((province, FZ.level, FZ.province))
    for c in range(300):
        city = mint("region", f"bench-city-{c}")
        g.add((city, RDFS.label, Literal(f"测试市{c:03d}")))
        g.add((city, FZ.level, FZ.city))
        g.add((city, FZ.within, mint("region", f"bench-province-{c % 31}")))
    for r in range(regions):
        region = mint("region", f"bench-{r}")
        report = mint("report", f"bench-{r}")
        g.add((region, RDFS.label, Literal(f"测试区{r:04d}")))
        g.add((region, FZ.fullName, Literal(f"测试省测试市测试区{r:04d}")))
        g.add((region, FZ.within, mint("region", f"bench-city-{r % 300}")))
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
            s = mint("report", f"bench-{r}", "sentence", str(m))
            g.add((e, FZ.inSentence, s))
            g.add((s, OA.exact, Literal(f"深入推进机制{m:05d},取得明显成效。")))
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
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000])
    parser.add_argument("--grouped-regions", type=int, default=2000, help="regions of the large graph (0: skip)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cases = []  # (name, graph maker, render)
    for n in args.nodes:
        cases.append((f"network, {n} nodes one by one", lambda n=n: synthetic(n),
                      lambda g, out: render_network(g, out, aggregate_above=10**9)))
        cases.append((f"matrix, {n} nodes", lambda n=n: synthetic(n), render_matrix))
    if args.grouped_regions:
        cases.append((f"network, {args.grouped_regions} regions grouped", lambda: synthetic(0, regions=args.grouped_regions, mechanisms=300),
                      render_network))
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        for i, (name, make, render) in enumerate(cases):
            g = make()
            out = Path(tmp) / f"page-{i}.html"
            start = time.perf_counter()
            summary = render(g, out)  # generation is slow on large graphs (the SPARQL in rdflib): once
            generation = time.perf_counter() - start
            tti = [time_to_interactive(browser, out) for _ in range(args.runs)]
            results.append({
                "case": name, "summary": summary, "page_mb": round(out.stat().st_size / 1e6, 2),
                "generation_s": round(generation, 2),
                "time_to_interactive_s_median": round(statistics.median(tti), 2),
                "time_to_interactive_s": [round(t, 2) for t in tti],
            })
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        browser.close()


if __name__ == "__main__":
    main()

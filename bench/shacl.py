"""SHACL per report graph: pyshacl (what fazhi uses) against pyrudof (a Rust validator on PyPI).

Each of the five seeds' report graphs is validated as ``fazhi build``'s workers do
(``validate_part``: the graph plus the descriptions of the ontology terms it
uses); the median of ``--runs`` runs per report is printed in ms. pyrudof gets
a fresh ``Rudof`` per report: one instance reused for the next report skips a
fixed cost of about 80 ms, but each validation then takes 0.25–0.64 s
(measured over 15 reports in a row). Both must agree on whether each graph
conforms, and on a few broken copies (a report without its year, a mention
without its sentence).

    .venv/bin/pip install pyrudof   # not a dependency of fazhi
    .venv/bin/python bench/shacl.py --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

import fazhi
from fazhi.extract.pipeline import get_nlp
from fazhi.graph.build import report_triples
from fazhi.ontology import FZ, _term_descriptions, validate_part

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def report_graphs() -> list[tuple[str, Graph]]:
    nlp = get_nlp()
    return [(path.name, _graph(fazhi.extract_report(path, nlp=nlp))) for path in sorted(SEEDS.iterdir())]


def _graph(report) -> Graph:
    g = Graph()
    report_triples(report, g)
    return g


def broken(g: Graph) -> list[tuple[str, Graph]]:
    out = []
    for name, cls, predicate in (("no year", FZ.Report, FZ.year), ("no sentence", FZ.Mention, FZ.inSentence)):
        copy = Graph() + g
        node = next(copy.subjects(RDF.type, cls))
        copy.remove((node, predicate, None))
        out.append((name, copy))
    return out


def with_terms(g: Graph) -> str:
    """``g`` with the ontology terms it uses, as N-Triples (what validate_part adds before pyshacl runs)."""
    described, axioms = _term_descriptions()
    full = Graph() + g
    for term in set(g.objects()):
        for triple in described.get(term, ()):
            full.add(triple)
    for triple in axioms:
        full.add(triple)
    return full.serialize(format="nt")


def time_pyshacl(g: Graph) -> tuple[float, bool]:
    copy = Graph() + g  # validate_part changes its graph
    start = time.perf_counter()
    result = validate_part(copy)
    return time.perf_counter() - start, result.conforms


def time_pyrudof(nt: str, shapes: str) -> tuple[float, bool]:
    import pyrudof

    start = time.perf_counter()
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_shacl(shapes, pyrudof.ShaclFormat.Turtle)
    rudof.read_data(nt, pyrudof.RDFFormat.NTriples)
    conforms = rudof.validate_shacl().conforms
    return time.perf_counter() - start, conforms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    shapes = resources.files("fazhi.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    print("| report graph | triples | pyshacl ms | pyrudof ms | both agree |")
    print("|---|---|---|---|---|")
    totals = {"pyshacl": [], "pyrudof": []}
    for name, g in report_graphs():
        cases = [(name, g)] + [(f"{name} ({what})", b) for what, b in broken(g)]
        for label, graph in cases:
            nt = with_terms(graph)
            a = [time_pyshacl(graph) for _ in range(args.runs)]
            b = [time_pyrudof(nt, shapes) for _ in range(args.runs)]
            ms_a = statistics.median(t for t, _ in a) * 1000
            ms_b = statistics.median(t for t, _ in b) * 1000
            agree = {c for _, c in a} == {c for _, c in b} and len({c for _, c in a}) == 1
            if label == name:
                totals["pyshacl"].append(ms_a)
                totals["pyrudof"].append(ms_b)
            print(f"| {label} | {len(graph)} | {ms_a:.0f} | {ms_b:.0f} | {'yes' if agree else 'NO'} ({a[0][1]}) |")
    print(f"\nmean over the five report graphs: pyshacl {statistics.mean(totals['pyshacl']):.0f} ms, "
          f"pyrudof {statistics.mean(totals['pyrudof']):.0f} ms")


if __name__ == "__main__":
    main()

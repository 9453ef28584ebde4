"""pyshacl or pyrudof for the per-report SHACL validation: speed and agreement.

Times the validation of each seed report's graph as ``fazhi.graph.worker`` does it
(``validate_part``: the report's graph plus the ontology terms it refers to) with
pyshacl and with pyrudof (median of ``--runs``), then breaks that graph in every
way the shapes constrain — each property of each shape dropped, doubled, given
a value of the wrong kind, datatype, class, range or order — and prints every
case where the two give different results. ``bench/results/shacl-backends.md``
holds the figures and the findings. pyrudof is not a fazhi dependency (it got
cases wrong, see there): ``.venv/bin/pip install pyrudof==0.3.35`` first.

    .venv/bin/python bench/shacl_backends.py --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

ROOT = Path(__file__).resolve().parent.parent


def seed_graphs() -> dict[str, Graph]:
    """Each seed report's graph, as a worker builds it before validating."""
    from fazhi.extract import extract_report
    from fazhi.extract.pipeline import get_nlp
    from fazhi.graph.build import report_triples

    nlp = get_nlp()
    graphs = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        g = Graph()
        report_triples(extract_report(path, nlp=nlp), g)
        graphs[path.name] = g
    return graphs


def copy(g: Graph) -> Graph:
    out = Graph()
    for triple in g:
        out.add(triple)
    return out


def terms(g: Graph) -> set:
    """The triples about the ontology terms ``g`` refers to, which ``validate_part`` adds."""
    from fazhi.ontology import _term_descriptions

    described, axioms = _term_descriptions()
    added = set(axioms)
    for term in set(g.objects()):
        added.update(described.get(term, ()))
    return added


def with_terms(g: Graph) -> Graph:
    """A copy of ``g`` with those terms: the sweep breaks mechanisms (described by the vocabulary) too."""
    out = copy(g)
    for triple in terms(g):
        out.add(triple)
    return out


def ntriples(triples) -> str:
    """N-Triples text: the cheapest way to hand rdflib's triples to pyrudof."""
    from rdflib.plugins.serializers.nt import _nt_row

    return "".join(_nt_row(t) for t in triples)


@lru_cache(maxsize=1)
def rudof_session():
    """One pyrudof session with the shapes read once, as a worker process would keep it."""
    import pyrudof

    session = pyrudof.Rudof(pyrudof.RudofConfig())
    session.read_shacl(resources.files("fazhi.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"))
    return session


def rudof_results(g: Graph) -> tuple[bool, set]:
    """pyrudof's verdict and results on ``g`` (handed over as N-Triples, the way a worker would)."""
    import pyrudof

    session = rudof_session()
    session.reset_data()  # read_data adds to the data already loaded: without this, results of earlier graphs leak in
    session.read_data(ntriples(g), format=pyrudof.RDFFormat.NTriples)
    report = session.validate_shacl()
    results = {(v.focus_node, v.path, v.constraint_component.split("#")[1], v.message[1:-1]) for v in report.violations}
    return report.conforms, results


def pyshacl_results(g: Graph) -> tuple[bool, set]:
    """pyshacl's verdict and results on ``g``, with the options ``validate_part`` uses."""
    from pyshacl import validate

    from fazhi.ontology import _shapes

    conforms, report, _ = validate(g, shacl_graph=_shapes(), inference="none", advanced=True, allow_warnings=True)
    results = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        component = str(report.value(r, SH.sourceConstraintComponent)).split("#")[1]
        results.add((str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)), component, str(report.value(r, SH.resultMessage))))
    return bool(conforms), results


def rudof_part(g: Graph) -> float:
    """What a pyrudof ``validate_part`` would do on a report graph; returns the seconds of validate_shacl alone."""
    import pyrudof

    data = ntriples(g) + ntriples(terms(g))
    session = rudof_session()
    session.reset_data()
    session.read_data(data, format=pyrudof.RDFFormat.NTriples)
    start = time.perf_counter()
    session.validate_shacl()
    return time.perf_counter() - start


def timings(graphs: dict[str, Graph], runs: int) -> None:
    """Median seconds per report graph: pyshacl's validate_part, and pyrudof (terms added, N-Triples out, read, validated)."""
    from fazhi.ontology import validate_part

    print("| report | triples | pyshacl s | pyrudof s | of which validate_shacl s |")
    print("| --- | --- | --- | --- | --- |")
    rudof_session()
    for name, g in graphs.items():
        shacl, rudof, core = [], [], []
        for _ in range(runs):
            part = copy(g)
            start = time.perf_counter()
            validate_part(part)
            shacl.append(time.perf_counter() - start)
            part = copy(g)
            start = time.perf_counter()
            core.append(rudof_part(part))
            rudof.append(time.perf_counter() - start)
        m = statistics.median
        print(f"| {name} | {len(with_terms(g))} | {m(shacl):.3f} | {m(rudof):.3f} | {m(core):.3f} |")


def broken_values(g: Graph, node, path, less_than) -> list[tuple[str, list]]:
    """Ways to break ``node``'s ``path`` that the shapes must catch (and a few they must not)."""
    values = sorted(g.objects(node, path))
    first = values[0] if values else None
    cases = [("drop", []), ("bnode", [BNode()])]
    if isinstance(first, Literal):
        dt = first.datatype
        cases += [
            ("extra", values + [Literal(str(first) + "1", datatype=dt, lang=first.language)]),
            ("plain-string", [Literal("x")]),
            ("empty", [Literal("", datatype=dt, lang=first.language)]),
            ("lang-en", [Literal(str(first), lang="en")]),
            ("iri", [URIRef("https://example.org/x")]),
        ]
        if dt == XSD.integer:
            cases += [("ill-formed", [Literal("abc", datatype=dt)]), ("low", [Literal(1800)]), ("high", [Literal(2200)]),
                      ("xsd:int", [Literal(str(first), datatype=XSD.int)])]
        elif dt == XSD.decimal:
            cases += [("xsd:integer", [Literal(int(float(first)))]), ("ill-formed", [Literal("1.2.3", datatype=dt)])]
        elif dt == XSD.date:
            cases += [("ill-formed", [Literal("2020-13-45", datatype=dt)]), ("datetime", [Literal("2020-01-01T00:00:00", datatype=XSD.dateTime)])]
        if first.language:
            cases += [("no-lang", [Literal(str(first))]), ("zh-CN", [Literal(str(first), lang="zh-CN")])]
    else:
        cases += [
            ("extra", values + [URIRef(f"{first or 'https://example.org/'}x")]),
            ("literal", [Literal(str(first))]),
            ("untyped-iri", [URIRef("https://example.org/x")]),
            ("wrong-class", [node]),
        ]
    other = g.value(node, less_than) if less_than is not None else None
    if other is not None:
        end = int(other)
        cases += [
            ("equal", [other]),
            ("after", [Literal(end + 1, datatype=other.datatype)]),
            ("before, xsd:integer", [Literal(end - 1)]),
            ("before, xsd:decimal", [Literal(f"{end - 1}.5", datatype=XSD.decimal)]),
            ("before, string", [Literal(str(end - 1))]),
        ]
    return cases


def disagreements(g: Graph) -> int:
    """Break every constrained property of one node of each target class; print where the backends differ."""
    from fazhi.ontology import _shapes

    shapes, differ, total = _shapes(), 0, 0
    for node_shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        for cls in sorted(shapes.objects(node_shape, SH.targetClass)):
            node = min(g.subjects(RDF.type, cls), default=None)
            if node is None:
                continue
            for shape in sorted(shapes.objects(node_shape, SH.property)):
                path = shapes.value(shape, SH.path)
                for name, values in broken_values(g, node, path, shapes.value(shape, SH.lessThan)):
                    broken = copy(g)
                    broken.remove((node, path, None))
                    for value in values:
                        broken.add((node, path, value))
                    total += 1
                    differ += report_difference(f"{cls.n3(g.namespace_manager)} {path.n3(g.namespace_manager)} {name}", broken)
    print(f"{total} broken graphs, {differ} with different results")
    return differ


def report_difference(label: str, g: Graph) -> int:
    """Print what differs between the backends on ``g``; 1 if anything does."""
    outcomes = []
    for backend in (pyshacl_results, rudof_results):
        try:
            outcomes.append(backend(g))
        except Exception as exc:  # pyshacl raises on sh:lessThan over a blank node
            outcomes.append(("error", {("", "", "", f"{exc.__class__.__name__}: {exc}")}))
    (shacl_ok, shacl), (rudof_ok, rudof) = outcomes
    if (shacl_ok, shacl) == (rudof_ok, rudof):
        return 0
    print(f"{label}: pyshacl conforms={shacl_ok}, pyrudof conforms={rudof_ok}")
    for result in sorted(shacl - rudof):
        print("    only pyshacl:", result[1:])
    for result in sorted(rudof - shacl):
        print("    only pyrudof:", result[1:])
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-agreement", action="store_true", help="time only")
    args = parser.parse_args()
    import logging

    logging.getLogger("rdflib").setLevel(logging.ERROR)  # rdflib logs each ill-formed literal the sweep makes
    graphs = seed_graphs()
    timings(graphs, args.runs)
    if not args.no_agreement:
        print()
        sys.exit(1 if disagreements(with_terms(graphs["000_d1a4c8b9dac7cebb.txt"])) else 0)


if __name__ == "__main__":
    main()

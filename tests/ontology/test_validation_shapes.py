"""Validation runs shapes.ttl with its property shapes standing on their own (``_validation_shapes``),
parsed once per process, over a graph in a store of one graph (``_run_shapes``, ``_OneGraphStore``),
for speed; these tests hold that it gives exactly the results of pyshacl run plainly on the shapes as written."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from fazhi.ontology import FZ, FZV

from fazhi.extract.report import extract_text
from fazhi.graph.build import report_triples
from fazhi.ontology import _OneGraphStore, _run_shapes, _shapes, _validation_shapes, with_term_descriptions

REPORT = """某某县人民政府关于2023年度法治政府建设情况的报告
2023年，我县深入推进法治政府建设，现将有关情况报告如下。
一、主要工作
（一）落实法治建设第一责任人职责。县政府常务会议会前学法12次，全面推行行政执法三项制度，推行“首违不罚”清单，建立府院联动机制。
（二）化解行政争议。县司法局受理行政复议案件48件，败诉率16.13%，聘请法律顾问21名。
二、存在的问题
行政执法队伍专业化水平不高。
三、下一步工作
推进“枫桥经验”，深化府院联动。
某某县人民政府
2024年1月20日
"""


@pytest.fixture(scope="module")
def report_graph(nlp) -> Graph:
    g = Graph()
    report_triples(extract_text(REPORT, source="某某县.txt", nlp=nlp), g)
    return Graph() + with_term_descriptions(g)  # in rdflib's own store


def results(g: Graph, shapes: Graph) -> tuple[bool, set]:
    conforms, report, _ = validate(g, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    return found(conforms, report)


def as_validate_part_runs(g: Graph) -> tuple[bool, set]:
    """The results of the path ``validate_part`` takes (the cached shapes, the one-graph store) on ``g``
    as it is: the fixtures' graphs already have the term descriptions that ``with_term_descriptions`` adds."""
    one = Graph(store=_OneGraphStore())
    for triple in g:
        one.add(triple)
    return found(*_run_shapes(one))


def found(conforms, report: Graph) -> tuple[bool, set]:
    found = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        found.add(tuple(str(report.value(r, p)) for p in (SH.focusNode, SH.resultPath, SH.sourceShape, SH.sourceConstraintComponent, SH.resultMessage)))
    return bool(conforms), found


def broken(g: Graph, node, path) -> list[list]:
    """Values to put in place of ``node``'s ``path`` that break some constraint (and a few that do not)."""
    values = sorted(g.objects(node, path))
    first = values[0] if values else None
    cases = [[], [URIRef("https://example.org/x")], [Literal("x")], [Literal("")]]
    if first is not None:
        cases.append(values + [Literal("y") if isinstance(first, Literal) else URIRef(str(first) + "x")])
        if isinstance(first, Literal):
            cases += [[Literal(str(first), lang="en")], [Literal(str(first), datatype=XSD.int)], [Literal(2200)]]
        else:
            cases.append([node])  # a value of the wrong class
    return cases


def test_every_property_shape_is_moved_to_its_node_shapes_targets():
    shapes, flat = _shapes(), _validation_shapes()
    nested = set(shapes.subjects(SH.property, None))
    assert nested, "shapes.ttl nests its property shapes"
    assert not set(flat.subjects(SH.property, None))
    for node in nested:
        for prop in shapes.objects(node, SH.property):
            assert set(flat.objects(prop, SH.targetClass)) == set(shapes.objects(node, SH.targetClass))
    assert shapes is _shapes() and len(_shapes()) < len(flat)  # shapes.ttl itself is not changed


def test_a_conforming_report_conforms_every_way(report_graph):
    expected = (True, set())
    assert results(report_graph, _shapes()) == results(report_graph, _validation_shapes()) == as_validate_part_runs(report_graph) == expected


def test_every_broken_property_gives_the_same_results(report_graph):
    """Break each constrained property of one node of each target class: as written, as run, and
    as ``validate_part`` runs it (one shapes object reused for all 300-odd graphs in turn)."""
    shapes, flat = _shapes(), _validation_shapes()
    cases = failing = 0
    for node_shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        for cls in sorted(shapes.objects(node_shape, SH.targetClass)):
            node = min(report_graph.subjects(RDF.type, cls), default=None)
            if node is None:
                continue
            for prop in sorted(shapes.objects(node_shape, SH.property)):
                path = shapes.value(prop, SH.path)
                for values in broken(report_graph, node, path):
                    g = Graph()
                    for triple in report_graph:
                        g.add(triple)
                    g.remove((node, path, None))
                    for value in values:
                        g.add((node, path, value))
                    as_written, as_run = results(g, shapes), results(g, flat)
                    assert as_written == as_run == as_validate_part_runs(g), (cls, path, values)
                    cases += 1
                    failing += not as_written[0]
    assert cases >= 300 and failing >= 230  # the sweep reached every shape and broke most of them


@pytest.fixture(scope="module")
def bare_report_graph(nlp) -> Graph:
    g = Graph()
    report_triples(extract_text(REPORT, source="某某县.txt", nlp=nlp), g)
    return g


def _replaced(g: Graph, subject_class, path, value) -> Graph:
    out = Graph()
    for triple in g:
        out.add(triple)
    node = min(out.subjects(RDF.type, subject_class))
    out.remove((node, path, None))
    if value is not None:
        out.add((node, path, value))
    return out


@pytest.mark.parametrize(
    "subject_class, path, value",
    [
        (None, None, None),  # the report as built
        (FZ.Adoption, FZ.mechanism, FZ.Report),  # not a skos:Concept
        (FZ.Adoption, FZ.mechanism, FZV["no-such-mechanism"]),
        (FZ.Mention, FZ.denotes, Literal("府院联动")),
        (FZ.Adoption, FZ.status, FZ.county),
        (FZ.Report, FZ.aboutRegion, None),
    ],
)
def test_a_report_graph_alone_gives_the_whole_graphs_results(bare_report_graph, subject_class, path, value):
    """validate_part (the report graph and only what validation reads of the ontology) agrees with
    validate (the report graph with the whole ontology and vocabulary mixed in)."""
    from fazhi.ontology import validate, validate_part

    g = bare_report_graph if subject_class is None else _replaced(bare_report_graph, subject_class, path, value)
    whole = validate(g)
    part = validate_part(g)
    assert validate_part(list(g)) == part  # a graph or its triples
    assert (part.conforms, part.messages) == (whole.conforms, whole.messages)
    assert whole.conforms == (subject_class is None)


def test_the_terms_are_validated_once_per_version_of_their_files(tmp_path, monkeypatch):
    """``validate_terms`` finds what is wrong in the vocabulary (here a local addition without a name),
    keeps the result under a key of the files, and reads it back instead of validating again."""
    from importlib import resources

    import fazhi.ontology as ontology
    from fazhi.ontology import local, validate_terms

    monkeypatch.setenv("FAZHI_CACHE_DIR", str(tmp_path / "cache"))
    package = resources.files("fazhi.ontology").joinpath("mechanisms.ttl").read_text(encoding="utf-8")
    broken = package + "\n<https://w3id.org/fazhi/vocab/nameless> a <https://w3id.org/fazhi/ontology#Mechanism> .\n"
    monkeypatch.setattr(local, "vocabulary_turtle", lambda folder=None: broken)
    for cache in (ontology._vocabulary, ontology._validated_terms):
        cache.cache_clear()
    try:
        messages = validate_terms()
        assert any("nameless" in m for m in messages)
        ontology._validated_terms.cache_clear()
        monkeypatch.setattr(ontology, "validate", lambda *a, **k: pytest.fail("validated again"))
        assert validate_terms() == messages  # read from the cache folder
        monkeypatch.setattr(local, "vocabulary_turtle", lambda folder=None: None)
        ontology._vocabulary.cache_clear()
        monkeypatch.undo()
        ontology._vocabulary.cache_clear()
        assert validate_terms() == ()  # the package's own files: another key
    finally:
        for cache in (ontology._vocabulary, ontology._validated_terms):
            cache.cache_clear()


def test_the_one_graph_store_holds_what_a_graph_would(bare_report_graph):
    """Its triples and its length are those of rdflib's own store, after repeats and a removal."""
    one = Graph(store=_OneGraphStore())
    for triple in list(bare_report_graph) * 2:  # each triple twice
        one.add(triple)
    assert len(one) == len(bare_report_graph) and set(one) == set(bare_report_graph)
    node = min(one.subjects(RDF.type, FZ.Sentence))
    one.remove((node, None, None))
    expected = {t for t in bare_report_graph if t[0] != node}
    assert len(one) == len(expected) and set(one) == expected

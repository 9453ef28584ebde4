"""Records → RDF: golden graphs, determinism, formats, SHACL."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from fazhi.graph.build import build_dataset, build_graph, report_iri
from fazhi.graph.io import load, save, serialize, union_graph
from fazhi.ontology import FZ, OA, validate

GOLDEN = Path(__file__).parent / "golden"


def report_only(report) -> Graph:
    return build_graph([report], include_ontology=False)


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).parents[2] / "seeds").glob("*.txt")))
def test_golden_graph(name, seed_reports, request):
    g = report_only(seed_reports[name])
    path = GOLDEN / (Path(name).stem + ".ttl")
    if request.config.getoption("--regen-golden"):
        path.write_text(g.serialize(format="turtle"), encoding="utf-8")
    expected = Graph().parse(path, format="turtle")
    if not isomorphic(g, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(g))
        lines = [f"- {t}" for t in sorted(missing)[:10]] + [f"+ {t}" for t in sorted(extra)[:10]]
        pytest.fail(f"{name}: graph differs from {path.name} (rerun with --regen-golden and review):\n" + "\n".join(lines))


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "trig", "nquads"])
def test_same_input_same_bytes(seed_reports, fmt):
    reports = list(seed_reports.values())[:2]
    assert serialize(build_dataset(reports), fmt) == serialize(build_dataset(reports), fmt)


def test_same_bytes_across_processes(tmp_path, seeds_dir):
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.nt"
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        subprocess.run(
            [sys.executable, "-m", "fazhi", "build", seeds_dir / "002_8e2bfd6529608b47.txt", "--out", out, "-q", "--no-validate"],
            check=True, env=env, capture_output=True,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".trig", ".nq"])
def test_round_trip(seed_reports, tmp_path, suffix):
    reports = [seed_reports["003_cb32341b71933a80.txt"]]
    ds = build_dataset(reports)
    path = tmp_path / f"g{suffix}"
    save(ds, path)
    assert isomorphic(union_graph(load(path)), union_graph(ds))


def test_trig_has_one_named_graph_per_report(seed_reports, tmp_path):
    ds = build_dataset(list(seed_reports.values()))
    save(ds, tmp_path / "g.trig")
    names = {str(c.identifier) for c in load(tmp_path / "g.trig").graphs()}
    for report in seed_reports.values():
        assert str(report_iri(report)) + "/graph" in names


def test_every_mention_points_back_to_its_sentence(seed_reports):
    report = seed_reports["000_d1a4c8b9dac7cebb.txt"]
    g = report_only(report)
    mentions = list(g.subjects(RDF.type, FZ.Mention))
    expected = len(report.mentions) + len(report.roles) + len(report.documents) + len(report.bodies) + len(report.figures)
    assert len(mentions) == expected
    for m in mentions:
        start, end = int(g.value(m, OA.start)), int(g.value(m, OA.end))
        assert report.text[start:end] == str(g.value(m, OA.exact))
        sentence = g.value(m, FZ.inSentence)
        s_start, s_end = int(g.value(sentence, OA.start)), int(g.value(sentence, OA.end))
        assert report.text[s_start:s_end] == str(g.value(sentence, OA.exact))
        assert s_start <= start and end <= s_end or g.value(m, FZ.inferred) is not None


def test_a_sentence_is_written_once_however_many_mentions_stand_in_it(seed_reports):
    report = seed_reports["000_d1a4c8b9dac7cebb.txt"]
    g = report_only(report)
    sentences = set(g.subjects(RDF.type, FZ.Sentence))
    spans = {(m.sentence.start, m.sentence.end) for m in report.mentions}
    assert len(sentences) == len({(int(g.value(s, OA.start)), int(g.value(s, OA.end))) for s in sentences}) >= len(spans)
    assert len(list(g.triples((None, OA.exact, None)))) == len(sentences) + len(list(g.subjects(RDF.type, FZ.Mention)))
    for s in sentences:
        assert len(list(g.objects(s, OA.exact))) == 1
        assert g.value(s, FZ.inReport) == report_iri(report)


def test_seeds_graph_conforms(seed_reports):
    result = validate(build_graph(list(seed_reports.values())))
    assert result.conforms, result.messages[:5]


def broken(seed_reports, change):
    g = build_graph([seed_reports["004_1dfc0bfff4510739.txt"]])
    change(g)
    return validate(g)


def drop(predicate, cls):
    def change(g):
        node = next(g.subjects(RDF.type, cls))
        g.remove((node, predicate, None))
    return change


def set_value(predicate, cls, value):
    def change(g):
        node = next(g.subjects(RDF.type, cls))
        g.remove((node, predicate, None))
        g.add((node, predicate, value))
    return change


@pytest.mark.parametrize(
    "change, message",
    [
        (drop(FZ.year, FZ.Report), "exactly one year"),
        (set_value(FZ.status, FZ.Measure, FZ.problem), "adopted or planned"),
        (set_value(OA.start, FZ.Mention, Literal(10**9)), "before its end"),
        (drop(FZ.evidence, FZ.Adoption), "at least one mention as evidence"),
        (drop(FZ.inSentence, FZ.Mention), "stands in exactly one sentence"),
        (set_value(FZ.inSentence, FZ.Mention, FZ.adopted), "stands in exactly one sentence"),
        (drop(OA.exact, FZ.Sentence), "one text as written"),
        (set_value(OA.start, FZ.Sentence, Literal(10**9, datatype=XSD.nonNegativeInteger)), "before its end offset"),
        (drop(FZ.inReport, FZ.Sentence), "a sentence belongs to exactly one report"),
        (set_value(FZ.sha256, FZ.Report, Literal("nothex")), "SHA-256"),
    ],
)
def test_broken_graph_fails_with_a_clear_message(seed_reports, change, message):
    result = broken(seed_reports, change)
    assert not result.conforms
    assert any(message in m for m in result.messages), result.messages


def test_a_joint_report_has_each_signing_body_as_an_issuer(extract):
    text = (
        "中共金水区委 金水区人民政府关于2023年法治政府建设情况的报告\n"
        "一、主要成效\n2023年,金水区推行府院联动。\n"
        "中共郑州市金水区委\n郑州市金水区人民政府\n2024年3月1日\n"
    )
    report = extract(text, source="joint.txt")
    g = build_graph([report])
    issuers = {str(g.value(b, RDFS.label)) for b in g.objects(report_iri(report), FZ.issuer)}
    assert issuers == {"中共郑州市金水区委", "郑州市金水区人民政府"}
    assert str(g.value(report_iri(report), FZ.issuerName)) == "中共郑州市金水区委、郑州市金水区人民政府"
    assert validate(g).conforms

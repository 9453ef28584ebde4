"""Streamed builds (``fazhi build --jobs``): the same bytes as the graph built in memory, whatever the order."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, strategies as st
from rdflib import BNode, Literal, URIRef

from fazhi.api import build
from fazhi.errors import ValidationError
from fazhi.graph import stream
from fazhi.graph.build import build_dataset
from fazhi.graph.io import save
from fazhi.graph.turtle import _sort_key
from fazhi.graph.worker import validate_shared

SUFFIXES = [".ttl", ".nt", ".nq", ".trig", ".jsonld"]


@pytest.fixture(scope="module")
def in_memory(seed_reports, tmp_path_factory):
    """The seeds' graph written the way ``io.save`` writes a whole dataset, per suffix."""
    folder = tmp_path_factory.mktemp("memory")
    ds = build_dataset(list(seed_reports.values()))
    return {suffix: save(ds, folder / f"g{suffix}") for suffix in SUFFIXES}


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_streamed_file_has_the_bytes_of_the_graph_built_in_memory(seed_reports, in_memory, tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    summary = build([], out, reports=list(seed_reports.values()))
    assert out.read_bytes() == in_memory[suffix]
    assert summary.bytes == len(in_memory[suffix])


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig"])
def test_order_of_reports_and_spilled_runs_change_nothing(seed_reports, in_memory, tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(stream, "RUN_CHARS", 20_000)  # many runs on disk, merged at the end
    reports = list(seed_reports.values())
    random.Random(7).shuffle(reports)
    out = tmp_path / f"g{suffix}"
    build([], out, reports=reports)
    assert out.read_bytes() == in_memory[suffix]


def test_summary_counts_the_union(seed_reports, tmp_path):
    from fazhi.graph.io import union_graph

    reports = list(seed_reports.values())
    for suffix in (".ttl", ".nq"):
        summary = build([], tmp_path / f"g{suffix}", reports=reports)
        assert summary.triples == len(union_graph(build_dataset(reports)))
        assert summary.reports == 5 and summary.adoptions == sum(len(r.adoptions) for r in reports)


TEXTS = ["", "a", "ab", "a\tb", "a\nb", "a\x00", "a\x01b", "a b", "a\x0bb", "a\"b", "中", "中文", "a中", "\\", "a\x0a", "aa"]


@given(st.lists(st.sampled_from(TEXTS) | st.text(max_size=6), min_size=2, max_size=8))
def test_sort_keys_order_terms_as_the_turtle_writer_does(texts):
    from rdflib.namespace import XSD

    nodes = []
    for i, text in enumerate(texts):
        nodes.append(URIRef("https://x/" + text))
        nodes.append(Literal(text))
        nodes.append(Literal(text, lang="zh"))
        nodes.append(Literal(text, datatype=XSD.string if i % 2 else XSD.integer))
    nodes = list(dict.fromkeys(nodes))
    assert sorted(nodes, key=stream._key) == sorted(nodes, key=_sort_key)
    assert all("\t" not in stream._key(n) and "\n" not in stream._key(n) for n in nodes)


def test_sort_keys_put_a_shorter_name_first():
    # a key is a prefix of another's only at a component boundary, where \x00 sorts first
    a, b = URIRef("https://x/a"), URIRef("https://x/a\x01")
    assert stream._key(a) < stream._key(b)
    assert stream._key(BNode("a")) > stream._key(URIRef("https://x/zzz"))


def test_shared_entities_are_validated_on_the_union(seed_reports, tmp_path):
    # Two reports that each describe one region consistently, but give it different names:
    # each report graph conforms, the union does not (a region has exactly one name).
    report = seed_reports["000_d1a4c8b9dac7cebb.txt"]
    other = dataclasses.replace(report, sha256="f" * 64, region=dataclasses.replace(report.region, name="别名区"))
    build([], tmp_path / "one.ttl", reports=[other])  # alone: valid
    with pytest.raises(ValidationError, match="exactly one name"):
        build([], tmp_path / "g.ttl", reports=[report, other])
    assert not (tmp_path / "g.ttl").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["one.ttl"]  # no temporary files left


def test_validate_shared_reports_max_count():
    region = "<https://w3id.org/fazhi/data/region/110107>"
    lines = [
        f"{region} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/fazhi/ontology#Region> .",
        f"{region} <http://www.w3.org/2000/01/rdf-schema#label> \"石景山区\" .",
        f"{region} <https://w3id.org/fazhi/ontology#fullName> \"北京市石景山区\" .",
        f"{region} <https://w3id.org/fazhi/ontology#level> <https://w3id.org/fazhi/ontology#district> .",
    ]
    assert validate_shared(lines) == ()
    messages = validate_shared(lines + [f"{region} <https://w3id.org/fazhi/ontology#level> <https://w3id.org/fazhi/ontology#county> ."])
    assert any("exactly one level" in m for m in messages)


def _whole(lines):
    """The shared entities validated as before chunks: one graph with the ontology and vocabulary."""
    from fazhi.ontology import ontology_graph, validate, vocabulary_graph

    g = ontology_graph()
    g += vocabulary_graph()
    g.parse(data="\n".join(lines) + "\n", format="nt")
    return validate(g, inplace=True).messages


FZ_NS = "https://w3id.org/fazhi/ontology#"
VOCAB = "https://w3id.org/fazhi/vocab/"


@pytest.mark.parametrize("damage", ["none", "second full name", "second level", "parent not a region", "body of two types"])
def test_shared_entities_validated_in_chunks_as_in_one_graph(seed_reports, damage):
    """Chunks of whole subjects, with the types of what they point to, give the messages of one
    graph of all entity lines — checked with chunks of 7 lines, so every subject's neighbours lie
    in other chunks."""
    from fazhi.graph.worker import STORE, Settings, process_report

    settings = Settings(STORE, validate=False)
    lines = sorted({line for r in seed_reports.values() for line in process_report(r, settings).entities})
    assert not any(line.startswith("_:") for line in lines)
    region = next(l.split(" ")[0] for l in lines if l.endswith(f"<{FZ_NS}Region> ."))
    body = next(l.split(" ")[0] for l in lines if " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " in l and "/body/" in l)
    added = {
        "none": [],
        "second full name": [f'{region} <{FZ_NS}fullName> "另一个全名" .'],
        "second level": [f"{region} <{FZ_NS}level> <{FZ_NS}town> ."],
        "parent not a region": [f"{region} <{FZ_NS}within> {body} ."],
        "body of two types": [f"{body} <{FZ_NS}bodyType> <{VOCAB}body-type/government_department> .",
                              f"{body} <{FZ_NS}bodyType> <{VOCAB}body-type/party_body> ."],
    }[damage]
    lines = sorted(set(lines) | set(added))
    whole = _whole(lines)
    assert (whole == ()) == (damage == "none")
    assert validate_shared(lines, chunk=7) == validate_shared(lines) == tuple(sorted(set(whole)))


class Recorder:
    def __init__(self):
        self.phases, self.items = [], []

    def phase(self, name, total):
        self.phases.append([name, total, 0])

    def advance(self, n=1, item=""):
        self.phases[-1][2] += n
        if item:
            self.items.append(item)


def test_progress_covers_every_phase(seed_files, tmp_path):
    progress = Recorder()
    build(seed_files[:2], tmp_path / "g.ttl", progress=progress)
    assert [p[0] for p in progress.phases] == ["extracting", "validating shared entities", "writing"]
    assert all(done == total for _, total, done in progress.phases), progress.phases
    assert progress.items == [p.name for p in seed_files[:2]]


def test_a_plain_progress_function_still_hears_of_each_file(seed_files, tmp_path):
    seen = []
    build(seed_files[:2], tmp_path / "g.nt", progress=seen.append)
    assert seen == list(seed_files[:2])


@given(st.lists(st.sampled_from(TEXTS) | st.text(max_size=6), min_size=1, max_size=6))
def test_ntriples_lines_are_rdflibs(texts):
    """The lines a worker writes are those of rdflib's N-Triples and N-Quads serialisers."""
    from rdflib.namespace import XSD
    from rdflib.plugins.serializers.nquads import _nq_row
    from rdflib.plugins.serializers.nt import _nt_row

    triples = []
    for i, text in enumerate(texts):
        subject = URIRef("https://x/" + str(i)) if i % 3 else BNode(f"b{i}")
        for obj in (Literal(text), Literal(text, lang="zh"), Literal(text, datatype=XSD.string), URIRef("https://x/o" + str(i)), subject):
            triples.append((subject, URIRef("https://x/p"), obj))
    graph = URIRef("https://x/g")
    assert stream.ntriples_lines(triples) == [_nt_row(t)[:-1] for t in triples]
    assert stream.ntriples_lines(triples, graph) == [_nq_row(t, graph)[:-1] for t in triples]


def test_reports_built_in_process_collect_less_often_and_restore_the_threshold(seed_files, monkeypatch):
    """The in-process path (--jobs 1) raises the young generation's threshold around each report's
    work, and a caller sees its own threshold between reports and after them."""
    import gc

    from fazhi.graph import worker

    seen = []
    process_file = worker.process_file
    monkeypatch.setattr(worker, "process_file", lambda path, settings: (seen.append(gc.get_threshold()[0]), process_file(path, settings))[1])
    before = gc.get_threshold()
    for part in worker.parts(seed_files[:2], worker.Settings("nquads"), jobs=1):
        assert gc.get_threshold() == before and not part.error
    assert seen == [worker.YOUNG_COLLECTION_THRESHOLD] * 2 and gc.get_threshold() == before

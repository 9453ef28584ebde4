"""``fazhi validate --store``: a store validated a report graph at a time gives the results of its
dump validated as one graph (``fazhi validate --graph``)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest

from fazhi.api import build_store, plan_store_build, validate_file, validate_store
from fazhi.graph.store import ENTITIES_GRAPH, Store, export, transaction

FZ = "https://w3id.org/fazhi/ontology#"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def store_root(tmp_path_factory, seed_files):
    folder = tmp_path_factory.mktemp("reports")
    for path in seed_files[:3]:
        shutil.copy(path, folder / path.name)
    root = folder.parent / "store"
    build_store(plan_store_build([folder], root))
    return root


def as_one_graph(root, tmp_path):
    export(Store(root), tmp_path / "dump.nq")
    return validate_file(tmp_path / "dump.nq")


def test_a_built_store_conforms_and_so_does_its_dump(store_root, tmp_path):
    # Oxigraph keeps the sentences' xsd:nonNegativeInteger offsets as xsd:integer: the shapes take both
    assert validate_store(store_root).conforms
    assert as_one_graph(store_root, tmp_path).conforms


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_broken_store_gives_the_results_of_its_dump_as_one_graph(store_root, tmp_path, jobs):
    broken = tmp_path / "broken"
    shutil.copytree(store_root, broken, symlinks=True)
    with transaction(broken) as tx:
        report = sorted(e.graph for e in tx.manifest.reports.values())[0]
        graph = ox.NamedNode(report)
        year = next(tx.db.quads_for_pattern(None, ox.NamedNode(FZ + "year"), None, graph))
        tx.db.remove(year)  # a report item without its year
        sentence = next(tx.db.quads_for_pattern(None, ox.NamedNode(OA + "end"), None, graph))
        tx.db.add(ox.Quad(sentence.subject, sentence.predicate, ox.Literal("-1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), graph))
        region = next(tx.db.quads_for_pattern(None, ox.NamedNode(FZ + "fullName"), None, ox.NamedNode(str(ENTITIES_GRAPH))))
        tx.db.add(ox.Quad(region.subject, region.predicate, ox.Literal("另一个名字"), region.graph_name))  # a region named twice
        tx.labels_may_change()
    by_reports = validate_store(broken, jobs=jobs)
    whole = as_one_graph(broken, tmp_path)
    assert not by_reports.conforms
    assert set(by_reports.messages) == set(whole.messages)
    said = "\n".join(by_reports.messages)
    assert "fullName" in said and "end offset" in said and "year" in said


def test_the_command_takes_a_store_or_a_graph_file(store_root, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "fazhi", "validate", *args], capture_output=True, text=True)

    for jobs in ("1", "2"):
        done = run("--store", str(store_root), "--quiet", "--jobs", jobs)
        assert done.returncode == 0 and "conforms" in done.stdout
    export(Store(store_root), tmp_path / "dump.nq")
    both = run("--store", str(store_root), "--graph", str(tmp_path / "dump.nq"))
    neither = run()
    for done in (both, neither):
        assert done.returncode != 0 and "give either --graph FILE or --store DIR" in done.stderr
        assert "Traceback" not in done.stderr
    missing = run("--store", str(tmp_path / "nowhere"))
    assert missing.returncode != 0 and "no such store" in missing.stderr and "Traceback" not in missing.stderr

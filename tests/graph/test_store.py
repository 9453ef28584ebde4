"""The persistent store: incremental builds, all-or-nothing changes, export, and answers equal to rdflib's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import fazhi
from fazhi.api import build_store, plan_store_build
from fazhi.errors import GraphError, InputError, QueryError, ValidationError
from fazhi.graph import ask
from fazhi.graph.io import union_graph
from fazhi.graph.store import Store, export, import_file, is_store


def build(folder: Path, store: Path, **options):
    return build_store(plan_store_build([folder], store), **options)


@pytest.fixture()
def corpus(tmp_path, seed_files):
    """A folder of three seed reports that a test may change."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in seed_files[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def count(store: Store, text: str) -> int:
    return fazhi.run_sparql(store, text).rows[0][0]


REPORTS = "PREFIX fz: <https://w3id.org/fazhi/ontology#> SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a fz:Report }"


def test_first_build_extracts_everything(corpus, tmp_path):
    summary = build(corpus, tmp_path / "store")
    assert (summary.reports, summary.extracted, summary.unchanged, summary.removed) == (3, 3, 0, 0)
    store = Store(tmp_path / "store")
    assert count(store, REPORTS) == 3
    assert len(store.manifest.reports) == 3
    assert summary.quads == len(store)


def test_adding_one_report_extracts_only_it(corpus, tmp_path, seed_files):
    build(corpus, tmp_path / "store")
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    summary = build(corpus, tmp_path / "store")
    assert (summary.extracted, summary.unchanged, summary.removed, summary.reports) == (1, 3, 0, 4)
    assert count(Store(tmp_path / "store"), REPORTS) == 4


def test_rebuilding_unchanged_files_reads_none(corpus, tmp_path, monkeypatch):
    build(corpus, tmp_path / "store")
    read = []
    import fazhi.extract.report as report_module

    original = report_module.extract_report
    monkeypatch.setattr(report_module, "extract_report", lambda *a, **k: read.append(a[0]) or original(*a, **k))
    summary = build(corpus, tmp_path / "store")
    assert read == [] and summary.extracted == 0 and summary.unchanged == 3


def test_changing_a_report_drops_its_old_triples(corpus, tmp_path):
    build(corpus, tmp_path / "store")
    before = Store(tmp_path / "store")
    target = sorted(corpus.iterdir())[0]
    old_graph = before.manifest.reports[str(target.resolve())].graph
    del before
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("。", "。\n", 1) + "\n另外,建立府院联动机制。\n", encoding="utf-8")
    summary = build(corpus, tmp_path / "store")
    assert (summary.extracted, summary.unchanged, summary.removed, summary.reports) == (1, 2, 1, 3)
    after = Store(tmp_path / "store")
    assert old_graph not in after.named_graphs()
    assert after.manifest.reports[str(target.resolve())].graph != old_graph
    old = fazhi.run_sparql(after, f"ASK {{ GRAPH <{old_graph}> {{ ?s ?p ?o }} }}")
    assert old.rows == ((False,),)
    assert count(after, REPORTS) == 3


def test_removing_a_report_drops_its_graph(corpus, tmp_path):
    build(corpus, tmp_path / "store")
    target = sorted(corpus.iterdir())[1]
    gone = Store(tmp_path / "store").manifest.reports[str(target.resolve())].graph
    target.unlink()
    summary = build(corpus, tmp_path / "store")
    assert (summary.extracted, summary.removed, summary.reports) == (0, 1, 2)
    store = Store(tmp_path / "store")
    assert gone not in store.named_graphs()
    assert count(store, REPORTS) == 2


def test_reports_from_other_folders_are_kept(corpus, tmp_path, seed_files):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(seed_files[4], other / seed_files[4].name)
    build(corpus, tmp_path / "store")
    summary = build(other, tmp_path / "store")
    assert (summary.extracted, summary.removed, summary.reports) == (1, 0, 4)


def test_a_failed_build_leaves_the_store_as_it_was(corpus, tmp_path, seed_files, monkeypatch):
    build(corpus, tmp_path / "store")
    before = Store(tmp_path / "store")
    generation, quads = before.generation, len(before)
    del before
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    import fazhi.ontology

    class Broken:
        conforms = False
        messages = ["fz:Report: a broken shape (test)"]

    monkeypatch.setattr(fazhi.ontology, "validate_part", lambda *a, **k: Broken())
    with pytest.raises(ValidationError, match="store is unchanged"):
        build(corpus, tmp_path / "store")
    after = Store(tmp_path / "store")
    assert after.generation == generation and len(after) == quads
    assert sorted(p.name for p in (tmp_path / "store").iterdir() if p.name.startswith("gen-")) == [
        generation.name, generation.name + ".json", generation.name + ".summary.sqlite"
    ]


def test_duplicates_of_stored_reports_are_refused(corpus, tmp_path):
    build(corpus, tmp_path / "store")
    twin = tmp_path / "twin"
    twin.mkdir()
    source = sorted(corpus.iterdir())[0]
    shutil.copy(source, twin / "copy.txt")
    with pytest.raises(InputError, match="same content as"):
        build(twin, tmp_path / "store")


@pytest.fixture()
def extractions(monkeypatch):
    """The files the build extracts (in this process: ``jobs`` 1)."""
    from fazhi.graph import worker

    seen = []
    process_file = worker.process_file

    def counted(path, settings):
        seen.append(Path(path).name)
        return process_file(path, settings)

    monkeypatch.setattr(worker, "process_file", counted)
    return seen


def test_a_repeated_file_is_refused_before_anything_is_extracted(corpus, tmp_path, extractions):
    first = sorted(corpus.iterdir())[0]
    shutil.copy(first, corpus / "z-copy.txt")
    (corpus / "y-empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"2 files cannot be built: .*y-empty.txt: the file is empty; .*z-copy.txt: same content as .*" + first.name):
        fazhi.build([corpus], tmp_path / "g.nq")
    assert extractions == [] and not (tmp_path / "g.nq").exists()
    with pytest.raises(InputError, match="z-copy.txt: same content as"):
        build(corpus, tmp_path / "store")
    assert extractions == [] and not (tmp_path / "store").exists()


def test_keep_going_skips_a_repeated_file_without_extracting_it(corpus, tmp_path, extractions):
    shutil.copy(sorted(corpus.iterdir())[0], corpus / "z-copy.txt")
    skipped = []
    summary = fazhi.build([corpus], tmp_path / "g.nq", keep_going=True, skipped=skipped)
    assert summary.reports == 3 and sorted(extractions) == sorted(p.name for p in corpus.iterdir() if p.name != "z-copy.txt")
    assert [(s.path.name, "same content as" in s.message) for s in skipped] == [("z-copy.txt", True)]


def test_a_file_repeating_a_stored_report_is_refused_before_extraction(corpus, tmp_path, extractions):
    build(corpus, tmp_path / "store")
    extractions.clear()
    twin = tmp_path / "twin"
    twin.mkdir()
    source = sorted(corpus.iterdir())[0]
    shutil.copy(source, twin / "copy.txt")
    with pytest.raises(InputError, match=f"copy.txt: same content as .*{source.name}"):
        build(twin, tmp_path / "store")
    assert extractions == []


def test_the_quad_count_is_kept_not_scanned(corpus, tmp_path, seed_files, monkeypatch):
    """An added, changed or removed report updates the recorded count, which stays that of the store
    (counting is a scan of all its quads: 6 s at 30 M), and the build does not scan."""
    store = tmp_path / "store"
    first = build(corpus, store)
    assert first.quads == len(Store(store)) == Store(store).manifest.quads
    import pyoxigraph

    scans = []
    monkeypatch.setattr(pyoxigraph.Store, "__len__", lambda db: scans.append(1) or 0, raising=False)
    shutil.copy(seed_files[3], corpus / seed_files[3].name)  # one more
    added = build(corpus, store)
    (corpus / seed_files[0].name).write_text(seed_files[0].read_text(encoding="utf-8").replace("2023年", "2022年", 1), encoding="utf-8")
    changed = build(corpus, store)
    (corpus / seed_files[1].name).unlink()
    removed = build(corpus, store)
    same = build(corpus, store)  # nothing to do: no new generation, the count read from the manifest
    assert scans == []
    assert same.quads == removed.quads and same.generation == removed.generation
    monkeypatch.undo()
    assert removed.quads == len(Store(store)) == Store(store).manifest.quads
    assert removed.quads < changed.quads and added.quads > first.quads


def test_a_store_without_a_recorded_count_is_counted(corpus, tmp_path):
    import json

    store = tmp_path / "store"
    build(corpus, store)
    manifest = Store(store).generation.with_suffix(".json")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    quads = data.pop("quads")
    manifest.write_text(json.dumps(data), encoding="utf-8")  # as an older fazhi wrote it
    (corpus / sorted(p.name for p in corpus.iterdir())[0]).unlink()
    summary = build(corpus, store)
    assert summary.quads == len(Store(store)) < quads


def test_not_a_store(tmp_path):
    with pytest.raises(GraphError, match="no such store"):
        Store(tmp_path / "missing")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("x")
    with pytest.raises(GraphError, match="not a fazhi store"):
        Store(tmp_path / "plain")
    assert not is_store(tmp_path / "plain")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seeds_dir):
    root = tmp_path_factory.mktemp("store") / "store"
    build(seeds_dir, root)
    return Store(root)


@pytest.fixture(scope="module")
def seed_graph(seed_reports):
    return union_graph(fazhi.build_dataset(list(seed_reports.values())))


QUESTIONS = [
    ("adopters", ("府院联动",), {}),
    ("adopters", ("行政执法三项制度",), {"status": "adopted"}),
    ("mechanisms", ("顺城区",), {}),
    ("mechanisms", ("云南省昆明市禄劝彝族苗族自治县翠华镇",), {"status": "planned"}),
    ("co-adoption", (), {}),
    ("matrix", (), {}),
    ("regions", ("云南省",), {}),
    ("figures", ("行政诉讼败诉率",), {}),
    ("figures", (), {}),
    ("promises", (), {}),
    ("promises", ("翠华镇",), {}),
]


@pytest.mark.parametrize("name,args,kwargs", QUESTIONS, ids=[f"{q[0]}-{'-'.join(q[1])}" for q in QUESTIONS])
def test_store_answers_equal_rdflib(seed_store, seed_graph, name, args, kwargs):
    from_store = ask.ask(seed_store, name, *args, **kwargs)
    in_memory = ask.ask(seed_graph, name, *args, **kwargs)
    assert from_store.columns == in_memory.columns
    assert sorted(map(repr, from_store.rows)) == sorted(map(repr, in_memory.rows))
    if name != "promises" or args:
        assert from_store.rows, "the question has an answer on the seeds"


def test_store_reports_and_adoption_equal_rdflib(seed_store, seed_graph):
    assert fazhi.reports(seed_store) == fazhi.reports(seed_graph)
    assert fazhi.adoption(seed_store) == fazhi.adoption(seed_graph)


def test_an_unknown_region_is_an_error_naming_close_ones(seed_store):
    from fazhi.errors import QueryError

    with pytest.raises(QueryError, match="不存在区: no region"):
        ask.mechanisms_of(seed_store, "不存在区")
    with pytest.raises(QueryError, match="did you mean.*顺城区"):
        ask.mechanisms_of(seed_store, "顺城")


def test_store_as_rdflib_dataset(seed_store):
    from rdflib.namespace import RDF

    from fazhi.ontology import FZ

    ds = seed_store.rdflib()
    assert len({s for s, _, _ in ds.triples((None, RDF.type, FZ.Report))}) == 5


def test_export_and_import_round_trip(seed_store, tmp_path):
    quads = export(seed_store, tmp_path / "dump.nq")
    assert quads == len(seed_store)
    again = export(seed_store, tmp_path / "again.nq")
    assert again == quads and (tmp_path / "dump.nq").read_bytes() == (tmp_path / "again.nq").read_bytes()
    assert import_file(tmp_path / "copy", tmp_path / "dump.nq") == quads
    copy = Store(tmp_path / "copy")
    assert fazhi.adoption(copy) == fazhi.adoption(seed_store)
    export(seed_store, tmp_path / "dump.trig")
    graphs = fazhi.load(tmp_path / "dump.trig")
    assert len(list(graphs.graphs())) >= 7  # five reports, ontology, candidates (+ default)


def test_export_refuses_to_overwrite(seed_store, tmp_path):
    (tmp_path / "dump.nq").write_text("keep me")
    with pytest.raises(GraphError, match="already exists"):
        export(seed_store, tmp_path / "dump.nq", force=False)
    assert (tmp_path / "dump.nq").read_text() == "keep me"


def test_a_killed_build_leaves_only_a_stray_folder_that_the_next_build_removes(corpus, tmp_path):
    build(corpus, tmp_path / "store")
    root = tmp_path / "store"
    current = Store(root).generation
    stray = root / "gen-000042"  # what a build killed before its commit leaves behind
    stray.mkdir()
    (stray / "000001.sst").write_bytes(b"half-written")
    assert Store(root).generation == current  # readers never see it
    build(corpus, root)  # nothing changed: no new generation, and the stray folder is gone
    assert not stray.exists()
    assert Store(root).generation == current


def test_a_plan_made_before_another_build_is_refused(corpus, tmp_path, seed_files):
    build(corpus, tmp_path / "store")
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    stale = plan_store_build([corpus], tmp_path / "store")
    build(corpus, tmp_path / "store")  # commits meanwhile
    with pytest.raises(GraphError, match="another build changed the store"):
        build_store(stale)
    assert len(Store(tmp_path / "store").manifest.reports) == 4


def test_the_union_of_the_graphs_has_no_duplicate_triples(seed_store, seed_graph):
    everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    assert count(seed_store, everything) == count(seed_store, distinct) == len(seed_store) == len(seed_graph)


def test_a_report_graph_holds_only_what_the_report_says(seed_store):
    from fazhi.graph.store import ENTITIES_GRAPH

    entry = sorted(seed_store.manifest.reports.values(), key=lambda e: e.path)[0]
    owner = entry.graph[: -len("/graph")]
    subjects = fazhi.run_sparql(seed_store, f"SELECT DISTINCT ?s WHERE {{ GRAPH <{entry.graph}> {{ ?s ?p ?o }} }}").rows
    assert subjects and all(s == owner or s.startswith(owner + "/") for (s,) in subjects)
    assert str(ENTITIES_GRAPH) in seed_store.named_graphs()


def test_bound_text_cannot_change_the_query(seed_store):
    from rdflib import Literal

    from fazhi.graph.query import _run, named_query

    hostile = Literal('x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("', lang="zh")
    assert _run(seed_store, named_query("mechanism_lookup"), {"name": hostile}).rows == ()
    with pytest.raises(QueryError, match="no region of that name"):  # no rows, and the name is not a region
        ask.regions_under(seed_store, '云南省" } UNION { ?p ?q ?r')
    assert len(seed_store) > 0


def test_plain_values_equal_rdflibs(seed_store, seed_graph):
    query = (
        'SELECT ?n ?d ?b ?s ?date WHERE { BIND(48 AS ?n) BIND(16.13 AS ?d) BIND(true AS ?b) BIND("x"@zh AS ?s) '
        'BIND("2025-01-03"^^<http://www.w3.org/2001/XMLSchema#date> AS ?date) }'
    )
    assert fazhi.run_sparql(seed_store, query) == fazhi.run_sparql(seed_graph, query)


@pytest.mark.parametrize("status", ["adopted", "planned"])
def test_co_adoption_counted_in_python_equals_the_query(seed_store, seed_graph, status):
    from fazhi.graph.query import _run, named_query
    from fazhi.ontology import FZ

    for source in (seed_store, seed_graph):
        by_query = _run(source, named_query("co_adoption"), {"statusIri": FZ[status]})
        assert sorted(ask.co_adoption(source, status).rows) == sorted(by_query.rows)


def _answers(store_root: Path, monkeypatch) -> dict:
    """The corpus-wide answers of a store, from its summary and from SPARQL."""
    out = {}
    for mode in ("summary", "sparql"):
        if mode == "sparql":
            monkeypatch.setenv("FAZHI_NO_SUMMARY", "1")
        else:
            monkeypatch.delenv("FAZHI_NO_SUMMARY", raising=False)
        store = Store(store_root)
        matrix = ask.matrix(store)
        mechanisms = sorted({row[3] for row in matrix.rows})
        regions = sorted({row[0] for row in matrix.rows})
        provinces = sorted({row[1].split("省")[0] + "省" for row in matrix.rows if "省" in row[1]})  # roll-ups
        out[mode] = (
            matrix,
            *(ask.co_adoption(store, s) for s in ("adopted", "planned", "problem")),
            *(ask.adopters(store, m) for m in mechanisms),
            *(ask.adopters(store, m, "planned") for m in mechanisms[:10]),
            *(ask.mechanisms_of(store, r) for r in regions + provinces),
            *(ask.mechanisms_of(store, r, "adopted") for r in provinces),
        )
    monkeypatch.delenv("FAZHI_NO_SUMMARY", raising=False)
    return out


def test_the_summary_follows_every_build(corpus, tmp_path, seed_files, monkeypatch):
    """Adding, changing and removing reports: the summary's answers stay those of SPARQL."""
    from fazhi.graph import summary

    root = tmp_path / "store"
    build(corpus, root)
    answers = _answers(root, monkeypatch)
    assert answers["summary"] == answers["sparql"] and answers["summary"][0].rows
    shutil.copy(seed_files[3], corpus / seed_files[3].name)  # one more
    build(corpus, root)
    after_add = _answers(root, monkeypatch)
    assert after_add["summary"] == after_add["sparql"] != answers["sparql"]
    (corpus / seed_files[0].name).unlink()  # one fewer
    text = (corpus / seed_files[1].name).read_text(encoding="utf-8")
    (corpus / seed_files[1].name).write_text(text.replace("府院联动", "府院协作"), encoding="utf-8")  # one changed
    build(corpus, root)
    after = _answers(root, monkeypatch)
    assert after["summary"] == after["sparql"] != after_add["sparql"]
    current = Store(root).generation
    assert summary.path_of(current).exists()
    # one summary, the current generation's: each build takes the previous one's over (the generation
    # kept beside the current one is read by SPARQL), and none is left behind by removed generations
    assert [p.name for p in root.glob("*" + summary.SUFFIX)] == [summary.path_of(current).name]


def test_the_manifest_writes_back_the_lines_it_read(corpus, tmp_path, seed_files):
    """Entries unchanged since the manifest was read are written back as the lines they were read
    from; the file is the one encoding every entry afresh would give, after any change."""
    import json
    from dataclasses import replace

    from fazhi.graph.store import Manifest, current_generation

    root = tmp_path / "store"
    build(corpus, root)
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    build(corpus, root)  # a manifest written from one read
    path = current_generation(root).with_suffix(".json")
    manifest = Manifest.read(path)
    assert len(manifest.lines) == len(manifest.reports) == 4
    assert all(line == json.dumps(vars(entry), ensure_ascii=False) for entry, line in manifest.lines.values())
    key = sorted(manifest.reports)[1]
    manifest.reports[key] = replace(manifest.reports[key], issuer="另一个机关")
    manifest.write(tmp_path / "again.json")
    afresh = Manifest(dict(manifest.reports), manifest.ontology, manifest.quads)  # no lines: all encoded
    afresh.write(tmp_path / "afresh.json")
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "afresh.json").read_bytes()
    assert Manifest.read(tmp_path / "again.json").reports[key].issuer == "另一个机关"
    assert Manifest.read(path).reports == Manifest.read(tmp_path / "afresh.json").reports | {key: Manifest.read(path).reports[key]}


def test_many_new_reports_are_summarised_in_the_order_of_their_mechanisms(corpus, tmp_path, monkeypatch):
    """Past a batch of new report graphs, the rows go to the table by mechanism (a mechanism's adopters
    on neighbouring pages); the answers are those of SPARQL."""
    import sqlite3

    from fazhi.graph import summary

    monkeypatch.setattr(summary, "BATCH", 1)  # three new graphs: more than a batch
    root = tmp_path / "store"
    build(corpus, root)
    answers = _answers(root, monkeypatch)
    assert answers["summary"] == answers["sparql"]
    con = sqlite3.connect(summary.path_of(Store(root).generation))
    keys = con.execute("SELECT m, status, graph FROM rows ORDER BY rowid").fetchall()
    con.close()
    assert len(keys) > 50 and keys == sorted(keys)


def test_a_failed_summary_update_gives_the_summary_back(corpus, tmp_path, seed_files, monkeypatch):
    """A build takes the previous generation's summary over and changes it in place; when that fails,
    the store is unchanged and so is its summary, read as before."""
    from fazhi.graph import summary

    root = tmp_path / "store"
    build(corpus, root)
    before = _answers(root, monkeypatch)
    generation = Store(root).generation
    shutil.copy(seed_files[3], corpus / seed_files[3].name)

    opened = []
    connect = summary.sqlite3.connect
    monkeypatch.setattr(summary.sqlite3, "connect", lambda *a, **k: opened.append(connect(*a, **k)) or opened[-1])

    def broken(db, iris=None):
        opened[-1].execute("DELETE FROM rows")  # the file is changed in place, then the update fails
        raise RuntimeError("disk gone")

    monkeypatch.setattr(summary, "_labels", broken)
    with pytest.raises(RuntimeError, match="disk gone"):
        build(corpus, root)
    monkeypatch.undo()
    assert Store(root).generation == generation
    assert [p.name for p in root.glob("*" + summary.SUFFIX)] == [summary.path_of(generation).name]
    assert _answers(root, monkeypatch) == before
    with summary.current(Store(root)) as con:
        assert con is not None  # read from the summary, not by SPARQL


def test_a_build_waits_for_a_reader_of_the_summary(corpus, tmp_path, seed_files, monkeypatch):
    """A reader keeps its snapshot of the summary while it has it open: a build that would change
    the file waits for it, and past its patience stops, leaving the store as it was."""
    from fazhi.graph import summary

    root = tmp_path / "store"
    build(corpus, root)
    generation = Store(root).generation
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    monkeypatch.setattr(summary, "BUSY_SECONDS", 0.2)
    with summary.current(Store(root)) as con:
        rows = summary.matrix_rows(con)
        with pytest.raises(GraphError, match="cannot update the store's summary"):
            build(corpus, root)
        assert summary.matrix_rows(con) == rows
    assert Store(root).generation == generation
    monkeypatch.setattr(summary, "BUSY_SECONDS", 600)
    assert build(corpus, root).extracted == 1  # once the reader is done


def test_a_summary_made_for_another_generation_is_not_read(corpus, tmp_path, monkeypatch):
    import sqlite3

    from fazhi.graph import summary

    root = tmp_path / "store"
    build(corpus, root)
    store = Store(root)
    con = sqlite3.connect(summary.path_of(store.generation))
    con.execute("UPDATE meta SET value = 'gen-999999' WHERE key = 'generation'")
    con.execute("DELETE FROM rows")  # were it read, the matrix would be empty
    con.commit()
    con.close()
    assert summary.open_current(store) is None
    assert ask.matrix(store).rows


def test_the_questions_read_the_summary(corpus, tmp_path, monkeypatch):
    from fazhi.graph import query

    root = tmp_path / "store"
    build(corpus, root)
    store = Store(root)
    expected = (ask.matrix(store), ask.co_adoption(store), ask.adopters(store, "府院联动"), ask.mechanisms_of(store, "辽宁省"))
    assert all(table.rows for table in expected)
    run = query._run
    corpus_wide = [query.named_query(name) for name in ("adoption", "matrix", "region_mechanisms")]

    def names_only(source, sparql, *args, **kwargs):  # looking names up is SPARQL's; the answers are the summary's
        if any(sparql is q for q in corpus_wide):
            raise AssertionError(f"{sparql.where} answered by SPARQL, not by the summary")
        return run(source, sparql, *args, **kwargs)

    monkeypatch.setattr(query, "_run", names_only)
    monkeypatch.setattr(ask, "_run", names_only)
    assert (ask.matrix(store), ask.co_adoption(store), ask.adopters(store, "府院联动"), ask.mechanisms_of(store, "辽宁省")) == expected


def test_a_stores_pages_read_its_summary(seed_store, seed_graph, monkeypatch):
    """The network and the matrix of a store come from its summary: the same regions, mechanisms,
    statuses and cells as from the graph, each adoption with its first evidence sentence."""
    from fazhi.graph import query
    from fazhi.viz.matrix import matrix_data
    from fazhi.viz.network import network_data

    def adoptions(data):
        return {(a, b, e["status"], e["year"]) for (a, b), e in data.edges.items() if "status" in e}

    def evidence(data):
        return {(item["region_full"], item["mechanism"], item["status"], item["sentence"])
                for n in data.nodes.values() if n["kind"] == "region" for item in n["evidence"]}

    from_graph, matrix_of_graph = network_data(seed_graph), matrix_data(seed_graph)
    run = query._run
    per_mention = [query.named_query(name) for name in ("network_adoptions", "matrix")]

    def guarded(source, sparql, *args, **kwargs):
        if any(sparql is q for q in per_mention):
            raise AssertionError(f"{sparql.where} run on a store that has a summary")
        return run(source, sparql, *args, **kwargs)

    monkeypatch.setattr(query, "_run", guarded)
    from_store = network_data(seed_store)
    assert adoptions(from_store) == adoptions(from_graph) and adoptions(from_graph)
    assert set(from_store.nodes) == set(from_graph.nodes)
    first = evidence(from_store)
    assert first < evidence(from_graph)
    assert len(first) == len({(r, m, s) for r, m, s, _ in first})  # one sentence per adoption
    assert matrix_data(seed_store) == matrix_of_graph


def test_an_unfiltered_page_skips_measures_it_has_no_room_for(seed_graph, monkeypatch):
    from fazhi.viz import network

    assert any(n["kind"] == "measure" for n in network.network_data(seed_graph).nodes.values())
    monkeypatch.setattr(network, "DETAIL_LIMIT", 10)
    assert not any(n["kind"] == "measure" for n in network.network_data(seed_graph).nodes.values())
    filtered = network.network_data(seed_graph, mechanism="府院联动")
    assert any(n["kind"] == "measure" for n in filtered.nodes.values())  # a filtered page still reads them


def _summary_rows(root: Path) -> list[tuple]:
    import sqlite3

    from fazhi.graph import summary

    con = sqlite3.connect(summary.path_of(Store(root).generation))
    try:
        return con.execute("SELECT graph, region, evidence FROM rows").fetchall()
    finally:
        con.close()


def test_the_summary_is_recomputed_only_when_a_known_label_changes(corpus, tmp_path, seed_files):
    """A new report brings a new region (a new label): the old rows are kept as they are. A changed
    label of a region already known makes every row stale: they are made again."""
    import sqlite3

    from fazhi.graph import summary
    from fazhi.graph.store import transaction

    root = tmp_path / "store"
    build(corpus, root)
    con = sqlite3.connect(summary.path_of(Store(root).generation))
    con.execute("UPDATE rows SET evidence = 'kept as it was'")  # a mark that a recomputation would wipe
    con.commit()
    con.close()
    before = {g for g, _, _ in _summary_rows(root)}
    shutil.copy(seed_files[3], corpus / seed_files[3].name)  # a report of another region
    build(corpus, root)
    rows = _summary_rows(root)
    assert {e for g, _, e in rows if g in before} == {"kept as it was"}
    assert {g for g, _, _ in rows} > before and all(e != "kept as it was" for g, _, e in rows if g not in before)

    (region,) = {r for g, r, _ in rows if g in before and r == "顺城区"}
    with transaction(root) as tx:
        tx.update(f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            DELETE {{ GRAPH ?g {{ ?r rdfs:label "{region}" }} }} INSERT {{ GRAPH ?g {{ ?r rdfs:label "新顺城区" }} }}
            WHERE {{ GRAPH ?g {{ ?r rdfs:label "{region}" }} }}""")
    rows = _summary_rows(root)
    assert "kept as it was" not in {e for _, _, e in rows}
    assert "新顺城区" in {r for _, r, _ in rows} and region not in {r for _, r, _ in rows}


def test_a_no_op_build_gives_an_older_store_the_summary_it_reads(corpus, tmp_path, monkeypatch):
    """A store whose summary this fazhi does not read (made by an older version) gets one from a
    build that changes nothing, without a new generation; the answers are SPARQL's."""
    import sqlite3

    from fazhi.graph import summary

    root = tmp_path / "store"
    build(corpus, root)
    generation = Store(root).generation
    con = sqlite3.connect(summary.path_of(generation))
    con.execute("UPDATE meta SET value = 'older' WHERE key = 'version'")
    con.commit()
    con.close()
    assert summary.open_current(Store(root)) is None
    build(corpus, root)
    store = Store(root)
    assert store.generation == generation
    con = summary.open_current(store)
    assert con is not None
    con.close()
    answers = _answers(root, monkeypatch)
    assert answers["summary"] == answers["sparql"]
    assert not summary.refresh(store)  # nothing to do the second time


def test_a_graph_of_the_older_layout_is_refused_not_read_as_empty(corpus, tmp_path):
    """Before a sentence was a node, a mention held its sentence as fz:sentence; today's questions
    would find no evidence there and answer nothing. Such a file or store is refused by name."""
    from fazhi.graph.io import load
    from fazhi.graph.store import transaction

    old = tmp_path / "old.ttl"
    old.write_text('<https://w3id.org/fazhi/id/report/k/mention/1-2> <https://w3id.org/fazhi/ontology#sentence> "某句。" .\n', encoding="utf-8")
    with pytest.raises(GraphError, match=r"old\.ttl: made by an older fazhi .* fazhi build REPORTS --out"):
        load(old)
    root = tmp_path / "store"
    build(corpus, root)
    Store(root)  # today's layout opens
    with transaction(root) as tx:
        tx.update('INSERT DATA { GRAPH <urn:g> { <urn:m> <https://w3id.org/fazhi/ontology#sentence> "某句。" } }')
    with pytest.raises(GraphError, match="made by an older fazhi"):
        Store(root)
    with pytest.raises(GraphError, match="made by an older fazhi"):
        plan_store_build([corpus], root)  # nothing is built into it


def test_the_ontology_graph_is_rewritten_only_when_it_changed(corpus, tmp_path, seed_files, monkeypatch):
    """Adding a report leaves the ontology graph alone when the ontology and vocabulary are those it
    holds; a changed fingerprint (a new fazhi, a local vocabulary) rewrites it."""
    from fazhi.graph.build import ONTOLOGY_GRAPH
    from fazhi.graph.store import Transaction

    root = tmp_path / "store"
    build(corpus, root)
    assert Store(root).manifest.ontology == fazhi.ontology.fingerprint()
    before = count(Store(root), f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
    written = []
    replace = Transaction.replace_graph
    monkeypatch.setattr(Transaction, "replace_graph", lambda tx, name, graph: (written.append(str(name)), replace(tx, name, graph)))
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    build(corpus, root)
    assert str(ONTOLOGY_GRAPH) not in written
    assert count(Store(root), f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}") == before
    monkeypatch.setattr(fazhi.ontology, "fingerprint", lambda: "another vocabulary")
    shutil.copy(seed_files[4], corpus / seed_files[4].name)
    build(corpus, root)
    assert str(ONTOLOGY_GRAPH) in written
    assert Store(root).manifest.ontology == "another vocabulary"


def test_a_summary_of_an_older_layout_is_made_afresh_on_the_next_build(corpus, tmp_path, seed_files, monkeypatch):
    """A store built by an older fazhi holds a summary with other columns; the next build that adds
    a report starts the summary afresh instead of writing rows into the old table."""
    import sqlite3

    from fazhi.graph import summary

    root = tmp_path / "store"
    build(corpus, root)
    con = sqlite3.connect(summary.path_of(Store(root).generation))
    con.execute("DROP TABLE rows")
    con.execute("CREATE TABLE rows (graph, r, region, region_full, year, m, mechanism, category, status)")  # version 1's
    con.execute("DROP TABLE labels")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'version'")
    con.commit()
    con.close()
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    build(corpus, root)
    con = summary.open_current(Store(root))
    assert con is not None
    con.close()
    answers = _answers(root, monkeypatch)
    assert answers["summary"] == answers["sparql"]


def _candidate_counts(root: Path) -> tuple[dict[str, int], dict[str, int]]:
    """The counts a store holds, and the counts of a recount over all its report graphs."""
    from pyoxigraph import NamedNode

    from fazhi.api import CANDIDATE_COUNTS

    db = Store(root).oxigraph
    count = NamedNode("https://w3id.org/fazhi/ontology#candidateCount")
    held = {q.subject.value: int(q.object.value) for q in db.quads_for_pattern(None, count, None, None)}
    select = CANDIDATE_COUNTS[CANDIDATE_COUNTS.index("SELECT"):].rsplit("}", 1)[0]
    prefixes = CANDIDATE_COUNTS[: CANDIDATE_COUNTS.index("DROP")]
    recount = {s["c"].value: int(s["n"].value) for s in db.query(prefixes + select)}
    return held, recount


def test_candidate_counts_follow_added_changed_and_removed_reports(tmp_path, corpus_module):
    """A build recounts only the candidates of the report graphs it adds or drops (a recount of every
    report graph took 0.07 s at 1,000 reports and grows with the store); the counts stay those of a
    whole recount."""
    folder, root = tmp_path / "reports", tmp_path / "store"
    folder.mkdir()
    # the seeds moved to other regions, and from the sixth on copies of them, naming the same candidates again
    texts = [(f"{i:02d}_{seed.name}", text) for i, (seed, text) in enumerate(corpus_module.copies(7))]
    for name, text in texts[:5]:
        (folder / name).write_text(text, encoding="utf-8")
    build(folder, root)
    held, recount = _candidate_counts(root)
    assert held == recount and set(held.values()) == {1}

    for name, text in texts[5:]:  # copies of two of them: their candidates are named twice
        (folder / name).write_text(text, encoding="utf-8")
    build(folder, root)
    held, recount = _candidate_counts(root)
    assert held == recount and 2 in held.values()
    twice = {c for c, n in held.items() if n == 2}

    name, text = texts[1]
    (folder / name).write_text(text.split("\n\n", 1)[0] + "\n\n" + text, encoding="utf-8")  # changed bytes, same candidates
    (folder / texts[0][0]).unlink()  # and one gone: its candidates are named once again
    summary = build(folder, root)
    assert (summary.extracted, summary.removed) == (1, 2)
    held, recount = _candidate_counts(root)
    assert held == recount and 1 in {held[c] for c in twice} and 2 in {held[c] for c in twice}
    assert summary.quads == len(Store(root))


def test_unchanged_files_are_not_read_again_but_changed_ones_are(corpus, tmp_path, monkeypatch):
    """A file whose size, times and inode are those the manifest kept is not hashed again; one
    changed in place is, even with its size and modification time put back; a file changed less
    than ``SETTLED_NS`` before it was hashed keeps no stat, so it is hashed again next time."""
    import os
    import time

    import fazhi.api as api

    files = sorted(corpus.iterdir())
    assert api._stat(files[0], time.time_ns()) is None  # just written: not settled
    monkeypatch.setattr(api, "SETTLED_NS", 0)  # every file settled
    store = tmp_path / "store"
    build(corpus, store)
    assert all(e.stat is not None for e in Store(store).manifest.reports.values())

    hashed = []
    real = api._file_sha256
    monkeypatch.setattr(api, "_file_sha256", lambda path: hashed.append(path.name) or real(path))
    plan = plan_store_build([corpus], store)
    assert hashed == [] and len(plan.unchanged) == 3 and not plan.extract

    text = files[1].read_text(encoding="utf-8")
    changed = text.replace("法治", "法制", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    before = os.stat(files[1])
    files[1].write_text(changed, encoding="utf-8")
    os.utime(files[1], ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime: only its ctime tells
    plan = plan_store_build([corpus], store)
    assert hashed == [files[1].name] and plan.extract == (files[1],)

    monkeypatch.setattr(api, "SETTLED_NS", 10**18)  # every file just changed: no stat is kept
    build(corpus, store)
    hashed.clear()
    plan = plan_store_build([corpus], store)
    assert sorted(hashed) == [f.name for f in files] and len(plan.unchanged) == 3


def _summary_tables(path: Path) -> tuple[list, list]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT * FROM rows")), sorted(con.execute("SELECT * FROM labels"))
    finally:
        con.close()


def test_a_build_reads_only_the_labels_of_what_it_added(corpus, tmp_path, seed_files, monkeypatch):
    """After the first build, a build that adds a report reads the labels of the entities that report
    describes, not every label of the store, and its summary is the one made afresh; labels
    loaded for a known IRI that differ from the kept ones still make every row again."""
    from fazhi.graph import summary
    from fazhi.graph.store import ENTITIES_GRAPH, transaction

    root = tmp_path / "store"
    build(corpus, root)
    asked = []
    real = summary._labels
    monkeypatch.setattr(summary, "_labels", lambda db, iris=None: asked.append(iris) or real(db, iris))
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    build(corpus, root)
    (iris,) = asked
    assert iris is not None and 0 < len(iris) < 400
    store = Store(root)
    afresh = tmp_path / "afresh.sqlite"
    summary.update(store.oxigraph, store.generation, None, target=afresh)
    assert _summary_tables(summary.path_of(store.generation)) == _summary_tables(afresh)

    rows = _summary_rows(root)
    (region,) = {r for _, r, _ in rows if r == "顺城区"}
    (iri,) = {s["r"].value for s in store.execute(
        f'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?r WHERE {{ ?r rdfs:label "{region}" }}')}
    del store
    with transaction(root) as tx:
        tx.load_nquads(f'<{iri}> <http://www.w3.org/2000/01/rdf-schema#label> "顺城" <{ENTITIES_GRAPH}> .\n', 1, {iri})
    assert asked[-1] == [iri]
    store = Store(root)
    summary.update(store.oxigraph, store.generation, None, target=tmp_path / "again.sqlite")
    assert _summary_tables(summary.path_of(store.generation)) == _summary_tables(tmp_path / "again.sqlite")
    assert _summary_tables(summary.path_of(store.generation))[0] != _summary_tables(afresh)[0]  # the rows made again


def test_what_the_store_says_of_an_entity_is_validated_with_what_a_new_report_says(corpus, tmp_path, seed_files):
    """A region the store already names is named again by a new report's graph: the shapes see both
    (here the store holds a second name for it, as a store built by another version might), so the
    build is refused though the new report's own lines conform."""
    from fazhi.graph.store import ENTITIES_GRAPH, transaction
    from fazhi.graph.worker import STORE, Settings, process_file

    root = tmp_path / "store"
    build(corpus, root)
    part = process_file(str(seed_files[3]), Settings(STORE))
    (region,) = {line.split(" ")[0] for line in part.entities if f'#fullName> "{part.region}"' in line}
    with transaction(root) as tx:
        tx.load_nquads(f'{region} <http://www.w3.org/2000/01/rdf-schema#label> "另一个名字" <{ENTITIES_GRAPH}> .\n', 1, set())
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    with pytest.raises(ValidationError, match="store is unchanged"):
        build(corpus, root)


def test_the_labels_of_some_iris_are_those_of_the_whole_query(seed_store):
    """``summary._labels`` for a list of IRIs (index lookups) gives exactly the whole LABELS query's
    values for them: mechanisms with and without a category, candidates, regions, and IRIs with none."""
    from fazhi.graph import summary

    whole = summary._labels(seed_store.oxigraph)
    subjects = sorted({q.subject.value for q in seed_store.oxigraph.quads_for_pattern(None, None, None, None)
                       if q.subject.__class__.__name__ == "NamedNode"})
    assert len(whole) > 300 and set(whole) < set(subjects)
    assert summary._labels(seed_store.oxigraph, subjects) == whole


def test_old_generations_and_trash_are_removed_after_a_change(corpus, tmp_path, seed_files):
    """A change keeps the new generation and the one before it; older ones are renamed out of the way
    and removed beside the build, with any trash a killed build left."""
    root = tmp_path / "store"
    build(corpus, root)
    first, reports = Store(root).generation.name, len(Store(root).manifest.reports)
    (root / ".trash-1-0-gen-000007").mkdir()  # what a build killed while removing leaves behind
    (root / ".trash-1-0-gen-000007" / "000001.sst").write_bytes(b"old")
    shutil.copy(seed_files[3], corpus / seed_files[3].name)
    build(corpus, root)
    second = Store(root).generation.name
    (corpus / seed_files[3].name).unlink()
    build(corpus, root)
    third = Store(root).generation.name
    generations = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.startswith("gen-"))
    assert generations == [second, third] and first < second < third
    assert not [p for p in root.iterdir() if p.name.startswith(".trash-")]
    assert not (root / f"{first}.json").exists()
    assert len(Store(root).manifest.reports) == reports

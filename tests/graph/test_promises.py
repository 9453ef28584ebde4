"""Promise tracking: what a region planned in its year-N report, and what its N+1 report says."""

from __future__ import annotations

from pathlib import Path

import pytest

import fazhi
from fazhi.api import build_store, plan_store_build
from fazhi.graph import ask
from fazhi.graph.io import union_graph
from fazhi.graph.store import Store

DATA = Path(__file__).parent / "data" / "promises"


@pytest.fixture(scope="module")
def sources(tmp_path_factory, nlp):
    reports = [fazhi.extract_report(p, nlp=nlp) for p in sorted(DATA.glob("*.txt"))]
    root = tmp_path_factory.mktemp("promises") / "store"
    build_store(plan_store_build([DATA], root))
    return {"rdflib": union_graph(fazhi.build_dataset(reports)), "store": Store(root)}


@pytest.mark.parametrize("backend", ["rdflib", "store"])
def test_outcome_of_each_promise(sources, backend):
    table = ask.promises(sources[backend], "嘉善县")
    outcomes = {(r["year"], r["mechanism"]): r["outcome"] for r in table.records()}
    assert outcomes[(2023, "府院联动")] == "adopted"
    assert outcomes[(2023, "柔性执法")] == "adopted"  # 首违不罚清单: a listed form of it
    assert outcomes[(2023, "公共法律服务体系")] == "planned again"
    assert outcomes[(2023, "行政争议实质性化解")] == "not mentioned"
    assert outcomes[(2024, "公共法律服务体系")] == "no report"
    # adopted in 2023 already: not a promise
    assert (2023, "行政执法三项制度") not in outcomes


@pytest.mark.parametrize("backend", ["rdflib", "store"])
def test_promise_rows_carry_both_sentences(sources, backend):
    rows = {r["mechanism"]: r for r in ask.promises(sources[backend], "浙江省嘉兴市嘉善县", mechanism="府院联动").records()}
    row = rows["府院联动"]
    assert row["next_year"] == 2024
    assert "建立府院联动机制" in row["promise"] and "府院联动" in row["follow_up"] and row["follow_up"] != row["promise"]
    assert row["source"] == "2023_jiashan.txt" and row["next_source"] == "2024_jiashan.txt"


def test_backends_agree(sources):
    a, b = (ask.promises(sources[k]) for k in ("rdflib", "store"))
    assert a.columns == b.columns and sorted(map(repr, a.rows)) == sorted(map(repr, b.rows))


def test_outcomes_are_the_documented_ones(sources):
    assert {r["outcome"] for r in ask.promises(sources["store"]).records()} <= set(ask.OUTCOMES)


@pytest.mark.parametrize("backend", ["rdflib", "store"])
@pytest.mark.parametrize("mechanism", [None, "府院联动"])
def test_look_ups_equal_the_single_query(sources, backend, mechanism):
    from fazhi.graph.query import _run, named_query, resolve_mechanism, resolve_regions

    source = sources[backend]
    bindings = {"r": resolve_regions(source, "嘉善县")[0]}
    if mechanism:
        bindings["concept"] = resolve_mechanism(source, mechanism)
    by_query = _run(source, named_query("promises"), bindings)
    by_look_ups = ask.promises(source, "嘉善县", mechanism=mechanism)
    assert by_look_ups.columns == by_query.columns
    assert sorted(map(repr, by_look_ups.rows)) == sorted(map(repr, by_query.rows)) and by_look_ups.rows

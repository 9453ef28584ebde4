"""Analytics over adoptions: similarity, co-adoption, centrality, communities."""

import pytest

from fazhi.graph.analytics import analytics_triples, analyze, most_similar
from fazhi.graph.build import build_dataset
from fazhi.graph.query import Table, adoption

COLUMNS = ("region", "region_full", "year", "mechanism", "status", "source", "evidence")


def table(rows):
    return Table(COLUMNS, tuple((r.split("省")[-1], r, 2024, m, s, "x.txt", "") for r, m, s in rows))


SMALL = table(
    [
        ("甲省A区", "府院联动", "adopted"),
        ("甲省A区", "枫桥经验", "adopted"),
        ("甲省B区", "府院联动", "adopted"),
        ("甲省B区", "枫桥经验", "adopted"),
        ("甲省B区", "述法", "adopted"),
        ("乙省C县", "述法", "adopted"),
        ("乙省C县", "府院联动", "planned"),
    ]
)


def test_jaccard_by_hand():
    result = analyze(SMALL)
    sims = {frozenset((a, b)): j for a, b, j, _ in result.similarity.rows}
    assert sims[frozenset(("甲省A区", "甲省B区"))] == pytest.approx(2 / 3, abs=1e-4)
    assert sims[frozenset(("甲省B区", "乙省C县"))] == pytest.approx(1 / 3, abs=1e-4)
    assert sims[frozenset(("甲省A区", "乙省C县"))] == 0.0  # planned does not count as adopted
    assert most_similar(result, "甲省A区", 1) == [("甲省B区", pytest.approx(0.6667, abs=1e-4))]


def test_co_adoption_counts_regions():
    rows = {(a, b): n for a, b, n in analyze(SMALL).co_adoption.rows}
    assert rows[("府院联动", "枫桥经验")] == 2
    assert rows[("府院联动", "述法")] == 1


def test_any_status_counts_plans_too():
    sims = {frozenset((a, b)): j for a, b, j, _ in analyze(SMALL, status="any").similarity.rows}
    assert sims[frozenset(("甲省A区", "乙省C县"))] > 0


def test_seed_analytics(seed_reports):
    result = analyze(adoption(build_dataset(list(seed_reports.values()))))
    assert len(result.similarity.rows) == 10  # five regions, ten pairs
    assert all(0 <= j <= 1 for _, _, j, _ in result.similarity.rows)
    assert {r for _, r in result.communities.rows} == {r.region.full_name for r in seed_reports.values()}
    kinds = {k for _, k, _ in result.centrality.rows}
    assert kinds == {"region", "mechanism"}
    g = analytics_triples(result)
    assert len(g) > 0

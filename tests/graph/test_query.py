"""The public way to run a named query (``queries/*.rq``) with bound parameters."""

import pytest
from rdflib import Literal

from fazhi.errors import QueryError
from fazhi.graph.query import run_named


@pytest.fixture(scope="module")
def seeds_graph(seed_reports):
    from fazhi.graph.build import build_dataset
    from fazhi.graph.io import union_graph

    return union_graph(build_dataset(list(seed_reports.values())))


def test_run_named_with_a_parameter(seeds_graph):
    table = run_named(seeds_graph, "region_lookup", {"name": Literal("顺城区")})
    assert len(table.rows) == 1 and "name" not in table.columns  # a parameter is an input, not a column


def test_region_groups_give_province_and_city(seeds_graph):
    groups = {full: (province, city) for full, province, city in run_named(seeds_graph, "region_groups").rows}
    assert groups["辽宁省抚顺市顺城区"] == ("辽宁省", "抚顺市")
    assert groups["广东省广州市从化区"] == ("广东省", "广州市")


def test_unknown_named_query_is_a_query_error(seeds_graph):
    with pytest.raises(QueryError, match="no such named query"):
        run_named(seeds_graph, "no_such_query")

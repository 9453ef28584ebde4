"""The SPARQL examples in the README run and answer what they promise."""

import re
from pathlib import Path

import pytest

from fazhi.graph.build import build_dataset
from fazhi.graph.query import run_sparql

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sparql\n(.*?)```", README, re.S)


@pytest.fixture(scope="module")
def seeds_graph(seed_reports):
    return build_dataset(list(seed_reports.values()))


def test_readme_has_queries():
    assert len(QUERIES) >= 2


def test_regions_under_a_province(seeds_graph):
    table = run_sparql(seeds_graph, QUERIES[0])
    assert ("翠华镇", "town") in table.rows  # its report never names 云南省 in its first lines


def test_mechanisms_under_a_category(seeds_graph):
    rows = {row[0]: row[1] for row in run_sparql(seeds_graph, QUERIES[1]).rows}
    assert rows["行政执法公示制度"] >= 1  # a narrower concept rolls up through 行政执法三项制度


def test_towns_under_a_county(seeds_graph):
    query = """
    PREFIX fz: <https://w3id.org/fazhi/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?town ?county ?city WHERE {
      ?t fz:level fz:town ; rdfs:label ?town ; fz:within ?c .
      ?c rdfs:label ?county ; fz:within ?ci . ?ci rdfs:label ?city .
    }"""
    assert run_sparql(seeds_graph, query).rows == (("翠华镇", "禄劝彝族苗族自治县", "昆明市"),)


@pytest.mark.parametrize(
    "region, chain",
    [
        ("顺城区", ["抚顺市", "辽宁省"]),
        ("石景山区", ["北京市"]),
        ("翠华镇", ["禄劝彝族苗族自治县", "昆明市", "云南省"]),
        ("从化区", ["广州市", "广东省"]),
        ("道外区", ["哈尔滨市", "黑龙江省"]),
    ],
)
def test_region_hierarchy(seeds_graph, region, chain):
    query = """
    PREFIX fz: <https://w3id.org/fazhi/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?above WHERE { ?r rdfs:label ?name ; fz:within+ ?a . ?a rdfs:label ?above . FILTER(STR(?name) = "%s") }
    """ % region  # a fixed test value, not user input
    assert sorted(r[0] for r in run_sparql(seeds_graph, query).rows) == sorted(chain)

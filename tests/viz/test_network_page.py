"""The network page is written offline-ready (UTF-8, everything inlined, no remote script, style or font)
and holds what the browser needs: regions ↔ mechanisms laid out ahead, details per region, groups above a size."""

import json
import re

import pytest

from fazhi.graph.build import build_dataset
from fazhi.viz.layout import force_layout, spiral
from fazhi.viz.network import render_network

REMOTE = re.compile(r"""(?:<script[^>]+src|<link[^>]+href|@import|url\()\s*=?\s*["']?\s*(?:https?:)?//""", re.I)


def page_data(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r"const DATA = (\{.*?\});\n", text, re.S).group(1).replace("<\\/", "</"))


@pytest.fixture(scope="module")
def seeds_ds(seed_reports):
    return build_dataset(list(seed_reports.values()))


@pytest.fixture(scope="module")
def page(tmp_path_factory, seeds_ds):
    out = tmp_path_factory.mktemp("viz") / "graph.html"
    summary = render_network(seeds_ds, out)
    return out, summary


def test_no_remote_references(page):
    out, _ = page
    text = out.read_text(encoding="utf-8")
    assert not REMOTE.search(text)
    assert "<script src" not in text and "<link" not in text


def test_page_is_utf8_and_holds_the_data(page):
    out, summary = page
    text = out.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in text
    data = page_data(out)
    assert not summary["aggregated"] and data["aggregated"] is False
    # the default view: regions and mechanisms only, every one placed ahead (no physics in the browser)
    assert {n["kind"] for n in data["nodes"]} == {"region", "mechanism"}
    assert len(data["nodes"]) == summary["nodes"] == summary["regions"] + summary["mechanisms"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    labels = {n["label"] for n in data["nodes"]}
    assert {"府院联动", "顺城区", "翠华镇"} <= labels
    # measures, bodies and documents wait in each region's details, for expanding it
    detail_kinds = {n["kind"] for d in data["detail"].values() for n in d["nodes"]}
    assert detail_kinds == {"measure", "body", "document"}
    assert summary["all_nodes"] > summary["nodes"]


def test_mechanisms_are_sized_by_adopters(page):
    data = page_data(page[0])
    mechanisms = {n["label"]: n for n in data["nodes"] if n["kind"] == "mechanism"}
    assert mechanisms["行政执法三项制度"]["adopters"] == 3 and mechanisms["府院联动"]["adopters"] == 1
    assert mechanisms["行政执法三项制度"]["size"] > mechanisms["府院联动"]["size"]


def test_diffusion_chart_and_first_adopters_per_mechanism(page):
    data = page_data(page[0])
    chart = data["diffusion"]["mechanism:府院联动"]
    assert chart["svg"].startswith("<svg") and "2024" in chart["svg"]
    assert chart["first"] == [[2024, ["广东省广州市从化区"]]]


def test_same_graph_same_page(tmp_path, seeds_ds, page):
    render_network(seeds_ds, tmp_path / "again.html")
    assert (tmp_path / "again.html").read_bytes() == page[0].read_bytes()


def test_large_graphs_are_grouped_by_province(tmp_path, seeds_ds):
    out = tmp_path / "big.html"
    summary = render_network(seeds_ds, out, aggregate_above=3)
    assert summary["aggregated"] and summary["groups"] == 5  # the seeds' five regions lie in five provinces
    data = page_data(out)
    top = [n for n in data["nodes"] if not n.get("parent")]
    assert {n["kind"] for n in top} == {"group", "mechanism"} and len(top) == summary["nodes"]
    groups = {n["label"]: n for n in data["nodes"] if n["kind"] == "group"}
    assert groups["辽宁省"]["members"] == ["region:辽宁省抚顺市顺城区"] and groups["辽宁省"]["count"] == 1
    region = next(n for n in data["nodes"] if n["id"] == "region:辽宁省抚顺市顺城区")
    assert region["parent"] == "group:辽宁省"
    text = out.read_text(encoding="utf-8")
    assert "--region" in text and "double-click a group" in text


def test_drill_down_to_one_region(tmp_path, seeds_ds):
    out = tmp_path / "one.html"
    render_network(seeds_ds, out, region="顺城区")
    data = page_data(out)
    assert {n["label"] for n in data["nodes"] if n["kind"] == "region"} == {"顺城区"}
    assert set(data["detail"]) == {"region:辽宁省抚顺市顺城区"}


def test_layout_is_deterministic_and_spread():
    nodes = [f"n{i}" for i in range(30)]
    edges = [(f"n{i}", f"n{(i * 7) % 30}", 1.0) for i in range(30) if i != (i * 7) % 30]
    first, second = force_layout(nodes, edges), force_layout(list(reversed(nodes)), list(reversed(edges)))
    assert first == second
    assert len({xy for xy in first.values()}) == 30
    points = spiral((10.0, 10.0), 50, spacing=20.0)
    nearest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(points) for b in points[i + 1:])
    assert nearest > 15  # no two members on top of each other


def test_matrix_page_and_svg_have_no_remote_references(tmp_path, seeds_ds):
    from fazhi.viz.matrix import render_matrix, render_svg

    render_matrix(seeds_ds, tmp_path / "adoption.html")
    render_svg(seeds_ds, tmp_path / "adoption.svg")
    page = (tmp_path / "adoption.html").read_text(encoding="utf-8")
    assert not REMOTE.search(page) and "<script src" not in page and "<link" not in page
    svg = (tmp_path / "adoption.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "顺城区" in svg and not REMOTE.search(svg)


def test_nodes_are_pushed_apart_until_none_covers_another():
    from fazhi.viz.layout import separate

    positions = {f"n{i}": (float(i % 3), float(i % 2)) for i in range(20)}  # piled up, some on the same point
    sizes = {n: 10.0 for n in positions}
    out = separate(positions, sizes, gap=4.0)
    points = list(out.values())
    nearest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(points) for b in points[i + 1:])
    assert nearest >= 20.0 - 0.5
    assert separate(positions, sizes, gap=4.0) == out


def test_same_bytes_in_another_process(tmp_path, seeds_ds):
    """Row order from SPARQL follows Python's hash seed; the page must not."""
    import os
    import subprocess
    import sys

    from fazhi.graph.io import save

    save(seeds_ds, tmp_path / "seeds.trig")
    code = ("import sys; from fazhi.graph.io import load; from fazhi.viz.network import render_network; "
            "render_network(load(sys.argv[1]), sys.argv[2])")
    runs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "seeds.trig"), str(tmp_path / f"{seed}.html")],
                             env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    assert [run.wait(timeout=600) for run in runs] == [0, 0]
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "2.html").read_bytes()


def test_regions_that_share_a_name_stay_apart(seeds_ds):
    """Two regions called 鼓楼区 are two nodes, each labelled with its city."""
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS

    from fazhi.graph.io import union_graph
    from fazhi.ontology import FZ
    from fazhi.viz.network import network_data

    g = Graph()
    for triple in union_graph(seeds_ds):
        g.add(triple)
    regions = sorted({r for r in g.objects(None, FZ.region)})[:2]
    for r in regions:
        g.set((r, RDFS.label, Literal("鼓楼区")))
    data = network_data(g)
    named = [n for n in data.nodes.values() if n["kind"] == "region" and n["label"].startswith("鼓楼区")]
    assert len(named) == 2
    assert len({n["label"] for n in named}) == 2 and all(n["label"].startswith("鼓楼区 (") for n in named)

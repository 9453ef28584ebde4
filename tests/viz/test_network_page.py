"""The network page is written offline-ready: UTF-8, everything inlined, no remote script, style or font."""

import json
import re

import pytest

from fazhi.graph.build import build_dataset
from fazhi.viz.network import render_network

REMOTE = re.compile(r"""(?:<script[^>]+src|<link[^>]+href|@import|url\()\s*=?\s*["']?\s*(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def page(tmp_path_factory, seed_reports):
    out = tmp_path_factory.mktemp("viz") / "graph.html"
    summary = render_network(build_dataset(list(seed_reports.values())), out)
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
    data = json.loads(re.search(r"const DATA = (\{.*?\});\n", text, re.S).group(1).replace("<\\/", "</"))
    assert len(data["nodes"]) == summary["nodes"]
    labels = {n["label"] for n in data["nodes"]}
    assert {"府院联动", "顺城区", "翠华镇"} <= labels
    kinds = {m["kind"] for m in data["meta"].values()}
    assert kinds == {"region", "mechanism", "body", "measure", "document"}
    assert data["aggregated"] is False


def test_large_graphs_are_aggregated_with_a_layout(tmp_path, seed_reports):
    out = tmp_path / "big.html"
    summary = render_network(build_dataset(list(seed_reports.values())), out, aggregate_above=50)
    assert summary["aggregated"] and summary["nodes"] < summary["all_nodes"]
    text = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r"const DATA = (\{.*?\});\n", text, re.S).group(1).replace("<\\/", "</"))
    assert all("x" in n and n["physics"] is False for n in data["nodes"])
    assert {m["kind"] for m in data["meta"].values()} == {"region", "mechanism"}
    assert "--region" in text


def test_drill_down_to_one_region(tmp_path, seed_reports):
    out = tmp_path / "one.html"
    summary = render_network(build_dataset(list(seed_reports.values())), out, region="顺城区")
    text = out.read_text(encoding="utf-8")
    assert "翠华镇" not in re.sub(r"<script>.*?</script>", "", text, count=1, flags=re.S).split("const DATA", 1)[1][:200000] or summary["nodes"] > 0
    data = json.loads(re.search(r"const DATA = (\{.*?\});\n", text, re.S).group(1).replace("<\\/", "</"))
    assert {n["label"] for n in data["nodes"] if data["meta"][n["id"]]["kind"] == "region"} == {"顺城区"}


def test_matrix_page_and_svg_have_no_remote_references(tmp_path, seed_reports):
    from fazhi.viz.matrix import render_matrix, render_svg

    ds = build_dataset(list(seed_reports.values()))
    render_matrix(ds, tmp_path / "adoption.html")
    render_svg(ds, tmp_path / "adoption.svg")
    page = (tmp_path / "adoption.html").read_text(encoding="utf-8")
    assert not REMOTE.search(page) and "<script src" not in page and "<link" not in page
    svg = (tmp_path / "adoption.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "顺城区" in svg and not REMOTE.search(svg)

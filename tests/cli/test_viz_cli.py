"""``fazhi viz`` and ``fazhi viz adoption`` as a user runs them."""

from __future__ import annotations

import re

from cli_helpers import run


def test_viz_network(seeds_ttl, tmp_path):
    result = run("viz", "--graph", seeds_ttl, "--out", tmp_path / "graph.html")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"{re.escape(str(tmp_path / 'graph.html'))}: \d+ nodes, \d+ edges", result.stderr.strip())
    assert "府院联动" in (tmp_path / "graph.html").read_text(encoding="utf-8")


def test_viz_network_of_one_mechanism(seeds_ttl, tmp_path):
    result = run("viz", "--graph", seeds_ttl, "--out", tmp_path / "one.html", "--mechanism", "府院联动")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith(": 2 nodes, 1 edges")


def test_viz_adoption(seeds_ttl, tmp_path):
    result = run("viz", "adoption", "--graph", seeds_ttl, "--out", tmp_path / "adoption.html", "--svg", tmp_path / "adoption.svg")
    assert result.returncode == 0, result.stderr
    assert "regions ×" in result.stderr and (tmp_path / "adoption.svg").read_text(encoding="utf-8").startswith("<svg")


def test_the_source_given_before_a_page_reaches_it(seeds_ttl, tmp_path):
    """`fazhi viz --graph G adoption` (and `map`) read G: the group's --graph/--store/--force were
    ignored and the page found no graph. The network page's own options there are refused."""
    out = tmp_path / "adoption.html"
    out.write_text("old", encoding="utf-8")
    result = run("viz", "--graph", seeds_ttl, "--force", "adoption", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "regions ×" in result.stderr and out.read_text(encoding="utf-8") != "old"
    result = run("viz", "--graph", seeds_ttl, "map", "--out", tmp_path / "map.html")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "map.html").exists()

    result = run("viz", "--graph", seeds_ttl, "--out", tmp_path / "x.html", "--region", "顺城区", "adoption")
    assert result.returncode == 2
    assert "--out, --region before `adoption` belongs to the network page" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.html").exists()

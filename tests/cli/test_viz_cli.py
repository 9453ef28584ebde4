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

"""``fazhi viz map`` as a user runs it: from a graph file or a store, and its one-line errors."""

from __future__ import annotations

import re

from cli_helpers import assert_one_line_error, run


def test_viz_map_writes_one_offline_page(seeds_ttl, tmp_path):
    out = tmp_path / "map.html"
    result = run("viz", "map", "--graph", seeds_ttl, "--out", out, "--mechanism", "府院联动")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"{re.escape(str(out))}: 5 regions, \d+ mechanisms, 2021–2024, \d+ KB\n", result.stderr)
    page = out.read_text(encoding="utf-8")
    assert '"mechanism":"府院联动"' in page
    assert 'data-name="广东省广州市从化区"' in page


def test_viz_map_from_a_store(seeds_dir, tmp_path):
    store = tmp_path / "store"
    assert run("build", seeds_dir, "--store", store, "--quiet").returncode == 0
    out = tmp_path / "map.html"
    result = run("viz", "map", "--store", store, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "5 regions" in result.stderr
    assert '"mechanism":null' in out.read_text(encoding="utf-8")


def test_an_unknown_mechanism_says_did_you_mean_and_writes_nothing(seeds_ttl, tmp_path):
    out = tmp_path / "map.html"
    result = run("viz", "map", "--graph", seeds_ttl, "--out", out, "--mechanism", "府院联动机构")
    assert_one_line_error(result, "府院联动机构", "did you mean", "府院联动")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


def test_a_missing_graph_file_is_named(tmp_path):
    out = tmp_path / "map.html"
    assert_one_line_error(run("viz", "map", "--graph", tmp_path / "nope.ttl", "--out", out), "nope.ttl", "no such graph file")
    assert not out.exists()


def test_an_out_that_is_a_folder_is_an_error(seeds_ttl, tmp_path):
    assert_one_line_error(run("viz", "map", "--graph", seeds_ttl, "--out", tmp_path), str(tmp_path), "is a folder")

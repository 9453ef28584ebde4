"""fazhi/cli/common.py's ``listing``: a table function becomes a command with its own
arguments and options first, then --graph, --store and --format."""

from __future__ import annotations

import json
from typing import Optional

import typer
from typer.testing import CliRunner

from fazhi.cli.common import listing
from fazhi.graph.query import Table

group = typer.Typer()
seen = {}


@listing(group, "echo", lambda word, times: f"{word} × {times}")
def echo(source, word: str = typer.Argument(..., help="A word."), times: Optional[int] = typer.Option(2, "--times", help="How often.")):
    """Repeat a word."""
    seen["source"] = source
    return Table(("word",), tuple((word,) for _ in range(times)))


@listing(group, "count", "{word} counted")
def count(source, word: str = typer.Argument(...)):
    """Count nothing."""
    return Table(("word", "n"), ((word, len(source)),))


def test_arguments_pass_through_and_the_source_is_opened(tmp_path):
    graph = tmp_path / "empty.ttl"
    graph.write_text("", encoding="utf-8")
    result = CliRunner().invoke(group, ["echo", "府院联动", "--times", "3", "--graph", str(graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"word": "府院联动"}] * 3
    assert len(seen["source"]) == 0  # the empty graph file, read by open_source


def test_the_title_is_a_pattern_or_a_function(tmp_path):
    graph = tmp_path / "empty.ttl"
    graph.write_text("", encoding="utf-8")
    for args, title in ((["echo", "x"], "x × 2"), (["count", "y"], "y counted")):
        result = CliRunner().invoke(group, [*args, "-g", str(graph)], terminal_width=200)
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0].strip() == title


def test_help_shows_the_docstring_and_the_options_in_order():
    result = CliRunner().invoke(group, ["echo", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "Repeat a word." in result.stdout
    order = [result.stdout.index(o) for o in ("--times", "--graph", "--store", "--format")]
    assert order == sorted(order)

"""``fazhi viz map``: the adoption map. ``register(viz_app)`` adds it (this module does not import app)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .common import ForceOption, GraphOption, StoreOption, open_source, refuse_overwrite


def viz_map(
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    out: Path = typer.Option(Path("out/map.html"), "--out", "-o", help="HTML page to write (works offline: boundaries and script inlined)."),
    mechanism: Optional[str] = typer.Option(None, "--mechanism", "-m", help="Colour regions by this mechanism's status (preferred label or alias, e.g. 府院联动); default: by the number of mechanisms adopted."),
    force: bool = ForceOption,
):
    """Write a map of China: report regions coloured by a mechanism's status as of a year (slider), evidence on click."""
    from ..viz.map import render_map

    refuse_overwrite(force, out)
    summary = render_map(open_source(graph, store), out, mechanism=mechanism)
    years = summary["years"]
    span = f"{years[0]}–{years[-1]}" if years else "no years"
    unplaced = f", {summary['unplaced']} not on the map (no boundary for their adcode)" if summary["unplaced"] else ""
    print(f"{out}: {summary['regions']} regions{unplaced}, {summary['mechanisms']} mechanisms, {span}, "
          f"{summary['bytes'] // 1024} KB", file=sys.stderr)


def register(viz_app: typer.Typer) -> None:
    viz_app.command("map")(viz_map)

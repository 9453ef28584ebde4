"""``fazhi ask diffusion`` and ``fazhi ask panel``: adoption over time (kept apart from store_commands for easy merging)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import Format, FormatOption, GraphOption, StoreOption, emit, open_source
from .store_commands import ask_app


@ask_app.command("diffusion")
def ask_diffusion(
    mechanism: str = typer.Argument(..., help="A mechanism's preferred label or alias, e.g. 府院联动."),
    status: str = typer.Option("adopted", "--status", "-s", help="Which status counts: adopted (default), planned or problem."),
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    format: Format = FormatOption,
):
    """Diffusion of one mechanism: new adopting regions per year, cumulative, and the first adopters."""
    from ..graph.diffusion import diffusion

    emit(diffusion(open_source(graph, store), mechanism, status=status), format, f"diffusion of {mechanism}")


@ask_app.command("panel")
def ask_panel(
    graph: Optional[Path] = GraphOption,
    store: Optional[Path] = StoreOption,
    format: Format = FormatOption,
):
    """The region × year × mechanism panel: region,region_full,adcode,level,year,mechanism,status,first_year."""
    from ..graph.diffusion import panel

    emit(panel(open_source(graph, store)), format, "region × year × mechanism panel")

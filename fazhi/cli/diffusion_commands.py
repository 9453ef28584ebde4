"""``fazhi ask diffusion`` and ``fazhi ask panel``: adoption over time (kept apart from store_commands for easy merging)."""

from __future__ import annotations

import typer

from .common import listing
from .store_commands import ask_app


@listing(ask_app, "diffusion", "diffusion of {mechanism}")
def ask_diffusion(
    source,
    mechanism: str = typer.Argument(..., help="A mechanism's preferred label or alias, e.g. 府院联动."),
    status: str = typer.Option("adopted", "--status", "-s", help="Which status counts: adopted (default), planned or problem."),
):
    """Diffusion of one mechanism: new adopting regions per year, cumulative, and the first adopters."""
    from ..graph.diffusion import diffusion

    return diffusion(source, mechanism, status=status)


@listing(ask_app, "panel", "region × year × mechanism panel")
def ask_panel(source):
    """The region × year × mechanism panel: region,region_full,adcode,level,year,mechanism,status,first_year."""
    from ..graph.diffusion import panel

    return panel(source)

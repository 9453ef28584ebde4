"""What the command modules share: output formats, the --graph/--store/--format options,
opening the graph to query, and ``listing`` for commands that print one table.

The command modules import from here and never from ``app``, which imports them and adds
their commands (``store_commands.register``), so the CLI's modules form no import cycle.
"""

from __future__ import annotations

import functools
import inspect
import json
import sys
import typing
from enum import Enum
from pathlib import Path
from typing import Callable, Optional

import typer


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def emit(table, fmt: Format, title: str | None = None) -> None:
    """Print a ``Table`` as a terminal table, CSV or JSON on stdout."""
    if fmt == Format.json:
        print(json.dumps(table.records(), ensure_ascii=False, indent=1, default=str))
    elif fmt == Format.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow(["" if v is None else v for v in row])
    else:
        from rich.console import Console
        from rich.table import Table as RichTable

        out = RichTable(title=title, show_lines=False)
        for column in table.columns:
            out.add_column(column, overflow="fold")
        for row in table.rows:
            out.add_row(*("" if v is None else str(v) for v in row))
        Console().print(out)
        print(f"{len(table.rows)} rows", file=sys.stderr)


GraphOption = typer.Option(None, "--graph", "-g", help="Graph file written by `fazhi build --out` (.ttl, .nt, .jsonld, .trig, .nq), read into memory.")
StoreOption = typer.Option(None, "--store", "-S", help="Store folder written by `fazhi build --store` (default: $FAZHI_STORE, else out/store if it exists).", envvar="FAZHI_STORE")
FormatOption = typer.Option(Format.table, "--format", "-f", help="Output format.")
ForceOption = typer.Option(False, "--force", help="Overwrite the output files if they exist.")


def refuse_overwrite(force: bool, *paths: Optional[Path]) -> None:
    """An output that exists is an error unless ``--force`` says to overwrite it (checked before any work)."""
    from ..errors import InputError

    for path in paths:
        if path is not None and path.is_file() and not force:
            raise InputError(f"{path}: already exists — pass --force to overwrite")
DEFAULT_STORE = Path("out/store")


def open_source(graph: Optional[Path], store: Optional[Path]):
    """The graph to query: a graph file in memory, or a persistent store."""
    from ..errors import InputError

    if graph is not None and store is not None:
        raise InputError("give either --graph FILE or --store DIR, not both")
    if graph is not None:
        from ..graph.io import load

        return load(graph)
    from ..graph.store import Store, is_store

    if store is None:
        if not is_store(DEFAULT_STORE):
            raise InputError(f"no graph given — pass --graph FILE or --store DIR (or build {DEFAULT_STORE} with: fazhi build seeds/ --store {DEFAULT_STORE})")
        store = DEFAULT_STORE
    return Store(store)


_SOURCE_OPTIONS = [
    inspect.Parameter("graph", inspect.Parameter.KEYWORD_ONLY, default=GraphOption, annotation=Optional[Path]),
    inspect.Parameter("store", inspect.Parameter.KEYWORD_ONLY, default=StoreOption, annotation=Optional[Path]),
    inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default=FormatOption, annotation=Format),
]


def listing(group: typer.Typer, name: str, title: str | Callable[..., str]):
    """Register ``table(source, **arguments) -> Table`` as command ``name`` of ``group``, with
    --graph, --store and --format added after its own arguments and options.

    The command opens the source, calls the function and prints the table under ``title``
    (a ``str.format`` pattern or a function of the arguments)::

        @listing(ask_app, "regions", "regions under {parent}")
        def ask_regions(source, parent: str = typer.Argument(..., help="A province, city or county.")):
            \"\"\"The regions under a province, city or county.\"\"\"
            from ..graph.ask import regions_under

            return regions_under(source, parent)
    """

    def register(table: Callable):
        hints = typing.get_type_hints(table)
        own = [p.replace(annotation=hints.get(p.name, p.annotation), kind=inspect.Parameter.KEYWORD_ONLY)
               for p in list(inspect.signature(table).parameters.values())[1:]]

        @functools.wraps(table)
        def command(*, graph: Optional[Path], store: Optional[Path], format: Format, **arguments):
            heading = title(**arguments) if callable(title) else title.format(**arguments)
            emit(table(open_source(graph, store), **arguments), format, heading)

        command.__signature__ = inspect.Signature(own + _SOURCE_OPTIONS)
        command.__annotations__ = {p.name: p.annotation for p in own + _SOURCE_OPTIONS}
        del command.__wrapped__  # typer reads the signature above, not the table function's
        group.command(name)(command)
        return table

    return register

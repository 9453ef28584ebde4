"""Commands over a store: the named questions (``fazhi ask``), the endpoint (``serve``) and ``export``.

``register(app)`` adds them to the application (this module does not import it).
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Optional

import typer

from .common import listing

ask_app = typer.Typer(
    help="The questions users ask, as named SPARQL queries with bound parameters (over --store or --graph).",
    no_args_is_help=True,
)

StatusFilter = typer.Option(None, "--status", "-s", help="Only this status: adopted, planned or problem.")


@listing(ask_app, "adopters", "adopters of {mechanism}")
def ask_adopters(
    source,
    mechanism: str = typer.Argument(..., help="A mechanism's preferred label or alias, e.g. 府院联动."),
    status: Optional[str] = StatusFilter,
):
    """Which regions adopted (planned, lamented) one mechanism, when, on what evidence."""
    from ..graph.ask import adopters

    return adopters(source, mechanism, status=status)


@listing(ask_app, "mechanisms", "mechanisms of {region}")
def ask_mechanisms(
    source,
    region: str = typer.Argument(..., help="A region's short or full name, e.g. 顺城区."),
    status: Optional[str] = StatusFilter,
):
    """The mechanisms one region adopted, planned or lamented, by year."""
    from ..graph.ask import mechanisms_of

    return mechanisms_of(source, region, status=status)


@listing(ask_app, "co-adoption", "co-adoption")
def ask_co_adoption(
    source,
    status: str = typer.Option("adopted", "--status", "-s", help="Which adoptions count: adopted (default), planned or problem."),
):
    """Which mechanisms travel together: pairs and how many regions have both."""
    from ..graph.ask import co_adoption

    return co_adoption(source, status=status)


@listing(ask_app, "matrix", "region × mechanism")
def ask_matrix(source):
    """The region × mechanism matrix as rows: region, year, mechanism, category, status."""
    from ..graph.ask import matrix

    return matrix(source)


@listing(ask_app, "regions", "regions under {parent}")
def ask_regions(source, parent: str = typer.Argument(..., help="A province, city or county, e.g. 云南省.")):
    """The regions under a province, city or county that reports are about."""
    from ..graph.ask import regions_under

    return regions_under(source, parent)


@listing(ask_app, "figures", lambda indicator: indicator or "indicators")
def ask_figures(
    source,
    indicator: Optional[str] = typer.Argument(None, help="An indicator, e.g. 行政诉讼败诉率; without one, the indicators there are."),
):
    """One indicator's figures compared across regions and years (or the list of indicators)."""
    from ..graph.ask import figures

    return figures(source, indicator)


@listing(ask_app, "promises", "promises")
def ask_promises(
    source,
    region: Optional[str] = typer.Argument(None, help="A region's short or full name; without one, every region."),
    mechanism: Optional[str] = typer.Option(None, "--mechanism", "-m", help="Only this mechanism."),
):
    """Promise tracking: what a region planned in year N, and whether its N+1 report shows it adopted."""
    from ..graph.ask import promises

    return promises(source, region, mechanism=mechanism)


def serve(
    store: Path = typer.Option(Path("out/store"), "--store", "-S", help="Store folder written by `fazhi build --store`.", envvar="FAZHI_STORE"),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7878, "--port", "-p", help="Port of the SPARQL endpoint (0: any free port)."),
    pages_port: Optional[int] = typer.Option(None, "--pages-port", help="Port of the pages (default: the endpoint's port + 1)."),
    no_pages: bool = typer.Option(False, "--no-pages", help="Serve only the SPARQL endpoint."),
    timeout: int = typer.Option(120, "--timeout", help="Seconds a query may run."),
):
    """Serve a store as a read-only SPARQL 1.1 endpoint (Oxigraph's server), and its pages."""
    from ..graph.endpoint import LOOPBACK, Endpoint
    from ..viz.pages import render_pages

    endpoint = Endpoint(store, host=host, port=port, pages_port=pages_port, pages=None if no_pages else render_pages, timeout_s=timeout)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    endpoint.start()
    try:
        if host not in LOOPBACK:
            print(f"fazhi: warning: listening on {host}, not only on this machine", file=sys.stderr)
        print(f"SPARQL endpoint: {endpoint.query_url}  (read-only; Ctrl-C stops)", flush=True)
        if endpoint.pages_url:
            print(f"pages: {endpoint.pages_url}", flush=True)
        endpoint.wait(on_switch=lambda gen: print(f"fazhi: the store changed: now serving {gen.name}", file=sys.stderr, flush=True))
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.stop()
    print("fazhi: server stopped", file=sys.stderr)


def export(
    out: Path = typer.Option(..., "--out", "-o", help="File to write: .nq or .trig keep one graph per report; .ttl, .nt, .jsonld get their union."),
    store: Path = typer.Option(Path("out/store"), "--store", "-S", help="Store folder written by `fazhi build --store`.", envvar="FAZHI_STORE"),
    no_ontology: bool = typer.Option(False, "--no-ontology", help="Leave out the ontology and vocabulary graph."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists."),
):
    """Dump a store for larger engines (QLever, Virtuoso, GraphDB): N-Quads or TriG, written atomically."""
    from ..graph.store import Store, export as export_store

    count = export_store(Store(store), out, force=force, include_ontology=not no_ontology)
    print(f"{out}: {count} quads", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add ``fazhi ask``, ``fazhi serve`` and ``fazhi export`` to ``app``."""
    app.add_typer(ask_app, name="ask")
    app.command()(serve)
    app.command()(export)

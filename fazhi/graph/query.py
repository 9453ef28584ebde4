"""SPARQL over a fazhi graph: ad-hoc queries and the named queries in ``queries/*.rq``.

A *source* is either an rdflib graph or dataset (in memory, from a graph file)
or a persistent ``fazhi.graph.store.Store`` (Oxigraph); every function here
takes either and gives the same ``Table``. Named queries are parsed once and
run with bound parameters (rdflib's ``initBindings``, Oxigraph's
``substitutions``); user text never becomes part of a query string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from pyparsing import ParseException
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from ..errors import QueryError

STATUSES = ("adopted", "planned", "problem")


@dataclass(frozen=True)
class Table:
    """A query result: column names and rows of plain Python values."""

    columns: tuple[str, ...]
    rows: tuple[tuple, ...]

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(frozen=True)
class Sparql:
    """A SPARQL query's text, parsed by rdflib on first use (Oxigraph parses the text itself)."""

    text: str
    where: str = "query"
    params: frozenset = frozenset()  # variables a caller may bind: projected, but not part of the result

    @cached_property
    def prepared(self) -> Query:
        return _prepare(self.text, self.where)


def named_query_names() -> list[str]:
    return sorted(p.name[:-3] for p in resources.files(__package__).joinpath("queries").iterdir() if p.name.endswith(".rq"))


@lru_cache(maxsize=None)
def named_query(name: str) -> Sparql:
    """The query ``queries/<name>.rq``."""
    path = resources.files(__package__).joinpath("queries", f"{name}.rq")
    if not path.is_file():
        raise QueryError(f"{name}: no such named query — known: {', '.join(named_query_names())}")
    text = path.read_text(encoding="utf-8")
    declared = re.search(r"^# parameters:(.*)$", text, re.M)
    params = frozenset(v.lstrip("?") for v in declared.group(1).split()) if declared else frozenset()
    return Sparql(text, f"{name}.rq", params)


def _prepare(text: str, where: str) -> Query:
    try:
        return prepareQuery(text)
    except ParseException as exc:
        raise QueryError(f"{where}:{exc.lineno}:{exc.col}: malformed SPARQL — {exc.msg}") from None
    except Exception as exc:
        raise QueryError(f"{where}: malformed SPARQL — {' '.join(str(exc).split())[:200]}") from None


def _plain(value):
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        return py if isinstance(py, (int, float, bool, str)) else str(value)
    return str(value)


def _run(graph, query: Sparql | str, bindings: dict | None = None, where: str | None = None) -> Table:
    """Run ``query`` over ``graph`` (rdflib graph or ``Store``) with ``bindings`` (variable name → term)."""
    if isinstance(query, str):
        query = Sparql(query, where or "query")
    where = where or query.where
    from .store import Store

    table = _run_store(graph, query, bindings, where) if isinstance(graph, Store) else _run_rdflib(graph, query, bindings, where)
    inputs = query.params | set(bindings or ())
    if inputs & set(table.columns):
        # Parameters are projected (Oxigraph substitutes only projected variables); they are inputs, not results.
        keep = [i for i, c in enumerate(table.columns) if c not in inputs]
        table = Table(tuple(table.columns[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in table.rows))
    return table


def _run_rdflib(graph, query: Sparql, bindings: dict | None, where: str) -> Table:
    prepared = query.prepared
    try:
        result = graph.query(prepared, initBindings=bindings or {})
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"{where}: query failed — {' '.join(str(exc).split())[:200]}") from None
    if result.type == "ASK":
        return Table(("ask",), ((bool(result.askAnswer),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = tuple(sorted((str(s), str(p), str(o)) for s, p, o in result.graph))
        return Table(("subject", "predicate", "object"), rows)
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(_plain(row[i]) for i in range(len(columns))) for row in result)
    return Table(columns, rows)


def _run_store(store, query: Sparql, bindings: dict | None, where: str) -> Table:
    import pyoxigraph as ox

    from .store import from_ox, plain_value

    result = store.execute(query.text, bindings, where)
    try:
        if isinstance(result, ox.QueryBoolean):
            return Table(("ask",), ((bool(result),),))
        if isinstance(result, ox.QueryTriples):
            rows = tuple(sorted((str(from_ox(t.subject)), str(from_ox(t.predicate)), str(from_ox(t.object))) for t in result))
            return Table(("subject", "predicate", "object"), rows)
        columns = tuple(v.value for v in result.variables)
        rows = tuple(tuple(plain_value(solution[i]) for i in range(len(columns))) for solution in result)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"{where}: query failed — {' '.join(str(exc).split())[:200]}") from None
    return Table(columns, rows)


def run_named(source, name: str, bindings: dict | None = None) -> Table:
    """Run the named query ``queries/<name>.rq`` over ``source`` (rdflib graph or ``Store``),
    with ``bindings`` (variable name → RDF term) for its declared parameters."""
    return _run(source, named_query(name), bindings, where=f"{name}.rq")


def run_sparql(graph, text: str, where: str = "query") -> Table:
    """Run an ad-hoc SELECT/ASK/CONSTRUCT query given as text."""
    return _run(graph, Sparql(text, where))


def reports(graph) -> Table:
    return _run(graph, named_query("reports"), where="reports.rq")


def resolve_mechanism(graph, name: str) -> URIRef:
    """The concept whose preferred or alternative label is ``name``."""
    concepts = []
    for label in (Literal(name, lang="zh"), Literal(name)):
        concepts = sorted({row[0] for row in _run(graph, named_query("mechanism_lookup"), {"name": label}).rows})
        if concepts:
            break
    if not concepts:
        stripped = name.replace("“", "").replace("”", "").replace('"', "")
        if stripped != name:
            return resolve_mechanism(graph, stripped)
        raise QueryError(f"{name}: no mechanism of that name or alias in the graph's vocabulary" + _did_you_mean(graph, "mechanism_names", name))
    return URIRef(concepts[0])


def _did_you_mean(graph, query_name: str, name: str) -> str:
    """ — did you mean A, B? (close names from the graph), or nothing."""
    return did_you_mean(name, {str(row[0]) for row in _run(graph, named_query(query_name)).rows})


def did_you_mean(name: str, names) -> str:
    """ — did you mean A, B? (up to three of ``names`` close to ``name``), or nothing."""
    import difflib

    names = sorted(names)
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    if not close:
        close = [n for n in names if name in n or n in name][:3]
    return f" — did you mean {', '.join(close)}?" if close else ""


def resolve_regions(graph, name: str) -> list[URIRef]:
    """The regions whose short or full name is ``name`` (a short name can name several)."""
    table = _run(graph, named_query("region_lookup"), {"name": Literal(name)})
    return sorted({URIRef(row[0]) for row in table.rows})


def run_per_region(graph, query: Sparql, region: str | None, bindings: dict) -> Table:
    """Run ``query`` once per region named ``region`` and per region within it (bound as ``?r``),
    or once if none is given; an unknown name is an error with the closest names."""
    if not region:
        return _run(graph, query, bindings)
    tables = [_run(graph, query, {**bindings, "r": r}) for r in regions_within(graph, region)]
    return Table(tables[0].columns, tuple(row for t in tables for row in t.rows))


def regions_within(graph, region: str) -> list[URIRef]:
    """The regions named ``region`` and every region under them, sorted; an unknown name is an
    error with the closest names (a province or city rolls up to the regions under it)."""
    regions = resolve_regions(graph, region)
    if not regions:
        raise QueryError(f"{region}: no region of that name in the graph" + _did_you_mean(graph, "region_names", region))
    within = named_query("regions_within")
    for parent in list(regions):
        regions.extend(URIRef(row[0]) for row in _run(graph, within, {"r": parent}).rows)
    return sorted(set(regions))


def adoption(graph, mechanism: str | None = None, region: str | None = None, status: str | None = None) -> Table:
    """Which region adopted (planned, lamented) which mechanism: one row per region, year, mechanism.

    A store's summary (``summary.py``) answers when it belongs to the store's
    current generation; otherwise, and for graph files, ``adoption.rq`` does.
    """
    from . import summary

    concept = resolve_mechanism(graph, mechanism) if mechanism else None
    if status and status not in STATUSES:
        raise QueryError(f"--status {status}: unknown status — use one of {', '.join(STATUSES)}")
    keep = summary.ADOPTION_COLUMNS
    with summary.current(graph) as con:
        if con is not None:
            regions = [str(r) for r in regions_within(graph, region)] if region else None
            found = summary.adoption_rows(con, None if concept is None else str(concept), regions, status)
        else:
            found = _adoption_sparql(graph, concept, region, status, keep)
    rows = sorted(set(found), key=lambda r: (r[0], r[2], r[3], r[5]))
    return Table(keep, tuple(rows))


def _adoption_sparql(graph, concept, region, status, keep) -> list[tuple]:
    from ..ontology import FZ

    bindings = {}
    if concept is not None:
        bindings["concept"] = concept
    if status:
        bindings["statusIri"] = FZ[status]
    table = run_per_region(graph, named_query("adoption"), region, bindings)
    idx = [table.columns.index(c) for c in keep]
    return [tuple(row[i] for i in idx) for row in table.rows]

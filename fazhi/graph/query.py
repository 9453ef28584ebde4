"""SPARQL over a fazhi graph: ad-hoc queries and the named queries in ``queries/*.rq``.

Named queries are parsed once and run with bound parameters (``initBindings``);
user text never becomes part of a query string.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
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


def named_query_names() -> list[str]:
    return sorted(p.name[:-3] for p in resources.files(__package__).joinpath("queries").iterdir() if p.name.endswith(".rq"))


@lru_cache(maxsize=None)
def named_query(name: str) -> Query:
    """The prepared query ``queries/<name>.rq``."""
    path = resources.files(__package__).joinpath("queries", f"{name}.rq")
    if not path.is_file():
        raise QueryError(f"{name}: no such named query — known: {', '.join(named_query_names())}")
    return _prepare(path.read_text(encoding="utf-8"), f"{name}.rq")


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


def _run(graph, query, bindings: dict | None = None, where: str = "query") -> Table:
    try:
        result = graph.query(query, initBindings=bindings or {})
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


def run_sparql(graph, text: str, where: str = "query") -> Table:
    """Run an ad-hoc SELECT/ASK/CONSTRUCT query given as text."""
    return _run(graph, _prepare(text, where), where=where)


def reports(graph) -> Table:
    return _run(graph, named_query("reports"), where="reports.rq")


def resolve_mechanism(graph, name: str) -> URIRef:
    """The concept whose preferred or alternative label is ``name``."""
    table = _run(graph, named_query("mechanism_lookup"), {"name": Literal(name)}, "mechanism_lookup.rq")
    concepts = sorted({row[0] for row in table.rows})
    if not concepts:
        stripped = name.replace("“", "").replace("”", "").replace('"', "")
        if stripped != name:
            return resolve_mechanism(graph, stripped)
        raise QueryError(f"{name}: no mechanism of that name or alias in the graph's vocabulary")
    return URIRef(concepts[0])


def adoption(graph, mechanism: str | None = None, region: str | None = None, status: str | None = None) -> Table:
    """Which region adopted (planned, lamented) which mechanism: one row per region, year, mechanism."""
    bindings = {}
    if mechanism:
        bindings["concept"] = resolve_mechanism(graph, mechanism)
    if region:
        bindings["regionKey"] = Literal(region)
    if status:
        if status not in STATUSES:
            raise QueryError(f"--status {status}: unknown status — use one of {', '.join(STATUSES)}")
        from ..ontology import FZ

        bindings["statusIri"] = FZ[status]
    table = _run(graph, named_query("adoption"), bindings, "adoption.rq")
    keep = ("region", "region_full", "year", "mechanism", "status", "source", "evidence")
    idx = [table.columns.index(c) for c in keep]
    rows = sorted({tuple(row[i] for i in idx) for row in table.rows}, key=lambda r: (r[0], r[2], r[3], r[5]))
    return Table(keep, tuple(rows))

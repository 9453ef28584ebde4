"""The questions users ask, as named queries (``queries/*.rq``) with bound parameters.

Each takes a *source* — an rdflib graph loaded from a file, or a persistent
``Store`` — and returns a ``Table``; ``fazhi ask NAME …`` prints the same::

    fazhi.adopters(store, "府院联动")        # who adopted it, when, on what evidence
    fazhi.mechanisms_of(store, "顺城区")     # what one region adopted, planned, lamented
    fazhi.co_adoption(store)                 # which mechanisms travel together
    fazhi.matrix(store)                      # region × mechanism, status per cell
    fazhi.regions_under(store, "云南省")      # regions under a province, city or county
    fazhi.figures(store, "行政诉讼败诉率")     # one indicator across regions and years
    fazhi.promises(store, "顺城区")           # planned in year N — adopted in N+1?
"""

from __future__ import annotations

from rdflib import Literal

from ..errors import QueryError
from . import summary
from .query import STATUSES, Table, _run, adoption, did_you_mean, named_query, regions_within, resolve_mechanism

OUTCOMES = ("adopted", "planned again", "problem", "not mentioned", "no report")


def _status_iri(status: str):
    from ..ontology import FZ

    if status not in STATUSES:
        raise QueryError(f"--status {status}: unknown status — use one of {', '.join(STATUSES)}")
    return FZ[status]


def adopters(source, mechanism: str, status: str | None = None) -> Table:
    """The regions that adopted (planned, lamented) one mechanism, by name or alias."""
    return adoption(source, mechanism=mechanism, status=status)


def mechanisms_of(source, region: str, status: str | None = None) -> Table:
    """The mechanisms one region (short or full name) adopted, planned or lamented."""
    return adoption(source, region=region, status=status)


def co_adoption(source, status: str = "adopted") -> Table:
    """Pairs of mechanisms with the number of regions that have both (with ``status``).

    The same answer as ``queries/co_adoption.rq`` (tested), counted here from
    each region's set of mechanisms: the query's self-join grows with the
    square of a region's adoptions, the sets only with their number.
    """
    from collections import Counter

    import numpy as np
    from scipy import sparse

    status_iri = _status_iri(status)
    with summary.current(source) as con:
        if con is not None:
            found = summary.region_mechanisms(con, status)
        else:
            found = _run(source, named_query("region_mechanisms"), {"statusIri": status_iri}).rows
    # region × mechanism as a 0/1 matrix M; Mᵀ·M counts the regions of every pair (2.2 M pairs at
    # 10,000 reports took 1.2 s one by one in Python). Mechanisms are numbered in IRI order, so the
    # upper triangle holds the pairs with STR(?a) < STR(?b).
    regions = {region: i for i, region in enumerate(sorted({r for r, _, _ in found}))}
    concepts = sorted({c for _, c, _ in found})
    column = {c: j for j, c in enumerate(concepts)}
    label = {c: lbl for _, c, lbl in found}
    cells = sorted({(regions[r], column[c]) for r, c, _ in found})
    pairs: Counter = Counter()
    if cells:
        rows_, cols_ = (np.fromiter((cell[k] for cell in cells), dtype=np.int64, count=len(cells)) for k in (0, 1))
        m = sparse.csr_matrix((np.ones(len(cells), dtype=np.int64), (rows_, cols_)), shape=(len(regions), len(concepts)))
        both = sparse.triu(m.T @ m, k=1).tocoo()
        for a, b, n in zip(both.row.tolist(), both.col.tolist(), both.data.tolist()):
            pairs[(label[concepts[a]], label[concepts[b]])] += n
    rows = sorted(((a, b, n) for (a, b), n in pairs.items()), key=lambda r: (-r[2], r[0], r[1]))
    return Table(("mechanism_a", "mechanism_b", "regions"), tuple(rows))


def matrix(source) -> Table:
    """The region × mechanism matrix as rows: region, year, mechanism, category, status."""
    with summary.current(source) as con:
        if con is not None:
            columns, found = MATRIX_COLUMNS, summary.matrix_rows(con)
        else:
            table = _run(source, named_query("matrix"))
            columns, found = table.columns, table.rows
    if con is not None:
        return Table(columns, tuple(found))  # distinct and sorted by the summary's index
    rows = sorted(set(found), key=lambda r: tuple("" if v is None else str(v) for v in r))
    return Table(columns, tuple(rows))


MATRIX_COLUMNS = ("region", "region_full", "year", "mechanism", "category", "status")


def adoption_evidence(source) -> Table:
    """Every adoption with its category, evidence sentence and source file (the network page's rows).

    From a graph file, one row per evidence sentence; from a store's summary,
    one row per adoption with its first sentence (a store's page would not show
    them all: at 10,000 reports that is hundreds of thousands of sentences).
    """
    with summary.current(source) as con:
        if con is not None:
            return Table(EVIDENCE_COLUMNS, tuple(summary.evidence_rows(con)))
    return _run(source, named_query("network_adoptions"))


EVIDENCE_COLUMNS = ("region", "full", "year", "mechanism", "category", "status", "sentence", "source")


def regions_under(source, parent: str) -> Table:
    """The regions under a province, city or county (at any depth), with their reports;
    an unknown name is an error with the closest names."""
    table = _run(source, named_query("regions_under"), {"parentName": Literal(parent)})
    if not table.rows:
        regions_within(source, parent)  # raises QueryError for a name the graph lacks
    return table


def figures(source, indicator: str | None = None) -> Table:
    """One indicator's figures across regions and years; without one, the indicators there are."""
    if indicator is None:
        return _run(source, named_query("indicators"))
    table = _run(source, named_query("figures"), {"indicatorName": Literal(indicator, lang="zh")})
    if not table.rows:
        known = {str(row[0]) for row in _run(source, named_query("indicators")).rows}
        if indicator not in known:
            raise QueryError(f"{indicator}: no indicator of that name in the graph" + (did_you_mean(indicator, known)
                             or " — without an indicator, figures lists those there are"))
    return table


def promises(source, region: str | None = None, mechanism: str | None = None) -> Table:
    """Mechanisms planned in a region's year-N report, and whether its N+1 report shows them adopted.

    ``outcome`` is one of ``OUTCOMES``: adopted, planned again, problem, not
    mentioned (the N+1 report is silent on it) or no report (none for N+1).
    For one region the answer is put together from look-ups (its adoptions
    and its reports, with ``?r`` bound); ``queries/promises.rq`` gives the
    same answer in one query (tested), for the whole corpus and for SPARQL
    users, but Oxigraph plans its OPTIONALs as hash joins over all reports.
    """
    if not region:
        bindings = {"concept": resolve_mechanism(source, mechanism)} if mechanism else {}
        return _sorted(_run(source, named_query("promises"), bindings))
    label = _label(source, mechanism) if mechanism else None  # an unknown name is an error, not an empty table
    columns = ("region", "region_full", "year", "mechanism", "next_year", "outcome", "source", "next_source", "promise", "follow_up")
    groups: dict[tuple, list] = {}
    for r in regions_within(source, region):  # a province or city rolls up to the regions under it
        rows = adoption_rows(source, r)
        reports: dict[int, list[str]] = {}
        for year, file in _run(source, named_query("region_reports"), {"r": r}).rows:
            reports.setdefault(year, []).append(file)
        follow: dict[tuple, list] = {}
        for row in rows:
            follow.setdefault((row["year"], row["mechanism"]), []).append(row)
        for row in rows:
            if row["status"] != "planned" or (label and row["mechanism"] != label):
                continue
            n1 = row["year"] + 1
            nexts = [(file, later) for file in reports.get(n1, []) for later in follow.get((n1, row["mechanism"]), [None])] or [(None, None)]
            for file, later in nexts:
                if file is None:
                    outcome = "no report"
                elif later is None:
                    outcome = "not mentioned"
                else:
                    outcome = {"adopted": "adopted", "planned": "planned again"}.get(later["status"], "problem")
                key = (row["region"], row["region_full"], row["year"], row["mechanism"], n1, outcome, row["source"], file)
                groups.setdefault(key, []).append((row["evidence"], later["evidence"] if later else None))
    out = []
    for key, evidence in groups.items():
        follow_ups = [e for _, e in evidence if e is not None]
        out.append(key + (min(e for e, _ in evidence), min(follow_ups) if follow_ups else None))
    return _sorted(Table(columns, tuple(out)))


def adoption_rows(source, r) -> list[dict]:
    """Every adoption of the region ``r`` (an IRI), with its status, source and evidence."""
    table = _run(source, named_query("adoption"), {"r": r})
    return [dict(zip(table.columns, row)) for row in table.rows]


def _label(source, mechanism: str) -> str:
    concept = resolve_mechanism(source, mechanism)
    table = _run(source, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l ?c WHERE { ?c skos:prefLabel ?l }", {"c": concept})
    return table.rows[0][0]


def _sorted(table: Table) -> Table:
    return Table(table.columns, tuple(sorted(set(table.rows), key=lambda r: tuple("" if v is None else str(v) for v in r))))


ASK = {
    "adopters": adopters,
    "mechanisms": mechanisms_of,
    "co-adoption": co_adoption,
    "matrix": matrix,
    "regions": regions_under,
    "figures": figures,
    "promises": promises,
}


def ask(source, name: str, *args, **kwargs) -> Table:
    """Run the named question ``name`` (a key of ``ASK``) with its arguments."""
    if name not in ASK:
        raise QueryError(f"{name}: no such question — known: {', '.join(ASK)}")
    return ASK[name](source, *args, **kwargs)

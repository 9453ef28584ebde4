"""A store's summary: the adoption rows the corpus-wide questions read, made when a build commits.

``ask matrix`` and ``ask co-adoption`` join every adoption with its region's and
mechanism's labels. At 10 M quads that takes 14 s and 8 s in Oxigraph, and even a
flat RDF summary cannot be read faster from Python: 100 k observations of six
literals (600 k quads) take 3.3 s to scan through pyoxigraph, term creation
being the cost. So the summary is a table — SQLite, beside the generation it
belongs to (``gen-000007.summary.sqlite``) — with one row per adoption
(graph, region, year, mechanism, status) and the values the questions return.

A commit brings the previous generation's summary up to date instead of
recomputing it: the rows of named graphs that are gone are dropped and those of
new graphs added (a report graph's name is the hash of its text, so a name never
changes content). The labels the rows copy (mechanisms' names and categories,
regions' names) are kept by IRI; labels of new IRIs are only added, and when a
known IRI's label changes, everything is recomputed. A summary that is missing, or whose generation is not the store's
current one, is never read: the questions then fall back to SPARQL.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

SUFFIX = ".summary.sqlite"
BATCH = 500  # report graphs whose rows are read in one query
VERSION = "3"

_PREFIXES = """
PREFIX fz: <https://w3id.org/fazhi/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# One row per adoption: the columns of matrix.rq, the graph, region and mechanism IRIs they come
# from, and what `ask adopters` shows besides (the report's file, the first evidence sentence).
ROWS = _PREFIXES + """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?r ?region ?region_full ?year ?m ?mechanism ?category ?status ?source (MIN(?sentence) AS ?evidence) WHERE {
  %s
  GRAPH ?g {
    ?a a fz:Adoption ; fz:region ?r ; fz:mechanism ?m ; fz:status ?s ; fz:year ?year ;
       prov:wasDerivedFrom ?report ; fz:evidence ?e .
    ?report fz:sourceFile ?source .
    ?e fz:inSentence ?es . ?es oa:exact ?sentence .
  }
  ?r rdfs:label ?region ; fz:fullName ?region_full .
  ?m skos:prefLabel ?mechanism .
  OPTIONAL { ?m fz:category ?c . ?c skos:prefLabel ?category }
  BIND (STRAFTER(STR(?s), "#") AS ?status)
}
GROUP BY ?g ?a ?r ?region ?region_full ?year ?m ?mechanism ?category ?status ?source
"""
LABELS = _PREFIXES + """
SELECT ?x ?label ?extra WHERE {
  { ?x skos:prefLabel ?label . OPTIONAL { ?x fz:category ?c . ?c skos:prefLabel ?extra } }
  UNION { ?x fz:fullName ?extra ; rdfs:label ?label }
}
"""
FZ = "https://w3id.org/fazhi/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
COLUMNS = ("graph", "r", "region", "region_full", "year", "m", "mechanism", "category", "status", "source", "evidence")


def path_of(generation: Path) -> Path:
    return generation.with_suffix(SUFFIX)


def update(db, generation: Path, previous: Path | None, target: Path | None = None, relabelled=None, touched=None) -> None:
    """Write ``generation``'s summary from the Oxigraph store ``db`` (its checkpoint, before commit),
    starting from ``previous``'s summary where there is one; into ``target`` if given. ``relabelled``:
    the IRIs whose labels may have changed since ``previous`` (None: any, every label is read);
    ``touched``: the named graphs that changed since ``previous`` (None: any, every graph is listed).

    The previous generation's summary is taken over, not copied: it is renamed to
    the new generation's and changed in place in one SQLite transaction (copying
    it took 0.09 s of adding one report at 10,000, and doubled its 0.38 GB on
    disk). The previous generation is then read without a summary, by SPARQL, as
    is any generation a summary's ``generation`` does not name. Should the update
    fail, the file is rolled back and given back. A reader that has the file open
    keeps its snapshot: it reads in one transaction, which the update waits for.
    """
    target = target or path_of(generation)
    source = path_of(previous) if previous is not None else None
    target.unlink(missing_ok=True)
    taken = source is not None and source != target and _readable(source, previous.name)
    if taken:
        os.replace(source, target)
    elif source is not None:
        touched = relabelled = None  # no summary of the previous generation to start from: all of it
    try:
        _update(db, generation, target, relabelled if taken else None, touched if taken else None)
    except BaseException:
        if taken:
            os.replace(target, source)  # rolled back: as it was
        else:
            target.unlink(missing_ok=True)
        raise


def _readable(path: Path, generation: str) -> bool:
    """Whether ``path`` is a summary of this layout made for ``generation``."""
    con = _open(path, generation)
    if con is not None:
        con.close()
    return con is not None


BUSY_SECONDS = 600  # how long an update waits for readers of the summary it changes


def _update(db, generation: Path, target: Path, relabelled, touched) -> None:
    from ..errors import GraphError
    from .store import plain_value

    con = sqlite3.connect(target, timeout=BUSY_SECONDS)
    try:
        # a rollback journal in memory: a failed update is rolled back, and the file given back, in this
        # process; a build killed meanwhile leaves a generation that is never committed. No fsync, as for
        # the rest of a generation (its manifest, the ``current`` link): a build survives its process
        # being killed, not a power cut.
        con.execute("PRAGMA journal_mode = MEMORY")
        con.execute("PRAGMA synchronous = OFF")
        if _version(con) != VERSION:  # another layout (an older fazhi's): start afresh
            for table in ("rows", "graphs", "labels", "meta"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
        _schema(con)
        con.execute("BEGIN IMMEDIATE")
        partly = relabelled is not None and bool(con.execute("SELECT 1 FROM graphs LIMIT 1").fetchone())
        labels = _labels(db, sorted(relabelled) if partly else None)
        if partly:
            keys, stored = sorted(labels), {}
            for i in range(0, len(keys), BATCH):
                chunk = keys[i : i + BATCH]
                stored.update(con.execute(f"SELECT x, value FROM labels WHERE x IN ({', '.join('?' * len(chunk))})", chunk))
        else:
            stored = dict(con.execute("SELECT x, value FROM labels"))
        relabelled = any(x in labels and labels[x] != value for x, value in stored.items())
        if relabelled:
            con.execute("DELETE FROM rows")
            con.execute("DELETE FROM graphs")
            gone, new = [], sorted(g.value for g in db.named_graphs())
        elif touched is not None and partly:  # only the graphs that changed: their rows again
            gone = sorted(touched)
            new = [g for g in gone if db.contains_named_graph(_node(g))]
        else:
            known = {g for (g,) in con.execute("SELECT name FROM graphs")}
            graphs_now = {g.value for g in db.named_graphs()}
            gone, new = sorted(known - graphs_now), sorted(graphs_now - known)
        con.executemany("DELETE FROM rows WHERE graph = ?", ((g,) for g in gone))
        con.executemany("DELETE FROM graphs WHERE name = ?", ((g,) for g in gone))
        # a few hundred graphs a query, each streamed into the table: the rows of 10,000 new reports
        # at once (a fresh build) grouped in the store and held in a list took 0.5 GB. Many new graphs
        # are staged in a temporary table (a file of its own) and their rows then written in the order
        # of their mechanism: one mechanism's adopters are read from neighbouring pages, not from pages
        # all over the file (6,000 adopters at 10,000 reports: 33 → 15 ms)
        staged = len(new) > BATCH
        into = "staging" if staged else "rows"
        if staged:
            con.execute(f"CREATE TEMP TABLE staging ({', '.join(COLUMNS)})")
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            values = "VALUES ?g { " + " ".join(f"<{g}>" for g in batch) + " }"
            result = db.query(ROWS % values, use_default_graph_as_union=True)
            rows = (tuple(plain_value(s[c]) for c in ("g", *COLUMNS[1:])) for s in result)
            con.executemany(f"INSERT INTO {into} VALUES ({', '.join('?' * len(COLUMNS))})", rows)
            con.executemany("INSERT INTO graphs VALUES (?)", ((g,) for g in batch))
        if staged:
            con.execute("INSERT INTO rows SELECT * FROM staging ORDER BY m, status, graph")
            con.execute("DROP TABLE staging")
        if not partly:
            con.execute("DELETE FROM labels")
        con.executemany("INSERT OR REPLACE INTO labels VALUES (?, ?)", sorted(labels.items()))
        con.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)", (("version", VERSION), ("generation", generation.name)),
        )
        con.commit()
    except sqlite3.OperationalError as exc:
        con.rollback()
        raise GraphError(f"{target}: cannot update the store's summary ({exc})") from None
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()


def _node(iri: str):
    from pyoxigraph import NamedNode

    return NamedNode(iri)


def _version(con) -> str | None:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _schema(con) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("CREATE TABLE IF NOT EXISTS graphs (name TEXT PRIMARY KEY)")
    con.execute("CREATE TABLE IF NOT EXISTS labels (x TEXT PRIMARY KEY, value TEXT)")
    con.execute(f"CREATE TABLE IF NOT EXISTS rows ({', '.join(COLUMNS)})")
    con.execute("CREATE INDEX IF NOT EXISTS rows_graph ON rows (graph)")
    con.execute("CREATE INDEX IF NOT EXISTS rows_status ON rows (status)")
    con.execute("CREATE INDEX IF NOT EXISTS rows_mechanism ON rows (m)")
    con.execute("CREATE INDEX IF NOT EXISTS rows_region ON rows (r)")
    # covering indexes: the matrix and co-adoption questions read them, not the table's rows with their
    # evidence sentences (at 10,000 reports: 0.9 s against 3.0 s, and 0.2 s against 1.3 s)
    con.execute("CREATE INDEX IF NOT EXISTS rows_matrix ON rows (region, region_full, year, mechanism, category, status)")
    con.execute("CREATE INDEX IF NOT EXISTS rows_pairs ON rows (status, r, m, mechanism)")


def _labels(db, iris: list[str] | None = None) -> dict[str, str]:
    """Every label a row copies, by the IRI it belongs to: mechanisms' names and categories, regions' names;
    only those of ``iris`` if given.

    A new report brings new IRIs (its region, its candidate mechanisms): their
    labels are only added. Only a label that changed for an IRI already known
    makes the rows stale.
    """
    found: dict[str, list[str]] = {}
    if iris is None:
        for s in db.query(LABELS, use_default_graph_as_union=True):
            found.setdefault(s["x"].value, []).append("\t".join("" if t is None else t.value for t in (s["label"], s["extra"])))
    else:  # LABELS for a few IRIs, by index lookups: with a VALUES block Oxigraph took 0.2 s for 80 of them
        for x in iris:
            values = _labels_of(db, x)
            if values:
                found[x] = values
    return {x: "\n".join(sorted(values)) for x, values in found.items()}


def _labels_of(db, iri: str) -> list[str]:
    """LABELS's rows for ``x`` = ``iri`` (label, then extra, tab-separated), over the union of the graphs."""
    from pyoxigraph import NamedNode

    def objects(subject, predicate) -> set:
        return {q.object for q in db.quads_for_pattern(subject, NamedNode(predicate), None, None)}

    x = NamedNode(iri)
    rows = []
    categories = [(c, e) for c in objects(x, FZ + "category") for e in objects(c, SKOS + "prefLabel")]
    for label in objects(x, SKOS + "prefLabel"):
        if categories:
            rows.extend(f"{label.value}\t{extra.value}" for _, extra in categories)
        else:  # OPTIONAL: no category
            rows.append(f"{label.value}\t")
    full_names = objects(x, FZ + "fullName")
    rows.extend(f"{label.value}\t{full.value}" for label in objects(x, RDFS + "label") for full in full_names)
    return rows


@contextmanager
def current(source):
    """The current summary of a store made by a build, open read-only for the block; None for a
    graph file, a store without one, or when ``FAZHI_NO_SUMMARY`` is set (to check it against SPARQL)."""
    from .store import Store

    con = open_current(source) if isinstance(source, Store) and not os.environ.get("FAZHI_NO_SUMMARY") else None
    try:
        yield con
    finally:
        if con is not None:
            con.close()


def refresh(store) -> bool:
    """Make the summary of ``store``'s current generation when it has none that this fazhi reads
    (a store built before there was one, or by an older version); True if it did.

    Readers may be using the store meanwhile: the summary is written beside it
    and renamed into place, so they see the old file or the whole new one.
    """
    con = open_current(store)
    if con is not None:
        con.close()
        return False
    generation = store.generation
    partial = generation.parent / f".{path_of(generation).name}.tmp"
    try:
        update(store.oxigraph, generation, None, target=partial)
        os.replace(partial, path_of(generation))
    finally:
        partial.unlink(missing_ok=True)
    return True


def open_current(store) -> sqlite3.Connection | None:
    """The summary of ``store``'s current generation, read-only; None when there is none for it."""
    return _open(path_of(store.generation), store.generation.name)


def _open(path: Path, generation: str) -> sqlite3.Connection | None:
    """The summary at ``path``, read-only, if it is one of this layout made for ``generation``."""
    if not path.exists():
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # one read transaction while the summary is open: an update of the file (the next build takes it
        # over) waits for it, so the rows read are those the meta row below vouches for
        con.execute("BEGIN")
        meta = dict(con.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        con.close()
        return None
    if meta.get("generation") != generation or meta.get("version") != VERSION:
        con.close()
        return None
    return con


def matrix_rows(con) -> list[tuple]:
    """The rows of ``matrix.rq``: region, region_full, year, mechanism, category, status — distinct, in
    ``ask.matrix``'s order (text compares as code points, as in Python; no category first)."""
    return con.execute(
        "SELECT DISTINCT region, region_full, year, mechanism, category, status FROM rows"
        " ORDER BY region, region_full, year, mechanism, category, status"
    ).fetchall()


def region_mechanisms(con, status: str) -> list[tuple]:
    """The rows of ``region_mechanisms.rq`` for one status: region IRI, concept IRI, label."""
    return con.execute("SELECT DISTINCT r, m, mechanism FROM rows WHERE status = ?", (status,)).fetchall()


ADOPTION_COLUMNS = ("region", "region_full", "year", "mechanism", "status", "source", "evidence")


def adoption_rows(con, concept: str | None, regions: list[str] | None, status: str | None) -> list[tuple]:
    """The rows of ``adoption.rq``: region, region_full, year, mechanism, status, source, evidence —
    of one mechanism (IRI), of some regions (IRIs) and/or of one status; repeats left in."""
    where, args = [], []
    if concept is not None:
        where.append("m = ?")
        args.append(concept)
    if regions is not None:
        where.append(f"r IN ({', '.join('?' * len(regions))})")
        args.extend(regions)
    if status is not None:
        where.append("status = ?")
        args.append(status)
    # not DISTINCT: the caller makes a set of them anyway (SQLite's temporary B-tree for DISTINCT was a
    # third of the time for a mechanism with 6,000 adoptions)
    sql = f"SELECT {', '.join(ADOPTION_COLUMNS)} FROM rows" + (" WHERE " + " AND ".join(where) if where else "")
    return con.execute(sql, args).fetchall()


def evidence_rows(con) -> list[tuple]:
    """The rows of ``network_adoptions.rq``, one evidence sentence (the first) per adoption:
    region, full, year, mechanism, category, status, sentence, source."""
    return con.execute(
        "SELECT DISTINCT region, region_full, year, mechanism, category, status, evidence, source FROM rows"
    ).fetchall()


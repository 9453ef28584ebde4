"""A persistent store: Oxigraph (RocksDB) on disk, one named graph per report, built incrementally.

Layout of a store folder::

    DIR/current              → gen-000003 (a symlink, replaced atomically by each build)
    DIR/gen-000003/          the Oxigraph database of the current build
    DIR/gen-000003.json      its manifest: each report graph, the file it came from, hashes
    DIR/gen-000002/ (.json)  the previous build, kept for servers still reading it

A build never writes to a database that readers use. It checkpoints the current
generation (RocksDB hard links: no copy), changes the checkpoint, writes its
manifest and commits by replacing the ``current`` link. A crash at any point
leaves ``current`` as it was; stray folders are removed by the next build.

Each report's graph holds what the report says (its parts, measures, mentions,
adoptions, figures, documents: every subject minted under the report's IRI).
Descriptions of shared entities — regions, bodies, roles, indicators, candidate
mechanisms — are the same in every report that names them and go once into the
entities graph, so the union of all graphs has no duplicate triples.

Queries run in Oxigraph with the union of all graphs as the default graph, and
named queries with bound parameters (``substitutions``), never string-built.
``Store.rdflib()`` gives the same data as an rdflib ``Dataset`` (oxrdflib) for
code written against rdflib.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from ..errors import GraphError, QueryError
from . import summary
from .collector import fewer_collections
from .io import OLD_SENTENCE, older_layout_error

CURRENT = "current"
ENTITIES_GRAPH = URIRef("https://w3id.org/fazhi/graph/entities")
FZ_NS = "https://w3id.org/fazhi/ontology#"
DENOTES = FZ_NS + "denotes"
_GEN = re.compile(r"^gen-(\d{6})$")
_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)
MANIFEST_VERSION = 1


def _ox():
    import pyoxigraph

    return pyoxigraph


# ---- terms: rdflib ↔ pyoxigraph -------------------------------------------------


def to_ox(term):
    """An rdflib term as a pyoxigraph term."""
    ox = _ox()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise GraphError(f"cannot store {term!r} (not an RDF term)")


def from_ox(term):
    """A pyoxigraph term as an rdflib term (``None`` stays ``None``)."""
    if term is None:
        return None
    ox = _ox()
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise GraphError(f"cannot read {term!r} from the store")


_XSD = str(XSD)
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                 "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                                 "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + "double", _XSD + "float"}
_BOOLEAN = _XSD + "boolean"


def plain_value(term):
    """A result term as the plain Python value fazhi's tables hold (as ``query._plain`` makes of rdflib's)."""
    if term is None:
        return None
    ox = _ox()
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.DefaultGraph):
        return None
    return term.value


def quads_of(graph, name: URIRef) -> Iterator:
    """The triples of an rdflib graph as pyoxigraph quads in graph ``name``."""
    ox = _ox()
    g = ox.NamedNode(str(name))
    cache: dict = {}

    def conv(term):
        hit = cache.get(term)
        if hit is None:
            hit = cache[term] = to_ox(term)
        return hit

    for s, p, o in graph:
        yield ox.Quad(conv(s), conv(p), conv(o), g)


def triples_of(quads) -> list:
    """pyoxigraph quads (or triples) as rdflib triples."""
    return [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads]


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def bind_values(text: str, bindings: dict) -> str:
    """``text`` with its variables bound by a ``VALUES`` block at the start of the outer ``WHERE``.

    Oxigraph's own ``substitutions`` are planned as a late join (measured: 450 ms
    against 40 ms for one mechanism's adopters at 1 M quads); a ``VALUES`` block
    lets its optimiser start from the bound terms. The terms are written by
    pyoxigraph's N-Triples serialiser (IRIs validated, literals escaped), so no
    user text is ever spliced into the query.
    """
    match = _WHERE.search(text)
    if match is None:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    names = sorted(bindings)
    row = " ".join(str(to_ox(bindings[n])) for n in names)
    block = f"\n  VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}\n"
    return text[: match.end()] + block + text[match.end():]


# ---- the manifest -------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One report graph of a store: where it came from and what it is."""

    graph: str  # the named graph's IRI
    path: str  # the file it was read from (absolute)
    file_sha256: str  # of the file's bytes: unchanged bytes are never re-extracted
    sha256: str  # of the decoded text (the report's key)
    region: str  # full region name
    year: int
    issuer: str
    stat: tuple[int, int, int, int] | None = None  # the file's size, mtime, ctime, inode when hashed (see api._stat)


@dataclass
class Manifest:
    reports: dict[str, Entry] = field(default_factory=dict)  # by path
    ontology: str = ""  # fingerprint of the ontology and vocabulary in the ontology graph ("": unknown)
    quads: int | None = None  # how many quads the generation holds (None: not recorded, count them)
    # each entry as read, with its line in the file: an entry still the same object is written back as
    # that line (encoding 10,000 entries was half of writing the manifest of one report more)
    lines: dict[str, tuple[Entry, str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        # tens of thousands of new objects and no cycle among them: at the usual threshold the collector's
        # scans of a process that holds the spaCy pipeline made reading a 10,000-report manifest 0.16 s, not 0.06
        with fewer_collections():
            return cls._read(path)

    @classmethod
    def _read(cls, path: Path) -> "Manifest":
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
            # one report a line (see ``write``); JSON escapes a newline inside a string, so ",\n" ends a line
            body = text[text.find('"reports": [\n') + 13 : text.rfind("\n]}")]
            raw = body.split(",\n") if data["reports"] else []
            if len(raw) != len(data["reports"]):
                raw = [None] * len(data["reports"])  # written another way: every entry is encoded again
            reports, lines = {}, {}
            for e, line in zip(data["reports"], raw):
                if e.get("stat") is not None:
                    e["stat"] = tuple(e["stat"])  # JSON has lists
                entry = reports[e["path"]] = Entry(**e)
                if line is not None:
                    lines[e["path"]] = (entry, line)
            return cls(reports, data.get("ontology", ""), data.get("quads"), lines)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GraphError(f"{path}: unreadable store manifest ({exc}) — rebuild the store into a new folder") from None

    def write(self, path: Path) -> None:
        from .io import write_atomic

        head = {
            "format": "fazhi-store",
            "version": MANIFEST_VERSION,
            "ontology": self.ontology,
            **({"quads": self.quads} if self.quads is not None else {}),
        }
        # one report a line, written by json's C encoder (``indent`` falls back to the Python one)
        reports = ",\n".join(self._line(key, e) for key, e in sorted(self.reports.items()))
        text = json.dumps(head, ensure_ascii=False)[:-1] + ', "reports": [\n' + reports + "\n]}\n"
        write_atomic(path, text.encode("utf-8"))

    def _line(self, key: str, entry: Entry) -> str:
        known = self.lines.get(key)
        return known[1] if known is not None and known[0] is entry else json.dumps(vars(entry), ensure_ascii=False)


# ---- the store ----------------------------------------------------------------------


def _generations(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and _GEN.match(p.name))


def current_generation(root: Path) -> Path | None:
    """The folder of the store's current generation (``None`` if ``root`` is no store)."""
    root = Path(root)
    link = root / CURRENT
    if not link.is_symlink():
        return None
    target = root / os.readlink(link)
    return target if target.is_dir() else None


def is_store(path: str | Path) -> bool:
    path = Path(path)
    return path.is_dir() and current_generation(path) is not None


class Store:
    """A built fazhi store, opened read-only on its current generation."""

    def __init__(self, root: str | Path):
        root = Path(root)
        if not root.exists():
            raise GraphError(f"{root}: no such store — build one with: fazhi build seeds/ --store {root}")
        generation = current_generation(root) if root.is_dir() else None
        if generation is None:
            raise GraphError(f"{root}: not a fazhi store (no {CURRENT} generation) — build one with: fazhi build seeds/ --store {root}")
        self.root = root
        self.generation = generation
        try:
            self._db = _ox().Store.read_only(str(generation))
        except OSError as exc:
            raise GraphError(f"{root}: cannot open the store ({' '.join(str(exc).split())[:200]})") from None
        self.manifest = Manifest.read(generation.with_suffix(".json"))
        if next(self._db.quads_for_pattern(None, _ox().NamedNode(OLD_SENTENCE), None, None), None) is not None:
            raise older_layout_error(str(root), "fazhi build REPORTS --store NEW_FOLDER")

    def __len__(self) -> int:
        return len(self._db)

    def __repr__(self) -> str:
        return f"<fazhi Store {self.root} ({self.generation.name}, {len(self.manifest.reports)} reports)>"

    @property
    def oxigraph(self):
        """The underlying ``pyoxigraph.Store`` (read-only)."""
        return self._db

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._db.named_graphs())

    def execute(self, text: str, bindings: dict | None = None, where: str = "query"):
        """Run SPARQL text over the union of all graphs; ``bindings`` maps variable names to rdflib terms."""
        if bindings:
            text = bind_values(text, bindings)
        try:
            return self._db.query(text, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"{where}: malformed SPARQL — {' '.join(str(exc).split())[:200]}") from None
        except OSError as exc:
            raise QueryError(f"{where}: query failed — {' '.join(str(exc).split())[:200]}") from None

    def rdflib(self):
        """The store as an rdflib ``Dataset`` (oxrdflib), union default graph, read-only by convention."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self._db), default_union=True)


def described_quads(db, iris) -> list:
    """The quads of the entities graph of the pyoxigraph store ``db`` about ``iris`` and about the
    entities they point to, transitively (a region's parents)."""
    ox = _ox()
    graph = ox.NamedNode(str(ENTITIES_GRAPH))
    quads: list = []
    todo, seen = [ox.NamedNode(i) for i in sorted(set(iris))], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for quad in db.quads_for_pattern(node, None, None, graph):
            quads.append(quad)
            if isinstance(quad.object, ox.NamedNode) and quad.object not in seen:
                todo.append(quad.object)
    return quads


# ---- writing: one generation per build ----------------------------------------------


class Transaction:
    """A writable checkpoint of a store; ``commit`` makes it the current generation."""

    def __init__(self, root: Path, db, generation: Path, manifest: Manifest):
        self.root, self.db, self.generation, self.manifest = root, db, generation, manifest
        # The checkpoint's quads, kept up to date by each change: counting them is a scan of the
        # whole store (6 s at 30 M quads), which an added report should not cost. None: unknown.
        self.quads: int | None = manifest.quads
        # The IRIs whose labels (names, categories) the changes may have changed, for the summary to
        # check instead of reading every label of the store (at 10,000 reports 0.17 s, 2.6 s from a
        # cold page cache). None: any.
        self.relabelled: set[str] | None = set()
        # The named graphs the changes removed, added or changed, for the summary to update only their
        # rows instead of listing every graph of the store (at 10,000 reports 0.05 s). None: any.
        self.touched: set[str] | None = set()

    def touching(self, names=None) -> None:
        """Note that the named graphs ``names`` (None: any) changed."""
        if names is None or self.touched is None:
            self.touched = None
        else:
            self.touched.update(str(n) for n in names)

    def labels_may_change(self, iris=None) -> None:
        """Note that the labels of ``iris`` (None: of anything) may have changed."""
        if iris is None or self.relabelled is None:
            self.relabelled = None
        else:
            self.relabelled.update(iris)

    def count(self) -> int:
        """How many quads the checkpoint holds (a scan only when a change could not say)."""
        if self.quads is None:
            self.quads = len(self.db)
        return self.quads

    def graph_size(self, name: str) -> int:
        """How many quads the named graph ``name`` holds."""
        node = _ox().NamedNode(str(name))
        return sum(1 for _ in self.db.quads_for_pattern(None, None, None, node))

    def _adjust(self, delta: int | None) -> None:
        self.quads = None if self.quads is None or delta is None else self.quads + delta

    def _removing(self, name: str) -> None:
        if not (str(name).startswith(FZD_REPORTS) and str(name).endswith("/graph")):
            self.labels_may_change()  # a report graph holds no labels (its entities' are in the entities graph)

    def remove_graph(self, name: str) -> None:
        self._removing(name)
        self.touching([name])
        self._adjust(-self.graph_size(name))
        self.db.remove_graph(_ox().NamedNode(name))

    def replace_graph(self, name: URIRef, graph) -> None:
        """Put ``graph``'s triples in the named graph ``name``, dropping what was there."""
        node = _ox().NamedNode(str(name))
        before = self.graph_size(str(name))
        self.labels_may_change()
        self.touching([name])
        if self.db.contains_named_graph(node):
            self.db.remove_graph(node)
        self.db.extend(quads_of(graph, name))
        self._adjust(self.graph_size(str(name)) - before)

    def drop_graph(self, name: str) -> None:
        """Remove the named graph ``name`` if the store has it."""
        node = _ox().NamedNode(name)
        if self.db.contains_named_graph(node):
            self._removing(name)
            self.touching([name])
            self._adjust(-self.graph_size(name))
            self.db.remove_graph(node)

    def denoted(self, name: str) -> set[str]:
        """The IRIs the mentions of the named graph ``name`` denote (``fz:denotes``)."""
        ox = _ox()
        return {q.object.value for q in self.db.quads_for_pattern(None, ox.NamedNode(DENOTES), None, ox.NamedNode(name))}

    def described(self, iris) -> list[str]:
        """N-Triples lines of the entities graph about ``iris`` and about the entities they point to,
        transitively (a region's parents): what the shared-entity shapes read of them."""
        return [f"{quad.triple} ." for quad in described_quads(self.db, iris)]

    def has_graph(self, name: str) -> bool:
        return self.db.contains_named_graph(_ox().NamedNode(str(name)))

    def add_to_counts(self, changes, graph: str) -> None:
        """Add ``changes`` (IRI → a number, maybe negative) to the IRIs' ``fz:candidateCount`` in ``graph``;
        a count that comes to 0 is removed."""
        ox = _ox()
        count, target = ox.NamedNode(FZ_NS + "candidateCount"), ox.NamedNode(str(graph))
        integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        delta = 0
        for iri, change in sorted(changes.items()):
            if not change:
                continue
            node, total = ox.NamedNode(iri), change
            for quad in list(self.db.quads_for_pattern(node, count, None, target)):
                total += int(quad.object.value)
                self.db.remove(quad)
                delta -= 1
            if total > 0:
                self.db.add(ox.Quad(node, count, ox.Literal(str(total), datatype=integer), target))
                delta += 1
        self._adjust(delta)
        self.touching([graph])

    def missing(self, lines, graph: str) -> int:
        """How many of the distinct N-Triples ``lines`` the named graph ``graph`` lacks."""
        ox = _ox()
        lines = set(lines)
        if not lines:
            return 0
        node = ox.NamedNode(str(graph))
        triples = ox.parse(("\n".join(lines) + "\n").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        return sum(1 for t in triples if ox.Quad(t.subject, t.predicate, t.object, node) not in self.db)

    def load_nquads(self, text: str, new: int | None = None, labelled=None, graphs=None) -> None:
        """Bulk-load N-Quads text into the checkpoint; ``new``: how many quads it adds that the store lacks
        (None: not known, the next ``count`` scans); ``labelled``: the IRIs it may give labels to
        (None: any); ``graphs``: the named graphs it adds to (None: not known)."""
        ox = _ox()
        self.db.bulk_load(text.encode("utf-8"), ox.RdfFormat.N_QUADS)
        self._adjust(new)
        self.labels_may_change(labelled)
        self.touching(graphs)

    def move_entities(self) -> None:
        """Move entity descriptions out of report graphs (after loading a dump written without this split)."""
        self.db.update(MOVE_ENTITIES)
        self.quads = None
        self.labels_may_change()
        self.touching()

    def update(self, text: str, graph: str | None = None, labels: bool = True) -> None:
        """Run a SPARQL update; ``graph``: the only graph it changes (its quads are counted before and after);
        ``labels=False``: it changes no label."""
        before = self.graph_size(graph) if graph is not None else None
        self.db.update(text)
        self._adjust(self.graph_size(graph) - before if graph is not None else None)
        self.touching(None if graph is None else [graph])
        if labels:
            self.labels_may_change()

    def load(self, path: str | Path) -> None:
        """Bulk-load an RDF file (N-Quads, TriG, … by extension) into the checkpoint."""
        from .io import format_for

        ox = _ox()
        formats = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
        fmt = format_for(path)
        if fmt not in formats:
            raise GraphError(f"{path}: cannot bulk-load {fmt} — use .nq, .trig, .ttl or .nt")
        self.quads = None
        self.labels_may_change()
        self.touching()
        try:
            self.db.bulk_load(path=str(path), format=formats[fmt])
        except (SyntaxError, ValueError) as exc:
            raise GraphError(f"{path}: not a valid {fmt} file ({' '.join(str(exc).split())[:200]})") from None


def import_file(root: str | Path, path: str | Path) -> int:
    """Load an RDF dump (e.g. one written by ``export``) into the store at ``root``; returns its size in quads.

    Imported graphs have no manifest entries: an incremental build leaves them alone.
    """
    with transaction(root) as tx:
        tx.load(path)
        tx.move_entities()
        tx.manifest.ontology = ""  # a dump may bring an ontology graph of its own: the next build rewrites it
        count = tx.count()
    return count


def _reports_prefix() -> str:
    from ..ontology import mint

    return str(mint("report", ""))  # mint("report", key) = this + key


FZD_REPORTS = _reports_prefix()
# Report graphs are named <report IRI>/graph; a triple whose subject is not the report or under it describes an entity.
MOVE_ENTITIES = f"""
DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }}
INSERT {{ GRAPH <{ENTITIES_GRAPH}> {{ ?s ?p ?o }} }}
WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER (STRENDS(STR(?g), "/graph") && STRSTARTS(STR(?g), "{FZD_REPORTS}"))
  BIND (STRBEFORE(STR(?g), "/graph") AS ?owner)
  FILTER (STR(?s) != ?owner && !STRSTARTS(STR(?s), CONCAT(?owner, "/")))
}}
"""


@contextmanager
def transaction(root: str | Path, expect: str | None = "any", manifest: Manifest | None = None) -> Iterator[Transaction]:
    """Change a store (creating it if need be) all or nothing.

    The changes go to a checkpoint of the current generation; when the block
    ends without an exception the checkpoint's manifest is written and the
    ``current`` link replaced in one rename. On an exception nothing changes.
    ``expect`` names the generation the changes were planned on (``None``: no
    store yet); if another build committed since, nothing is done. ``manifest``: the one the
    changes start from, when the caller has it (read with ``expect``'s generation), else it is read.
    """
    ox = _ox()
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise GraphError(f"{root}: is a file, not a store folder")
    if root.is_dir() and any(root.iterdir()) and current_generation(root) is None:
        raise GraphError(f"{root}: not empty and not a fazhi store — give a new or empty folder")
    root.mkdir(parents=True, exist_ok=True)
    current = current_generation(root)
    if expect != "any" and expect != (current.name if current else None):
        raise GraphError(f"{root}: another build changed the store meanwhile — run the build again")
    cleaning = _cleanup(root, current, background=True)
    numbers = [int(_GEN.match(p.name).group(1)) for p in _generations(root)]
    generation = root / f"gen-{max(numbers, default=0) + 1:06d}"
    try:
        if current is None:
            manifest = Manifest() if manifest is None else manifest
            manifest.quads = 0  # an empty store
            db = ox.Store(str(generation))
        else:
            manifest = Manifest.read(current.with_suffix(".json")) if manifest is None else manifest
            ox.Store.read_only(str(current)).backup(str(generation))
            db = ox.Store(str(generation))
    except OSError as exc:
        shutil.rmtree(generation, ignore_errors=True)
        if cleaning is not None:
            cleaning.join()
        raise GraphError(f"{root}: cannot write the store ({' '.join(str(exc).split())[:200]})") from None
    tx = Transaction(root, db, generation, manifest)
    try:
        yield tx
        db.flush()
        tx.manifest.quads = tx.count()
        tx.manifest.write(generation.with_suffix(".json"))
        # last before the commit: the summary takes the previous generation's over (see summary.update)
        summary.update(db, generation, current, relabelled=tx.relabelled, touched=tx.touched)
        del tx.db, db
        link = root / f".{CURRENT}.tmp"
        link.unlink(missing_ok=True)
        link.symlink_to(generation.name)
        os.replace(link, root / CURRENT)
    except BaseException:
        # close the checkpoint before removing it: while RocksDB is open (this frame's ``db`` held it
        # too) its threads may write files into the folder being removed, leaving it behind
        tx.db = db = None
        for path in _generation_files(generation):
            _remove(path)
        raise
    finally:
        if cleaning is not None:
            cleaning.join()
    _cleanup(root, generation, keep_previous=True)


def clean_stray_generations(root: str | Path) -> None:
    """Remove generation folders a killed build left behind (newer than the current one, never committed)."""
    root = Path(root)
    current = current_generation(root)
    if current is None:
        return
    for gen in _generations(root):
        if gen.name > current.name:
            for path in _generation_files(gen):
                _remove(path)


_TRASH = ".trash-"


def _generation_files(generation: Path) -> tuple[Path, Path, Path]:
    """What a generation is on disk: its Oxigraph folder, its manifest and its summary."""
    return generation, generation.with_suffix(".json"), summary.path_of(generation)


def _remove(path: Path) -> None:
    """Remove a folder or a file, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _cleanup(root: Path, current: Path | None, keep_previous: bool = False, background: bool = False):
    """Remove generations other than ``current`` (and, if asked, the one before it).

    With ``background`` they are first renamed out of the way (a rename each) and removed by a
    thread, which is returned for the caller to join: removing a generation of a 10,000-report
    store (its folder, and a summary of a few hundred megabytes) took 0.1 s of adding one report.
    Trash a killed build left behind goes with it."""
    keep = {current.name} if current is not None else set()
    older = [p for p in _generations(root) if current is not None and p.name < current.name]
    if keep_previous and older:
        keep.add(older[-1].name)
    doomed = [p for p in root.iterdir() if p.name.startswith(_TRASH)]
    for gen in _generations(root):
        if gen.name not in keep:
            for path in _generation_files(gen):
                trash = root / f"{_TRASH}{os.getpid()}-{len(doomed)}-{path.name}"
                try:
                    os.rename(path, trash)
                except OSError:
                    continue  # gone already, or not ours to move: removal is best effort, as rmtree's is
                doomed.append(trash)
    if not doomed:
        return None

    def remove() -> None:
        for path in doomed:
            _remove(path)

    if not background:
        remove()
        return None
    import threading

    thread = threading.Thread(target=remove, name="fazhi-store-cleanup", daemon=True)
    thread.start()
    return thread


def export(store: Store, out: str | Path, *, force: bool = True, include_ontology: bool = True) -> int:
    """Write every graph of ``store`` to ``out`` (format by extension); returns the number of quads.

    N-Quads and TriG keep the named graphs (one per report); Turtle, N-Triples
    and JSON-LD get their union. The file is written to a temporary name and
    renamed into place.
    """
    import tempfile

    from .build import ONTOLOGY_GRAPH
    from .io import format_for

    ox = _ox()
    fmt = format_for(out)
    formats = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "turtle": ox.RdfFormat.TURTLE,
               "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD}
    out = Path(out)
    if out.exists() and not force:
        raise GraphError(f"{out}: already exists — pass --force to overwrite")
    if out.is_dir():
        raise GraphError(f"{out}: is a folder — give a file name such as {out / 'dump.nq'}")
    graphs = [g for g in store.oxigraph.named_graphs() if include_ontology or g.value != str(ONTOLOGY_GRAPH)]
    graphs.sort(key=lambda g: g.value)
    count = 0

    def stream():
        nonlocal count
        for g in graphs:
            for quad in store.oxigraph.quads_for_pattern(None, None, None, g):
                count += 1
                yield quad if fmt in ("nquads", "trig") else quad.triple

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        kwargs = {"prefixes": _prefixes()} if fmt in ("turtle", "trig") else {}
        ox.serialize(stream(), tmp, formats[fmt], **kwargs)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _prefixes() -> dict[str, str]:
    from rdflib.namespace import DCTERMS, ORG, PROV, QB, RDFS, SKOS, XSD

    from ..ontology import FZ, FZD, FZV, OA

    spaces = {"fz": FZ._NS, "fzd": FZD, "fzv": FZV, "oa": OA, "skos": SKOS, "prov": PROV, "org": ORG,
              "dcterms": DCTERMS, "qb": QB, "rdfs": RDFS, "xsd": XSD}
    return {prefix: str(ns) for prefix, ns in spaces.items()}

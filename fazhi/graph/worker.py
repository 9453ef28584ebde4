"""One report → its graph, validated and rendered as text: the work of one process of ``fazhi build --jobs``.

Workers send back text (sorted N-Triples/N-Quads lines, Turtle sort lines or
a TriG block, see ``stream``) and a few plain fields, never rdflib objects.

Why validating each report's graph alone is sound. Every node of the whole
graph is one of three kinds:

* a report and its items (parts, sections, measures, mentions, adoptions,
  figures, documents): IRIs under the report's own key, described by that
  report's graph alone. Every triple about them, and the type of every node
  they point to (the region, the report, a candidate mechanism, a mention),
  is in that graph; listed mechanisms and body types come from the ontology
  (``validate_part`` adds their descriptions). So validating the report's
  graph gives exactly the whole graph's results for these nodes.
* shared entities — regions, bodies, roles, indicators, candidate
  mechanisms — that several reports describe. Per report they are checked too,
  but a shape with ``sh:maxCount`` (one name, one level, one parent for a
  region; one type for a body) can only fail on the union of what all reports
  say. Those triples are few (150 to 320 per seed report, 5 to 7 % of its
  graph; fewer once shared roles and indicators repeat), so the parent keeps
  them and validates them once more at the end, together (``validate_shared``,
  a chunk of whole subjects at a time, so that its memory does not grow with
  the corpus; the lines themselves, about 54 a report, still do).
* the ontology and vocabulary, validated with the shared entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef

from ..errors import InputError
from .collector import YOUNG_COLLECTION_THRESHOLD, collect_less_often, fewer_collections  # noqa: F401 (YOUNG_…: read by tests)

STORE = "store"  # the format of a store build: N-Quads, entity triples in the entities graph


@dataclass(frozen=True)
class Settings:
    fmt: str  # a graph file format of ``io.FORMATS`` or STORE
    encoding: str | None = None
    strict: bool = False
    validate: bool = True


@dataclass(frozen=True)
class Part:
    """What a worker sends back for one file: its report's fields, its text, or the error."""

    path: str
    error: str | None = None  # an InputError's message: the file is skipped or the build stops
    sha256: str = ""
    region: str = ""  # full name
    region_name: str = ""
    year: int = 0
    issuer: str = ""
    complete: bool = True
    measures: int = 0
    adoptions: tuple[str, ...] = ()  # adopted, planned or lamented concepts
    candidates: tuple[str, ...] = ()  # keys of unlisted mechanisms named
    graph: str = ""  # the report graph's IRI
    local: int = 0  # triples about the report and its items
    entities: tuple[str, ...] = ()  # N-Triples lines about shared entities
    text: str = ""  # the rendered piece
    used: tuple[str, ...] = ()  # prefixes the piece uses
    violations: tuple[str, ...] = ()  # SHACL messages, empty if the graph conforms


_settings: Settings | None = None


def init(settings: Settings) -> None:
    """A worker process's initializer: remember the settings, build the spaCy pipeline once, collect less often."""
    global _settings
    from ..extract.pipeline import get_nlp

    _settings = settings
    get_nlp()
    collect_less_often()  # a worker's process is its own


def run_file(path: str) -> Part:
    """Extract, build, validate and render the report in ``path`` (in a worker set up by ``init``)."""
    return process_file(path, _settings)


def process_file(path: str, settings: Settings) -> Part:
    from ..extract import extract_report
    from ..extract.pipeline import get_nlp

    try:
        report = extract_report(path, encoding=settings.encoding, nlp=get_nlp(), strict=settings.strict)
    except InputError as exc:
        return Part(path, error=str(exc))
    return process_report(report, settings, path)


@lru_cache(maxsize=1)
def prefixes() -> list[tuple[str, str]]:
    """The prefixes ``build_dataset`` binds, as ``io.serialize`` sees them."""
    from rdflib import Dataset

    from .build import _bind

    ds = Dataset(default_union=True)
    _bind(ds)
    return [(p, str(ns)) for p, ns in ds.namespaces()]


def split(triples, owner: URIRef) -> tuple[list, list]:
    """The triples about ``owner`` (a report) and its items, and those about shared entities."""
    own, prefix = str(owner), str(owner) + "/"
    mine, shared = [], []
    for triple in triples:
        subject = str(triple[0])
        (mine if subject == own or subject.startswith(prefix) else shared).append(triple)
    return mine, shared


class _Triples(list):
    """A list that ``report_triples`` can add to as to a graph (a graph's ``add`` costs 10 µs a triple)."""

    add = list.append


def report_graph_triples(report) -> list:
    """The triples of ``report``'s graph, each once, in the order they were made."""
    from .build import report_triples

    triples = _Triples()
    report_triples(report, triples)
    return list(dict.fromkeys(triples))


def process_report(report, settings: Settings, path: str | None = None) -> Part:
    """Build ``report``'s graph, render it for ``settings.fmt`` and validate it."""
    from ..ontology import validate_part
    from .build import report_graph_iri, report_iri
    from .store import ENTITIES_GRAPH
    from .stream import ntriples_lines, render

    triples = report_graph_triples(report)
    name = report_graph_iri(report)
    mine, shared = split(triples, report_iri(report))
    if settings.fmt == STORE:
        text = render(mine, "nquads", name, [])[0] + "\n" + render(shared, "nquads", ENTITIES_GRAPH, [])[0]
        used = ()
    else:
        text, used = render(triples, settings.fmt, name, prefixes())
    violations = ()
    if settings.validate:
        result = validate_part(triples)
        violations = result.messages if not result.conforms else ()
    return Part(
        path=str(path if path is not None else report.source),
        sha256=report.sha256,
        region=report.region.full_name,
        region_name=report.region.name,
        year=report.year,
        issuer=report.issuer,
        complete=report.complete,
        measures=len(report.measures),
        adoptions=tuple(a.concept for a in report.adoptions),
        candidates=tuple(sorted({m.concept for m in report.mentions if not m.listed})),
        graph=str(name),
        local=len(mine),
        entities=tuple(sorted(ntriples_lines(shared))),
        text=text,
        used=used,
        violations=tuple(violations),
    )


SHARED_CHUNK = 20_000  # entity lines validated together


def validate_shared(entity_lines, chunk: int = SHARED_CHUNK) -> tuple[str, ...]:
    """SHACL messages for the shared entities (N-Triples lines, any order, repeats allowed), and for the ontology and vocabulary.

    The lines are validated a chunk of whole subjects at a time — every line about
    a subject in the same chunk, with the type lines of the entities it points to
    (all that ``sh:class`` reads of them) and the terms' descriptions that
    ``validate_part`` adds — and only the chunk's subjects' results count. Every
    entity shape reads its focus node's own triples and its objects' types, so
    this gives the results of validating them all in one graph, whose memory grew
    with the corpus (about 0.1 MB a report: 0.9 GB at 10,000 reports).
    """
    from ..ontology import validate_part, validate_terms

    messages = set(validate_terms())
    lines = sorted(set(entity_lines))
    types: dict[str, list[str]] = {}
    for line in lines:
        subject, predicate, _ = line.split(" ", 2)
        if predicate == _RDF_TYPE:
            types.setdefault(subject, []).append(line)
    start = 0
    while start < len(lines):
        end = min(start + chunk, len(lines))
        while end < len(lines) and lines[end].split(" ", 1)[0] == lines[end - 1].split(" ", 1)[0]:
            end += 1  # a subject's lines stay together
        part = lines[start:end]
        subjects = {line.split(" ", 1)[0] for line in part}
        pointed = {o for line in part for o in _iri_object(line) if o in types and o not in subjects}
        graph = Graph()
        graph.parse(data="\n".join(part + [t for o in sorted(pointed) for t in types[o]]) + "\n", format="nt")
        focus = {URIRef(s[1:-1]) for s in subjects if s.startswith("<")}
        messages.update(validate_part(list(graph), focus).messages)
        start = end
    return tuple(sorted(messages))


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _iri_object(line: str) -> tuple[str, ...]:
    """The object of an N-Triples line if it is an IRI, as written (<…>)."""
    rest = line.rstrip().removesuffix(".").rstrip()
    return (rest[rest.rindex(" <") + 1 :],) if rest.endswith(">") and " <" in rest else ()


def parts(paths, settings: Settings, jobs: int, dask: str | None = None):
    """``Part``s of ``paths``, in their order: in this process if ``jobs`` is 1, else in ``jobs`` worker
    processes, or on the Dask cluster at ``dask`` (see ``dask_backend``)."""
    if dask is not None:
        from .dask_backend import dask_parts

        yield from dask_parts(paths, settings, dask)
        return
    paths = [str(p) for p in paths]
    if jobs <= 1 or len(paths) <= 1:
        from ..extract.pipeline import get_nlp

        get_nlp()
        for path in paths:
            with fewer_collections():  # not around the yield: the caller's own work keeps the usual threshold
                part = process_file(path, settings)
            yield part
        return
    yield from _in_processes(run_file, paths, jobs, init, (settings,))


def _in_processes(function, items: list, jobs: int, initializer, initargs: tuple, chunksize: int = 1):
    """``function`` of each of ``items``, in order, in ``jobs`` worker processes set up by ``initializer``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, not fork: the parent may run a progress bar's thread, and a fork copies its locks.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["fazhi.graph.worker"])
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context, initializer=initializer, initargs=initargs)
    try:
        yield from pool.map(function, items, chunksize=chunksize)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---- validating a built store, a report graph at a time (``api.validate_store``) -----------------

_stored = None  # a worker's read-only pyoxigraph store


def init_store_reader(generation: str) -> None:
    """A validating worker's initializer: open the store's generation read-only, collect less often."""
    global _stored
    from .store import _ox

    _stored = _ox().Store.read_only(generation)
    collect_less_often()


def stored_report_messages(name: str, db=None) -> tuple[str, ...]:
    """SHACL messages for the report graph ``name`` of a store (``db``, else the worker's), validated
    with the entities it points to (their descriptions, transitively) as a build validates it."""
    from ..ontology import validate_part
    from .store import _ox, described_quads, triples_of

    ox, db = _ox(), db if db is not None else _stored
    quads = list(db.quads_for_pattern(None, None, None, ox.NamedNode(name)))
    pointed = {q.object.value for q in quads if isinstance(q.object, ox.NamedNode)}
    return validate_part(triples_of(quads + described_quads(db, pointed))).messages


def stored_reports_messages(db, generation: str, names: list[str], jobs: int):
    """``stored_report_messages`` of each of ``names``, in order: in this process if ``jobs`` is 1,
    else in ``jobs`` worker processes that open ``generation`` read-only."""
    if jobs <= 1 or len(names) <= 1:
        with fewer_collections():
            for name in names:
                yield stored_report_messages(name, db)
        return
    yield from _in_processes(stored_report_messages, names, jobs, init_store_reader, (generation,), chunksize=4)

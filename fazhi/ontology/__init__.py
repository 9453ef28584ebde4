"""The fazhi ontology: OWL classes and properties, SKOS vocabularies, SHACL shapes.

The Turtle files in this package are the source of truth, read with
``importlib.resources``:

    fazhi.ttl          OWL classes and properties (fz:)
    statuses.ttl       statuses, region levels, body types, Data Cube structure
    mechanisms.ttl     the SKOS scheme of mechanisms (generated from mechanisms.tsv;
                       with the user's additions from local.py's folder when there are any)
    shapes.ttl         SHACL shapes of a well-formed report graph
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.plugins.stores.memory import SimpleMemory

from ..errors import OntologyError
from ._terms import FZ
from .iris import (
    FZD,
    FZV,
    OA,
    body_type_iri,
    candidate_iri,
    category_iri,
    concept_iri,
    indicator_iri,
    mint,
    role_iri,
)

__all__ = [
    "FZ",
    "FZD",
    "FZV",
    "OA",
    "Concept",
    "ValidationResult",
    "body_type_iri",
    "candidate_iri",
    "category_iri",
    "concept_iri",
    "indicator_iri",
    "mechanism_concepts",
    "mint",
    "ontology_graph",
    "role_iri",
    "shapes_graph",
    "validate",
    "validate_part",
    "vocabulary_graph",
    "fingerprint",
]


def _parse(*names: str) -> Graph:
    g = Graph()
    for name in names:
        try:
            g.parse(data=resources.files(__package__).joinpath(name).read_text(encoding="utf-8"), format="turtle")
        except FileNotFoundError:
            raise OntologyError(f"{name}: missing from the fazhi package — reinstall fazhi") from None
        except Exception as exc:
            raise OntologyError(f"{name}: not valid Turtle ({exc})") from None
    return g


ONTOLOGY_FILES = ("fazhi.ttl", "statuses.ttl")
VOCABULARY_FILE = "mechanisms.ttl"


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return _parse(*ONTOLOGY_FILES)


@lru_cache(maxsize=1)
def _vocabulary() -> Graph:
    """The package's mechanisms, with the user's accepted and rejected ones (``local.py``) if any."""
    from .local import vocabulary_turtle

    turtle = vocabulary_turtle()
    if turtle is None:
        return _parse(VOCABULARY_FILE)
    g = Graph()
    g.parse(data=turtle, format="turtle")
    return g


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return _parse("shapes.ttl")


_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")


@lru_cache(maxsize=1)
def _validation_shapes() -> Graph:
    """shapes.ttl as validation runs it: each property shape of a node shape with targets stands on its own.

    pyshacl checks a property shape nested under a node shape once per focus
    node, building its constraint objects anew each time; a property shape
    with targets of its own is checked once for all its focus nodes. SHACL
    (§2.1 and §2.3) gives the two forms the same results — the same focus
    nodes, paths, source shapes and messages — so each node shape's
    ``sh:property`` links are replaced by copies of its targets on the property
    shapes. On a seed report's graph that cuts validation from 130 to 30 ms.
    shapes.ttl keeps the nested form, which reads better; a node shape that
    other shapes refer to (sh:node and the like) would be left nested.
    """
    from rdflib.namespace import SH

    shapes = _shapes()
    out = _copy(shapes)
    referenced = set(shapes.objects())  # by sh:node, sh:qualifiedValueShape, sh:not …
    for node in sorted(set(shapes.subjects(SH.property, None))):
        targets = [(p, o) for p, o in shapes.predicate_objects(node) if p in {SH[t] for t in _TARGETS}]
        if not targets or node in referenced:
            continue
        for prop in shapes.objects(node, SH.property):
            out.remove((node, SH.property, prop))
            out.add((prop, RDF.type, SH.PropertyShape))
            for p, o in targets:
                out.add((prop, p, o))
    return out


def _copy(g: Graph) -> Graph:
    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for triple in g:
        out.add(triple)
    return out


def fingerprint() -> str:
    """A hash of the ontology and vocabulary texts (the user's local additions included), without
    parsing them: a store keeps it to rewrite its ontology graph only when they changed."""
    import hashlib

    from .local import vocabulary_turtle

    digest = hashlib.sha256()
    for name in ONTOLOGY_FILES:  # what _ontology and _vocabulary parse
        digest.update(resources.files(__package__).joinpath(name).read_bytes())
    vocabulary = vocabulary_turtle()
    digest.update(vocabulary.encode("utf-8") if vocabulary is not None else resources.files(__package__).joinpath(VOCABULARY_FILE).read_bytes())
    return digest.hexdigest()


def ontology_graph() -> Graph:
    """fazhi.ttl + statuses.ttl (a fresh copy)."""
    return _copy(_ontology())


def vocabulary_graph() -> Graph:
    """The SKOS mechanism scheme (a fresh copy)."""
    return _copy(_vocabulary())


def shapes_graph() -> Graph:
    return _copy(_shapes())


@dataclass(frozen=True)
class Concept:
    key: str  # the preferred label
    iri: URIRef
    pref_label: str
    alt_labels: tuple[str, ...]
    negative_labels: tuple[str, ...]
    category: str | None
    broader: str | None  # key of the broader mechanism, if any
    narrower: tuple[str, ...]
    definition_en: str | None
    hidden_labels: tuple[str, ...] = ()  # generated variants, for matching only (skos:hiddenLabel)
    sources: tuple[str, ...] = ()  # titles of the national documents the concept comes from


@lru_cache(maxsize=1)
def _concepts() -> tuple[Concept, ...]:
    g = _vocabulary()
    label = {}
    for c in g.subjects(RDF.type, FZ.Mechanism):
        label[c] = str(g.value(c, SKOS.prefLabel))
    concepts = []
    for c, key in sorted(label.items(), key=lambda kv: kv[1]):
        broader = [label[b] for b in g.objects(c, SKOS.broader) if b in label]
        category = g.value(c, FZ.category)
        concepts.append(
            Concept(
                key=key,
                iri=c,
                pref_label=key,
                alt_labels=tuple(sorted(str(a) for a in g.objects(c, SKOS.altLabel))),
                negative_labels=tuple(sorted(str(a) for a in g.objects(c, FZ.negativeLabel))),
                category=str(g.value(category, SKOS.prefLabel)) if category is not None else None,
                broader=broader[0] if broader else None,
                narrower=tuple(sorted(label[n] for n in g.objects(c, SKOS.narrower) if n in label)),
                definition_en=str(g.value(c, SKOS.definition)) if g.value(c, SKOS.definition) else None,
                hidden_labels=tuple(sorted(str(a) for a in g.objects(c, SKOS.hiddenLabel))),
                sources=_source_titles(g, c),
            )
        )
    return tuple(concepts)


def _source_titles(g: Graph, concept) -> tuple[str, ...]:
    from rdflib.namespace import DCTERMS, RDFS

    return tuple(sorted(str(g.value(s, RDFS.label)) for s in g.objects(concept, DCTERMS.source) if g.value(s, RDFS.label)))


def mechanism_concepts() -> list[Concept]:
    """Every listed mechanism, read from mechanisms.ttl."""
    return list(_concepts())


def scheme_negative_labels() -> tuple[str, ...]:
    """Strings that look like a mechanism but are none (on the scheme)."""
    g = _vocabulary()
    return tuple(sorted(str(o) for o in g.objects(FZV["mechanisms"], FZ.negativeLabel)))


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    messages: tuple[str, ...]  # one readable line per violation


def _short(node) -> str:
    text = str(node)
    for prefix, ns in (("fz:", str(FZ._NS)), ("fzd:", str(FZD)), ("fzv:", str(FZV))):
        if text.startswith(ns):
            return prefix + text[len(ns) :]
    return text


def validate(data: Graph, *, inplace: bool = False) -> ValidationResult:
    """Run the SHACL shapes over ``data`` together with the ontology and vocabulary.

    A graph written by ``fazhi build`` already holds the ontology and the
    vocabulary; then nothing is added, and with ``inplace=True`` (for a graph
    the caller will not use again) pyshacl does not copy it either — on 1.6 M
    triples that copy was most of the validation time.
    """
    from pyshacl import validate as shacl_validate
    from rdflib.namespace import OWL, SH

    if (URIRef("https://w3id.org/fazhi/ontology"), RDF.type, OWL.Ontology) not in data:
        # A graph without them (a report graph of its own, say) gets a copy of itself with both,
        # not pyshacl's ont_graph: that mixes in only class axioms, so every sh:class check on a
        # mechanism (a skos:Concept by its type in the vocabulary) would fail.
        whole = _copy(data)
        for graph in (_ontology(), _vocabulary()):
            for triple in graph:
                whole.add(triple)
        data, inplace = whole, True
    conforms, report, _ = shacl_validate(
        data, shacl_graph=_validation_shapes(), inference="none", advanced=True, allow_warnings=True, inplace=inplace,
    )
    return _result(conforms, report)


def validate_terms() -> tuple[str, ...]:
    """SHACL messages for the ontology and vocabulary themselves (the user's local additions included).

    They change only with their files, so the result is kept in the cache
    (``fazhi.cache``) under a key of those files, the shapes, this module and
    the validator's version: copying the two graphs into one for pyshacl took
    0.35 s of every store build, most of the time it takes to add one report.
    """
    from importlib.metadata import version

    inputs = (
        fingerprint(), resources.files(__package__).joinpath("shapes.ttl").read_bytes(), Path(__file__).read_bytes(),
        f"pyshacl {version('pyshacl')} rdflib {version('rdflib')}",
    )
    return _validated_terms(inputs)


@lru_cache(maxsize=2)
def _validated_terms(inputs: tuple) -> tuple[str, ...]:
    from ..cache import cached

    def make() -> tuple[str, ...]:
        g = ontology_graph()
        g += vocabulary_graph()
        return tuple(sorted(validate(g, inplace=True).messages))

    return cached("terms-validation", inputs, make)


def validate_part(data, focus=None) -> ValidationResult:
    """Run the SHACL shapes over a part of a graph: one report's graph, without the whole ontology.

    ``data``: the part's triples (a list, or an rdflib graph, which is left
    as it is). ``focus``, if given, is the set of nodes whose results count
    (the others are there only to be pointed at). The descriptions of the
    ontology and vocabulary terms the part refers to (a mechanism, a body
    type) and the ontology's ``rdfs:subClassOf`` axioms are added to a copy,
    which is all the ``sh:class`` constraints look at. Mixing in the whole
    vocabulary instead would validate its 300 concepts again for every
    report. Together with a check of the ontology and the shared entities
    (``validate``), the parts' results are the whole graph's: see
    ``fazhi.graph.worker``.
    """
    conforms, report = _run_shapes(with_term_descriptions(data))
    return _result(conforms, report, focus)


def with_term_descriptions(triples) -> Graph:
    """A graph of ``triples``, what validation reads of the ontology and vocabulary terms they
    refer to, and the ontology's ``rdfs:subClassOf`` axioms (see ``validate_part``).

    The graph is held in a ``_OneGraphStore``, which pyshacl reads twice as fast as rdflib's default store.
    """
    triples = triples if isinstance(triples, list) else list(triples)
    described, axioms = _term_descriptions()
    g = Graph(store=_OneGraphStore())
    add = g.store.add
    for triple in triples:
        add(triple, g)
    for term in {triple[2] for triple in triples}:
        for triple in described.get(term, ()):
            add(triple, g)
    for triple in axioms:
        add(triple, g)
    return g


def _run_shapes(data: Graph):
    """pyshacl's verdict and report graph for ``data`` (changed: validated in place) under the validation shapes.

    The shapes are read once per process (``_shapes_graph``): pyshacl rebuilds
    its shape objects from the shapes graph on every call, 10 ms of each
    report's validation, although they depend on the shapes alone.
    """
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph

    validator = Validator(
        DataGraph.from_rdflib(data), shacl_graph=_validation_shapes(),
        options={"inference": "none", "advanced": True, "allow_warnings": True, "inplace": True},
    )
    validator.shacl_graph = _shapes_graph()
    conforms, report, _ = validator.run()
    return conforms, report


@lru_cache(maxsize=1)
def _shapes_graph():
    """pyshacl's parsed form of the validation shapes, its shape objects built (reused by every ``_run_shapes``)."""
    from pyshacl.shapes_graph import ShapesGraph

    shapes = ShapesGraph(_validation_shapes())
    shapes.shapes  # noqa: B018 - builds the shape objects now, in a worker's start-up rather than in its first report
    return shapes


class _OneGraphStore(SimpleMemory):
    """rdflib's ``SimpleMemory`` (three dict indexes, no bookkeeping of which graph a triple is in),
    declared context- and graph-aware so that pyshacl takes it.

    pyshacl wraps its data graph in an rdflib ``Dataset``, which wants such a
    store; with rdflib's default ``Memory`` store, keeping each triple's
    contexts was half the time a report's validation took. Holding one
    graph, this store has no contexts to keep: a triple is in the one graph.
    ``add`` and ``len`` are SimpleMemory's without its costs: its ``add``
    finds a new key by catching a ``KeyError`` (7 µs a triple), and its
    ``len`` walks every triple, which pyshacl asks for three times a
    validation and once more for each value an ``sh:or`` checks.
    """

    context_aware = True
    graph_aware = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._size: int | None = 0  # triples held (None: count them)

    def add(self, triple, context, quoted: bool = False) -> None:
        s, p, o = triple
        objects = self._SimpleMemory__spo.setdefault(s, {}).setdefault(p, {})
        if o in objects:
            return
        objects[o] = 1
        self._SimpleMemory__pos.setdefault(p, {}).setdefault(o, {})[s] = 1
        self._SimpleMemory__osp.setdefault(o, {}).setdefault(s, {})[p] = 1
        if self._size is not None:
            self._size += 1

    def remove(self, triple_pattern, context=None) -> None:
        super().remove(triple_pattern, context)
        self._size = None

    def __len__(self, context=None) -> int:
        # pyshacl asks for it once per value an sh:or checks: it must not walk the graph
        if self._size is None:
            self._size = sum(len(objects) for predicates in self._SimpleMemory__spo.values() for objects in predicates.values())
        return self._size

    def add_graph(self, graph) -> None:
        pass

    def remove_graph(self, graph) -> None:
        pass

    def contexts(self, triple=None):
        return iter(())


@lru_cache(maxsize=1)
def _term_descriptions():
    """The ontology and vocabulary as {subject: its triples that validation reads}, and the
    rdfs:subClassOf axioms.

    Validation reads a term's types (``sh:class``, targets) and the properties
    the shapes constrain (a mechanism's one preferred label); a concept's
    alternative labels, definitions and notes, most of its triples, are left
    out: adding them to every report's graph took as long as validating it.
    """
    from rdflib.namespace import RDFS, SH

    read = {RDF.type} | set(_shapes().objects(None, SH.path))
    described: dict = {}
    for graph in (_ontology(), _vocabulary()):
        for triple in graph:
            if triple[1] in read:
                described.setdefault(triple[0], []).append(triple)
    axioms = tuple(t for g in (_ontology(), _vocabulary()) for t in g.triples((None, RDFS.subClassOf, None)))
    return described, axioms


def _result(conforms, report, only=None) -> ValidationResult:
    """The results as lines; ``only``: a set of nodes, the only focus nodes whose results count."""
    from rdflib.namespace import SH

    messages = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        if only is not None and focus not in only:
            continue
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        where = _short(focus) + (f" {_short(path)}" if path is not None else "")
        messages.append(f"{where}: {message}")
    return ValidationResult(not messages if only is not None else bool(conforms), tuple(sorted(messages)))

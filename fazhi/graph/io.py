"""Reading and writing graph files, format chosen by extension.

Writes are atomic (a temporary file in the target folder, renamed into place)
and deterministic: the same graph gives the same bytes. rdflib's Turtle and
TriG writers sort subjects and predicates; line formats are sorted here;
JSON-LD is re-sorted by ``@id``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.exceptions import ParserError

from ..errors import GraphError
from .turtle import write_trig, write_turtle

FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
}
QUAD_FORMATS = {"trig", "nquads"}
# Graphs made before a sentence was a node of its own gave each mention its sentence as a
# literal (fz:sentence); today's queries find no evidence in them, so they are refused, not read.
OLD_SENTENCE = "https://w3id.org/fazhi/ontology#sentence"


def older_layout_error(where: str, rebuild: str) -> GraphError:
    return GraphError(f"{where}: made by an older fazhi (evidence sentences as fz:sentence), which today's "
                      f"questions would answer with nothing — rebuild it: {rebuild}")


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(set(FORMATS) - {".json"}))
        raise GraphError(f"{path}: unknown graph format {suffix or '(no extension)'!r} — use one of {known}")
    return FORMATS[suffix]


def serialize(ds: Dataset, fmt: str, union: Graph | None = None) -> bytes:
    """Deterministic bytes of ``ds`` in ``fmt`` (quads for TriG/N-Quads, else the union)."""
    prefixes = [(p, str(ns)) for p, ns in ds.namespaces()]
    if fmt == "trig":
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        graphs = []
        for graph in ds.graphs():
            name = None if graph.identifier == DATASET_DEFAULT_GRAPH_ID else graph.identifier
            graphs.append((name, list(graph)))
        return write_trig(graphs, prefixes)
    if fmt == "nquads":
        return _sorted_lines(ds.serialize(format=fmt, encoding="utf-8"))
    if fmt == "turtle":
        return write_turtle(union if union is not None else _triples(ds), prefixes)
    union = union if union is not None else union_graph(ds)
    if fmt == "nt":
        return _sorted_lines(union.serialize(format="nt", encoding="utf-8"))
    if fmt == "json-ld":
        doc = json.loads(union.serialize(format="json-ld", encoding="utf-8"))
        return (json.dumps(_sort_jsonld(doc), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    raise GraphError(f"cannot write {fmt}")


def _triples(ds: Dataset) -> set:
    return {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs of ``ds`` in one graph (prefixes kept)."""
    union = Graph()
    for prefix, ns in ds.namespaces():
        union.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(line for line in data.split(b"\n") if line.strip()))
    return b"\n".join(lines) + b"\n"


def _sort_jsonld(node):
    if isinstance(node, list):
        items = [_sort_jsonld(n) for n in node]
        return sorted(items, key=lambda n: json.dumps(n, ensure_ascii=False, sort_keys=True))
    if isinstance(node, dict):
        return {k: _sort_jsonld(v) for k, v in node.items()}
    return node


def write_atomic(path: str | Path, data: bytes, *, force: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file: all or nothing."""
    path = Path(path)
    if path.exists() and not force:
        raise GraphError(f"{path}: already exists — pass --force to overwrite")
    if path.exists() and path.is_dir():
        raise GraphError(f"{path}: is a folder — give a file name such as {path / 'graph.ttl'}")
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise GraphError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(ds: Dataset, path: str | Path, *, force: bool = True, union: Graph | None = None) -> bytes:
    """Serialise ``ds`` by ``path``'s extension and write it atomically; returns the bytes."""
    data = serialize(ds, format_for(path), union)
    write_atomic(path, data, force=force)
    return data


def load(path: str | Path) -> Dataset:
    """Read a graph file written by ``save`` (or any RDF file of a known format)."""
    path = Path(path)
    fmt = format_for(path)
    if not path.exists():
        raise GraphError(f"{path}: no such graph file — build one with: fazhi build seeds/ --out {path}")
    if path.is_dir():
        raise GraphError(f"{path}: is a folder, not a graph file")
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=fmt)
    except (ParserError, SyntaxError, ValueError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        message = " ".join(str(exc).split())[:200]
        raise GraphError(f"{path}: not a valid {fmt} file ({message})") from None
    except Exception as exc:  # rdflib's parsers raise many kinds of errors on bad input
        message = " ".join(str(exc).split())[:200]
        raise GraphError(f"{path}: not a valid {fmt} file ({exc.__class__.__name__}: {message})") from None
    if next(ds.triples((None, URIRef(OLD_SENTENCE), None)), None) is not None:
        raise older_layout_error(str(path), f"fazhi build REPORTS --out {path} --force")
    return ds

"""Graph files written from report parts, in memory that does not grow with the corpus.

``fazhi build --jobs N`` renders each report's graph to text in a worker
process (``render``) and the parent streams the pieces into the output file
(``GraphWriter``). The bytes are those ``io.save`` writes for the whole graph
in memory, whatever the order the pieces arrive in:

* ``.nt`` and ``.nq``: sorted, unique lines. Each piece is sorted where it is
  made; the parent sorts them in bounded runs spilled to temporary files and
  merges the runs (an external sort), dropping repeated lines.
* ``.ttl``: the same external sort over one line per triple that starts with a
  key ordering it as ``turtle.write_turtle`` orders subjects, predicates and
  objects, followed by the triple's terms as written; the merge writes the
  subject blocks. Triples several reports share (a region, a body) come out once.
* ``.trig``: one block per named graph, written by the worker as it will stand
  in the file; the parent spools the blocks to a temporary file and copies
  them out in graph-name order.
* ``.jsonld``: JSON-LD is one document; its lines are gathered like ``.nt`` and
  the graph is built in memory at the end (memory grows with the corpus).
"""

from __future__ import annotations

import heapq
import os
import re
import tempfile
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from ..errors import GraphError
from .turtle import _blocks, _Terms

_LOW = re.compile("[\x00-\x0a]")
SEP = "\x00"  # ends every key component: lower than any character a component holds
RUN_CHARS = 24_000_000  # characters of sort lines held before a run is spilled to disk
LINE_FORMATS = ("turtle", "nt", "nquads", "json-ld")


def _escape(text: str) -> str:
    """``text`` with no character below \\x0b, order kept: such a character c becomes \\x01 + chr(0x10 + c).

    Keys are compared as strings; \\x00 separates their components and \\t and
    \\n the line's fields, so neither may occur inside one.
    """
    if _LOW.search(text) is None:
        return text
    return _LOW.sub(lambda m: "\x01" + chr(0x10 + ord(m.group())), text)


def _key(node) -> str:
    """``turtle._sort_key(node)`` as a string that sorts the same way."""
    if isinstance(node, Literal):
        return f"2{SEP}{_escape(str(node.datatype or ''))}{SEP}{_escape(node.language or '')}{SEP}{_escape(str(node))}{SEP}"
    return f"{1 if isinstance(node, BNode) else 0}{SEP}{_escape(str(node))}{SEP}"


def turtle_lines(triples, terms: _Terms) -> list[str]:
    """One sort line per triple: key (subject, predicate with rdf:type first, object), then the three terms."""
    out = []
    nodes: dict = {}  # node → (its key, its term): a subject stands in many triples
    verbs: dict = {}  # predicate → (its key, its term)
    for s, p, o in triples:
        verb = verbs.get(p)
        if verb is None:
            verb = verbs[p] = (f"{0 if p == RDF.type else 1}{SEP}{_escape(str(p))}{SEP}", "a" if p == RDF.type else terms.iri(p))
        subject = nodes.get(s)
        if subject is None:
            subject = nodes[s] = (_key(s), terms.term(s))
        obj = nodes.get(o)
        if obj is None:
            obj = nodes[o] = (_key(o), terms.term(o))
        out.append(f"{subject[0]}{verb[0]}{obj[0]}\t{subject[1]}\t{verb[1]}\t{obj[1]}")
    return out


def ntriples_lines(triples, graph: URIRef | None = None) -> list[str]:
    """N-Triples lines of ``triples`` (N-Quads lines in ``graph`` if given), without their newlines:
    the lines rdflib's serialisers write (``_nt_row``, ``_nq_row``), each term written once."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
    from rdflib.plugins.serializers.nt import _quoteLiteral

    written: dict = {}
    end = " ." if graph is None else f" {graph.n3() if graph != DATASET_DEFAULT_GRAPH_ID else ''} ."
    out = []
    for triple in triples:
        row = []
        for node in triple:
            text = written.get(node)
            if text is None:
                text = written[node] = _quoteLiteral(node) if isinstance(node, Literal) else node.n3()
            row.append(text)
        out.append(f"{row[0]} {row[1]} {row[2]}{end}")
    return out


def render(triples, fmt: str, graph: URIRef | None, prefixes: list[tuple[str, str]]) -> tuple[str, tuple[str, ...]]:
    """The text of ``triples`` (graph ``graph``) as a piece of a ``fmt`` file, and the prefixes it uses.

    Line formats give sorted lines joined by newlines; TriG gives the graph's block.
    """
    terms = _Terms(prefixes)
    if fmt == "turtle":
        lines = turtle_lines(triples, terms)
    elif fmt in ("nt", "json-ld"):
        lines = ntriples_lines(triples)
    elif fmt == "nquads":
        lines = ntriples_lines(triples, graph)
    elif fmt == "trig":
        triples = list(triples)
        if not triples:
            return "", ()
        inner = "\n".join(_blocks(triples, terms, "    "))
        return f"{terms.iri(graph)} {{\n{inner}}}\n", tuple(sorted(terms.used))
    else:
        raise GraphError(f"cannot stream {fmt}")
    lines.sort()
    return "\n".join(lines), tuple(sorted(terms.used))


class SortedLines:
    """An external sort: lines added in any order come out sorted and unique."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.buffer: list[str] = []
        self.chars = 0
        self.runs: list[Path] = []
        self.count = 0  # lines added (with repeats)

    def add(self, text: str) -> None:
        if not text:
            return
        lines = text.split("\n")
        self.buffer.extend(lines)
        self.count += len(lines)
        self.chars += len(text)
        if self.chars > RUN_CHARS:
            self._spill()

    def _spill(self) -> None:
        self.buffer.sort()  # pieces arrive sorted: timsort merges them
        run = self.folder / f"run{len(self.runs):05d}.txt"
        with open(run, "w", encoding="utf-8", newline="\n") as handle:
            previous = None
            for line in self.buffer:
                if line != previous:
                    handle.write(line)
                    handle.write("\n")
                    previous = line
        self.runs.append(run)
        self.buffer, self.chars = [], 0

    def merged(self):
        """The unique lines in order (once)."""
        self.buffer.sort()
        handles = [open(run, encoding="utf-8", newline="\n") for run in self.runs]
        try:
            streams = [(line[:-1] for line in h) for h in handles] + [iter(self.buffer)]
            previous = None
            for line in heapq.merge(*streams):
                if line != previous:
                    yield line
                    previous = line
        finally:
            for h in handles:
                h.close()
            self.buffer = []


class GraphWriter:
    """Pieces of a graph (from ``render``) in, one graph file out — written atomically by ``finish``."""

    def __init__(self, out: str | Path, fmt: str, prefixes: list[tuple[str, str]], *, force: bool = True):
        self.out, self.fmt, self.prefixes = Path(out), fmt, prefixes
        if self.out.exists() and not force:
            raise GraphError(f"{self.out}: already exists — pass --force to overwrite")
        if self.out.is_dir():
            raise GraphError(f"{self.out}: is a folder — give a file name such as {self.out / 'graph.ttl'}")
        parent = self.out.parent if str(self.out.parent) else Path(".")
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self.work = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.", suffix=".parts", dir=parent))
        except OSError as exc:
            raise GraphError(f"{self.out}: cannot write ({exc.strerror})") from None
        self.used: set[str] = set()
        self.lines = SortedLines(self.work) if fmt in LINE_FORMATS else None
        self.blocks: list[tuple[str, int, int]] = []  # TriG: (graph name, offset, length) in the spool
        self.spool = open(self.work / "blocks.trig", "w+b") if fmt == "trig" else None

    def add(self, graph: str, text: str, used=()) -> None:
        """Add a piece rendered for graph ``graph`` (its IRI; "" for the default graph)."""
        self.used.update(used)
        if self.spool is not None:
            if text:
                data = text.encode("utf-8")
                self.blocks.append((graph, self.spool.tell(), len(data)))
                self.spool.write(data)
        else:
            self.lines.add(text)

    @property
    def size(self) -> int:
        """How many lines or blocks ``finish`` will go through (for a progress bar)."""
        return len(self.blocks) if self.spool is not None else self.lines.count

    def finish(self, progress=None) -> int:
        """Write the file (to a temporary name, renamed into place); returns its size in bytes."""
        fd, tmp = tempfile.mkstemp(prefix=f".{self.out.name}.", suffix=".tmp", dir=self.work.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                if self.fmt == "json-ld":
                    handle.write(self._jsonld())
                    _Ticker(progress, self.size).finish()
                else:
                    self._write(handle, progress)
                size = handle.tell()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, self.out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        finally:
            self.close()
        return size

    def close(self) -> None:
        """Remove the temporary files (``finish`` does; call it when giving up)."""
        import shutil

        if self.spool is not None and not self.spool.closed:
            self.spool.close()
        shutil.rmtree(self.work, ignore_errors=True)

    def _header(self) -> bytes:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self.prefixes) if p in self.used).encode("utf-8") + b"\n"

    def _write(self, handle, progress) -> None:
        tick = _Ticker(progress, self.size)
        if self.fmt == "trig":
            handle.write(self._header())
            for n, (_, offset, length) in enumerate(sorted(self.blocks)):
                if n:
                    handle.write(b"\n")
                self.spool.seek(offset)
                handle.write(self.spool.read(length))
                tick()
            return
        if self.fmt in ("nt", "nquads"):
            buffer, written = [], False
            for line in self.lines.merged():
                buffer.append(line)
                if len(buffer) >= 10_000:
                    handle.write(("\n".join(buffer) + "\n").encode("utf-8"))
                    tick(len(buffer))
                    buffer, written = [], True
            if buffer or not written:  # an empty graph is one newline, as io.serialize writes it
                handle.write(("\n".join(buffer) + "\n").encode("utf-8"))
            tick.finish()
            return
        handle.write(self._header())
        first, subject, verb, objects, lines, done = True, None, None, [], [], 0
        write = handle.write

        def close_predicate():
            lines.append(f"{verb} {' , '.join(objects)}")

        def close_subject():
            nonlocal first
            block = f"{subject} {' ;{0}    '.format(chr(10)).join(lines)} .\n"
            write((block if first else "\n" + block).encode("utf-8"))
            first = False

        for line in self.lines.merged():
            s, p, o = line.rsplit("\t", 3)[1:]
            if s != subject:
                if subject is not None:
                    close_predicate()
                    close_subject()
                subject, verb, objects, lines = s, p, [o], []
            elif p != verb:
                close_predicate()
                verb, objects = p, [o]
            else:
                objects.append(o)
            done += 1
            if done % 10_000 == 0:
                tick(10_000)
        if subject is not None:
            close_predicate()
            close_subject()
        tick.finish()

    def _jsonld(self) -> bytes:
        from rdflib import Dataset, Graph

        from .io import serialize

        union = Graph()
        for prefix, ns in self.prefixes:
            union.bind(prefix, ns, override=True, replace=True)
        union.parse(data="\n".join(self.lines.merged()) + "\n", format="nt")
        return serialize(Dataset(), "json-ld", union)


class _Ticker:
    """Advances a progress callback by lines written; ``finish`` tops it up to the total (repeats are dropped)."""

    def __init__(self, progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, n: int = 1) -> None:
        if self.progress is not None and n:
            n = min(n, self.total - self.done)
            self.done += n
            if n > 0:
                self.progress(n)

    def finish(self) -> None:
        self(self.total - self.done)

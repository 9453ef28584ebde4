"""The mechanism vocabulary: ``mechanisms.tsv`` (the data) → ``mechanisms.ttl`` (SKOS).

The TSV has one row per mechanism: ``canonical`` (the preferred label),
``aliases`` (``|``-separated alternative labels, kept as written, quotes
included), ``category`` (a top concept: a chapter of the national outlines),
``broader`` (a broader mechanism, e.g. the three parts of 行政执法三项制度),
``gloss_en`` (an English definition), ``source`` (the national documents the
concept comes from, by title: ``dcterms:source``, a ``dcterms:BibliographicResource``)
and, optionally, ``negative`` (``|``-separated strings that contain a label but
do not name the mechanism). The regular written variants of the labels
(``variants.py``) become ``skos:hiddenLabel``. ``negative_labels.txt`` holds
strings that look like a mechanism but are none; they go on the scheme.

The vocabulary was written without opening the sample reports or their gold
annotation (see the README for how well it recognises the gold's mechanisms).

Regenerate the Turtle after editing the TSV::

    python -m fazhi.ontology.vocab
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..errors import OntologyError
from ._terms import FZ
from .iris import FZV, category_iri, concept_iri, source_iri
from .variants import variants

SCHEME = FZV["mechanisms"]
COLUMNS = ("canonical", "aliases", "category", "broader", "gloss_en", "source")


def _split(cell: str | None) -> list[str]:
    return [item.strip() for item in (cell or "").split("|") if item.strip()]


def read_rows(text: str, where: str = "mechanisms.tsv") -> list[dict]:
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    if not rows or any(c not in rows[0] for c in COLUMNS):
        raise OntologyError(f"{where}: expected the columns {', '.join(COLUMNS)}")
    keys = [r["canonical"].strip() for r in rows]
    for n, row in enumerate(rows, start=2):
        key = row["canonical"].strip()
        if not key or not row["category"].strip() or not (row.get("source") or "").strip():
            raise OntologyError(f"{where}:{n}: a row needs a canonical name, a category and a source")
        if keys.count(key) > 1:
            raise OntologyError(f"{where}:{n}: {key} is listed twice")
        broader = (row.get("broader") or "").strip()
        if broader and broader not in keys:
            raise OntologyError(f"{where}:{n}: broader concept {broader} is not in the vocabulary")
    return rows


def build_vocabulary(tsv_text: str, negatives_text: str = "") -> Graph:
    """The SKOS concept scheme of mechanisms, as an rdflib Graph."""
    rows = read_rows(tsv_text)
    g = Graph()
    g.bind("skos", SKOS)
    g.bind("fz", FZ._NS)
    g.bind("fzv", FZV)
    g.bind("dcterms", DCTERMS)
    g.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SCHEME, SKOS.prefLabel, Literal("法治政府建设机制", lang="zh")))
    g.add((SCHEME, SKOS.prefLabel, Literal("rule-of-law mechanisms", lang="en")))
    for line in negatives_text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            g.add((SCHEME, FZ.negativeLabel, Literal(line)))
    for category in sorted({r["category"].strip() for r in rows}):
        c = category_iri(category)
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.prefLabel, Literal(category, lang="zh")))
        g.add((c, SKOS.inScheme, SCHEME))
        g.add((c, SKOS.topConceptOf, SCHEME))
        g.add((SCHEME, SKOS.hasTopConcept, c))
    taken = {}
    for row in rows:
        for label in (row["canonical"], *_split(row["aliases"])):
            taken.setdefault(label.strip(), row["canonical"].strip())
    for title in sorted({title for r in rows for title in _split(r["source"])}):
        s = source_iri(title)
        g.add((s, RDF.type, DCTERMS.BibliographicResource))
        g.add((s, RDFS.label, Literal(title, lang="zh")))
        g.add((s, DCTERMS.title, Literal(title, lang="zh")))
    for row in rows:
        key = row["canonical"].strip()
        iri = concept_iri(key)
        category = category_iri(row["category"].strip())
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, RDF.type, FZ.Mechanism))
        g.add((iri, SKOS.inScheme, SCHEME))
        g.add((iri, SKOS.prefLabel, Literal(key, lang="zh")))
        aliases = [a for a in _split(row["aliases"]) if a != key]
        for alias in aliases:
            g.add((iri, SKOS.altLabel, Literal(alias, lang="zh")))
        for hidden in sorted(set().union(*(variants(label) for label in (key, *aliases)))):
            if taken.setdefault(hidden, key) == key and hidden not in aliases and hidden != key:
                g.add((iri, SKOS.hiddenLabel, Literal(hidden, lang="zh")))
        for title in _split(row["source"]):
            g.add((iri, DCTERMS.source, source_iri(title)))
        for negative in _split(row.get("negative")):
            g.add((iri, FZ.negativeLabel, Literal(negative)))
        if (row.get("gloss_en") or "").strip():
            g.add((iri, SKOS.definition, Literal(row["gloss_en"].strip(), lang="en")))
        g.add((iri, FZ.category, category))
        broader = (row.get("broader") or "").strip()
        parent = concept_iri(broader) if broader else category
        g.add((iri, SKOS.broader, parent))
        g.add((parent, SKOS.narrower, iri))
    return g


def package_file(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def render(tsv_text: str | None = None, negatives_text: str | None = None) -> str:
    """The Turtle text of the vocabulary (sorted, so the same data gives the same bytes)."""
    tsv_text = package_file("mechanisms.tsv") if tsv_text is None else tsv_text
    negatives_text = package_file("negative_labels.txt") if negatives_text is None else negatives_text
    header = (
        "# GENERATED from mechanisms.tsv and negative_labels.txt by `python -m fazhi.ontology.vocab`.\n"
        "# Edit the TSV, not this file.\n"
    )
    return header + build_vocabulary(tsv_text, negatives_text).serialize(format="turtle")


def main() -> None:
    here = Path(__file__).parent
    (here / "mechanisms.ttl").write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()

"""From a file or a text to a ``Report`` record."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from .pipeline import process
from .reading import read_text
from .records import Adoption, Report, strongest


def extract_text(text: str, source: str = "<text>", nlp=None) -> Report:
    """Extract a report from its decoded text. ``source`` names it in errors and in the graph."""
    doc = process(text, nlp)
    outline = doc._.outline
    meta = doc._.metadata
    if meta.year is None:
        raise InputError(f"{source}: no report year found — is this a 法治政府建设 report?")
    if not outline.parts:
        raise InputError(f"{source}: no report structure found (no parts, sections or measures) — is this a 法治政府建设 report?")
    mentions = doc._.mentions
    return Report(
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        title=meta.title,
        region=meta.region,
        year=meta.year,
        issuer=meta.issuer,
        issuer_span=meta.issuer_span,
        published=meta.published,
        parts=outline.parts,
        sections=outline.sections,
        measures=outline.measures,
        mentions=mentions,
        adoptions=adoptions(mentions),
        roles=doc._.roles or (),
        documents=doc._.documents or (),
        bodies=doc._.bodies or (),
        figures=doc._.figures or (),
    )


def adoptions(mentions) -> tuple[Adoption, ...]:
    """One adoption per concept: the strongest status among its mentions, with its evidence."""
    by_concept: dict[str, list[int]] = {}
    for i, mention in enumerate(mentions):
        if mention.status is not None:
            by_concept.setdefault(mention.concept, []).append(i)
    result = []
    for concept in sorted(by_concept):
        indices = by_concept[concept]
        status = strongest(mentions[i].status for i in indices)
        evidence = tuple(i for i in indices if mentions[i].status == status)
        result.append(Adoption(concept=concept, status=status, mentions=evidence))
    return tuple(result)


def extract_report(path: str | Path, encoding: str | None = None, nlp=None) -> Report:
    """Read and extract one report file."""
    path = Path(path)
    text = read_text(path, encoding)
    return extract_text(text, source=path.name, nlp=nlp)

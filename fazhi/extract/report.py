"""From a file or a text to a ``Report`` record."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from ..errors import InputError
from .metadata import issuer_in_title
from .pipeline import process
from .reading import Source, read_source
from .records import PLANS, Adoption, Report, Span, strongest


def extract_text(
    text: str,
    source: str = "<text>",
    nlp=None,
    page: Source | None = None,
    where: str | None = None,
    *,
    strict: bool = False,
) -> Report:
    """Extract a report from its decoded text. ``source`` names it in errors and in the graph.

    ``page`` carries what the file's container said (an HTML page's title,
    date and source), used where the text itself is silent. A report that stops
    mid-sentence before any plans or closing is extracted as far as it goes and
    marked ``complete=False``; with ``strict`` it is refused.
    """
    where = where or source
    if not _REPORT_WORDS.search(text[:1500]):
        raise InputError(f"{where}: not a rule-of-law report (no 法治政府/依法行政 in its opening)")
    doc = process(text, nlp, page.page_title if page is not None else None)
    outline = doc._.outline
    meta = doc._.metadata
    if meta.year is None:
        raise InputError(f"{where}: no report year found — is this a 法治政府建设 report?")
    if not outline.parts:
        raise InputError(f"{where}: no report structure found (no parts, sections or measures) — is this a 法治政府建设 report?")
    truncated = looks_truncated(text, outline)
    if truncated and strict:
        raise InputError(f"{where}: the report looks truncated (it stops mid-sentence, before any plans or closing) — get the whole file, or leave out --strict to extract what is there")
    mentions = doc._.mentions
    issuer, issuer_span = meta.issuer, meta.issuer_span
    if page is not None and page.page_title and meta.issuer_basis in ("opening", "source", "region"):
        # a saved page's title (kept out of the text) names its author more surely than the
        # opening's subject, a 来源 line or the region
        named = issuer_in_title(page.page_title, meta.region)
        if named:
            at = text.find(named, 0, 600)
            issuer, issuer_span = named, (Span(at, at + len(named), named) if at >= 0 else None)
    # a saved page's 发布时间 is when the report was published; the date under the signature is when
    # it was signed, the publication date only when there is no page to say otherwise
    published = meta.published
    if page is not None and page.page_published:
        published = date.fromisoformat(page.page_published)
    return Report(
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        title=meta.title or (page.page_title if page else None),
        region=meta.region,
        year=meta.year,
        issuer=issuer,
        issuer_span=issuer_span,
        published=published,
        parts=outline.parts,
        sections=outline.sections,
        measures=outline.measures,
        mentions=mentions,
        adoptions=adoptions(mentions),
        roles=doc._.roles or (),
        documents=doc._.documents or (),
        bodies=doc._.bodies or (),
        figures=doc._.figures or (),
        source_format=page.format if page else "text",
        page_source=page.page_source if page else None,
        complete=not truncated,
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


def extract_report(path: str | Path, encoding: str | None = None, nlp=None, *, strict: bool = False) -> Report:
    """Read and extract one report file (text, HTML, Word or PDF)."""
    path = Path(path)
    page = read_source(path, encoding)
    return extract_text(page.text, source=path.name, nlp=nlp, page=page, where=str(path), strict=strict)


_REPORT_WORDS = re.compile(r"法治政府|依法行政|法治建设|法治.{0,6}报告|依法治[区县市镇省]")
_SENTENCE_END = "。!?!?”」》)）"


# A last line that is only an item's number: the page broke after the heading's enumerator, （二）
_BARE_ENUMERATOR = re.compile(r"(?:^|\n)[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)$")


def looks_truncated(text: str, outline) -> bool:
    """Whether the text is only the start of a report: it stops mid-sentence, or at the bare number
    of an item (（二）), before any plans or closing."""
    kinds = {p.kind for p in outline.parts}
    tail = text.rstrip()
    cut = bool(tail) and (tail[-1] not in _SENTENCE_END or bool(_BARE_ENUMERATOR.search(tail)))
    return cut and not outline.closing_lines and PLANS not in kinds

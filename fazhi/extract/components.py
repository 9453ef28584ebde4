"""spaCy pipeline components of the extractor.

Each component is registered with ``@Language.factory`` and does one thing:

    fazhi_outline     title, parts, sections, measures      → doc._.outline
    fazhi_metadata    region, year, issuer, date            → doc._.metadata
    fazhi_mechanisms  vocabulary mechanisms (Matcher)       → doc.spans["mechanisms"]
    fazhi_status      part, measure, sentence and status    → doc._.mentions
                      of every mention, plus broader
                      concepts named through all their parts
    fazhi_roles       roles (法律顾问, 人民调解员 …)          → doc._.roles
    fazhi_documents   cited titles 《…》                     → doc._.documents
    fazhi_figures     numbers with units and indicators     → doc._.figures
    fazhi_bodies      organisations, region-scoped names    → doc._.bodies

The Doc's text is the *normalised* report text (same length as the original,
see ``normalize``); ``doc._.original`` holds the text as written, and every
record takes its evidence from it.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from .candidates import find_candidates
from .lexicon import MechanismLexicon, TermMatcher, label_chars, role_terms
from .metadata import extract_metadata
from .bodies import find_bodies
from .citations import find_documents
from .figures import find_figures
from .records import STATUS_OF_PART, MechanismMention, RoleMention, Span
from .regions import gazetteer
from .segment import Outline, segment, sentence_spans

for _name in ("original", "outline", "metadata", "mentions", "roles", "documents", "bodies", "figures"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

MECHANISM_SPANS = "mechanisms"


@Language.factory("fazhi_outline", assigns=["doc._.outline"])
def make_outline(nlp: Language, name: str):
    return OutlineComponent()


class OutlineComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.outline = segment(doc._.original or _norm(doc), _norm(doc))
        return doc


@Language.factory("fazhi_metadata", requires=["doc._.outline"], assigns=["doc._.metadata"])
def make_metadata(nlp: Language, name: str):
    return MetadataComponent()


class MetadataComponent:
    def __init__(self):
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.metadata = extract_metadata(doc._.original or _norm(doc), _norm(doc), doc._.outline, self.gazetteer)
        return doc


@Language.factory("fazhi_mechanisms", assigns=["doc.spans"])
def make_mechanisms(nlp: Language, name: str):
    from ..ontology import mechanism_concepts

    return MechanismComponent(nlp, MechanismLexicon.from_concepts(mechanism_concepts()))


def scheme_negative_labels() -> tuple[str, ...]:
    from ..ontology import scheme_negative_labels as negatives

    return negatives()


class MechanismComponent:
    """Finds vocabulary mechanisms by name or alias, longest match first."""

    def __init__(self, nlp: Language, lexicon: MechanismLexicon):
        self.lexicon = lexicon
        terms: dict[str, list[str]] = {}
        for entry in lexicon.entries:
            terms.setdefault(entry.concept, []).append(entry.label)
        self.matcher = TermMatcher(nlp, terms, lexicon.negatives)
        blocked = list(lexicon.negatives) + list(scheme_negative_labels())
        self.blocked = TermMatcher(nlp, {"blocked": blocked}) if blocked else None
        self.fold_stems = fold_stems(lexicon)
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        spans = [_with_quotes(doc, s) for s in self.matcher(doc)]
        taken = [(s.start_char, s.end_char) for s in spans]
        blocked = [(s, e) for s, e, _ in self.blocked.find(doc)] if self.blocked else []
        for candidate in find_candidates(_norm(doc), taken, self.fold_stems, self.gazetteer):
            if any(s <= candidate.start and candidate.end <= e for s, e in blocked):
                continue  # a negative label: looks like a mechanism, is none
            span = doc.char_span(candidate.start, candidate.end, label=candidate.key, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[MECHANISM_SPANS] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


_STEM_HEADS = ("程序", "制度", "机制", "改革", "工作")


def fold_stems(lexicon: MechanismLexicon, min_length: int = 6) -> dict[str, str]:
    """Long label stems (重大行政决策 of 重大行政决策程序) → their concept, for folding sub-parts."""
    stems: dict[str, str] = {}
    for entry in lexicon.entries:
        plain = "".join(label_chars(entry.label))
        for head in _STEM_HEADS:
            if plain.endswith(head):
                plain = plain[: -len(head)]
                break
        if len(plain) >= min_length:
            stems.setdefault(plain, entry.concept)
    return dict(sorted(stems.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def _with_quotes(doc: Doc, span: SpacySpan) -> SpacySpan:
    """Extend a match to a closing quote it leaves open: “双随机、一公开 → “双随机、一公开”."""
    start, end = span.start, span.end
    opened = sum(1 for t in span if t.text in "“‘") - sum(1 for t in span if t.text in "”’")
    if start > 0 and doc[start - 1].text in "“‘" and end < len(doc) and doc[end].text in "”’":
        return SpacySpan(doc, start - 1, end + 1, label=span.label_)
    if opened > 0 and end < len(doc) and doc[end].text in "”’":
        return SpacySpan(doc, start, end + 1, label=span.label_)
    if opened < 0 and start > 0 and doc[start - 1].text in "“‘":
        return SpacySpan(doc, start - 1, end, label=span.label_)
    return span


@Language.factory(
    "fazhi_status",
    requires=["doc._.outline", "doc.spans"],
    assigns=["doc._.mentions"],
)
def make_status(nlp: Language, name: str):
    from ..ontology import mechanism_concepts

    return StatusComponent(MechanismLexicon.from_concepts(mechanism_concepts()))


class StatusComponent:
    """Places each mention in its part, section, measure and sentence, hence a status."""

    def __init__(self, lexicon: MechanismLexicon):
        self.narrower = lexicon.narrower
        self.listed = lexicon.listed

    def __call__(self, doc: Doc) -> Doc:
        original = doc._.original or _norm(doc)
        outline: Outline = doc._.outline
        sentences = sentence_spans(_norm(doc))
        starts = [s for s, _ in sentences]
        raw = []
        for span in doc.spans.get(MECHANISM_SPANS, []):
            start, end = span.start_char, span.end_char
            raw.append((span.label_, start, end, False))
        raw.extend(self._inferred(raw, sentences, starts))
        mentions = []
        for concept, start, end, inferred in sorted(raw, key=lambda r: (r[1], r[2], r[0])):
            i = max(bisect.bisect_right(starts, start) - 1, 0)
            s_start, s_end = sentences[i] if sentences else (0, len(original))
            part = _containing(outline.parts, start)
            measure = _containing(outline.measures, start)
            section = _containing(outline.sections, start)
            mentions.append(
                MechanismMention(
                    concept=concept,
                    surface=Span(start, end, original[start:end]),
                    sentence=Span(s_start, s_end, original[s_start:s_end]),
                    part=part.index if part else None,
                    part_kind=part.kind if part else None,
                    status=STATUS_OF_PART.get(part.kind) if part else None,
                    measure=measure.index if measure else None,
                    section=section.index if section else None,
                    inferred=inferred,
                    listed=concept in self.listed,
                )
            )
        doc._.mentions = tuple(mentions)
        return doc

    def _inferred(self, raw, sentences, starts):
        """A broader concept is named when all its (two or more) narrower concepts stand in one sentence."""
        by_sentence: dict[int, dict[str, tuple[int, int]]] = {}
        for concept, start, end, _ in raw:
            i = max(bisect.bisect_right(starts, start) - 1, 0)
            by_sentence.setdefault(i, {}).setdefault(concept, (start, end))
        extra = []
        for i, concepts in sorted(by_sentence.items()):
            for broader, parts in sorted(self.narrower.items()):
                if broader in concepts or len(parts) < 2:
                    continue  # a single narrower concept is a kind of it, not a part of it
                if all(p in concepts for p in parts):
                    start = min(concepts[p][0] for p in parts)
                    end = max(concepts[p][1] for p in parts)
                    extra.append((broader, start, end, True))
        return extra


def _containing(records, offset: int):
    for record in records:
        if record.start <= offset < record.end:
            return record
    return None


@Language.factory("fazhi_roles", assigns=["doc._.roles"])
def make_roles(nlp: Language, name: str):
    return RoleComponent(nlp)


class RoleComponent:
    """Roles and posts of the rule-of-law system, by lexicon (lexicons/roles.tsv)."""

    def __init__(self, nlp: Language):
        terms, negatives = role_terms()
        self.matcher = TermMatcher(nlp, terms, negatives)

    def __call__(self, doc: Doc) -> Doc:
        original = doc._.original or _norm(doc)
        doc._.roles = tuple(
            RoleMention(Span(s.start_char, s.end_char, original[s.start_char : s.end_char]), s.label_)
            for s in self.matcher(doc)
        )
        return doc


@Language.factory("fazhi_documents", assigns=["doc._.documents"])
def make_documents(nlp: Language, name: str):
    return DocumentComponent()


class DocumentComponent:
    """Titles cited in 《…》, once each, with the issuing level where the title says it."""

    def __init__(self):
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.documents = tuple(find_documents(doc._.original or _norm(doc), _norm(doc), self.gazetteer))
        return doc


def _norm(doc: Doc) -> str:
    """The normalised text (``doc.text`` rebuilds it from the tokens on every call)."""
    return doc.user_data.get("fazhi.norm") or doc.text


@Language.factory("fazhi_figures", assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str):
    return FigureComponent()


class FigureComponent:
    """Numbers with units, as observations of normalised indicators (lexicons/indicators.tsv)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = tuple(find_figures(doc._.original or _norm(doc), _norm(doc)))
        return doc


@Language.factory("fazhi_bodies", requires=["doc._.metadata"], assigns=["doc._.bodies"])
def make_bodies(nlp: Language, name: str):
    return BodyComponent()


class BodyComponent:
    """Specific organisations with region-scoped canonical names and types (lexicons/bodies.tsv)."""

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.metadata
        doc._.bodies = tuple(find_bodies(doc._.original or _norm(doc), _norm(doc), meta.region, meta.issuer))
        return doc

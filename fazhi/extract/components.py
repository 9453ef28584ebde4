"""spaCy pipeline components of the extractor.

Each component is registered with ``@Language.factory`` and does one thing:

    fazhi_outline     title, parts, sections, measures      → doc._.outline
    fazhi_metadata    region, year, issuer, date            → doc._.metadata
    fazhi_mechanisms  vocabulary mechanisms (Matcher)       → doc.spans["mechanisms"]
    fazhi_status      part, measure, sentence and status    → doc._.mentions
                      of every mention, plus broader
                      concepts named through all their parts

The Doc's text is the *normalised* report text (same length as the original,
see ``normalize``); ``doc._.original`` holds the text as written, and every
record takes its evidence from it.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from .lexicon import NEGATIVE, MechanismLexicon, token_pattern
from .metadata import extract_metadata
from .records import STATUS_OF_PART, MechanismMention, Span
from .regions import gazetteer
from .segment import Outline, segment, sentence_spans

for _name in ("original", "outline", "metadata", "mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

MECHANISM_SPANS = "mechanisms"


@Language.factory("fazhi_outline", assigns=["doc._.outline"])
def make_outline(nlp: Language, name: str):
    return OutlineComponent()


class OutlineComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.outline = segment(doc._.original or doc.text, doc.text)
        return doc


@Language.factory("fazhi_metadata", requires=["doc._.outline"], assigns=["doc._.metadata"])
def make_metadata(nlp: Language, name: str):
    return MetadataComponent()


class MetadataComponent:
    def __init__(self):
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.metadata = extract_metadata(doc._.original or doc.text, doc.text, doc._.outline, self.gazetteer)
        return doc


@Language.factory("fazhi_mechanisms", assigns=["doc.spans"])
def make_mechanisms(nlp: Language, name: str):
    from ..ontology import mechanism_concepts

    return MechanismComponent(nlp, MechanismLexicon.from_concepts(mechanism_concepts()))


class MechanismComponent:
    """Finds vocabulary mechanisms by name or alias, longest match first."""

    def __init__(self, nlp: Language, lexicon: MechanismLexicon):
        self.lexicon = lexicon
        self.matcher = Matcher(nlp.vocab)
        by_concept: dict[str, list] = {}
        for entry in lexicon.entries:
            by_concept.setdefault(entry.concept, []).append(token_pattern(entry.label))
        for concept, patterns in by_concept.items():
            self.matcher.add(concept, patterns)
        if lexicon.negatives:
            self.matcher.add(NEGATIVE, [token_pattern(label) for label in lexicon.negatives])

    def __call__(self, doc: Doc) -> Doc:
        spans = self.matcher(doc, as_spans=True)
        negatives = [s for s in spans if s.label_ == NEGATIVE]
        found = [s for s in spans if s.label_ != NEGATIVE]
        found = [s for s in found if not any(n.start <= s.start and s.end <= n.end for n in negatives)]
        doc.spans[MECHANISM_SPANS] = [_with_quotes(doc, s) for s in filter_spans(found)]
        return doc


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
        original = doc._.original or doc.text
        outline: Outline = doc._.outline
        sentences = sentence_spans(doc.text)
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

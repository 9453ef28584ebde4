"""``fazhi_status``: each mechanism mention placed in its part, section, measure and sentence.

The part decides the status (achievements and duties: adopted; plans:
planned; shortcomings: problem). The opening paragraph, before the first part,
summarises the year: what it names is adopted, unless its sentence says it
is planned or its clause that it is lacking (``lexicons/status_cues.tsv``).
A broader concept counts as named where all its (two or more) narrower
concepts stand in one sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import MechanismLexicon, read_tsv
from ..records import ADOPTED, OPENING, PLANNED, STATUS_OF_PART, MechanismMention, Span
from ..segment import Outline, sentence_spans
from ._doc import MECHANISM_SPANS, containing, norm_text, original_text


@Language.factory("fazhi_status", requires=["doc._.outline", "doc.spans"], assigns=["doc._.mentions"])
def make_status(nlp: Language, name: str):
    from ...ontology import mechanism_concepts

    return StatusComponent(MechanismLexicon.from_concepts(mechanism_concepts()))


@lru_cache(maxsize=1)
def status_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """(status, pattern) pairs from lexicons/status_cues.tsv, in file order."""
    rows = [r for r in read_tsv("status_cues.tsv") if not r["status"].startswith("#")]
    return tuple((r["status"], re.compile(r["cue"])) for r in rows)


def opening_status(sentence: str, start: int, end: int) -> str:
    """The status of a mention at ``sentence[start:end]`` in the opening paragraph.

    Planning words count before the mention in its sentence (下一步将推行…); words of
    lack in the mention's own clause (…覆盖面仍存在短板).
    """
    left = max(sentence.rfind(c, 0, start) for c in ",;:") + 1
    stops = [i for i in (sentence.find(c, end) for c in ",;:") if i >= 0]
    clause = sentence[left : min(stops) if stops else len(sentence)]
    for status, pattern in status_cues():
        if pattern.search(sentence[:start] if status == PLANNED else clause):
            return status
    return ADOPTED


class StatusComponent:
    def __init__(self, lexicon: MechanismLexicon):
        self.narrower = lexicon.narrower
        self.listed = lexicon.listed

    def __call__(self, doc: Doc) -> Doc:
        original = original_text(doc)
        norm = norm_text(doc)
        outline: Outline = doc._.outline
        sentences = sentence_spans(norm)
        starts = [s for s, _ in sentences]
        raw = [(span.label_, span.start_char, span.end_char, False) for span in doc.spans.get(MECHANISM_SPANS, [])]
        raw.extend(self._inferred(raw, sentences, starts))
        opening_start = outline.title.end if outline.title else 0
        opening_end = outline.preamble[1] if outline.parts else opening_start
        mentions = []
        for concept, start, end, inferred in sorted(raw, key=lambda r: (r[1], r[2], r[0])):
            i = max(bisect.bisect_right(starts, start) - 1, 0)
            s_start, s_end = sentences[i] if sentences else (0, len(original))
            part = containing(outline.parts, start)
            if part is not None:
                part_kind, status = part.kind, STATUS_OF_PART.get(part.kind)
            elif opening_start <= start < opening_end:
                part_kind, status = OPENING, opening_status(norm[s_start:s_end], start - s_start, end - s_start)
            else:
                part_kind, status = None, None
            measure = containing(outline.measures, start)
            section = containing(outline.sections, start)
            mentions.append(
                MechanismMention(
                    concept=concept,
                    surface=Span(start, end, original[start:end]),
                    sentence=Span(s_start, s_end, original[s_start:s_end]),
                    part=part.index if part else None,
                    part_kind=part_kind,
                    status=status,
                    measure=measure.index if measure else None,
                    section=section.index if section else None,
                    inferred=inferred,
                    listed=concept in self.listed,
                )
            )
        doc._.mentions = tuple(mentions)
        return doc

    def _inferred(self, raw, sentences, starts):
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

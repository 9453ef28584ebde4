"""``fazhi_linking``: every entity gets the sentence and the measure it stands in.

Bodies, roles, cited documents and figures are found by components that know
nothing of the outline; this last stage places each of them, so the graph
builder turns records into triples without reading the text again. A cited
title is linked to every measure that cites it, not only to its first one.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize import occurrences
from ..records import Span
from ..segment import sentence_around
from ._doc import containing, original_text


@Language.factory(
    "fazhi_linking",
    requires=["doc._.outline", "doc._.roles", "doc._.documents", "doc._.figures", "doc._.bodies"],
    assigns=["doc._.roles", "doc._.documents", "doc._.figures", "doc._.bodies"],
)
def make_linking(nlp: Language, name: str):
    return LinkingComponent()


class LinkingComponent:
    def __call__(self, doc: Doc) -> Doc:
        text = original_text(doc)
        measures = doc._.outline.measures

        def sentence(surface: Span) -> Span:
            start, end = sentence_around(text, surface.start, surface.end)
            return Span(start, end, text[start:end])

        def measure(offset: int) -> int | None:
            found = containing(measures, offset)
            return found.index if found is not None else None

        def place(record, anchor: int):
            return replace(record, sentence=sentence(record.surface), measure=measure(anchor))

        doc._.bodies = tuple(place(b, b.surface.start) for b in doc._.bodies or ())
        doc._.roles = tuple(place(r, r.surface.start) for r in doc._.roles or ())
        doc._.figures = tuple(place(f, f.number.start) for f in doc._.figures or ())
        documents = []
        for d in doc._.documents or ():
            cited_in = sorted({m for start, _ in occurrences(text, d.surface.text) if (m := measure(start)) is not None})
            documents.append(replace(place(d, d.surface.start), measures=tuple(cited_in)))
        doc._.documents = tuple(documents)
        return doc

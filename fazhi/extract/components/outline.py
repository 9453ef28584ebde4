"""``fazhi_outline``: title, preamble, parts, sections and measures of a report."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..segment import segment
from ._doc import norm_text, original_text


@Language.factory("fazhi_outline", assigns=["doc._.outline"])
def make_outline(nlp: Language, name: str):
    return OutlineComponent()


class OutlineComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.outline = segment(original_text(doc), norm_text(doc))
        return doc

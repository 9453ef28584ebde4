"""``fazhi_figures``: numbers with units, as observations of normalised indicators."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..figures import find_figures
from ._doc import norm_text, original_text


@Language.factory("fazhi_figures", assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str):
    return FigureComponent()


class FigureComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = tuple(find_figures(original_text(doc), norm_text(doc)))
        return doc

"""``fazhi_bodies``: specific organisations with region-scoped canonical names and types."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..bodies import find_bodies
from ._doc import norm_text, original_text


@Language.factory("fazhi_bodies", requires=["doc._.metadata"], assigns=["doc._.bodies"])
def make_bodies(nlp: Language, name: str):
    return BodyComponent()


class BodyComponent:
    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.metadata
        doc._.bodies = tuple(find_bodies(original_text(doc), norm_text(doc), meta.region, meta.issuer))
        return doc

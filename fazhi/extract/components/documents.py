"""``fazhi_documents``: titles cited in 《…》, once each, with the issuing level."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..citations import find_documents
from ..regions import gazetteer
from ._doc import norm_text, original_text


@Language.factory("fazhi_documents", assigns=["doc._.documents"])
def make_documents(nlp: Language, name: str):
    return DocumentComponent()


class DocumentComponent:
    def __init__(self):
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.documents = tuple(find_documents(original_text(doc), norm_text(doc), self.gazetteer))
        return doc

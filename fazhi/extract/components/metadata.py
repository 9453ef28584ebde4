"""``fazhi_metadata``: the reporting region, the year covered, the issuer, the date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..metadata import extract_metadata
from ..regions import gazetteer
from ._doc import norm_text, original_text


@Language.factory("fazhi_metadata", requires=["doc._.outline"], assigns=["doc._.metadata"])
def make_metadata(nlp: Language, name: str):
    return MetadataComponent()


class MetadataComponent:
    def __init__(self):
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.metadata = extract_metadata(
            original_text(doc), norm_text(doc), doc._.outline, self.gazetteer, page_title=doc._.page_title
        )
        return doc

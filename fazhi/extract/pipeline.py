"""The extraction pipeline: a blank spaCy ``zh`` pipeline with fazhi's rule components.

Built once per process (``get_nlp``); loading the gazetteer and compiling the
vocabulary into Matcher patterns happens here, never per document.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .normalize import normalize, to_simplified

PIPE_NAMES = (
    "fazhi_outline",
    "fazhi_metadata",
    "fazhi_mechanisms",
    "fazhi_status",
    "fazhi_roles",
    "fazhi_documents",
    "fazhi_figures",
    "fazhi_bodies",
)


def build_nlp() -> Language:
    """A fresh pipeline: ``spacy.blank("zh")`` (character segmentation) + rule components."""
    nlp = spacy.blank("zh")
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline, built on first use."""
    return build_nlp()


def process(text: str, nlp: Language | None = None) -> Doc:
    """Run the pipeline over ``text`` (as written); the Doc holds the normalised text."""
    nlp = nlp or get_nlp()
    norm = normalize(to_simplified(text))
    doc = nlp.make_doc(norm)
    doc.user_data["fazhi.norm"] = norm
    doc._.original = text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc

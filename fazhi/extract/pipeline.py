"""The extraction pipeline: a blank spaCy ``zh`` pipeline with fazhi's rule components.

Built once per process (``get_nlp``); loading the gazetteer and compiling the
vocabulary into Matcher patterns happens here, never per document.

The pipeline's tokenizer normalises the text first (traditional → simplified,
full-width → ASCII punctuation, same length, see ``normalize``) and keeps the
text as written in ``doc._.original``, so ``nlp(text)`` is the whole extractor:
every component reads the normalised text and takes evidence from the original.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .components._doc import NORM_KEY
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
    "fazhi_linking",
)


class NormalisingTokenizer:
    """Wraps the blank ``zh`` tokenizer (one token per character): normalise, then segment."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        norm = normalize(to_simplified(text))
        words, spaces = char_words_and_spaces(norm)
        doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)
        doc.user_data[NORM_KEY] = norm
        doc._.original = text
        return doc


def char_words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """The tokens of spaCy's ``zh`` character segmentation, in linear time: one token per
    character, a single space after one is its trailing space, any other run of white space
    is a token of its own. (spaCy aligns the characters with ``util.get_words_and_spaces``,
    which slices the rest of the text for each: quadratic, 7 ms on a 14 KB report.)"""
    words: list[str] = []
    spaces: list[bool] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            words.append(text[i:j])
            spaces.append(False)
            i = j
            continue
        words.append(text[i])
        i += 1
        follows = i < n and text[i] == " "
        spaces.append(follows)
        i += follows
    return words, spaces


def build_nlp() -> Language:
    """A fresh pipeline: ``spacy.blank("zh")`` (character segmentation) + rule components."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = NormalisingTokenizer(nlp.tokenizer)
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline, built on first use."""
    return build_nlp()


def process(text: str, nlp: Language | None = None, page_title: str | None = None) -> Doc:
    """Run the pipeline over ``text`` (as written); the Doc holds the normalised text.
    ``page_title`` is a saved page's title, kept out of the text: the region may be read from it."""
    nlp = nlp or get_nlp()
    doc = nlp.make_doc(text)
    doc._.page_title = page_title
    return nlp(doc)

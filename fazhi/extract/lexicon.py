"""The mechanism lexicon: vocabulary labels turned into spaCy Matcher patterns.

``spacy.blank("zh")`` segments text into single characters, so a label is a
sequence of one-character tokens. Reports write the same name with or without
quote marks and with or without an enumeration comma (“双随机、一公开”,
双随机一公开, “互联网+” 监管), so between any two characters of a label a
quote mark or 、 may stand; white space never becomes a token. The labels come
from the SKOS vocabulary (prefLabel, altLabel); negative labels mark strings
that contain a label but do not name the mechanism (合同合法性审查 is not the
review of normative documents).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan

from .normalize import QUOTES, normalize

NEGATIVE = "__negative__"


@dataclass(frozen=True)
class LexiconEntry:
    concept: str  # concept key (its preferred label)
    label: str  # the label as written in the vocabulary


@dataclass(frozen=True)
class MechanismLexicon:
    entries: tuple[LexiconEntry, ...]
    negatives: tuple[str, ...]
    narrower: dict  # concept key -> tuple of narrower concept keys
    listed: frozenset  # keys of concepts in the vocabulary

    @classmethod
    def from_concepts(cls, concepts) -> "MechanismLexicon":
        """Build from ``fazhi.ontology.mechanism_concepts()`` (or any objects with
        ``key``, ``pref_label``, ``alt_labels``, ``negative_labels``, ``narrower``; and
        ``hidden_labels``, the generated variants, where they have them)."""
        entries: list[LexiconEntry] = []
        negatives: list[str] = []
        narrower: dict[str, tuple[str, ...]] = {}
        for concept in concepts:
            for label in (concept.pref_label, *concept.alt_labels, *getattr(concept, "hidden_labels", ())):
                entries.append(LexiconEntry(concept.key, label))
            negatives.extend(concept.negative_labels)
            if concept.narrower:
                narrower[concept.key] = tuple(concept.narrower)
        # A negative label that another concept has as a label of its own (安全生产责任制's
        # 生态环境保护“党政同责、一岗双责”, a label of 生态环境保护党政同责) is left to the longest
        # match: as a negative it would block the very concept it names.
        own = {skeleton_text(e.label) for e in entries}
        negatives = [n for n in negatives if skeleton_text(n) not in own]
        return cls(
            entries=tuple(sorted(set(entries), key=lambda e: (e.concept, e.label))),
            negatives=tuple(sorted(set(negatives))),
            narrower=narrower,
            listed=frozenset(e.concept for e in entries),
        )


def label_chars(label: str) -> list[str]:
    """The characters a label must match: normalised, no quotes, no spaces."""
    return [c for c in normalize(label) if c not in QUOTES and not c.isspace()]


class TermMatcher:
    """Longest, non-overlapping matches of labelled terms, minus negative contexts.

    ``terms`` maps a key (the label given to matching spans) to the strings that
    name it; ``negatives`` are strings inside which no match counts.

    Matching runs a spaCy ``PhraseMatcher`` over the report's *skeleton*: the
    normalised text without quote marks, 、 and white space, so “双随机、一公开”,
    双随机一公开 and “互联网+” 监管 all meet their label. A match may span a 、
    only for a key that some label writes as an enumeration. Matches are mapped back
    to offsets in the report (``skeleton``). This is linear in the text; a
    token-pattern Matcher with an optional quote between every two characters
    was measured at 60 ms per report and matcher.
    """

    def __init__(self, nlp, terms: dict[str, list[str]], negatives=()):
        self.make_doc = char_doc_maker(nlp.vocab)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key in sorted(terms):
            patterns = sorted({skeleton_text(t) for t in terms[key]} - {""})
            if patterns:
                self.matcher.add(key, [self.make_doc(p) for p in patterns])
        negatives = sorted({skeleton_text(n) for n in negatives} - {""})
        if negatives:
            self.matcher.add(NEGATIVE, [self.make_doc(n) for n in negatives])
        self.vocab = nlp.vocab
        # Keys that are enumerations (双随机、一公开) may match across a 、 in the text;
        # others may not: 律师、调解 is two things, not 律师调解.
        self.enumerations = frozenset(k for k, labels in terms.items() if any("、" in normalize(t) for t in labels))

    def find(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` character spans in the report text, in order."""
        skel_doc, index = skeleton(doc, self.make_doc)
        strings = self.vocab.strings
        found, negatives = [], []
        for match_id, start, end in self.matcher(skel_doc):
            key = strings[match_id]
            (negatives if key == NEGATIVE else found).append((start, end, key))
        found = [f for f in found if not any(n[0] <= f[0] and f[1] <= n[1] for n in negatives)]
        chosen: list[tuple[int, int, str]] = []
        taken = set()
        text = doc.user_data.get("fazhi.norm") or doc.text
        for start, end, key in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
            if any(i in taken for i in range(start, end)):
                continue
            first, last = index[start], index[end - 1] + 1
            if key not in self.enumerations and "、" in text[first:last]:
                continue
            taken.update(range(start, end))
            chosen.append((first, last, key))
        return sorted(chosen)

    def __call__(self, doc: Doc) -> list[SpacySpan]:
        spans = []
        for start, end, key in self.find(doc):
            span = doc.char_span(start, end, label=key, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        return spans


_SKIP = QUOTES | {"、"}


def char_doc_maker(vocab):
    """A Doc of one token per character (what ``spacy.blank("zh")`` makes), without normalising again."""

    def make(text: str) -> Doc:
        return Doc(vocab, words=list(text), spaces=[False] * len(text))

    return make


def skeleton_text(label: str) -> str:
    """A label as the skeleton holds it: normalised, without quotes, 、 and spaces."""
    return "".join(c for c in normalize(label) if c not in _SKIP and not c.isspace())


def skeleton(doc: Doc, make_doc) -> tuple[Doc, list[int]]:
    """The doc's text without quotes, 、 and spaces, as a Doc, and each character's offset.

    Computed once per Doc and kept in ``doc.user_data``.
    """
    cached = doc.user_data.get("fazhi.skeleton")
    if cached is None:
        text = doc.user_data.get("fazhi.norm") or doc.text
        index = [i for i, c in enumerate(text) if c not in _SKIP and not c.isspace()]
        cached = (make_doc("".join(text[i] for i in index)), index)
        doc.user_data["fazhi.skeleton"] = cached
    return cached


def read_tsv(name: str) -> list[dict]:
    """Rows of ``lexicons/<name>`` (tab-separated, header first)."""
    text = resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def split_list(cell: str | None) -> list[str]:
    return [item.strip() for item in (cell or "").split("|") if item.strip()]


@lru_cache(maxsize=1)
def role_terms() -> tuple[dict[str, list[str]], tuple[str, ...]]:
    """Role canonicals → surfaces, and the negative contexts, from lexicons/roles.tsv."""
    terms: dict[str, list[str]] = {}
    negatives: list[str] = []
    for row in read_tsv("roles.tsv"):
        terms[row["canonical"]] = split_list(row["surfaces"]) or [row["canonical"]]
        negatives.extend(split_list(row.get("negative_contexts")))
    return terms, tuple(negatives)

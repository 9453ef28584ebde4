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

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from .normalize import QUOTES, normalize

NEGATIVE = "__negative__"
_SKIPPABLE = sorted(QUOTES | {"、"})


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
        ``key``, ``pref_label``, ``alt_labels``, ``negative_labels``, ``narrower``)."""
        entries: list[LexiconEntry] = []
        negatives: list[str] = []
        narrower: dict[str, tuple[str, ...]] = {}
        for concept in concepts:
            for label in (concept.pref_label, *concept.alt_labels):
                entries.append(LexiconEntry(concept.key, label))
            negatives.extend(concept.negative_labels)
            if concept.narrower:
                narrower[concept.key] = tuple(concept.narrower)
        return cls(
            entries=tuple(sorted(set(entries), key=lambda e: (e.concept, e.label))),
            negatives=tuple(sorted(set(negatives))),
            narrower=narrower,
            listed=frozenset(e.concept for e in entries),
        )


def label_chars(label: str) -> list[str]:
    """The characters a label must match: normalised, no quotes, no spaces."""
    return [c for c in normalize(label) if c not in QUOTES and not c.isspace()]


def token_pattern(label: str) -> list[dict]:
    """A Matcher pattern for ``label`` that tolerates quotes and 、 between characters."""
    chars = label_chars(label)
    pattern: list[dict] = []
    for i, char in enumerate(chars):
        if i:
            pattern.append({"ORTH": {"IN": _SKIPPABLE}, "OP": "?"})
        pattern.append({"ORTH": char})
    return pattern


class TermMatcher:
    """Longest, non-overlapping matches of labelled terms, minus negative contexts.

    ``terms`` maps a key (the label given to matching spans) to the strings that
    name it; ``negatives`` are strings inside which no match counts.
    """

    def __init__(self, vocab, terms: dict[str, list[str]], negatives=()):
        self.matcher = Matcher(vocab)
        for key in sorted(terms):
            self.matcher.add(key, [token_pattern(t) for t in sorted(set(terms[key])) if label_chars(t)])
        negatives = [n for n in negatives if label_chars(n)]
        if negatives:
            self.matcher.add(NEGATIVE, [token_pattern(n) for n in sorted(set(negatives))])

    def __call__(self, doc: Doc) -> list[SpacySpan]:
        spans = self.matcher(doc, as_spans=True)
        negatives = [s for s in spans if s.label_ == NEGATIVE]
        found = [s for s in spans if s.label_ != NEGATIVE]
        found = [s for s in found if not any(n.start <= s.start and s.end <= n.end for n in negatives)]
        return sorted(filter_spans(found), key=lambda s: s.start)


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

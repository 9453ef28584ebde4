"""``fazhi_roles``: roles and posts of the rule-of-law system (lexicons/roles.tsv)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import TermMatcher, role_terms
from ..records import RoleMention, Span
from ._doc import original_text


@Language.factory("fazhi_roles", assigns=["doc._.roles"])
def make_roles(nlp: Language, name: str):
    return RoleComponent(nlp)


class RoleComponent:
    def __init__(self, nlp: Language):
        terms, negatives = role_terms()
        self.matcher = TermMatcher(nlp, terms, negatives)

    def __call__(self, doc: Doc) -> Doc:
        original = original_text(doc)
        doc._.roles = tuple(
            RoleMention(Span(start, end, original[start:end]), key) for start, end, key in self.matcher.find(doc)
        )
        return doc

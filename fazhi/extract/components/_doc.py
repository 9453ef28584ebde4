"""What the components share: the Doc extensions and the two texts of a Doc."""

from __future__ import annotations

from spacy.tokens import Doc

# page_title: what a saved page's <title> says, set before the components run (``pipeline.process``)
EXTENSIONS = ("original", "page_title", "outline", "metadata", "mentions", "roles", "documents", "bodies", "figures")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

MECHANISM_SPANS = "mechanisms"
NORM_KEY = "fazhi.norm"


def norm_text(doc: Doc) -> str:
    """The normalised text (``doc.text`` rebuilds it from the tokens on every call)."""
    return doc.user_data.get(NORM_KEY) or doc.text


def original_text(doc: Doc) -> str:
    """The text as written (offsets are the same as in the normalised text)."""
    return doc._.original or norm_text(doc)


def containing(records, offset: int):
    """The record (part, section, measure) whose ``start <= offset < end``, or None."""
    for record in records:
        if record.start <= offset < record.end:
            return record
    return None

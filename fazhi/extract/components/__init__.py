"""spaCy pipeline components of the extractor, one module each.

Each component is registered with ``@Language.factory`` and does one thing:

    fazhi_outline     title, parts, sections, measures      → doc._.outline       (outline.py)
    fazhi_metadata    region, year, issuer, date            → doc._.metadata      (metadata.py)
    fazhi_mechanisms  vocabulary mechanisms and candidates  → doc.spans           (mechanisms.py)
    fazhi_status      part, measure, sentence and status    → doc._.mentions      (status.py)
                      of every mention, plus broader
                      concepts named through all their parts
    fazhi_roles       roles (法律顾问, 人民调解员 …)          → doc._.roles         (roles.py)
    fazhi_documents   cited titles 《…》                     → doc._.documents     (documents.py)
    fazhi_figures     numbers with units and indicators     → doc._.figures       (figures.py)
    fazhi_bodies      organisations, region-scoped names    → doc._.bodies        (bodies.py)
    fazhi_linking     every entity's sentence and measure   → the records above   (linking.py)

The Doc's text is the *normalised* report text (same length as the original,
see ``normalize``); ``doc._.original`` holds the text as written, and every
record takes its evidence from it. The pipeline's tokenizer (``pipeline.py``)
does the normalising, so ``nlp(text)`` runs the whole extractor.
"""

from . import bodies, documents, figures, linking, mechanisms, metadata, outline, roles, status  # noqa: F401

__all__ = ["bodies", "documents", "figures", "linking", "mechanisms", "metadata", "outline", "roles", "status"]

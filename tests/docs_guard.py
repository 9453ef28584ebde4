"""What the suite checks docs/ with: the tracked screenshots are made by scripts/screenshots.py only.

A module of its own (not conftest.py) so that a test can import it: ``from conftest import`` finds
whichever conftest.py was imported first (tests/viz has one too).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def docs_snapshot(folder: Path = DOCS) -> dict[str, str]:
    """Each file under ``folder`` by name, with its SHA-256."""
    return {str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.rglob("*")) if f.is_file()}

"""The user's own additions to the vocabulary, kept outside the installed package.

``fazhi vocab accept`` and ``fazhi vocab reject`` write into a local folder, never
into the package (an upgrade would lose the rows, and a shared or read-only
install cannot take them):

    $FAZHI_VOCAB_DIR, else $XDG_DATA_HOME/fazhi/vocab, else ~/.local/share/fazhi/vocab
        mechanisms.tsv       the rows accepted here (the package's columns)
        negative_labels.txt  the strings rejected here
        mechanisms.ttl       generated: the package's vocabulary and these rows, as SKOS

The generated Turtle starts with a stamp of what it was made from; when the
package's vocabulary changes (an upgrade), it is made again on first use.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import InputError
from . import vocab

ENV = "FAZHI_VOCAB_DIR"
TSV, NEGATIVES, TURTLE = "mechanisms.tsv", "negative_labels.txt", "mechanisms.ttl"
_STAMP = "# fazhi local vocabulary made from "


def local_dir() -> Path:
    """Where the user's vocabulary additions live."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "fazhi" / "vocab"


def header() -> str:
    """The package TSV's header line (the columns a local row has)."""
    return vocab.package_file(TSV).splitlines()[0] + "\n"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the local vocabulary ({exc.__class__.__name__})") from None


def local_rows_text(folder: Path) -> str:
    """The local TSV's rows, without its header ('' when there are none)."""
    text = _read(Path(folder) / TSV)
    lines = text.splitlines(keepends=True)
    if lines and lines[0] != header():
        raise InputError(f"{Path(folder) / TSV}: its header is not the vocabulary's ({header().strip()!r})")
    return "".join(lines[1:])


def combined(folder: Path, rows: str | None = None, negatives: str | None = None) -> tuple[str, str]:
    """The package's TSV and negative labels with the local ones (or the ``rows`` and ``negatives`` given)."""
    rows = local_rows_text(folder) if rows is None else rows
    negatives = _read(Path(folder) / NEGATIVES) if negatives is None else negatives
    package_tsv, package_negatives = vocab.package_file(TSV), vocab.package_file(NEGATIVES)
    tsv = package_tsv if package_tsv.endswith("\n") else package_tsv + "\n"
    neg = package_negatives if package_negatives.endswith("\n") or not package_negatives else package_negatives + "\n"
    return tsv + rows, neg + negatives


def _stamp(tsv: str, negatives: str) -> str:
    return _STAMP + hashlib.sha256((tsv + "\0" + negatives).encode("utf-8")).hexdigest() + "\n"


def write(folder: Path, rows: str, negatives: str) -> None:
    """Write the local rows and negatives and the Turtle made from them with the package's.

    Everything is checked and rendered before the first file is written.
    """
    folder = Path(folder)
    tsv, neg = combined(folder, rows, negatives)
    vocab.read_rows(tsv, str(folder / TSV))
    turtle = _stamp(tsv, neg) + vocab.render(tsv, neg)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in ((TSV, header() + rows), (NEGATIVES, negatives), (TURTLE, turtle)):
            tmp = folder / (name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(folder / name)
    except OSError as exc:
        raise InputError(f"{folder}: cannot write the local vocabulary ({exc.strerror or exc})") from None


def vocabulary_turtle(folder: Path | None = None) -> str | None:
    """The Turtle of the package's vocabulary with the local additions; None when there are none."""
    folder = local_dir() if folder is None else Path(folder)
    if not (folder / TSV).exists() and not (folder / NEGATIVES).exists():
        return None
    rows, negatives = local_rows_text(folder), _read(folder / NEGATIVES)
    if not rows.strip() and not negatives.strip():
        return None
    tsv, neg = combined(folder, rows, negatives)
    stamp = _stamp(tsv, neg)
    cached = _read(folder / TURTLE)
    if cached.startswith(stamp):
        return cached
    write(folder, rows, negatives)  # the package changed since: make it again
    return _read(folder / TURTLE)

"""Curating the vocabulary: list candidate mechanisms, accept or reject them.

Accepting appends a row to the user's local vocabulary (``ontology/local.py``:
outside the installed package) and regenerates the SKOS Turtle of the package's
vocabulary with the local rows; rejecting appends a negative label there, so
the candidate finder never proposes that string again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .errors import InputError
from .ontology import local, vocab
# The source of a concept accepted from reports rather than taken from a national document.
LOCAL_SOURCE = "地方实践（由 fazhi vocab accept 从报告中采纳）"


def candidates(graph, min_reports: int = 1):
    """Candidate mechanisms in a built graph, ranked by how many reports name them."""
    from .graph.query import Table, _run, named_query

    table = _run(graph, named_query("candidates"), where="candidates.rq")
    regions, statuses = table.columns.index("regions"), table.columns.index("statuses")

    def tidy(row):  # GROUP_CONCAT's order is the engine's: sort the parts
        row = list(row)
        row[regions] = "、".join(sorted(set(row[regions].split("、"))))
        row[statuses] = ",".join(sorted(set(row[statuses].split(","))))
        return tuple(row)

    rows = tuple(tidy(row) for row in table.rows if int(row[1]) >= min_reports)
    return Table(table.columns, rows)


def _folder(folder: Path | None) -> Path:
    return local.local_dir() if folder is None else Path(folder)


def accept(
    name: str,
    category: str,
    *,
    aliases: list[str] = (),
    broader: str | None = None,
    gloss_en: str = "",
    source: str = LOCAL_SOURCE,
    folder: Path | None = None,
) -> Path:
    """Add ``name`` to the local vocabulary (``folder``, default ``local.local_dir()``); returns its TSV."""
    folder = _folder(folder)
    rows_text = local.local_rows_text(folder)
    tsv, _ = local.combined(folder, rows_text)
    rows = vocab.read_rows(tsv, str(folder / local.TSV))
    if any(r["canonical"].strip() == name for r in rows):
        raise InputError(f"{name}: already in the vocabulary")
    categories = sorted({r["category"].strip() for r in rows})
    if category not in categories:
        import difflib

        close = difflib.get_close_matches(category, categories, n=3, cutoff=0.3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise InputError(f"--category {category}: not a category of the vocabulary — {hint}categories: {'、'.join(categories)}")
    canonicals = {r["canonical"].strip() for r in rows}
    if broader and broader not in canonicals:
        from .graph.query import did_you_mean

        by_alias = sorted(r["canonical"].strip() for r in rows if broader in {a.strip() for a in r["aliases"].split("|")})
        hint = f" — did you mean {', '.join(by_alias)}? (its preferred name)" if by_alias else did_you_mean(broader, canonicals)
        raise InputError(f"--broader {broader}: not a mechanism of the vocabulary{hint}")
    columns = list(rows[0].keys())
    row = {c: "" for c in columns}
    row.update(canonical=name, aliases="|".join(aliases), category=category, broader=broader or "", gloss_en=gloss_en, source=source)
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=columns, delimiter="\t", lineterminator="\n").writerow(row)
    local.write(folder, rows_text + out.getvalue(), _negatives(folder))
    return folder / local.TSV


def _negatives(folder: Path) -> str:
    path = folder / local.NEGATIVES
    return path.read_text(encoding="utf-8") if path.exists() else ""


def reject(name: str, folder: Path | None = None) -> Path:
    """Record ``name`` as a negative label (looks like a mechanism, is none) in the local vocabulary."""
    folder = _folder(folder)
    text = _negatives(folder)
    _, negatives = local.combined(folder)
    if name in {line.strip() for line in negatives.splitlines()}:
        raise InputError(f"{name}: already a negative label")
    new_text = (text if text.endswith("\n") or not text else text + "\n") + name + "\n"
    local.write(folder, local.local_rows_text(folder), new_text)
    return folder / local.NEGATIVES

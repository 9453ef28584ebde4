"""Curating the vocabulary: list candidate mechanisms, accept or reject them.

Accepting appends a row to the vocabulary TSV and regenerates the SKOS Turtle
beside it; rejecting appends a negative label, so the candidate finder never
proposes that string again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .errors import InputError
from .ontology import vocab

PACKAGE_DIR = Path(__file__).parent / "ontology"
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


def _read(path: Path) -> str:
    if not path.is_file():
        raise InputError(f"{path}: no such vocabulary file")
    return path.read_text(encoding="utf-8")


def accept(
    name: str,
    category: str,
    *,
    aliases: list[str] = (),
    broader: str | None = None,
    gloss_en: str = "",
    source: str = LOCAL_SOURCE,
    folder: Path = PACKAGE_DIR,
) -> Path:
    """Add ``name`` to ``folder/mechanisms.tsv`` and regenerate ``folder/mechanisms.ttl``."""
    tsv_path = Path(folder) / "mechanisms.tsv"
    text = _read(tsv_path)
    rows = vocab.read_rows(text, str(tsv_path))
    if any(r["canonical"].strip() == name for r in rows):
        raise InputError(f"{name}: already in {tsv_path}")
    categories = sorted({r["category"].strip() for r in rows})
    if category not in categories:
        import difflib

        close = difflib.get_close_matches(category, categories, n=3, cutoff=0.3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise InputError(f"--category {category}: not a category of the vocabulary — {hint}categories: {'、'.join(categories)}")
    columns = list(rows[0].keys())
    row = {c: "" for c in columns}
    row.update(canonical=name, aliases="|".join(aliases), category=category, broader=broader or "", gloss_en=gloss_en, source=source)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter="\t", lineterminator="\n")
    writer.writerow(row)
    new_text = text if text.endswith("\n") else text + "\n"
    new_text += out.getvalue()
    vocab.read_rows(new_text, str(tsv_path))  # validate before writing anything
    negatives_path = Path(folder) / "negative_labels.txt"
    negatives = negatives_path.read_text(encoding="utf-8") if negatives_path.exists() else ""
    turtle = vocab.render(new_text, negatives)
    tsv_path.write_text(new_text, encoding="utf-8")
    (Path(folder) / "mechanisms.ttl").write_text(turtle, encoding="utf-8")
    return tsv_path


def reject(name: str, folder: Path = PACKAGE_DIR) -> Path:
    """Record ``name`` as a negative label (looks like a mechanism, is none)."""
    path = Path(folder) / "negative_labels.txt"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if name in {line.strip() for line in text.splitlines()}:
        raise InputError(f"{name}: already a negative label in {path}")
    new_text = (text if text.endswith("\n") or not text else text + "\n") + name + "\n"
    tsv_text = _read(Path(folder) / "mechanisms.tsv")
    turtle = vocab.render(tsv_text, new_text)
    path.write_text(new_text, encoding="utf-8")
    (Path(folder) / "mechanisms.ttl").write_text(turtle, encoding="utf-8")
    return path

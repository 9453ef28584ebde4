"""The library behind the CLI: everything ``fazhi build`` does, callable from a notebook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import InputError, ValidationError
from .extract.reading import REPORT_SUFFIXES


@dataclass(frozen=True)
class BuildSummary:
    out: Path | None
    reports: int
    measures: int
    mechanisms: int  # distinct mechanisms mentioned
    adoptions: int
    triples: int
    bytes: int


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the report files inside folders (sorted, recursive)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
            if not inside:
                raise InputError(f"{path}: no report files ({', '.join(REPORT_SUFFIXES)}) in this folder")
            found.extend(inside)
        else:
            found.append(path)
    unique: list[Path] = []
    seen = set()
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


@dataclass(frozen=True)
class Skipped:
    path: Path
    message: str  # one line, naming the file and what is wrong


def extract_files(
    paths: Iterable[str | Path],
    encoding: str | None = None,
    progress: Callable[[Path], None] | None = None,
    *,
    keep_going: bool = False,
    skipped: list | None = None,
    warnings: list | None = None,
):
    """Extract every report file under ``paths``; ``progress`` is called after each file.

    A file that cannot be read, is not a report, repeats another file's content
    or is a second report of the same issuer for the same region and year raises
    ``InputError`` — or, with ``keep_going``, is recorded in ``skipped`` and the
    others are read. Two reports for one region and year from different issuers
    are both kept, with a line in ``warnings``.
    """
    from .extract import extract_report
    from .extract.pipeline import get_nlp

    nlp = get_nlp()
    reports = []
    by_hash: dict[str, Path] = {}
    by_key: dict[tuple, Path] = {}
    for path in collect_paths(paths):
        try:
            report = extract_report(path, encoding=encoding, nlp=nlp)
            if report.sha256 in by_hash:
                raise InputError(f"{path}: same content as {by_hash[report.sha256]}")
            key = (report.region.full_name, report.year)
            if key + (report.issuer,) in by_key:
                other = by_key[key + (report.issuer,)]
                raise InputError(
                    f"{path}: a second {report.year} report of {report.issuer} for {report.region.name} (first: {other}) — keep one"
                )
            if key in by_key and warnings is not None:
                warnings.append(f"{path}: another {report.year} report for {report.region.name} ({by_key[key]}), from another issuer — both kept")
        except InputError as exc:
            if not keep_going:
                raise
            if skipped is not None:
                skipped.append(Skipped(path, str(exc)))
        else:
            by_hash[report.sha256] = path
            by_key.setdefault(key, path)
            by_key[key + (report.issuer,)] = path
            reports.append(report)
        if progress:
            progress(path)
    return reports


def build(
    paths: Iterable[str | Path],
    out: str | Path | None,
    *,
    encoding: str | None = None,
    validate: bool = True,
    force: bool = True,
    progress: Callable[[Path], None] | None = None,
    reports=None,
    keep_going: bool = False,
    skipped: list | None = None,
    warnings: list | None = None,
) -> BuildSummary:
    """Extract reports, build the graph, validate it with SHACL and write it to ``out``.

    Nothing is written unless every step succeeds.
    """
    from .graph.build import build_dataset
    from .graph.io import format_for, save, serialize, union_graph

    if out is not None:
        format_for(out)  # fail on an unknown extension before any work
        if Path(out).exists() and not force:
            raise InputError(f"{out}: already exists — pass --force to overwrite")
    if reports is None:
        reports = extract_files(
            paths, encoding=encoding, progress=progress, keep_going=keep_going, skipped=skipped, warnings=warnings
        )
    if not reports:
        raise InputError("no report could be read — nothing written")
    ds = build_dataset(reports)
    union = union_graph(ds)
    if validate:
        from .ontology import validate as shacl

        result = shacl(union, inplace=True)
        if not result.conforms:
            raise ValidationError(f"{out or 'graph'}: SHACL validation failed — {result.messages[0]}")
    data = save(ds, out, force=force, union=union) if out is not None else serialize(ds, "turtle", union=union)
    return BuildSummary(
        out=Path(out) if out is not None else None,
        reports=len(reports),
        measures=sum(len(r.measures) for r in reports),
        mechanisms=len({a.concept for r in reports for a in r.adoptions}),
        adoptions=sum(len(r.adoptions) for r in reports),
        triples=len(union),
        bytes=len(data),
    )


def validate_reports(ds):
    """SHACL-validate a dataset built by ``build_dataset`` (all graphs together)."""
    from .graph.io import union_graph
    from .ontology import validate

    return validate(union_graph(ds))


def validate_file(path: str | Path):
    """Load a graph file and SHACL-validate it."""
    from .graph.io import load

    return validate_reports(load(path))

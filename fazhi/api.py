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
    known: Iterable[tuple[str, str, int, str, str]] = (),
    origins: dict | None = None,
    strict: bool = False,
):
    """Extract every report file under ``paths``; ``progress`` is called after each file.

    A file that cannot be read, is not a report, repeats another file's content
    or is a second report of the same issuer for the same region and year raises
    ``InputError`` — or, with ``keep_going``, is recorded in ``skipped`` and the
    others are read. Two reports for one region and year from different issuers
    are both kept, with a line in ``warnings``. ``known`` lists reports read
    before (text sha256, full region name, year, issuer, file), e.g. those
    already in a store, that the new ones are checked against. ``origins``, if
    given, receives each kept report's file by its text sha256. A report that
    stops mid-sentence is kept as partial (``complete=False``) with a line in
    ``warnings``; with ``strict`` it is refused like any bad file.
    """
    from .extract import extract_report
    from .extract.pipeline import get_nlp

    nlp = get_nlp()
    reports = []
    by_hash: dict[str, Path] = {}
    by_key: dict[tuple, Path] = {}
    for sha, region, year, issuer, where in known:
        by_hash[sha] = Path(where)
        by_key.setdefault((region, year), Path(where))
        by_key[(region, year, issuer)] = Path(where)
    for path in collect_paths(paths):
        try:
            report = extract_report(path, encoding=encoding, nlp=nlp, strict=strict)
            if report.sha256 in by_hash:
                raise InputError(f"{path}: same content as {by_hash[report.sha256]}")
            key = (report.region.full_name, report.year)
            if key + (report.issuer,) in by_key:
                other = by_key[key + (report.issuer,)]
                raise InputError(
                    f"{path}: a second {report.year} report of {report.issuer} for {report.region.name} (first: {other}) — keep one"
                )
            if not report.complete and warnings is not None:
                warnings.append(f"{path}: the report looks truncated (it stops mid-sentence) — extracted as partial; --strict refuses it")
            if key in by_key and warnings is not None:
                warnings.append(f"{path}: another {report.year} report for {report.region.name} ({by_key[key]}), from another issuer — both kept")
        except InputError as exc:
            if not keep_going:
                raise InputError(f"{exc} (--keep-going skips such files and builds the rest)") from None
            if skipped is not None:
                skipped.append(Skipped(path, str(exc)))
        else:
            by_hash[report.sha256] = path
            if origins is not None:
                origins[report.sha256] = path
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
    strict: bool = False,
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
            paths, encoding=encoding, progress=progress, keep_going=keep_going, skipped=skipped, warnings=warnings,
            strict=strict,
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


@dataclass(frozen=True)
class StorePlan:
    """What an incremental build of a store will do, before it does it."""

    store: Path
    extract: tuple[Path, ...]  # new or changed files
    unchanged: tuple[Path, ...]  # same bytes as when last built: not read again
    removed: tuple  # store entries whose files are gone from the folders given
    manifest: object  # the store's manifest when planned (not changed by the build)
    file_sha256: dict  # resolved path → sha256 of the file's bytes, for every file given
    generation: str | None  # the store's generation when planned (None: no store yet)


def _file_sha256(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def plan_store_build(paths: Iterable[str | Path], store: str | Path) -> StorePlan:
    """Compare the report files under ``paths`` with what ``store`` holds.

    A file is extracted again only if its bytes changed; a report whose file was
    under one of ``paths`` (a folder given, or the file itself) and is gone is
    dropped; reports from elsewhere are kept.
    """
    from .graph.store import Manifest, current_generation

    paths = [Path(p) for p in paths]
    files = collect_paths(paths)
    store = Path(store)
    current = current_generation(store) if store.is_dir() else None
    manifest = Manifest.read(current.with_suffix(".json")) if current is not None else Manifest()
    scope = [p.resolve() for p in paths]
    hashes = {}
    extract, unchanged = [], []
    for path in files:
        key = str(path.resolve())
        hashes[key] = _file_sha256(path)
        entry = manifest.reports.get(key)
        (unchanged if entry is not None and entry.file_sha256 == hashes[key] else extract).append(path)

    def in_scope(key: str) -> bool:
        p = Path(key)
        return any(p == s or s in p.parents for s in scope)

    removed = [e for key, e in sorted(manifest.reports.items()) if key not in hashes and in_scope(key)]
    # A file moved (or a folder renamed): its old path is gone from disk and a new path holds the
    # same bytes. The old entry is dropped and the file read at its new path, not refused as a copy.
    new_bytes = {hashes[str(p.resolve())] for p in extract}
    removed += [
        e for key, e in sorted(manifest.reports.items())
        if e.file_sha256 in new_bytes and key not in hashes and not Path(key).exists() and e not in removed
    ]
    removed = tuple(removed)
    return StorePlan(store, tuple(extract), tuple(unchanged), removed, manifest, hashes, current.name if current else None)


@dataclass(frozen=True)
class StoreSummary:
    store: Path
    generation: str
    reports: int  # in the store after the build
    extracted: int  # read and extracted by this build
    unchanged: int  # not read again
    removed: int  # dropped: files gone, or replaced by a changed file
    quads: int  # in the store after the build (a triple in several report graphs counts in each)


VALIDATE_CHUNK = 100  # reports validated together (SHACL shapes are per node; this bounds memory)


def build_store(
    plan: StorePlan,
    *,
    encoding: str | None = None,
    validate: bool = True,
    progress: Callable[[Path], None] | None = None,
    keep_going: bool = False,
    skipped: list | None = None,
    warnings: list | None = None,
    strict: bool = False,
) -> StoreSummary:
    """Carry out ``plan``: extract new and changed reports, validate them, change the store all or nothing."""
    from .graph.build import CANDIDATES_GRAPH, ONTOLOGY_GRAPH, build_dataset, report_graph_iri, report_iri
    from .graph.io import union_graph
    from .graph.store import Entry, Manifest, transaction
    from .ontology import ontology_graph, vocabulary_graph

    if not plan.extract and not plan.removed and plan.generation is not None:
        from .graph.store import Store, clean_stray_generations

        clean_stray_generations(plan.store)  # what a killed build left behind
        current = Store(plan.store)  # nothing changed: no new generation
        return StoreSummary(
            store=plan.store, generation=plan.generation, reports=len(plan.manifest.reports), extracted=0,
            unchanged=len(plan.unchanged), removed=0, quads=len(current),
        )
    manifest = Manifest(dict(plan.manifest.reports))  # the plan stays as it was
    replaced = {str(p.resolve()) for p in plan.extract} & set(manifest.reports)
    gone = {e.path for e in plan.removed} | replaced
    known = [(e.sha256, e.region, e.year, e.issuer, e.path) for key, e in manifest.reports.items() if key not in gone]
    origins: dict = {}
    reports = extract_files(
        plan.extract, encoding=encoding, progress=progress, keep_going=keep_going,
        skipped=skipped, warnings=warnings, known=known, origins=origins, strict=strict,
    ) if plan.extract else []
    if not reports and not known:
        raise InputError(f"{plan.store}: no report could be read — the store is unchanged")
    with transaction(plan.store, expect=plan.generation) as tx:
        tx.manifest = manifest
        for key in sorted(gone):
            tx.remove_graph(manifest.reports.pop(key).graph)
        onto = ontology_graph()
        onto += vocabulary_graph()
        tx.replace_graph(ONTOLOGY_GRAPH, onto)
        for start in range(0, len(reports), VALIDATE_CHUNK):
            chunk = reports[start:start + VALIDATE_CHUNK]
            ds = build_dataset(chunk, include_ontology=validate)
            if validate:
                from .ontology import validate as shacl

                result = shacl(union_graph(ds), inplace=True)
                if not result.conforms:
                    raise ValidationError(f"{plan.store}: SHACL validation failed — {result.messages[0]}; the store is unchanged")
            for report in chunk:
                name = report_graph_iri(report)
                tx.add_report(name, report_iri(report), ds.graph(name))
                path = str(origins[report.sha256].resolve())
                manifest.reports[path] = Entry(
                    graph=str(name), path=path, file_sha256=plan.file_sha256[path], sha256=report.sha256,
                    region=report.region.full_name, year=report.year, issuer=report.issuer,
                )
        tx.update(CANDIDATE_COUNTS.replace("<CANDIDATES>", f"<{CANDIDATES_GRAPH}>"))
        quads = len(tx.db)
        generation = tx.generation.name
    return StoreSummary(
        store=plan.store, generation=generation, reports=len(manifest.reports), extracted=len(reports),
        unchanged=len(plan.unchanged), removed=len(gone), quads=quads,
    )


# How many reports name each candidate mechanism, recounted over every report graph of a store.
CANDIDATE_COUNTS = """
PREFIX fz: <https://w3id.org/fazhi/ontology#>
DROP SILENT GRAPH <CANDIDATES> ;
INSERT { GRAPH <CANDIDATES> { ?c fz:candidateCount ?n } }
WHERE {
  SELECT ?c (COUNT(DISTINCT ?report) AS ?n)
  WHERE { GRAPH ?e { ?c a fz:CandidateMechanism } GRAPH ?g { ?m fz:denotes ?c ; fz:inReport ?report } }
  GROUP BY ?c
}
"""


def validate_reports(ds):
    """SHACL-validate a dataset built by ``build_dataset`` (all graphs together)."""
    from .graph.io import union_graph
    from .ontology import validate

    return validate(union_graph(ds))


def validate_file(path: str | Path):
    """Load a graph file and SHACL-validate it."""
    from .graph.io import load

    return validate_reports(load(path))

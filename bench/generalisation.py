"""The figures of the hidden-set evaluation, on a gold set of our own, beside a naive baseline.

For a folder of reports and its gold (``eval/seeds-gold.json`` for the seeds,
``eval/blind/gold.json`` for the blind set), prints what the hidden sets are
scored on: region right, year right, recall of mechanisms of the reference
vocabulary, recall of the others, and the share of adoptions that are right —
for fazhi, and for a naive matcher that finds the exact names and aliases of
the same vocabulary (fazhi's) in the text, with fazhi's outline deciding the
status. Reports are read as a user would, truncated ones included. Where the gold's folder
has ``local-canonicals.json`` (the canonicals its annotator flagged as local or invented, which
no vocabulary lists), it also prints how many of those gold mechanisms a mention overlaps.

    .venv/bin/python bench/generalisation.py eval/blind --gold eval/blind/gold.json
    .venv/bin/python bench/generalisation.py seeds --gold eval/seeds-gold.json
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from fazhi.api import extract_files
from fazhi.evaluate import dataset_kind, evaluate, load_gold, reference_vocabulary
from fazhi.extract.normalize import occurrences
from fazhi.extract.records import STATUS_OF_PART, MechanismMention, Span
from fazhi.extract.report import adoptions
from fazhi.ontology import mechanism_concepts


def naive(report):
    """The report with mentions found by exact names and aliases only (no variants, no rules)."""
    mentions = []
    for concept in mechanism_concepts():
        for label in {concept.pref_label, *concept.alt_labels}:
            for start, end in occurrences(report.text, label):
                part = next((p for p in report.parts if p.start <= start < p.end), None)
                mentions.append(
                    MechanismMention(
                        concept=concept.key, surface=Span(start, end, label), sentence=Span(start, end, label),
                        part=part.index if part else None, part_kind=part.kind if part else None,
                        status=STATUS_OF_PART.get(part.kind) if part else None, measure=None, section=None,
                    )
                )
    mentions.sort(key=lambda m: (m.surface.start, m.surface.end, m.concept))
    mentions = tuple(mentions)
    return replace(report, mentions=mentions, adoptions=adoptions(mentions))


def local_recall(reports, gold: dict, local: frozenset) -> dict:
    """Gold mechanisms that no list can name (the annotator's local or invented ones, ``|L`` in
    the sources): how many a mention of the report overlaps, whatever concept or status it gives."""
    found = total = 0
    for report in reports:
        spans = [(m.surface.start, m.surface.end) for m in report.mentions]
        for entry in gold[report.source]["mechanisms"]:
            if entry["canonical"] not in local:
                continue
            total += 1
            places = occurrences(report.text, entry["surface"])
            found += any(s < e2 and s2 < e for s, e in spans for s2, e2 in places)
    return {"found": found, "of": total, "recall": round(found / total, 4) if total else None}


def figures(scores: dict) -> dict:
    return {
        "region": scores["region"]["precision"],
        "year": scores["year"]["precision"],
        "recall_reference_vocabulary": scores["mechanisms"]["recall"],
        "recall_other": scores["mechanisms_other"]["recall"],
        "adoption_precision": scores["mechanisms_all"]["precision"],
        "adoptions": scores["mechanisms_all"]["tp"] + scores["mechanisms_all"]["fp"],
        "gold_mechanisms": scores["mechanisms_all"]["tp"] + scores["mechanisms_all"]["fn"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    args = parser.parse_args()
    gold = load_gold(args.gold)
    warnings, skipped = [], []
    reports = extract_files([args.folder], warnings=warnings, skipped=skipped, keep_going=True)
    reports = [r for r in reports if r.source in gold]
    reference = reference_vocabulary(args.gold)
    listed = reference if reference is not None else frozenset(c.key for c in mechanism_concepts())
    ours = evaluate(reports, gold, listed)
    naive_reports = [naive(r) for r in reports]
    baseline = evaluate(naive_reports, gold, listed)
    local_file = args.gold.parent / "local-canonicals.json"
    local = frozenset(json.loads(local_file.read_text(encoding="utf-8"))) if local_file.exists() else None
    print(json.dumps({
        "dataset": dataset_kind(args.gold)["kind"],
        "reports": len(reports),
        "refused": [s.message for s in skipped],
        "partial": sum(not r.complete for r in reports),
        "fazhi": figures(ours),
        "naive exact names": {k: v for k, v in figures(baseline).items() if k not in ("region", "year")},
        "truncation": ours.get("truncated"),
        **({"local mechanisms": {"fazhi": local_recall(reports, gold, local), "naive exact names": local_recall(naive_reports, gold, local)}} if local else {}),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

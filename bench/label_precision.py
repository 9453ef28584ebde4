"""How often an adoption is right, by the concept and by the one surface it rests on.

For deciding on a vocabulary label with evidence from many gold sets, not one item: an adoption whose
mentions all have the same surface (涉企检查, 行政审批局) stands or falls by that label alone. Scored as
``bench/generalisation.py`` scores (a prediction is right when one of its mentions overlaps a gold
surface of the same status; no reference vocabulary). Prints the rows with the most wrong adoptions.

    .venv/bin/python bench/label_precision.py eval/blind eval/blind2 eval/blind13 --most 30
    .venv/bin/python bench/label_precision.py eval/blind eval/blind2 --surface 涉企检查 --surface 行政审批局

Give it development sets only (``eval/datasets.tsv``): its tables are a held-out set's errors read.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from fazhi.api import extract_files
from fazhi.evaluate import load_gold, score_all_mechanisms


def label_tally(reports, gold: dict) -> tuple[Counter, Counter]:
    """``(by_concept, by_sole_surface)``: Counters keyed by ``(key, right)`` — ``key`` a concept, or
    ``(concept, surface)`` for adoptions that rest on one surface only — counting adoptions."""
    errors: list = []
    for report in reports:
        score_all_mechanisms(report, gold[report.source]["mechanisms"], frozenset(), errors)
    wrong = {(source, concept) for source, kind, _, concept, _ in errors if kind == "wrong"}
    by_concept: Counter = Counter()
    by_surface: Counter = Counter()
    for report in reports:
        for adoption in report.adoptions:
            right = (report.source, adoption.concept) not in wrong
            by_concept[adoption.concept, right] += 1
            surfaces = {report.mentions[i].surface.text.strip("“”") for i in adoption.mentions}
            if len(surfaces) == 1:
                by_surface[(adoption.concept, surfaces.pop()), right] += 1
    return by_concept, by_surface


def _rows(tally: Counter) -> list[tuple[object, int, int]]:
    keys = {key for key, _ in tally}
    return sorted(((k, tally[k, True], tally[k, False]) for k in keys), key=lambda r: (-r[2], r[1], str(r[0])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", help="gold sets: folders with a gold.json")
    parser.add_argument("--most", type=int, default=25, help="rows to print per table")
    parser.add_argument("--surface", action="append", default=[], help="print only these surfaces (repeatable)")
    args = parser.parse_args()
    concepts: Counter = Counter()
    surfaces: Counter = Counter()
    for folder in args.folders:
        gold = load_gold(folder / "gold.json")
        reports = [r for r in extract_files([folder], warnings=[], skipped=[], keep_going=True) if r.source in gold]
        c, s = label_tally(reports, gold)
        concepts.update(c)
        surfaces.update(s)
    if args.surface:
        for (concept, surface), right, wrong in _rows(surfaces):
            if surface in args.surface:
                print(f"{surface}\t{concept}\tright {right}\twrong {wrong}")
        return
    print(f"adoptions over {len(args.folders)} sets: right {sum(v for (k, r), v in concepts.items() if r)}, "
          f"wrong {sum(v for (k, r), v in concepts.items() if not r)}")
    print("\nby concept (right, wrong)")
    for concept, right, wrong in _rows(concepts)[: args.most]:
        print(f"  {concept}\t{right}\t{wrong}")
    print("\nby the one surface an adoption rests on (right, wrong)")
    for (concept, surface), right, wrong in _rows(surfaces)[: args.most]:
        print(f"  {surface} → {concept}\t{right}\t{wrong}")


if __name__ == "__main__":
    main()

"""Precision of the unlisted-mechanism rules (candidates) on a gold set.

A candidate is right when its span overlaps a surface of any gold mechanism of
the same report (listed or not): it then names a mechanism the annotators saw.
Prints every candidate with its verdict, so the misses can be read.

    .venv/bin/python bench/candidates.py seeds --gold eval/seeds-gold.json
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi.api import extract_files
from fazhi.evaluate import load_gold
from fazhi.extract.normalize import occurrences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--quiet", action="store_true", help="only the totals")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    right = total = 0
    for report in extract_files([args.folder], keep_going=True):
        if report.source not in gold:
            continue
        spans = [s for m in gold[report.source]["mechanisms"] for s in occurrences(report.text, m["surface"])]
        for mention in report.mentions:
            if mention.listed:
                continue
            ok = any(s < mention.surface.end and mention.surface.start < e for s, e in spans)
            right += ok
            total += 1
            if not args.quiet:
                print("ok " if ok else "-- ", report.source[:12], mention.concept, "|", mention.surface.text)
    print(f"candidates: {total}, right: {right}, precision: {right / total if total else 0:.3f}")


if __name__ == "__main__":
    main()

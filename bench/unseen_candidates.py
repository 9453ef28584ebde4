"""Mechanism names found in sentences written for this check (eval/unseen/candidates.tsv), not in any report.

For each sentence the expected whole names (listed or not) are compared with
what fazhi finds: a mechanism found is right when it overlaps an expected name
(as the gold scoring does); an unlisted candidate only when it is the whole
name, head included (no fragments). Precision over everything found, recall
over everything expected.

    .venv/bin/python bench/unseen_candidates.py [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from fazhi.extract import extract_text

WRAP = "某县人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n(一)推进依法行政。一是甲项。{}二是乙项。完成。\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=Path("eval/unseen/candidates.tsv"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    lines = [l for l in args.table.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
    found_n = right = expected_n = hit = 0
    candidates_n = candidates_right = 0
    for row in rows:
        text = WRAP.format(row["sentence"])
        report = extract_text(text, source="unseen.txt")
        expected = [e for e in (row["expected"] or "").split("|") if e]
        spans = {(text.find(e), text.find(e) + len(e)) for e in expected if text.find(e) >= 0}
        got = {(m.surface.start, m.surface.end, m.listed) for m in report.mentions}

        def overlaps(s, e):
            return any(gs < e and s < ge for gs, ge in spans)

        right_here = sum(overlaps(s, e) for s, e, _ in got)
        hit_here = sum(any(gs < e and s < ge for s, e, _ in got) for gs, ge in spans)
        found_n += len(got)
        right += right_here
        expected_n += len(spans)
        hit += hit_here
        for s, e, listed in got:
            if not listed:
                candidates_n += 1
                candidates_right += (s, e) in spans  # a candidate must be the whole name
        if args.verbose and (right_here != len(got) or hit_here != len(spans) or any(not l and (s, e) not in spans for s, e, l in got)):
            print(row["sentence"], "| expected", expected, "| found", [text[s:e] for s, e, _ in got])
    print(f"sentences: {len(rows)}; found {found_n}, right {right} (precision {right / found_n:.3f}); "
          f"expected {expected_n}, found {hit} (recall {hit / expected_n:.3f}); "
          f"candidates (unlisted) {candidates_n}, right {candidates_right} (precision {candidates_right / candidates_n if candidates_n else 0:.3f})")


if __name__ == "__main__":
    main()

"""Precision of the unlisted-mechanism rules (candidates) and their recall on a gold set.

For every report of a gold file (the seeds' ``eval/seeds-gold.json``, the blind
set's ``eval/blind/gold.json``):

* **precision** — a candidate (a mention that is not ``listed``) is right when
  its span overlaps a surface of any gold mechanism of the same report, listed
  or not: it then names a mechanism the annotators saw. ``exact`` counts the
  right ones whose span is a gold surface itself (quotes aside): a whole name,
  not a piece of one or a name with a verb or body stuck to it.
* **unlisted recall** — of the gold mechanisms the vocabulary does not match
  (the canonical is no concept key of ``fazhi.ontology.mechanism_concepts()``
  and no listed mention overlaps the surface), the share that a candidate
  overlaps. Gold surfaces not found in the text are left out and counted.
  Recall is also given by the shape of the gold surface (quoted, ending in a
  head word, neither), which says which rule family a miss falls under.

Totals only by default: the gold is scored, not read. ``--verbose`` prints
every candidate with its verdict and every missed unlisted gold mechanism.

    .venv/bin/python bench/candidates.py                       # seeds and eval/blind
    .venv/bin/python bench/candidates.py seeds --gold eval/seeds-gold.json --verbose
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi.evaluate import load_gold
from fazhi.extract import extract_report
from fazhi.extract.normalize import occurrences
from fazhi.ontology import mechanism_concepts

DEFAULT_SETS = ((Path("seeds"), Path("eval/seeds-gold.json")), (Path("eval/blind"), Path("eval/blind/gold.json")))
_QUOTES = "“”\"‘’'《》 "


def score(folder: Path, gold_path: Path, verbose: bool = False) -> dict:
    gold = load_gold(gold_path)
    keys = set(mechanism_concepts())
    totals = {"candidates": 0, "right": 0, "exact": 0, "unlisted_gold": 0, "found": 0, "not_in_text": 0}
    for name, doc in sorted(gold.items()):
        path = folder / name
        if not path.exists():
            continue
        report = extract_report(path)
        text = report.text
        entries = [(m, occurrences(text, m["surface"])) for m in doc["mechanisms"]]
        surfaces = {s.strip(_QUOTES) for m, _ in entries for s in _as_list(m["surface"])}
        spans = [s for _, occ in entries for s in occ]
        listed = [(m.surface.start, m.surface.end) for m in report.mentions if m.listed]
        unlisted = [m for m in report.mentions if not m.listed]
        for mention in unlisted:
            ok = any(s < mention.surface.end and mention.surface.start < e for s, e in spans)
            exact = ok and mention.surface.text.strip(_QUOTES) in surfaces
            totals["candidates"] += 1
            totals["right"] += ok
            totals["exact"] += exact
            if verbose:
                mark = "ok " if exact else ("ov " if ok else "-- ")
                print(mark, name[:12], mention.concept, "|", mention.surface.text)
        for entry, occ in entries:
            if not occ:
                totals["not_in_text"] += 1
                continue
            if entry["canonical"] in keys or any(s < ge and gs < e for s, e in listed for gs, ge in occ):
                continue
            totals["unlisted_gold"] += 1
            hit = any(m.surface.start < ge and gs < m.surface.end for m in unlisted for gs, ge in occ)
            totals["found"] += hit
            shape = _shape(_as_list(entry["surface"])[0])
            totals[f"{shape}_gold"] = totals.get(f"{shape}_gold", 0) + 1
            totals[f"{shape}_found"] = totals.get(f"{shape}_found", 0) + hit
            if verbose and not hit:
                print("miss", name[:12], entry["surface"])
    return totals


def _shape(surface: str) -> str:
    """Which rule could find a name: quoted, ending in a head word, or neither."""
    from fazhi.extract.candidates import _rules

    if "“" in surface or '"' in surface:
        return "quoted"
    plain = surface.strip(_QUOTES)
    return "headed" if any(plain.endswith(h) for h in _rules().heads) else "headless"


def _as_list(surface) -> list[str]:
    return [surface] if isinstance(surface, str) else list(surface)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", help="report folder (default: seeds and eval/blind)")
    parser.add_argument("--gold", type=Path, help="gold file of the folder")
    parser.add_argument("--verbose", action="store_true", help="every candidate and every missed gold mechanism")
    args = parser.parse_args()
    sets = [(args.folder, args.gold)] if args.folder else [(f, g) for f, g in DEFAULT_SETS if g.exists()]
    for folder, gold_path in sets:
        if gold_path is None:
            parser.error("--gold is required with a folder")
        t = score(folder, gold_path, args.verbose)
        print(
            f"{folder}: candidates {t['candidates']}, right {t['right']} (precision {_ratio(t['right'], t['candidates'])}), "
            f"whole names {t['exact']} ({_ratio(t['exact'], t['candidates'])}); "
            f"unlisted gold {t['unlisted_gold']}, found {t['found']} (recall {_ratio(t['found'], t['unlisted_gold'])}); "
            f"gold surfaces not in the text {t['not_in_text']}"
        )
        shapes = ", ".join(
            f"{shape} {t.get(shape + '_found', 0)}/{t.get(shape + '_gold', 0)}" for shape in ("headed", "quoted", "headless")
        )
        print(f"  unlisted recall by the gold surface's shape: {shapes}")


if __name__ == "__main__":
    main()

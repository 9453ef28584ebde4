"""What share of the gold's distinct mechanisms a vocabulary recognises on its own.

The honest estimate of how a vocabulary generalises: it was written by someone
who never opened ``seeds/`` or ``eval/`` (see the README), and is scored here on
the seeds' gold. A gold mechanism counts as recognised when, in a report the gold
gives it to, a match of one of the vocabulary's labels (names, aliases and
generated variants; no rules for unlisted names) overlaps one of its surfaces.
The reference vocabulary the annotators worked from is scored the same way, for
comparison.

    .venv/bin/python bench/blind_vocabulary.py [--gold eval/seeds-gold.json] [--folder seeds] [--tsv OTHER.tsv]

``bench/data/blind-helper-mechanisms.tsv`` is a second vocabulary, written by a helper who
opened nothing of the project's data (341 concepts); it is kept to compare with.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

from fazhi.evaluate import REFERENCE_VOCABULARY, load_gold
from fazhi.extract.lexicon import TermMatcher
from fazhi.extract.normalize import occurrences
from fazhi.extract.pipeline import get_nlp
from fazhi.extract.reading import read_source
from fazhi.ontology import mechanism_concepts


def fazhi_terms() -> dict[str, list[str]]:
    return {
        c.key: [c.pref_label, *c.alt_labels, *getattr(c, "hidden_labels", ())] for c in mechanism_concepts()
    }


def tsv_terms(path: Path) -> dict[str, list[str]]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t")
    return {r["canonical"]: [r["canonical"], *[a for a in (r["aliases"] or "").split("|") if a]] for r in rows}


def recognised(terms: dict[str, list[str]], texts: dict[str, str], gold: dict[str, dict]) -> tuple[set, set]:
    """(recognised, all) distinct canonical names of the gold's mechanisms."""
    nlp = get_nlp()
    matcher = TermMatcher(nlp, terms)
    found, every = set(), set()
    for name, doc in gold.items():
        text = texts[name]
        spans = [(s, e) for s, e, _ in matcher.find(nlp.make_doc(text))]
        for entry in doc["mechanisms"]:
            every.add(entry["canonical"])
            gold_spans = occurrences(text, entry["surface"])
            if any(s < ge and gs < e for s, e in spans for gs, ge in gold_spans):
                found.add(entry["canonical"])
    return found, every


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/seeds-gold.json"))
    parser.add_argument("--folder", type=Path, default=Path("seeds"))
    parser.add_argument("--tsv", type=Path, action="append", default=[],
                        help="also score this vocabulary TSV by its names and aliases (repeatable)")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    texts = {name: read_source(args.folder / name).text for name in gold}
    result = {}
    for label, terms in (
        ("fazhi vocabulary", fazhi_terms()),
        ("reference vocabulary", tsv_terms(args.gold.parent / REFERENCE_VOCABULARY)),
        *[(str(path), tsv_terms(path)) for path in args.tsv],
    ):
        found, every = recognised(terms, texts, gold)
        result[label] = {
            "concepts": len(terms),
            "recognised": len(found),
            "gold_mechanisms": len(every),
            "share": round(len(found) / len(every), 4),
            "missed": sorted(every - found),
        }
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

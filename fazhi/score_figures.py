"""Scoring extracted figures: against the gold's selection, and against an audit of every figure.

Two views, because the gold annotates a *selection* of a report's figures:

- ``score_figures`` / ``figure_rates``: recall over the gold's metrics, and a
  precision that can only judge the figures whose surface meets a gold surface;
- ``audit_figures`` / ``audit_rates``: precision over *every* extracted figure,
  judged by hand in an audit file (``eval/seeds-figures-audit.json``). Each
  audit entry records one extracted figure — ``file``, ``surface``, ``value``,
  ``unit``, ``indicator`` — and two judgements: ``correct`` (a real figure,
  with the right number and unit) and ``indicator_ok`` (the indicator is right
  for it, or it rightly has none). A figure matches an entry of its file with
  the same value and unit whose surface overlaps its own, so the audit survives
  small changes to how the extractor cuts surfaces. An ``indicator_ok``
  judgement holds only for the indicator it was made on: a figure whose
  indicator has changed since is counted as not judged for its indicator.
  Figures no entry matches are ``unaudited``, never counted as right or wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .extract.normalize import occurrences
from .extract.records import Figure

__all__ = ["AUDIT", "audit_figures", "audit_rates", "default_audit", "figure_rates", "load_audit", "score_figures"]

AUDIT = "seeds-figures-audit.json"


def score_figures(predicted: list[Figure], gold_metrics: list[dict], text: str) -> dict:
    """Counts for recall over the gold selection and precision over the predictions that meet it.

    A gold metric ``{value, unit, surface}`` is found when a predicted figure has
    the same value and unit and its surface overlaps an occurrence of the gold
    surface in ``text``. The gold is a selection, so precision counts only the
    predicted figures whose surface overlaps some gold surface (``aligned``);
    of these, ``correct`` ones match the value and unit of a gold metric they
    overlap. ``indicator_agree`` counts found metrics whose indicator equals the
    gold one. Counts add up over documents; ``figure_rates`` turns them into rates.
    """
    gold_spans = [occurrences(text, g["surface"]) for g in gold_metrics]

    def same(fig, g):
        return _same_value(fig, g["value"], g["unit"])

    found = agree = 0
    for g, spans in zip(gold_metrics, gold_spans):
        hits = [f for f in predicted if _overlaps(f, spans) and same(f, g)]
        if hits:
            found += 1
            agree += any(f.indicator == g["indicator"] for f in hits)
    aligned = [f for f in predicted if any(_overlaps(f, spans) for spans in gold_spans)]
    correct = sum(
        1 for f in aligned if any(_overlaps(f, spans) and same(f, g) for g, spans in zip(gold_metrics, gold_spans))
    )
    return {
        "found": found,
        "gold": len(gold_metrics),
        "aligned": len(aligned),
        "correct": correct,
        "indicator_agree": agree,
    }


def figure_rates(counts: dict) -> dict:
    """Recall, precision and indicator agreement from (summed) ``score_figures`` counts."""
    return {
        "recall": counts["found"] / counts["gold"] if counts["gold"] else 0.0,
        "precision": counts["correct"] / counts["aligned"] if counts["aligned"] else 0.0,
        "indicator_agreement": counts["indicator_agree"] / counts["found"] if counts["found"] else 0.0,
    }


def load_audit(path: str | Path) -> dict[str, list[dict]]:
    """Audit entries keyed by file name."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["figures"] if isinstance(data, dict) else data
        audit: dict[str, list[dict]] = {}
        for entry in entries:
            for key in ("file", "surface", "value", "unit", "correct", "indicator_ok"):
                entry[key]  # noqa: B018 — every key is required
            audit.setdefault(entry["file"], []).append(entry)
        return audit
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a fazhi figure audit ({exc.__class__.__name__}: {exc})") from None


def default_audit() -> dict[str, list[dict]]:
    """The seeds' figure audit (``eval/seeds-figures-audit.json`` here or beside the fazhi sources); empty if none."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[1]):
        candidate = root / "eval" / AUDIT
        if candidate.exists():
            return load_audit(candidate)
    return {}


def audit_figures(predicted: list[Figure], entries: list[dict], text: str) -> dict:
    """Counts of ``predicted`` figures judged right by the audit ``entries`` of one file.

    Each entry judges at most one figure: the figures are taken in order and
    each takes an entry not yet used with its value and unit whose surface
    overlaps its own (of several, the one whose ``start`` is nearest).
    """
    used: set[int] = set()
    spans = [occurrences(text, e["surface"]) for e in entries]
    counts = {
        "extracted": len(predicted),
        "without_indicator": sum(f.indicator is None for f in predicted),
        "audited": 0,
        "correct": 0,
        "indicator_audited": 0,
        "indicator_ok": 0,
    }
    for fig in predicted:
        candidates = [
            i for i, e in enumerate(entries)
            if i not in used and _same_value(fig, e["value"], e["unit"]) and _overlaps(fig, spans[i])
        ]
        if not candidates:
            continue
        match = min(candidates, key=lambda i: abs(entries[i].get("start", fig.surface.start) - fig.surface.start))
        used.add(match)
        entry = entries[match]
        counts["audited"] += 1
        counts["correct"] += bool(entry["correct"])
        if entry.get("indicator") == fig.indicator:
            counts["indicator_audited"] += 1
            counts["indicator_ok"] += bool(entry["indicator_ok"])
    return counts


def audit_rates(counts: dict) -> dict:
    """Precision over every extracted figure from (summed) ``audit_figures`` counts."""
    return {
        "extracted": counts["extracted"],
        "without_indicator": counts["without_indicator"],
        "audited": counts["audited"],
        "unaudited": counts["extracted"] - counts["audited"],
        "audited_precision": round(counts["correct"] / counts["audited"], 4) if counts["audited"] else 0.0,
        "audited_indicator_precision": (
            round(counts["indicator_ok"] / counts["indicator_audited"], 4) if counts["indicator_audited"] else 0.0
        ),
        "indicator_unaudited": counts["extracted"] - counts["indicator_audited"],
    }


def _same_value(fig: Figure, value, unit: str) -> bool:
    return abs(fig.value - float(value)) < 1e-9 and fig.unit == unit


def _overlaps(fig: Figure, spans) -> bool:
    return any(s < fig.surface.end and fig.surface.start < e for s, e in spans)

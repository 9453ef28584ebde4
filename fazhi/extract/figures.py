"""Figures: a number with its unit, read as an observation of a normalised indicator.

A figure is an Arabic number (or a Chinese numeral of two or more characters,
十个项目 → 10) directly followed by a counting unit (件, 人次, 场, %, 万元 …),
optionally with 余/多 between them and 约/近/超/以上/不少于 around them, which
mark the value approximate. Years, dates, ordinals (第四次), enumerators,
numbers in quoted names (“四个意识”) and in document titles are not figures.

The indicator comes from ``lexicons/indicators.tsv``: the first row whose
context pattern matches the clause before the number (else the sentence
before it) and whose units admit the figure's unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from .lexicon import read_tsv, split_list
from .normalize import occurrences
from .records import Figure, Span

_UNITS = (
    "个百分点", "件次", "人次", "场次", "批次", "户次", "家次", "次", "件", "宗", "起", "条", "项", "个",
    "名", "人", "家", "场", "份", "篇", "本", "期", "批", "轮", "户", "所", "处", "支", "册", "套",
    "台", "部", "卷", "元", "学时", "课时", "小时", "%", "‰",
)
_UNIT_RE = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_CN = "零一二三四五六七八九十百千万两"
_NUMBER = rf"(?P<num>\d+(?:\.\d+)?|[{_CN}]{{2,}}|十)"
FIGURE_RE = re.compile(
    rf"(?P<pre>约|近|超过|超|逾|不少于|不低于)?{_NUMBER}(?P<more>余|多)?(?P<scale>万|亿)?(?P<unit>{_UNIT_RE})(?P<post>以上|余)?"
)
_BAD_AFTER = re.compile(r"^(?:制度|机制|意识|自信|维护|清单|规划|纲要|原则|要求|举措|行动|工作法|模式|体系|方面|环节)")
_CLAUSE_STOP = "。;:!?,、()\n"


@dataclass(frozen=True)
class _Indicator:
    name: str
    context: re.Pattern
    units: frozenset


@lru_cache(maxsize=1)
def indicators() -> tuple[_Indicator, ...]:
    return tuple(
        _Indicator(row["indicator"], re.compile(row["context"]), frozenset(split_list(row["units"])))
        for row in read_tsv("indicators.tsv")
    )


def _value(number: str) -> float | None:
    if number[0].isdigit():
        return float(number)
    try:
        return float(cn2an.cn2an(number, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _protected(norm: str) -> list[tuple[int, int]]:
    """Stretches where numbers are not figures: titles 《…》 and short quoted names “…”."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]*》", norm)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"“[^“”\n]{1,12}”", norm)]
    return spans


def indicator_for(clause: str, sentence: str, unit: str) -> str | None:
    base = unit[1:] if unit[:1] in ("万", "亿") and len(unit) > 1 else unit
    for context in (clause, sentence):
        for ind in indicators():
            if base in ind.units and ind.context.search(context):
                return ind.name
    return None


def find_figures(text: str, norm: str) -> list[Figure]:
    protected = _protected(norm)
    found: list[Figure] = []
    last_end = 0
    for m in FIGURE_RE.finditer(norm):
        start, end = m.start(), m.end()
        num_start, num_end = m.span("num")
        number = m.group("num")
        before = norm[max(0, num_start - 1) : num_start]
        after = norm[end : end + 4]
        if _inside(protected, num_start, num_end):
            continue
        if before == "第" or (before.isdigit() or before == ".") or _BAD_AFTER.match(after):
            continue
        if not number[0].isdigit() and (number in ("一十",) or before in _CN):
            continue
        if m.group("unit") in ("元",) and not m.group("scale") and not number[0].isdigit():
            continue
        value = _value(number)
        if value is None:
            continue
        unit = (m.group("scale") or "") + m.group("unit")
        # the surface: the clause words before the number, the number and the unit
        left = num_start
        floor = max(last_end, num_start - 12)
        while left > floor and norm[left - 1] not in _CLAUSE_STOP:
            left -= 1
        if m.group("pre"):
            left = min(left, start)
        while left < num_start and norm[left] == " ":
            left += 1
        clause_start = num_start
        while clause_start > 0 and norm[clause_start - 1] not in _CLAUSE_STOP:
            clause_start -= 1
        sentence_start = max(norm.rfind(c, 0, num_start) for c in "。;!?\n") + 1
        clause = norm[clause_start:num_start]
        sentence = norm[sentence_start:num_start]
        approx = bool(m.group("pre") or m.group("more") or m.group("post"))
        found.append(
            Figure(
                surface=Span(left, end, text[left:end]),
                number=Span(num_start, num_end, text[num_start:num_end]),
                value=value,
                unit=unit,
                indicator=indicator_for(clause, sentence, unit),
                approx=approx,
            )
        )
        last_end = end
    return found


def score_figures(predicted: list[Figure], gold_metrics: list[dict], text: str) -> dict:
    """Recall over the gold selection; precision over predictions that overlap a gold surface.

    A gold metric is found when a predicted figure has the same value and unit
    and its surface overlaps an occurrence of the gold surface.
    """
    gold_spans = [occurrences(text, g["surface"]) for g in gold_metrics]

    def overlaps(fig, spans):
        return any(s < fig.surface.end and fig.surface.start < e for s, e in spans)

    def same(fig, g):
        return abs(fig.value - float(g["value"])) < 1e-9 and fig.unit == g["unit"]

    found = agree = 0
    for g, spans in zip(gold_metrics, gold_spans):
        hits = [f for f in predicted if overlaps(f, spans) and same(f, g)]
        if hits:
            found += 1
            agree += any(f.indicator == g["indicator"] for f in hits)
    aligned = [f for f in predicted if any(overlaps(f, spans) for spans in gold_spans)]
    correct = sum(
        1 for f in aligned if any(overlaps(f, spans) and same(f, g) for g, spans in zip(gold_metrics, gold_spans))
    )
    return {
        "found": found,
        "gold": len(gold_metrics),
        "aligned": len(aligned),
        "correct": correct,
        "indicator_agree": agree,
    }

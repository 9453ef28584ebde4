"""Figures: a number with its unit, read as an observation of a normalised indicator.

A figure is an Arabic number (30,000 and 16.13 included) or a Chinese numeral
with a place character (十个项目 → 10, 一百二十人 → 120, but not 一是, 三项制度,
两个维护), directly followed by a counting unit (件, 人次, 场, %, 个百分点 …).
万/亿 stay in the unit (135.9万元 → 135.9 "万元", 三万人次 → 3 "万人次").
余/多 after the number, 约/近/超/逾/不少于/不低于 before it and 以上/左右 after
the unit mark the value approximate. 百分之九十 is 90 %.

Not figures: years and dates (no unit), ordinals (第四次), enumerators (1. (一)),
numbers in document titles (《…》) and in short quoted names (“四个意识”),
parts of codes and formulas (“1+3+5+N”, 1310, 12345热线), counts of systems
(三项制度, 10项机制), and slogans of the form 3个100%.

The indicator comes from ``lexicons/indicators.tsv`` (its header explains the
columns): the first row whose cue occurs in the figure's clause, whose unit
fits and whose scope, if any, occurs nearby. Figures that no row explains keep
``indicator=None``: the graph files them under one "unclassified" indicator
rather than minting a concept from whatever noun happens to stand before the
number, which would not compare across regions. Rows may build a name from the
text where the text itself names the quantity (an ``X率``, the subject of a
change 较去年提升…) or from the figure just before (占比, 同比增长).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import cn2an

from .normalize import occurrences
from .records import Figure, Span

__all__ = ["Indicator", "figure_rates", "find_figures", "indicator_for", "indicator_rows", "score_figures"]

# Units, longest first. A unit is not a unit when the word goes on (部门, 人员, 台账 …).
_UNITS = (
    "个百分点", "个工作日", "百分点", "工作日", "平方米", "个月", "件次", "人次", "场次", "批次", "户次", "家次",
    "学时", "课时", "小时", "次", "件", "宗", "起(?!草|诉|来|步|点)", "条(?!例)", "项", "个(?!体)",
    "名(?!单|称)", "人(?!民|员|大|才|数)", "家(?!庭)", "场(?!所|景|地)", "份", "篇", "本(?!级|地|领)",
    "期(?!间|限)", "批", "轮", "户", "所", "处(?!罚|理|置)", "支", "册", "套", "台(?!账)", "部(?!门|署|分)",
    "卷", "元", "天", "张", "例", "门(?!户)", "亩", "倍", "%", "‰",
)
_ASCII_DIGITS = "0123456789"
_CN_DIGITS = "零〇一二三四五六七八九两"
_CN_PLACES = "十百千万亿"
_NUMBER = rf"[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|[{_CN_DIGITS}{_CN_PLACES}]+"
_APPROX_BEFORE = "约|大约|将近|近|超过|超|逾|不少于|不低于"
FIGURE_RE = re.compile(
    rf"(?P<pre>{_APPROX_BEFORE})?(?P<num>{_NUMBER})(?P<more>余|多)?(?P<scale>万|亿)?(?P<more2>余|多)?"
    rf"(?P<unit>{'|'.join(_UNITS)})(?P<post>以上|左右)?"
)
PERCENT_RE = re.compile(rf"(?P<pre>{_APPROX_BEFORE})?百分之(?P<num>[{_CN_DIGITS}{_CN_PLACES}]+|[0-9]+(?:\.[0-9]+)?)(?P<post>以上|左右)?")
# A count of systems or a slogan, not a figure: 三项制度, 10项机制, 两个维护.
_NOT_COUNTED = re.compile(r"(?:制度|机制|意识|自信|维护|清单|规划|纲要|原则|要求|举措|行动|工作法|模式|体系|方面|环节)")
_NOT_AFTER_NUMBER = re.compile(r"[+×/]")
_SLOGAN_PERCENT = re.compile(r"[“”]?[0-9]+(?:\.[0-9]+)?%")  # 3个100%
_CLAUSE_STOPS = "。;:!?,\n"
_RIGHT_STOPS = "。;:!?,\n、《("
_SENTENCE_STOPS = "。!?\n"
_DATE_RE = re.compile(r"[0-9]{1,4}(?:年度?|月份?|日)(?:以来|来|底|初|末|上半年|下半年|全年)?")
_MAX_LEFT = 16  # characters of clause kept before the number in the surface
_MAX_RIGHT = 12  # characters of noun phrase kept after a classifier (12个部门聘请法律顾问)
_CLASSIFIERS = frozenset("个名件项家宗起条份本批轮户所处支册套台部卷张例门")
_STEM = re.compile(r"(?:办理|受理|审结|办结|审查|录入)?数$")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_FALLBACK = re.compile(r"\{\w+\}")  # a row named by the text alone ({rate}) applies only when no other row does
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Indicator:
    """One row of ``lexicons/indicators.tsv``."""

    name: str  # may hold {placeholders}
    cue: re.Pattern
    scope: re.Pattern | None
    units: frozenset


@lru_cache(maxsize=1)
def indicator_rows() -> tuple[Indicator, ...]:
    """The indicator lexicon, in priority order (read once)."""
    text = resources.files(__package__).joinpath("lexicons", "indicators.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        rows.append(
            Indicator(
                name=row["indicator"],
                cue=re.compile(row["cue"]),
                scope=re.compile(row["scope"]) if row.get("scope") else None,
                units=frozenset(u.strip() for u in row["units"].split("|") if u.strip()),
            )
        )
    return tuple(rows)


@dataclass
class _Candidate:
    start: int  # of the approximate marker before the number, else of the number
    num_start: int
    num_end: int
    end: int
    value: float
    unit: str
    approx: bool


def _value(number: str) -> float | None:
    if number[0] in _ASCII_DIGITS:
        return float(number.replace(",", ""))
    if len(number) > 1 and not any(c in _CN_PLACES for c in number):
        return None  # 一一, 三五: not a numeral with place characters
    try:
        return float(cn2an.cn2an(number, "smart"))
    except Exception:  # cn2an raises ValueError, KeyError, IndexError on malformed numerals
        return None


def _protected(norm: str) -> list[tuple[int, int]]:
    """Stretches where numbers are not figures: titles 《…》 and short quoted names “…”."""
    spans = [m.span() for m in re.finditer(r"《[^《》\n]*》", norm)]
    spans += [m.span() for m in re.finditer(r"“[^“”\n]{1,12}”", norm)]
    return spans


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _candidates(norm: str) -> list[_Candidate]:
    protected = _protected(norm)
    found: list[_Candidate] = []
    for m in FIGURE_RE.finditer(norm):
        num_start, num_end = m.span("num")
        number = m.group("num")
        before = norm[num_start - 1] if num_start else ""
        after = norm[m.end() : m.end() + 4]
        arabic = number[0] in _ASCII_DIGITS
        if _inside(protected, num_start, num_end) or before == "第":
            continue
        if before and (before in _ASCII_DIGITS + ".+-×/#" or before.isascii() and before.isalpha()):
            continue  # part of a longer number, a code or a formula (1+3+5+N)
        if _NOT_AFTER_NUMBER.match(after) or _NOT_COUNTED.match(after):
            continue
        scale = m.group("scale") or ""
        if not arabic:
            if before and before in "数几若每" + _CN_DIGITS + _CN_PLACES:
                continue  # 数十, 几百
            if len(number) > 1 and number[-1] in "万亿" and not scale:
                number, scale = number[:-1], number[-1]
                num_end -= 1
            if len(number) == 1 and number != "十" and not m.group("scale") and not scale:
                continue  # 一是, 三项, 两个: single digits are words, not figures
            if m.group("unit") in ("元", "倍") and not scale:
                continue
        value = _value(number)
        if value is None:
            continue
        found.append(
            _Candidate(
                start=m.start(),
                num_start=num_start,
                num_end=num_end,
                end=m.end(),
                value=value,
                unit=scale + m.group("unit"),
                approx=bool(m.group("pre") or m.group("more") or m.group("more2") or m.group("post")),
            )
        )
    for m in PERCENT_RE.finditer(norm):
        if _inside(protected, m.start(), m.end()):
            continue
        value = _value(m.group("num"))
        if value is not None:
            found.append(
                _Candidate(m.start(), m.start("num"), m.end("num"), m.end(), value, "%", bool(m.group("pre") or m.group("post")))
            )
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[_Candidate] = []
    for c in found:  # 百分之二十件 is read once, as 20 %
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
    found = kept
    # slogans such as 3个100%: neither number is a figure
    slogans = set()
    for i, c in enumerate(found):
        if c.unit == "个" and _SLOGAN_PERCENT.match(norm, c.end):
            slogans.add(i)
            if i + 1 < len(found) and found[i + 1].unit == "%" and found[i + 1].num_start - c.end <= 1:
                slogans.add(i + 1)
    return [c for i, c in enumerate(found) if i not in slogans]


def _left_start(norm: str, c: _Candidate, floor: int) -> int:
    """Start of the clause before the number, not before ``floor`` (the previous figure)."""
    left = c.start
    while left > floor and norm[left - 1] not in _CLAUSE_STOPS:
        left -= 1
    return left


def _right_end(norm: str, c: _Candidate, ceiling: int) -> int:
    right = c.end
    while right < ceiling and right - c.end < 30 and norm[right] not in _RIGHT_STOPS:
        right += 1
    return right


def _sentence_start(norm: str, pos: int, floor: int = 0) -> int:
    return max([floor] + [norm.rfind(ch, floor, pos) + 1 for ch in _SENTENCE_STOPS])


def _fill(template: str, groups: dict, prev: str | None) -> str | None:
    values = {}
    for key in _PLACEHOLDER.findall(template):
        if key == "prev":
            if not prev or not prev.endswith("数"):
                return None
            values[key] = _STEM.sub("", prev)
        else:
            value = groups.get(key)
            if not value:
                return None
            values[key] = value
    return template.format(**values) if values else template


def indicator_for(local: str, sentence: str, previous: str, unit: str, prev: str | None = None) -> str | None:
    """The indicator of a figure whose clause reads ``local`` (LEFT#RIGHT).

    ``sentence`` is the sentence up to the number, ``previous`` the sentence
    before it (same paragraph); scopes are looked for in the clause, then in
    the sentence, and only when nothing applies there, in the previous
    sentence too. ``prev`` is the indicator of the figure just before in the
    same sentence.
    """
    base = unit[1:] if unit[:1] in "万亿" and len(unit) > 1 else unit
    rows = [(row, cue) for row in indicator_rows() if base in row.units for cue in [row.cue.search(local)] if cue]
    named = [(row, cue) for row, cue in rows if not _FALLBACK.fullmatch(row.name)]
    return (
        _choose(named, local, sentence, prev)
        or (_choose(named, local, previous + sentence, prev) if previous else None)
        or _choose(rows, local, sentence, prev)
    )


def _choose(rows, local: str, context: str, prev: str | None) -> str | None:
    candidates = []  # (row, reach, name, cue length); reach: where the scope was seen, None if unscoped
    for row, cue in rows:
        reach = None
        if row.scope is not None:
            if row.scope.search(local):
                reach = len(context) + 1
            else:
                hits = [m.end() for m in row.scope.finditer(context)]
                if not hits:
                    continue
                reach = hits[-1]
        name = _fill(row.name, cue.groupdict(), prev)
        if name is not None:
            candidates.append((row, reach, name, cue.end() - cue.start()))
    # among rows that need a scope, only those whose scope is nearest to the number
    nearest = max((c[1] for c in candidates if c[1] is not None), default=None)
    candidates = [c for c in candidates if c[1] is None or c[1] == nearest]
    # a scope seen only outside the clause gives way to a longer cue inside it
    # (行政复议…, 受理矛盾纠纷1200件 is about disputes)
    longest_plain = max((c[3] for c in candidates if c[1] is None and "{" not in c[0].name), default=0)
    for row, reach, name, length in candidates:  # in row order
        if reach is not None and reach <= len(context) and length < longest_plain:
            continue
        return name
    return None


def find_figures(text: str, norm: str) -> list[Figure]:
    """Figures in a report: ``text`` as written, ``norm`` its ``normalize`` (same length)."""
    candidates = _candidates(norm)
    figures: list[Figure] = []
    prev_end = prev_surface_end = 0
    prev_indicator: str | None = None
    for i, c in enumerate(candidates):
        next_start = candidates[i + 1].start if i + 1 < len(candidates) else len(norm)
        left = _left_start(norm, c, prev_end)
        if left == prev_end and prev_end:  # 2个规范化司法所、1个五星级司法所: the words before 、 are the previous figure's
            left = max(left, norm.rfind("、", left, c.start) + 1)
        right = _right_end(norm, c, next_start)
        left_text = norm[left : c.start]
        right_text = norm[c.end : right]
        local = left_text.replace("#", " ") + "#" + right_text.replace("#", " ")
        line_start = norm.rfind("\n", 0, c.start) + 1
        sentence = _sentence_start(norm, c.start, line_start)
        previous = _sentence_start(norm, sentence - 1, line_start) if sentence > line_start else sentence
        same_sentence = prev_end > max(sentence, norm.rfind(";", 0, c.start) + 1)
        indicator = indicator_for(
            local, norm[sentence : c.start], norm[previous:sentence], c.unit, prev_indicator if same_sentence else None
        )

        # the surface: the clause words before the number (not a date), the number, the unit,
        # and the counted noun after a classifier when the words before say little
        s = max(left, c.start - _MAX_LEFT)
        if s > left:  # cut inside the clause: start at a nearby quote or after a list comma
            for k, ch in enumerate(norm[s : min(s + 6, c.start)]):
                if ch in "“”、的":
                    s += k if ch == "“" else k + 1
                    break
        for m in _DATE_RE.finditer(norm, s, c.start):
            s = m.end()
        s = max(s, prev_surface_end)
        while s < c.start and norm[s] in " ,、":
            s += 1
        e = c.end
        if c.unit[-1:] in _CLASSIFIERS and right_text and len(_CJK.findall(norm[s : c.start])) < 3:
            e = min(right, c.end + _MAX_RIGHT)
            quote = norm.find("“", c.end + 2, e)  # 21名“双语调解员”“五老人员” → up to the second name
            if quote > 0:
                e = quote
        figures.append(
            Figure(
                surface=Span(s, e, text[s:e]),
                number=Span(c.num_start, c.num_end, text[c.num_start : c.num_end]),
                value=c.value,
                unit=c.unit,
                indicator=indicator,
                approx=c.approx,
            )
        )
        prev_end, prev_surface_end = c.end, e
        prev_indicator = indicator
    return figures


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


def figure_rates(counts: dict) -> dict:
    """Recall, precision and indicator agreement from (summed) ``score_figures`` counts."""
    return {
        "recall": counts["found"] / counts["gold"] if counts["gold"] else 0.0,
        "precision": counts["correct"] / counts["aligned"] if counts["aligned"] else 0.0,
        "indicator_agreement": counts["indicator_agree"] / counts["found"] if counts["found"] else 0.0,
    }

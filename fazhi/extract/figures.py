"""Figures: a number with its unit, read as an observation of a normalised indicator.

A figure is an Arabic number (30,000 and 16.13 included) or a Chinese numeral
with a place character (十个项目 → 10, 一百二十人 → 120, but not 一是, 三项制度,
两个维护), directly followed by a counting unit (件, 人次, 场, %, 个百分点 …).
万/亿 stay in the unit (135.9万元 → 135.9 "万元", 三万人次 → 3 "万人次").
余/多 after the number, 约/近/超/逾/不少于/不低于 before it and 以上/左右 after
the unit mark the value approximate. 百分之九十 is 90 %.

Not figures: years and dates (no unit), ordinals (第四次), enumerators (1. (一)),
numbers in document titles (《…》) and in short quoted names (“四个意识”),
parts of codes and formulas (“1+3+5+N”, 1310, 12345热线, 110纠纷类警情: a
number glued to letters, digits or words is a name), counts of systems
(三项制度, 10项机制), and slogans of the form 3个100%.

The indicator is composed, not looked up: what is counted (an object of
``lexicons/indicators.tsv``), what was done to it (``indicators_actions.tsv``)
and what the unit measures (``indicators_units.tsv``), so that 受理行政复议案件48件
and 行政复议案件受理48件 are both 行政复议案件受理数, and 败诉率16.13% in a
sentence on litigation is 行政诉讼败诉率 (rate words: ``indicators_rates.tsv``).
The header of ``indicators.tsv`` states the naming scheme. A figure whose
object cannot be found keeps ``indicator=None``: the graph files it under one
"unclassified" indicator rather than minting a concept from whatever noun
happens to stand before the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import cn2an

from .records import Figure, Span

__all__ = ["IndicatorLexicon", "IndicatorObject", "find_figures", "indicator_lexicon"]

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
_CJK = re.compile(r"[\u4e00-\u9fff]")


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



# ---- indicators -------------------------------------------------------------------

_PERSON_KINDS = ("person", "agent")
_GROUP_KINDS = ("event", "exam")  # what people take part in (295人参加执法资格考试)
_PARTAKE = ("参加", "通过")
_MODIFIER = 5  # characters of unknown words that may stand between a unit and its noun (2个全省规范化司法所)
_VERB_REACH = 6  # characters after a noun that follows the unit in which its verb may start
_RIGHT_REACH = 10  # characters after the unit in which the counted noun may start (600名执法人员, 295人参加考试)
_RATE_END = "率度"
_AFTER_UNIT = "中的等以左次"  # 8个司法所中, 60学时的, 20余家等: not a noun
_RUN_STOPS = "的和及与、或"


@dataclass(frozen=True)
class IndicatorObject:
    """What is counted: one row of ``lexicons/indicators.tsv``."""

    name: str  # 行政复议案件; empty for a word that says only the kind (案件, 考试)
    domain: str  # the name put before a rate word (行政复议)
    kind: str  # case document matter event exam service person agent entity money
    generic: bool
    action: str  # implied when the clause names none (人民调解案件 → 调解)
    pattern: re.Pattern


@dataclass(frozen=True)
class IndicatorLexicon:
    """The tables indicator names are composed from (``lexicons/indicators*.tsv``)."""

    objects: tuple[IndicatorObject, ...]
    actions: tuple[tuple[str, re.Pattern], ...]  # (action, pattern); an empty action says nothing
    units: dict  # unit → (measure, kinds it can count)
    rates: tuple[tuple[str, str, re.Pattern], ...]  # (rate, its fixed domain or '', pattern anchored at the end)
    words: dict  # link, share, increase, decrease, subset → pattern


def _table(name: str) -> list[dict]:
    text = resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


@lru_cache(maxsize=1)
def indicator_lexicon() -> IndicatorLexicon:
    """The indicator lexicon (read once)."""
    objects = tuple(
        IndicatorObject(
            name=row["object"],
            domain=row.get("domain") or row["object"],
            kind=row["kind"],
            generic=row.get("generic") == "yes",
            action=row.get("action", ""),
            pattern=re.compile(row["pattern"]),
        )
        for row in _table("indicators.tsv")
    )
    actions = tuple((row["action"], re.compile(row["pattern"])) for row in _table("indicators_actions.tsv"))
    units = {row["unit"]: (row["measure"], tuple(row.get("kinds", "").split())) for row in _table("indicators_units.tsv")}
    rates = tuple(
        (row["rate"], row.get("domain", ""), re.compile(f"(?:{row['pattern']})$")) for row in _table("indicators_rates.tsv")
    )
    words = {row["word"]: re.compile(row["pattern"]) for row in _table("indicators_words.tsv")}
    return IndicatorLexicon(objects, actions, units, rates, words)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    item: object  # an IndicatorObject, or an action (str)


def _mentions(norm: str, items, protected) -> list[_Mention]:
    """Non-overlapping matches of ``(item, pattern)`` pairs, the longest first, then in row order."""
    found = []
    for rank, (item, pattern) in enumerate(items):
        for m in pattern.finditer(norm):
            if m.end() > m.start() and not _inside(protected, m.start(), m.end()):
                found.append((m.start(), m.end(), rank, item))
    found.sort(key=lambda t: (t[0] - t[1], t[2], t[0]))
    taken = bytearray(len(norm))
    kept = []
    for start, end, _, item in found:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            kept.append(_Mention(start, end, item))
    kept.sort(key=lambda m: m.start)
    return kept


@dataclass(frozen=True)
class _Reading:
    name: str | None = None
    obj: IndicatorObject | None = None
    action: str = ""
    used: int = 0  # end of the noun after the unit it counted (8个乡镇(街道)和116个村: not the next one's)


@dataclass(frozen=True)
class _Context:
    """Where one figure stands: its clause [left, right), number [start, end), sentence and the one before."""

    norm: str
    left: int
    start: int
    end: int
    right: int
    sentence: int
    previous: int
    unit: str
    prev: _Reading | None  # the figure just before, in the same sentence
    listed: bool  # joined to that figure by 、 (受理行政复议案件56件、行政诉讼案件30件)


class _Reader:
    """Reads the indicator of each figure of one text (mentions found once per text)."""

    def __init__(self, norm: str, lexicon: IndicatorLexicon):
        protected = [m.span() for m in re.finditer(r"《[^《》\n]*》", norm)]
        self.lex = lexicon
        self.norm = norm
        topic = lexicon.words["topic"]
        objects = _mentions(norm, [(o, o.pattern) for o in lexicon.objects], protected)
        # 矛盾纠纷排查化解情况, 法律顾问制度: a topic, not a thing counted
        self.objects = [m for m in objects if not topic.match(norm, m.end)]
        # an action inside an object's words is part of the name (审查意见, 调解员, 行政处罚), unless the
        # object is an event (检查, 培训: 抽查市场主体2606家 is a count of inspected businesses)
        named = bytearray(len(norm))  # characters inside an object that is no event
        for o in objects:
            if o.item.kind not in _GROUP_KINDS:
                named[o.start : o.end] = b"\x01" * (o.end - o.start)
        self.actions = [m for m in _mentions(norm, lexicon.actions, protected) if not any(named[m.start : m.end])]

    # -- mentions
    def _objects(self, start: int, end: int) -> list[_Mention]:
        return [m for m in self.objects if start <= m.start and m.end <= end]

    def _objects_from(self, start: int, end: int) -> list[_Mention]:
        """Objects that start in [start, end) (after the number: the clause ends at a bracket, 村(社区))."""
        return [m for m in self.objects if start <= m.start < end]

    def _actions(self, start: int, end: int) -> list[_Mention]:
        """Actions in [start, end), the ones that say nothing (办理, 开展) included: they stop the search."""
        return [m for m in self.actions if start <= m.start and m.end <= end]

    def _specific(self, ctx: _Context, before: int, fits, back: bool = False) -> IndicatorObject | None:
        """The object of the previous figure of the sentence, else the nearest one named earlier in the
        sentence, else in the sentence before when this one breaks it down (其中 …) or ``back`` (a word
        such as 考试 that refers to what was just named)."""
        if ctx.prev is not None and ctx.prev.obj is not None and fits(ctx.prev.obj):
            return ctx.prev.obj
        starts = [ctx.sentence]
        if ctx.previous < ctx.sentence and (back or self.lex.words["subset"].match(self.norm, ctx.sentence)):
            starts.append(ctx.previous)
        for start in starts:
            hits = [m for m in self._objects(start, before) if not m.item.generic and fits(m.item)]
            if hits:
                return hits[-1].item
            before = start
        return None

    def _resolve(self, ctx: _Context, mention: _Mention, fits) -> IndicatorObject | None:
        """A generic word (案件, 考试) stands for the nearest specific object of its kind."""
        obj = mention.item
        if not obj.generic:
            return obj
        if obj.kind == "money":
            return self._specific(ctx, mention.start, lambda o: o.kind != "money")
        return self._specific(ctx, mention.start, lambda o: o.kind == obj.kind, back=True)

    def _says_nothing(self, ctx: _Context) -> bool:
        """True when the clause holds only filler and actions (受理48件, 其中已办结30件, 260人通过考试)."""
        covered = bytearray(ctx.start - ctx.left)
        for m in self._objects(ctx.left, ctx.start) + self._actions(ctx.left, ctx.start):
            covered[m.start - ctx.left : m.end - ctx.left] = b"\x01" * (m.end - m.start)
        rest = "".join(ch for ch, c in zip(self.norm[ctx.left : ctx.start], covered) if not c)
        rest = self.lex.words["filler"].sub("", rest)
        if len(_CJK.findall(rest)) > 1:
            return False
        # the noun after the unit, if it is not one we know, is what is counted (1个审计项目, 369名劳动者)
        after = self.norm[ctx.end : ctx.right].lstrip("“”\"' 的")
        first = ctx.right - len(after)
        known = self._objects_from(ctx.end, ctx.right) + self._actions(ctx.end, ctx.right)
        return not _CJK.match(after) or any(m.start <= first < m.end for m in known)

    def _counted_after(self, ctx: _Context, mention: _Mention) -> bool:
        """Whether an object after the unit is what is counted: right after it or after a few modifiers
        (2个全省规范化司法所), or what people take part in (295人参加考试), not the object of some verb
        (11个主体申报…检查计划)."""
        gap = self.norm[ctx.end : mention.start]
        if len(gap) > _RIGHT_REACH:
            return False
        acts = self._actions(ctx.end, mention.start)
        if acts:
            return acts[0].start == ctx.end and acts[0].item in _PARTAKE
        return len(gap) <= _MODIFIER

    def _unknown_after(self, ctx: _Context) -> bool:
        """True when a noun we do not know follows the unit (三个乡镇2567户农户): it is what is counted."""
        after = self.norm[ctx.end : ctx.right]
        if len(_CJK.findall(after[:2])) < 2 or after[0] in _AFTER_UNIT:
            return False
        known = self._objects_from(ctx.end, ctx.right) + self._actions(ctx.end, ctx.right)
        return not any(m.start <= ctx.end < m.end or m.start == ctx.end for m in known)

    def _action(self, ctx: _Context, chosen: _Mention | None, side: str | None, fits=lambda o: True) -> _Mention | None:
        """The action of the figure: between the object and the number, else just before the object,
        else (object after the number) right after it; a verb that says nothing stops the search."""
        left = self._actions(ctx.left, ctx.start)
        if side == "left":
            between = [m for m in left if m.start >= chosen.end]
            # 制发规范性文件合法性审查意见: a verb with another object between belongs to that one
            before = [
                m for m in left
                if m.end <= chosen.start and not any(fits(o.item) for o in self._objects(m.end, chosen.start))
            ]
            return between[-1] if between else before[-1] if before else None
        if side == "right":
            between = self._actions(ctx.end, chosen.start)
            after = [m for m in self._actions(chosen.end, ctx.right) if m.start - chosen.end <= _VERB_REACH]
            # 16名负责同志进行专题述法: a verb that says nothing (进行) gives way to the one it carries
            said = [m for m in after if m.item] or after
            return between[-1] if between else said[0] if said else left[-1] if left else None
        after = [m for m in self._actions(ctx.end, ctx.right) if m.start - ctx.end <= 4]
        return left[-1] if left else after[0] if after else None

    # -- reading
    def read(self, ctx: _Context) -> _Reading:
        base = ctx.unit[1:] if ctx.unit[:1] in "万亿" and len(ctx.unit) > 1 else ctx.unit
        measure, kinds = self.lex.units.get(base, (None, ()))
        if measure is None:
            return _Reading()
        if measure in ("rate", "change"):
            return self._rate(ctx, measure)
        return self._count(ctx, measure, kinds)

    def _count(self, ctx: _Context, measure: str, kinds: tuple) -> _Reading:
        def fits(o):
            return o.kind in kinds or (o.generic and o.kind == "money" and "money" in kinds)

        named = [m for m in self._objects(ctx.left, ctx.start) if ctx.prev is None or m.start >= ctx.prev.used]
        left = [m for m in named if fits(m.item)]
        right = [m for m in self._objects_from(ctx.end, ctx.right) if fits(m.item)]
        chosen = side = None
        if left and not (left[-1].item.kind in ("entity", "person") and self._unknown_after(ctx)):
            chosen, side = left[-1], "left"  # the noun right before the number is what is counted
            glued = [m for m in left if m.end == chosen.start and not m.item.generic and m.item.kind == chosen.item.kind]
            if chosen.item.generic and glued:  # 投诉案件: the kind word after a name is part of it
                chosen = glued[-1]
            elif any(a.start == chosen.start and a.end == chosen.end for a in self.actions):
                # 执法人员培训300人次: a word that is both an event and a verb is done to the object before it
                earlier = [m for m in left if m.end <= chosen.start]
                if earlier:
                    chosen = earlier[-1]
        elif right and self._counted_after(ctx, right[0]):
            chosen, side = right[0], "right"
        if chosen is not None:
            obj = self._resolve(ctx, chosen, fits)
        elif any(not m.item.generic for m in named) or not self._says_nothing(ctx):
            obj = None  # the clause counts something else, or something we do not know
        else:
            obj = self._specific(ctx, ctx.left, fits)
        if obj is None:
            return _Reading()

        act = self._action(ctx, chosen, side, fits)
        action = act.item if act is not None else ""
        if not action and ctx.listed and ctx.prev is not None and (act is None or act.end <= ctx.left):
            action = ctx.prev.action
        if not action and chosen is not None:
            action = chosen.item.action

        name = obj.name + action + measure
        if obj.kind == "entity" and side == "right" and act is not None and act.start >= ctx.end:
            # 12个部门聘请法律顾问: the departments that hired advisers
            what = [m for m in self._objects(act.end, ctx.right) if not m.item.generic and m.item.kind != "entity"]
            if what:
                name = what[0].item.name + action + obj.name + measure
        elif measure in ("人数", "人次") and obj.kind in _PERSON_KINDS and action in _PARTAKE:
            # 1500名国家工作人员参加学法考试: a count of the examination's takers
            group = [m for m in self._objects(ctx.left, ctx.right) if m.item.kind in _GROUP_KINDS and m is not chosen]
            if group:
                what = self._resolve(ctx, group[0], lambda o: o.kind == group[0].item.kind)
                if what is not None:
                    obj, name = what, what.name + action + measure
        if obj.generic or not obj.name:
            return _Reading()
        if name.endswith(measure + measure):
            name = name[: -len(measure)]
        return _Reading(name, obj, action, chosen.end if side == "right" else 0)

    def _rate(self, ctx: _Context, measure: str) -> _Reading:
        norm, words = ctx.norm, self.lex.words
        clause = norm[ctx.left : ctx.start]
        change = self._change_word(clause)
        cut = ctx.start - len(change[1]) if change else ctx.start
        rate = self._rate_word(ctx, cut)
        if change:
            base = None
            if rate is not None:
                base = self._rate_name(ctx, rate).name
            else:
                here = [m for m in self._objects(ctx.left, cut) if not m.item.generic]
                if here:
                    acts = [m for m in self._actions(ctx.left, cut) if m.item]
                    base = here[-1].item.name + (acts[-1].item if acts else "") + "数"
                elif ctx.prev is not None:
                    base = ctx.prev.name
            suffix = "增幅" if change[0] == "increase" else "降幅"
            return _Reading(base + suffix) if base else _Reading()
        if measure == "change":
            return _Reading()
        if rate is not None:
            return self._rate_name(ctx, rate)
        share = words["share"].search(clause)
        if share and words["link"].fullmatch(clause[share.end() :]):
            cut = ctx.left + share.start()
            here = [m for m in self._objects(ctx.left, cut) if not m.item.generic]
            if here:
                acts = [m for m in self._actions(here[-1].end, cut) if m.item]
                return _Reading(here[-1].item.name + (acts[-1].item if acts else "") + "占比", here[-1].item)
            if ctx.prev is not None and ctx.prev.name:
                return _Reading(re.sub(r"(?:人数|次数|人次|金额|数)$", "", ctx.prev.name) + "占比", ctx.prev.obj)
            return _Reading()
        # 办结100%, 100%覆盖: an action right at the number is the rate
        near = [m for m in self._actions(ctx.left, ctx.start) if m.item and words["link"].fullmatch(norm[m.end : ctx.start])]
        near += [m for m in self._actions(ctx.end, ctx.right) if m.item and m.start == ctx.end]
        if near:
            here = [m for m in self._objects(ctx.left, ctx.start) if m.end <= near[0].start]
            obj = self._resolve(ctx, here[-1], lambda o: True) if here else self._specific(ctx, ctx.left, lambda o: True)
            if obj is not None:
                word = near[0].item + "率"
                for canonical, _, pattern in self.lex.rates:
                    if pattern.search(word):
                        word = canonical
                        break
                return _Reading(obj.domain + word, obj)
        return _Reading()

    def _rate_name(self, ctx: _Context, rate) -> _Reading:
        word, fixed, start, known = rate
        if fixed:
            return _Reading(word if word.startswith(fixed) else fixed + word)
        here = self._objects(ctx.left, start)
        if here:
            obj = self._resolve(ctx, here[-1], lambda o: True)
        elif known:
            obj = self._specific(ctx, ctx.left, lambda o: True)
        else:
            obj = None  # a rate the text names and we do not know takes no domain from elsewhere
        if obj is None:
            return _Reading(word)
        return _Reading(word if word.startswith(obj.domain) else obj.domain + word, obj)

    def _change_word(self, clause: str):
        """('increase' | 'decrease', the words) when the clause ends with a change (同比增长, 下降)."""
        for kind in ("increase", "decrease"):
            for m in self.lex.words[kind].finditer(clause):
                if m.end() > m.start() and self.lex.words["link"].fullmatch(clause[m.end() :]):
                    return kind, clause[m.start() :]
        return None

    def _rate_word(self, ctx: _Context, end: int):
        """(rate word, fixed domain, start, known) for the X率 the clause ends with (before ``end``)."""
        norm = ctx.norm
        link = self.lex.words["link"]
        p = end - 1
        while p >= ctx.left and not (norm[p] in _RATE_END and link.fullmatch(norm[p + 1 : end])):
            if end - p > 12:
                return None
            p -= 1
        if p < ctx.left:
            return None
        stop = p + 1
        best = None
        for canonical, fixed, pattern in self.lex.rates:
            m = pattern.search(norm, ctx.left, stop)
            if m and (best is None or m.start() < best[2]):
                best = (canonical, fixed, m.start(), True)
        if best is not None:
            return best
        if norm[p] != "率":
            return None
        start = p
        bound = max([ctx.left] + [m.end for m in self.objects if ctx.left <= m.start and m.end <= p])
        while start > bound and p - start < 6 and _CJK.match(norm[start - 1]) and norm[start - 1] not in _RUN_STOPS:
            start -= 1
        word = norm[start:stop]
        filler = self.lex.words["filler"].match(word)
        word = word[filler.end() :] if filler else word
        if len(word) < 2:
            return None
        return word, "", stop - len(word), False


def find_figures(text: str, norm: str) -> list[Figure]:
    """Figures in a report: ``text`` as written, ``norm`` its ``normalize`` (same length)."""
    candidates = _candidates(norm)
    reader = _Reader(norm, indicator_lexicon()) if candidates else None
    figures: list[Figure] = []
    prev_end = prev_surface_end = 0
    prev: _Reading | None = None
    for i, c in enumerate(candidates):
        next_start = candidates[i + 1].start if i + 1 < len(candidates) else len(norm)
        left = _left_start(norm, c, prev_end)
        if left == prev_end and prev_end:  # 2个规范化司法所、1个五星级司法所: the words before 、 are the previous figure's
            left = max(left, norm.rfind("、", left, c.start) + 1)
        right = _right_end(norm, c, next_start)
        line_start = norm.rfind("\n", 0, c.start) + 1
        sentence = _sentence_start(norm, c.start, line_start)
        previous = _sentence_start(norm, sentence - 1, line_start) if sentence > line_start else sentence
        same_sentence = prev_end > max(sentence, norm.rfind(";", 0, c.start) + 1)
        listed = same_sentence and left > 0 and norm[left - 1] == "、"
        reading = reader.read(
            _Context(norm, left, c.start, c.end, right, sentence, previous, c.unit, prev if same_sentence else None, listed)
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
        right_text = norm[c.end : right]
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
                indicator=reading.name,
                approx=c.approx,
            )
        )
        prev_end, prev_surface_end = c.end, e
        prev = reading
    return figures

"""Report metadata: the reporting region, the year covered, the issuer, the date.

Each is found by reading the places a person would look: the title, the
opening sentence, the page header, the signature block at the end, and where
those are silent, the rest of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .records import PLANS, Region, Span
from .regions import Gazetteer, Place
from .segment import Outline

_YEAR = r"(20\d\d)"
# Ordered by how much they say about the covered year.
_YEAR_PATTERNS: tuple[tuple[re.Pattern, float], ...] = (
    (re.compile(_YEAR + r"\s*年(?:度)?(?:的)?(?:法治政府建设|依法行政|法治建设|推进法治政府)"), 5.0),
    (re.compile(r"关于\s*" + _YEAR + r"\s*年"), 5.0),
    (re.compile(_YEAR + r"\s*年(?:度)?(?:工作)?(?:情况)?报告"), 4.0),
    (re.compile(_YEAR + r"\s*年(?:度)?(?:主要|推进|工作完成|以来)"), 3.0),
    (re.compile(r"^" + _YEAR + r"\s*年(?:度)?\s*[,,以来]", re.M), 3.0),
)

_ORG_SUFFIX = (
    "人民政府", "政府", "司法局", "司法厅", "委员会", "办公室", "办公厅", "局", "委", "办",
    "厅", "中心", "管委会", "街道办事处", "办事处",
)
_ORG_LINE = re.compile(r"^(?:中共)?[\u4e00-\u9fff()]{2,30}(?:" + "|".join(_ORG_SUFFIX) + r")$")
# "现将北京市石景山区人民政府2023年法治政府建设…报告如下"
_REPORTED_BY = re.compile(r"现将\s*([\u4e00-\u9fff]{2,30}?(?:人民政府|政府|司法局|局|委员会))\s*(?:关于)?\s*20\d\d")
# "抚顺市顺城区人民政府关于2024年…"
_TITLE_ORG = re.compile(r"^([\u4e00-\u9fff]{2,30}?(?:人民政府|政府|司法局|局|委员会|办公室))关于")
# "2024年,在区委、区政府的坚强领导下,区司法局坚持…": the subject of the opening sentence.
_OPENING_SUBJECT = re.compile(
    r"^20\d\d年(?:度)?\s*,\s*(?:在[^,。]{2,60}下\s*,\s*)*([\u4e00-\u9fff]{2,20}?)(?=坚持|始终|深入|认真|全面|紧紧|紧扣|以习近平|聚焦|围绕|按照|牢牢|持续|扎实|积极)",
    re.M,
)
_BODY_SUFFIX = re.compile(r"(司法局|司法厅|人民政府|政府|局|委员会|委|办公室|办)$")

_HEADER_DATE = re.compile(
    r"(?:发表时间|发布时间|发布日期|成文日期|日期|时间)\s*[::]?\s*(20\d\d)[-./年](\d{1,2})[-./月](\d{1,2})"
)
_CN_DATE = re.compile(r"(20\d\d|二〇[〇一二三四五六七八九]{2}|二零[零一二三四五六七八九]{2})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*日")


@dataclass(frozen=True)
class Metadata:
    title: str | None
    region: Region
    year: int
    issuer: str
    issuer_span: Span | None
    published: date | None


def _cn_int(s: str) -> int:
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits["零"] = 0
    if s.isdigit():
        return int(s)
    if s.startswith(("二〇", "二零")):
        return int("".join(str(digits[c]) for c in s))
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return int("".join(str(digits[c]) for c in s))


def _date(y: str, m: str, d: str) -> date | None:
    try:
        return date(_cn_int(y), _cn_int(m), _cn_int(d))
    except (ValueError, KeyError):
        return None


def find_year(norm: str, outline: Outline) -> int | None:
    scores: Counter[int] = Counter()
    head = norm[: max(outline.preamble[1], 400)]
    if outline.title:
        for m in re.finditer(_YEAR, outline.title.text):
            scores[int(m.group(1))] += 10.0
    for pattern, weight in _YEAR_PATTERNS:
        for m in pattern.finditer(head):
            scores[int(m.group(1))] += weight
    for part in outline.parts:
        m = re.search(_YEAR, part.heading)
        if m:
            year = int(m.group(1))
            scores[year - 1 if part.kind == PLANS else year] += 2.0
    if not scores:
        for m in re.finditer(_YEAR + "年", norm):
            scores[int(m.group(1))] += 1.0
    if not scores:
        return None
    return max(scores.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def find_published(norm: str, outline: Outline) -> date | None:
    """The date under the signature, else an explicit date in the page header."""
    for line in reversed(outline.closing_lines):
        m = _CN_DATE.search(line.text)
        if m:
            found = _date(*m.groups())
            if found:
                return found
        m = re.fullmatch(r"(20\d\d)[-./](\d{1,2})[-./](\d{1,2})", line.text.strip())
        if m:
            found = _date(*m.groups())
            if found:
                return found
    m = _HEADER_DATE.search(norm[: max(outline.preamble[1], 300)])
    if m:
        return _date(*m.groups())
    return None


# --- region ---------------------------------------------------------------

_LEVEL_PREFIX = {"district": "区", "county": "县", "town": "镇", "city": "市", "subdistrict": "街道"}


def _score_places(norm: str, outline: Outline, gaz: Gazetteer) -> tuple[Counter, Counter]:
    """Weighted counts of every place (by full name), and of every short name's places."""
    weights: Counter[str] = Counter()
    head_end = max(outline.preamble[1], 200)
    title = outline.title.text.replace("\n", "") if outline.title else ""
    regions_text = [(title, 8.0), (norm[:head_end], 3.0)]
    for line in outline.closing_lines:
        regions_text.append((line.text, 4.0))
    regions_text.append((norm, 1.0))
    for text, weight in regions_text:
        for _, _, name in gaz.find_names(text):
            for full in gaz.canonical(name):
                weights[full] += weight
    # short names (禄劝, 从化) count as weak evidence for the places they name
    shorts: Counter[str] = Counter()
    for short, count in gaz.count_shorts(norm[:4000]).items():
        for place in gaz.by_short[short]:
            shorts[place.name] += count
    return weights, shorts


def _support(place: Place, weights: Counter, shorts: Counter) -> tuple[float, float]:
    """How much the text supports ``place`` and its ancestors."""
    own = weights.get(place.name, 0.0) + 0.5 * shorts.get(place.name, 0)
    above = sum(weights.get(a, 0.0) + 0.5 * shorts.get(a, 0) for a in place.ancestors)
    return own, above


# What names the report's subject: the title, the issuer in the signature, "现将XX…报告如下".
_ISSUER_TAIL = re.compile(r"(?:人民政府|政府|管委会|管理委员会|办事处|街道|委员会|司法局|司法厅|局|厅|委|办|中心)")


def _head_texts(norm: str, outline: Outline) -> list[tuple[str, int]]:
    """Texts that name the report's subject, most telling first, with their offsets."""
    texts = []
    if outline.title:
        texts.append((norm[outline.title.start : outline.title.end], outline.title.start))
    for line in outline.closing_lines:
        t = line.text.strip()
        if _ORG_LINE.match(t) and not _CN_DATE.search(t):
            texts.append((norm[line.start : line.end], line.start))
    head = norm[: max(outline.preamble[1], 300)]
    m = _REPORTED_BY.search(head)
    if m:
        texts.append((m.group(1), m.start(1)))
    start = outline.title.end if outline.title else 0
    m = _OPENING_SUBJECT.search(norm, start, start + 200)
    if m:
        texts.append((m.group(1), m.start(1)))
    return texts


# A body named by a bare level word (省营商局, 市司法局): the region is the best-supported place of that level.
_LEVEL_BODY = re.compile(r"(?:^|[,,、。\s在由])([省市区县])(?!委|政府)[\u4e00-\u9fff]{1,10}?(?:局|厅|委员会|办公室)")
_LEVEL_OF_WORD = {"省": ("province",), "市": ("city", "province"), "区": ("district", "zone"), "县": ("county",)}


def _level_body_place(norm: str, outline: Outline, gaz: Gazetteer, weights: Counter, shorts: Counter) -> Place | None:
    start = outline.title.start if outline.title else 0
    window = norm[start : start + 200]
    m = _LEVEL_BODY.search(window)
    if not m:
        return None
    levels = _LEVEL_OF_WORD[m.group(1)]
    options = []
    for name in set(weights) | set(shorts):
        for place in gaz.by_name.get(name, ()):
            if place.name == name and place.level in levels:
                options.append(place)
    if not options:
        return None
    return max(options, key=lambda p: (sum(_support(p, weights, shorts)), p.name))


def _chain_place(text: str, gaz: Gazetteer, weights: Counter, shorts: Counter) -> Place | None:
    """The region a heading names: its deepest place name, read with the names before it.

    湖北省武汉市江岸区司法局 → 江岸区; 梧州市人民政府 → 梧州市 (whatever districts the
    body lists); 辽宁省市场监督管理局 → 辽宁省. A name several places share (朝阳区,
    金平) is settled by the names before it, then by how much the text supports each.
    """
    found = [name for _, _, name in gaz.find_names(text)]
    before: set[str] = set()
    chosen: list[Place] = []
    for name in found:

        def rank(place):
            fits = sum(1 for a in place.ancestors if a in before)
            own, above = _support(place, weights, shorts)
            return (fits, above, own, -place.depth)

        options = gaz.by_name.get(name, ())
        if options:
            chosen.append(max(options, key=rank))
        before.update(gaz.canonical(name))
    if not chosen:
        return None
    return max(enumerate(chosen), key=lambda ip: (ip[1].depth, ip[0]))[1]


def find_region(norm: str, outline: Outline, gaz: Gazetteer) -> tuple[Place | None, Span | None]:
    weights, shorts = _score_places(norm, outline, gaz)
    place = None
    for text, _ in _head_texts(norm, outline):
        place = _chain_place(text, gaz, weights, shorts)
        if place is not None:
            break
    if place is None:
        place = _level_body_place(norm, outline, gaz, weights, shorts)
    if place is None:
        place = _most_supported(weights, shorts, gaz)
    if place is None:
        return None, None
    for name in (place.name, *gaz.forms_of.get(place.name, ())):
        idx = norm.find(name)
        if idx >= 0:
            return place, Span(idx, idx + len(name), name)
    return place, None


def _most_supported(weights: Counter, shorts: Counter, gaz: Gazetteer) -> Place | None:
    """Where no heading names a place: the most-mentioned one; among places mentioned nearly
    as much, a lower unit whose ancestors are also named wins (抚顺市顺城区 → 顺城区)."""
    candidates = []
    for name in weights:
        for place in gaz.by_name.get(name, ()):
            if place.name == name:
                own, above = _support(place, weights, shorts)
                candidates.append((own, above, place))
    if not candidates:
        return None
    best_own = max(c[0] for c in candidates)
    strong = [c for c in candidates if c[0] >= 0.35 * best_own]
    names = {c[2].name for c in strong}

    def rank(c):
        own, above, place = c
        is_ancestor_of_other = any(
            place.name in other[2].ancestors and other[2].name in names for other in strong if other[2] is not place
        )
        return (not is_ancestor_of_other, own + above, above, place.depth)

    return max(strong, key=rank)[2]


def region_record(place: Place | None, span: Span | None, text: str) -> Region:
    if place is None:
        return Region(name="未知", full_name="未知", level="unknown")
    evidence = Span(span.start, span.end, text[span.start : span.end]) if span else None
    county_place = None
    return Region(
        name=place.name,
        full_name=place.full_name,
        level=place.level,
        province=place.province,
        city=(place.city if place.city not in (None, "市直辖行政区划", "省直辖县级行政区划") else None)
        or (place.province if place.level == "province" or place.province in ("北京市", "天津市", "上海市", "重庆市") else None),
        county=place.county,
        adcode=place.adcode,
        county_adcode=county_place,
        evidence=evidence,
    )


# --- issuer ---------------------------------------------------------------


def _expand_body(name: str, region: Region) -> str:
    """区司法局 → 从化区司法局: a body named by the region's level gets the region's name."""
    for level, prefix in _LEVEL_PREFIX.items():
        if region.level == level and name.startswith(prefix) and not name.startswith(region.name):
            return region.name + name[len(prefix) :]
    return name


def find_issuer(text: str, norm: str, outline: Outline, region: Region) -> tuple[str, Span | None]:
    # 1. the signature block
    for line in outline.closing_lines:
        t = line.text.strip()
        if _ORG_LINE.match(t) and not _CN_DATE.search(t):
            return text[line.start : line.end].strip(), Span(line.start, line.end, text[line.start : line.end])
    head = norm[: max(outline.preamble[1], 300)]
    # 2. the title: "XX人民政府关于2024年…"
    if outline.title:
        title = outline.title.text.replace("\n", "")
        m = _TITLE_ORG.match(title)
        if m:
            start = outline.title.start + m.start(1)
            return m.group(1), Span(start, start + len(m.group(1)), text[start : start + len(m.group(1))])
    # 3. "现将XX人民政府2023年…报告如下"
    m = _REPORTED_BY.search(head)
    if m:
        return m.group(1), Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)])
    # 4. the subject of the opening sentence, when it is a body (区司法局坚持…)
    m = _OPENING_SUBJECT.search(head)
    if m and _BODY_SUFFIX.search(m.group(1)):
        return _expand_body(m.group(1), region), Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)])
    # 5. the header's source line: 信息来源:XX人民政府
    m = re.search(r"(?:信息来源|来源)\s*[::]\s*([\u4e00-\u9fff]{2,30}(?:人民政府|政府|局|委员会|办公室))", head)
    if m:
        return m.group(1), Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)])
    # 6. the region's government
    if region.level != "unknown":
        return region.name + "人民政府", None
    return "未知", None


def extract_metadata(text: str, norm: str, outline: Outline, gaz: Gazetteer) -> Metadata:
    place, span = find_region(norm, outline, gaz)
    region = region_record(place, span, text)
    year = find_year(norm, outline)
    issuer, issuer_span = find_issuer(text, norm, outline, region)
    title = outline.title.text.replace("\n", "").replace("\r", "") if outline.title else None
    return Metadata(
        title=title,
        region=region,
        year=year,
        issuer=issuer,
        issuer_span=issuer_span,
        published=find_published(norm, outline),
    )

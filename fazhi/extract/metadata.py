"""Report metadata: the reporting region, the year covered, the issuer, the date.

Each is found by reading the places a person would look: the title, the
opening sentence, the page header, the signature block at the end, and where
those are silent, the rest of the text. Page chrome a saved web page keeps
(今天是…, 字号, 浏览次数, 上一篇: …) is blanked first, so it sets nothing.

The region is the place the report's own heading names — the title, the
signing body, 现将XX…报告, the subject of the opening sentence, the page's
发布机构/来源 fields, the site's masthead, in that order — read as a person
reads an issuer: its deepest place, with the names before it settling a name
several places share. Lower units the body lists (a city report naming its
districts) never outweigh it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .normalize import CN_YEAR, normalize, to_simplified
from .reading import PUBLISHED_DATE
from .records import PLANS, Region, Span
from .regions import COUNTY, MUNICIPALITIES, PLACEHOLDER_CITIES, TOWN, Gazetteer, Place, town_short
from .segment import FIELD_LABEL, FIELD_LINE, PART_RE, Outline, split_lines

_YEAR = r"(20\d\d)"
# Ordered by how much they say about the covered year.
_YEAR_PATTERNS: tuple[tuple[re.Pattern, float], ...] = (
    (re.compile(_YEAR + r"\s*年(?:度)?(?:的)?(?:法治政府建设|依法行政|法治建设|推进法治政府)"), 5.0),
    (re.compile(r"关于\s*" + _YEAR + r"\s*年"), 5.0),
    (re.compile(_YEAR + r"\s*年(?:度)?(?:工作)?(?:情况)?报告"), 4.0),
    (re.compile(_YEAR + r"\s*年(?:度)?(?:主要|推进|工作完成|以来)"), 3.0),
    (re.compile(r"^\s*" + _YEAR + r"\s*年(?:度)?\s*(?:[,,以来]|是)", re.M), 3.0),  # 2021年，… 2021年是…之年
    # a clause of the opening that starts with the year and its subject: 为…，2023年文安驿镇在镇党委的坚强领导下
    (re.compile(r"[,,]\s*" + _YEAR + r"\s*年(?:度)?(?=[\u4e00-\u9fff]{2,12}?(?:在[^,,。]{2,30}领导下|坚持|紧紧围绕|紧扣|认真|全面|深入))"), 3.0),
)
# The end of a period: 2021－2025年, 2016至2020年
_PERIOD_END = re.compile(r"20\d\d\s*(?:年)?\s*[-－—–~～至到]\s*$")
# A year something is compared with or aimed at, not the one reported on: 较2022年下降, 到2035年基本建成
_OTHER_YEAR = re.compile(r"(?:较|比|同比|与|到|至|截至)\s*$")

_ORG_SUFFIX = (
    "人民政府", "政府", "司法局", "司法厅", "委员会", "办公室", "办公厅", "局", "委", "办",
    "厅", "中心", "管委会", "街道办事处", "办事处", "行政公署",
)
_ORG_LINE = re.compile(r"^(?:中共)?[\u4e00-\u9fff() ]{2,40}(?:" + "|".join(_ORG_SUFFIX) + r")$")
# "现将北京市石景山区人民政府2023年法治政府建设…报告如下"
_REPORTED_BY = re.compile(r"现将\s*([\u4e00-\u9fff()]{2,30}?(?:人民政府|政府|司法局|局|委员会|管委会|办事处))\s*(?:关于)?\s*20\d\d")
# "抚顺市顺城区人民政府关于2024年…"
_TITLE_BODY = r"([\u4e00-\u9fff()]{2,30}?(?:人民政府|政府|司法局|局|厅|委员会|办公室|管委会|办事处|行政公署))"
_TITLE_ORG = re.compile(r"(?:关于)?(?![年度])" + _TITLE_BODY + r"\s*(?:关于|20\d\d|二[〇零○]|年度法治|法治政府建设|依法行政)")
# a title that puts the year first: 2019年洛阳市市场监督管理局法治政府建设年度报告
_TITLE_ORG_AFTER_YEAR = re.compile(
    r"^\s*(?:20\d\d|" + CN_YEAR + r")\s*年(?:度)?\s*" + _TITLE_BODY + r"\s*(?:法治|依法|关于)"
)
# "2024年,在区委、区政府的坚强领导下,区司法局坚持…": the subject of the opening sentence.
_OPENING_SUBJECT = re.compile(
    r"^[^\S\n]*(?:20\d\d年是[^。\n]{2,40}。)?(?:(?:20\d\d年(?:度)?(?:以来)?|今年以来|一年来|近年来)\s*,\s*)?(?:在[^,。]{2,60}下\s*,\s*)*"
    # a preposition opens no subject: 按照省委全面依法治省委员会办公室《…》要求
    r"(?!按照|根据|依据|依照|遵照|对照|结合|围绕)([\u4e00-\u9fff()、]{2,24}?)(?=坚持|始终|深入|认真|全面|紧紧|紧扣|以习近平|聚焦|围绕|按照|牢牢|持续|扎实|积极|高度重视|在)",
    re.M,
)
_BODY_SUFFIX = re.compile(r"(司法局|司法厅|人民政府|政府|局|厅|委员会|委|办公室|办|管委会|行政公署)$")

_HEADER_DATE = re.compile(
    r"(?:发表时间|发布时间|发布日期|成文日期|日期|时间)\s*[::]?\s*(20\d\d)[-./年](\d{1,2})[-./月](\d{1,2})"
)
_CN_DATE = re.compile(r"(20\d\d|" + CN_YEAR + r")\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*日")

# --- the page around the report -------------------------------------------

# Lines a saved web page keeps around the report: today's date, font size, print and close
# buttons, hit counts, breadcrumbs, links to the previous and next article, sharing, copyright.
_CHROME = re.compile(
    r"今天是|20\d\d年\d{1,2}月\d{1,2}日\s*星期|字号|字体|【打印|【关闭|打印本页|关闭窗口|^(?:打印|关闭)$|浏览次数|浏览量|访问量|阅读次数|阅读量|点击[数量率次]"
    r"|当前位置|您的位置|所在位置|^首页|首页\s*[>»/|]|[>»].*[>»]|[>»]\s*正文|上一篇|下一篇|上一条|下一条|相关(?:链接|阅读|文章|新闻)"
    r"|分享到|扫一扫|版权所有|主办单位|承办单位|网站标识码|ICP|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]公网安备"
)
# A menu: 首页 | 走进梧州 | 政务公开 (but not a title between bars: XX县人民政府 | XX县2023年…报告 | 政务公开)
_MENU = re.compile(r"\|.*\|")
# Labelled fields of a page's information table: 索引号, 发布机构, 来源, 发布时间 …
_FIELD_VALUE = re.compile(r"(?:发布机构|发文机关|发文单位|发布单位|信息来源|文章来源|来源)\s*[::]\s*([\u4e00-\u9fff()]{2,30})")
_REPORT_WORD = re.compile(r"报告|法治政府建设|依法行政|法治建设|法治政府")
_HEAD_LINES = 30


@dataclass(frozen=True)
class Metadata:
    title: str | None
    region: Region
    year: int
    issuer: str
    issuer_span: Span | None
    published: date | None
    # what named the issuer: signature, title, reported (现将XX…报告如下), opening (its
    # subject), source (来源:), or region (nothing did: the region's government is assumed)
    issuer_basis: str = "region"


@dataclass(frozen=True)
class Head:
    """What the top of the page says: its title, information fields and masthead,
    with the page chrome blanked out of ``clean`` (same length as the text)."""

    clean: str
    title: Span | None
    fields: tuple[Span, ...]  # values of 发布机构, 来源 …
    masthead: tuple[Span, ...]  # short lines above the title: the site's or the body's name


def read_head(norm: str, outline: Outline) -> Head:
    lines = split_lines(norm)
    chars = list(norm)
    kept = []
    fields: list[Span] = []
    label_pending = False
    for index, line in enumerate(lines):
        t = line.text
        if label_pending:  # the value of a field whose label stands alone (发布机构:)
            label_pending = False
            if len(t) <= 40 and "。" not in t and not FIELD_LINE.match(t) and not _title_strength(t):
                fields.append(Span(line.start, line.end, t))
                _blank(chars, line)
                continue
        menu = _MENU.search(t) and _title_strength(_arabic_years(t)) < 3
        chrome = (_CHROME.search(t) or menu) and (len(t) <= 80 or index < _HEAD_LINES and "。" not in t)
        if FIELD_LINE.match(t) and len(t) <= 120 and "。" not in t:
            # the fields of a line that also holds chrome count too: 发布日期：…  信息来源：苍南县司法局  【字体：大 中 小】
            for m in _FIELD_VALUE.finditer(t):
                fields.append(Span(line.start + m.start(1), line.start + m.end(1), m.group(1)))
            label_pending = not chrome and bool(re.fullmatch(r"(?:" + FIELD_LABEL + r")\s*[::]", t))
            _blank(chars, line)
            continue
        if chrome:
            _blank(chars, line)
            continue
        kept.append(line)
    clean = "".join(chars)
    title, masthead = _title(kept, outline, norm)
    return Head(clean, title, tuple(fields), tuple(masthead))


def _blank(chars: list[str], line) -> None:
    for i in range(line.start, line.end):
        chars[i] = " "


def _is_title_line(t: str) -> bool:
    return (
        len(t) <= 100
        and bool(_REPORT_WORD.search(t))
        and not t.endswith(("。", ":", ";", ","))
        and "。" not in t[:-1]
        and not re.match(r"^20\d\d年(?:度)?(?:以来)?\s*[,,]", t)
        and not PART_RE.match(t)
    )


def _title(lines, outline: Outline, norm: str) -> tuple[Span | None, list[Span]]:
    """The title among the first lines (joined with a short line right before or after it
    that completes it: no chrome between), and the short lines above it (the masthead)."""
    stop = outline.parts[0].start if outline.parts else None
    head = [l for l in lines[:_HEAD_LINES] if stop is None or l.start < stop]
    for n, l in enumerate(head):
        if len(l.text) > 100 and "。" in l.text:
            head = head[:n]  # the opening paragraph: the title is above it
            break
    candidates = [i for i, l in enumerate(head) if _is_title_line(_arabic_years(l.text))]
    # a line with a year and 报告 before one with either (a menu's 法治政府建设年度报告), before any
    ranked = sorted(candidates, key=lambda i: (-_title_strength(_arabic_years(head[i].text)), i))
    for i in ranked[:1]:
        t = head[i].text
        first, last = i, i
        adjacent = lambda a, b: not norm[a.end : b.start].strip()  # noqa: E731
        if "报告" not in t and i + 1 < len(head) and adjacent(head[i], head[i + 1]) and len(head[i + 1].text) <= 40 and "报告" in head[i + 1].text and _is_title_line(head[i + 1].text):
            last = i + 1  # 抚顺市顺城区人民政府关于2024年法治政府建设 / 情况的报告
        if i > 0 and adjacent(head[i - 1], head[i]) and _continues(head[i - 1].text):
            first = i - 1  # 抚顺市顺城区人民政府关于2024年 / 法治政府建设情况的报告
        masthead = [Span(l.start, l.end, l.text) for l in head[:first] if len(l.text) <= 40 and "。" not in l.text]
        return Span(head[first].start, head[last].end, " ".join(l.text for l in head[first : last + 1])), masthead
    return None, []


def _title_strength(t: str) -> int:
    has_year = bool(re.search(r"20\d\d", t))
    return 2 * has_year + ("报告" in t) if has_year or "报告" in t else 0


def _continues(t: str) -> bool:
    """A short line that the title line below completes (…关于2024年, 中共XX县委 XX县人民政府)."""
    return len(t) <= 40 and not re.search(r"[。,:;!?]$", t) and bool(re.search(r"(?:关于|20\d\d年度?|政府|委员会|县委|市委|区委|局|厅|办公室|管委会|办事处)$", t))


def _cn_int(s: str) -> int:
    digits = {c: int(d) for c, d in _CN_DIGIT.items()}  # 零 and ○ (a circle typed for 〇) are 0 too
    if s.isdigit():
        return int(s)
    if s[:1] == "二" and s[1:2] in "〇零○O0":  # a year, digit by digit: 二〇二一
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


def find_year(norm: str, outline: Outline, head: Head | None = None, page_title: str | None = None) -> int | None:
    """The year covered: the title's, a saved page's title's, the opening's, the parts' (a plans
    part's year is N+1); where none tells, the years the text names, less the ends of periods
    (《…纲要（2021－2025年）》)."""
    head = head or read_head(norm, outline)
    scores: Counter[int] = Counter()
    text = _arabic_years(head.clean[: max(outline.preamble[1], 400)])
    if head.title:
        for m in re.finditer(_YEAR, _arabic_years(head.title.text)):
            scores[int(m.group(1))] += 10.0
    own_title = _own_title(page_title)
    if own_title:
        for m in re.finditer(_YEAR, _arabic_years(own_title)):
            scores[int(m.group(1))] += 6.0
    for pattern, weight in _YEAR_PATTERNS:
        for m in pattern.finditer(text):
            scores[int(m.group(1))] += weight
    for part in outline.parts:
        m = re.search(_YEAR, part.heading)
        if m:
            year = int(m.group(1))
            scores[year - 1 if part.kind == PLANS else year] += 2.0
    if not scores:
        for m in re.finditer(_YEAR + "年", head.clean):
            before = (max(0, m.start() - 12), m.start())
            if not _PERIOD_END.search(head.clean, *before) and not _OTHER_YEAR.search(head.clean, *before):
                scores[int(m.group(1))] += 1.0
    if not scores:
        return None
    return max(scores.items(), key=lambda kv: (kv[1], -kv[0]))[0]


_CN_YEAR = re.compile(CN_YEAR + "(?=年)")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "O": "0", "0": "0"}


def _arabic_years(text: str) -> str:
    """二〇二三年 → 2023年 (same length)."""
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGIT.get(c, c) for c in m.group()), text)


def find_published(norm: str, outline: Outline) -> date | None:
    """A page header's publication date (发布时间), else the date under the signature, else
    another date in the header (成文日期, 日期)."""
    m = PUBLISHED_DATE.search(norm[: max(outline.preamble[1], 300)])
    found = _date(*m.groups()) if m else None
    if found:
        return found
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

_LEVEL_WORDS = ("自治区", "街道", "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡")


def _score_places(
    clean: str, head: Head, outline: Outline, gaz: Gazetteer, page_title: str | None = None
) -> tuple[Counter, Counter]:
    """Weighted counts of every place (by full name), and of every short name's places."""
    weights: Counter[str] = Counter()
    head_end = max(outline.preamble[1], 200)
    texts = [(head.title.text if head.title else "", 8.0), (page_title or "", 6.0), (clean[:head_end], 3.0)]
    texts += [(line.text, 4.0) for line in _signature(outline)]
    texts += [(span.text, 3.0) for span in head.fields]
    texts.append((clean, 1.0))
    for text, weight in texts:
        for _, _, name in gaz.find_names(text):
            for full in gaz.canonical(name):
                weights[full] += weight
    # short names (禄劝, 从化) count as weak evidence for the places they name
    shorts: Counter[str] = Counter()
    for short, count in gaz.count_shorts(clean[:4000]).items():
        for place in gaz.by_short[short]:
            shorts[place.name] += count
    # a province's own service brands (皖事通) count as its short name does
    shorts.update(gaz.count_province_cues(clean))
    return weights, shorts


def _own_title(page_title: str | None) -> str | None:
    """A page title without the site's name after it: 北京市丰台区人民政府关于…的报告_北京市丰台区人民政府."""
    if not page_title:
        return None
    return re.split(r"\s*(?:_|——|--|\s-\s|\s\|\s|\|)\s*", normalize(to_simplified(page_title)))[0] or None


def _support(place: Place, weights: Counter, shorts: Counter) -> tuple[float, float]:
    """How much the text supports ``place`` and its ancestors."""
    own = weights.get(place.name, 0.0) + 0.5 * shorts.get(place.name, 0)
    above = sum(weights.get(a, 0.0) + 0.5 * shorts.get(a, 0) for a in place.ancestors)
    return own, above


def _signature(outline: Outline):
    """The signing body's lines at the end (XX县人民政府, 中共XX县委 XX县人民政府)."""
    for line in outline.closing_lines:
        t = line.text.strip()
        if _ORG_LINE.match(t) and not _CN_DATE.search(t):
            yield line


def _head_texts(clean: str, head: Head, outline: Outline) -> list[str]:
    """Texts that name the report's subject, most telling first."""
    texts = []
    if head.title:
        texts.append(head.title.text)
    texts += [line.text for line in _signature(outline)]
    m = _REPORTED_BY.search(clean[: max(outline.preamble[1], 300)])
    if m:
        texts.append(m.group(1))
    start = head.title.end if head.title else 0
    m = _OPENING_SUBJECT.search(clean, start, start + 300)
    if m:
        texts.append(m.group(1))
    texts += [span.text for span in head.fields]
    texts += [span.text for span in head.masthead]
    return texts


# The party committee and government of a county-level unit, side by side (县委、县政府, 区委区政府):
# the level of the unit a town's report answers to.
_COUNTY_BODIES = re.compile(r"([县区旗市])委[、，和]?\1(?:人民)?政府")
# A city bureau's branch named by the county it serves: 郑州市生态环境局中牟分局
_BRANCH = re.compile(r"局([\u4e00-\u9fff]{2,4}?)分局")
# A place named by a town-level name is the subject only when a body or the report follows it.
_TOWN_SIGNAL = re.compile(r"(?:人民政府|政府|党委|党工委|工委|办事处|街道办|人大|20\d\d|关于|法治|依法|全面|年度|工作|\s|$)")
# A town the table does not know, after the places before it: 高新街道办事处, 新设的XX镇人民政府.
_UNKNOWN_TOWN = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:街道|镇|乡))(?=办事处|人民政府|党工委|工委|党委|政府|\s*20\d\d|关于|法治|依法)")
# A pilot free trade zone, and one of its areas: 中国(上海)自由贸易试验区临港新片区
_FREE_TRADE_ZONE = re.compile(r"中国\(([\u4e00-\u9fff]{2,3})\)自由贸易试验区(?:([\u4e00-\u9fff]{2,10}?)片区)?")
# A development zone the table does not know: 孝感高新区管委会, XX经济开发区2023年…
_UNKNOWN_ZONE = re.compile(
    r"([\u4e00-\u9fff]{2,12}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区|工业园区|产业园区|新区|试验区|示范区|产业基地|化工基地|特别合作区|合作区))"
    r"(?=管委会|管理委员会|党工委|\s*20\d\d|关于|法治|$)"
)


def _chain_place(text: str, gaz: Gazetteer, weights: Counter, shorts: Counter, above_town: frozenset[str] = frozenset()) -> Place | None:
    """The region a heading names: its deepest place name, read with the names before it.

    湖北省武汉市江岸区司法局 → 江岸区; 梧州市人民政府 → 梧州市 (whatever districts the
    body lists); 辽宁省市场监督管理局 → 辽宁省. A name several places share (朝阳区,
    新城区) is settled by the names before it, then by how much the text supports each
    and its ancestors, then by the level of the unit above a town that the report's
    bodies name (县委、县政府 → a town of a 县: ``above_town``). A name in brackets after a
    place is another name for it (武汉经开区(汉南区)).
    """
    before: set[str] = set()
    chosen: list[Place] = []
    last_end = 0
    for start, end, name in gaz.find_names(text):
        if chosen and _in_brackets(text, start, end):
            continue
        options = [p for p in gaz.by_name.get(name, ()) if p.depth < TOWN or _TOWN_SIGNAL.match(text, end)]
        # a unit and a unit under it of the same name (a zone and its town-level office): the unit
        options = [p for p in options if not any(o.name in p.ancestors for o in options)]
        if not options:
            continue

        def rank(place):
            fits = sum(1 for a in place.ancestors if a in before)
            own, above = _support(place, weights, shorts)
            parent_fits = place.depth == TOWN and _parent(place)[-1:] in above_town
            return (fits, above, parent_fits, own, -place.depth, place.adcode is not None, place.full_name)

        best = max(options, key=rank)
        if best.depth == TOWN:
            written = _written_town(text, last_end, start, end)
            if written != name and written not in gaz.by_name:
                # 天府新城街道: a town the table lacks, ending in one it has elsewhere (新城街道)
                if not (chosen and chosen[-1].depth == COUNTY):
                    continue
                best = _town_under(written, chosen[-1])
            elif chosen and chosen[-1].name not in best.ancestors:
                if chosen[-1].depth != COUNTY:
                    continue  # 梧州市城关镇: not the 城关镇 of some other county
                # a town under the county just named, though the table has it elsewhere or not at all
                best = _town_under(name, chosen[-1])
        chosen.append(best)
        before.update(gaz.canonical(name))
        last_end = end
    # the deepest unit named, the last of its depth; a district before a zone named beside it
    # (广州市黄埔区人民政府 广州开发区管委会: one government under two names, the district has the code)
    deepest = max(enumerate(chosen), key=lambda ip: (ip[1].depth, not ip[1].is_zone, ip[0]))[1] if chosen else None
    if deepest is not None and deepest.depth == 1:
        # a city bureau's branch named by its county: 郑州市生态环境局中牟分局 serves 中牟县
        m = _BRANCH.search(text)
        if m:
            counties = [p for p in gaz.by_short.get(m.group(1), ()) if p.depth == COUNTY and p.city == deepest.name and p.province == deepest.province]
            if len(counties) == 1:
                deepest = counties[0]
    if deepest is None or deepest.depth < TOWN:
        unknown = _unknown_town(text, last_end, deepest, gaz, weights, shorts) or _unknown_zone(text, last_end, deepest, gaz, weights, shorts)
        if unknown is not None:
            return unknown
    return deepest


def _parent(town: Place) -> str:
    """The unit a town answers to: its county, or its city where it has none (东莞市's towns)."""
    if town.county and town.county not in PLACEHOLDER_CITIES:
        return town.county
    return town.city or ""


_ORG_WORD = re.compile(r"政府|人民|党委|党工委|委员会|办事处|[局厅办委]$")


def _written_town(text: str, after: int, start: int, end: int) -> str:
    """The whole town name written at ``text[start:end]``: with the characters that run on
    before it from the last place (or the start), less 关于 and 中共."""
    gap = text[after:start]
    gap = re.sub(r"^(?:关于|中共)", "", gap.strip())
    if _ORG_WORD.search(gap):
        return text[start:end]  # 海宁市人民政府 长安镇…: a body's name ends before the town
    if gap and len(gap) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", gap):
        return gap + text[start:end]
    return text[start:end]


def _town_under(name: str, county: Place) -> Place:
    return Place(name=name, short=town_short(name), depth=TOWN, adcode=None, province=county.province, city=county.city, county=county.name)


def _free_trade_zone(text: str, above: Place | None, gaz: Gazetteer) -> Place | None:
    """A pilot free trade zone or one of its areas (中国(上海)自由贸易试验区临港新片区), in the
    province its name gives and the city its area's name starts with (厦门片区 → 厦门市)."""
    m = _FREE_TRADE_ZONE.search(text)
    if not m:
        return None
    provinces = [p for p in gaz.by_short.get(m.group(1), ()) if p.depth == 0]
    if len(provinces) != 1 or (above is not None and above.name != provinces[0].name):
        return None
    province = provinces[0]
    city = province.name if province.name in MUNICIPALITIES else None
    if m.group(2) and city is None:
        cities = {p.name for n in (4, 3, 2) for p in gaz.by_short.get(m.group(2)[:n], ()) if p.depth == 1 and p.province == province.name}
        city = cities.pop() if len(cities) == 1 else None
    return Place(name=m.group(0), short=m.group(0), depth=COUNTY, adcode=None, province=province.name, city=city, county=None, zone=True)


def _starting(name: str, gaz: Gazetteer, depth: int) -> list[Place]:
    """Units of ``depth`` whose short name ``name`` starts with (孝感高新区 → 孝感市, 宁夏宁东… → 宁夏)."""
    return [p for n in (4, 3, 2) for p in gaz.by_short.get(name[:n], ()) if p.depth == depth]


def _named(weights: Counter, gaz: Gazetteer, depth: int) -> list[Place]:
    """Units of ``depth`` the text names by their full name."""
    return [p for full in weights for p in gaz.by_name.get(full, ()) if p.name == full and p.depth == depth]


def _unknown_zone(text: str, at: int, above: Place | None, gaz: Gazetteer, weights: Counter, shorts: Counter) -> Place | None:
    """A development zone the table lacks, as a zone under the city named before it, or the
    city whose short name it starts with (孝感高新区 → 孝感市), else the best-supported one."""
    if above is not None and above.depth > 1:
        return None
    if above is None or above.depth == 0:
        found = _free_trade_zone(text, above, gaz)
        if found is not None:
            return found
    m = _UNKNOWN_ZONE.match(text, at) or (None if above else _UNKNOWN_ZONE.search(text))
    if not m:
        return None
    name = re.sub(r"^(?:关于|中共)", "", m.group(1))
    if name in gaz.generic and above is None:
        return None
    if above is None or above.depth != 1:
        cities = _starting(name, gaz, 1)
        if above is not None:
            cities = [c for c in cities if c.province == above.province]
        if not cities:
            # a zone no city's name starts (宁东能源化工基地): in the province its name starts with,
            # else the one province the text names
            provinces = set(_starting(name, gaz, 0)) or set(_named(weights, gaz, 0))
            if above is None and len(provinces) == 1 and name not in gaz.generic and len(name) >= 4:
                province = provinces.pop()
                for short in sorted({province.name, province.short}, key=len, reverse=True):
                    if name.startswith(short) and len(name) - len(short) >= 4:
                        name = name[len(short) :]  # 宁夏宁东能源化工基地 → 宁东能源化工基地, in 宁夏
                        break
                return Place(name=name, short=name, depth=COUNTY, adcode=None, province=province.name, city=None, county=None, zone=True)
            return None
        above = max(cities, key=lambda p: (sum(_support(p, weights, shorts)), p.full_name))
    if name in gaz.generic or not name.startswith((above.name, above.short)):
        name = above.name + name  # 孝感市 + 高新区
    return Place(name=name, short=name, depth=COUNTY, adcode=None, province=above.province, city=above.name, county=None, zone=True)


def _in_brackets(text: str, start: int, end: int) -> bool:
    return text.rfind("(", 0, start) > text.rfind(")", 0, start) and ")" in text[end : end + 2]


def _unknown_town(text: str, at: int, above: Place | None, gaz: Gazetteer, weights: Counter, shorts: Counter) -> Place | None:
    """A 镇/乡/街道 the table lacks (new or renamed since), placed under the county-level
    unit named before it, else the best-supported one the text names."""
    m = _UNKNOWN_TOWN.match(text, at) or (None if above else _UNKNOWN_TOWN.search(text))
    if not m or m.group(1) in gaz.generic or m.group(1).endswith(("乡镇", "各街道", "全镇", "全乡")):
        return None
    name = re.sub(r"^(?:关于|中共)", "", m.group(1))
    if len(name) < 3:
        return None
    if above is None or above.depth != COUNTY:
        short = town_short(name)
        counties = [p for p in _named(weights, gaz, COUNTY) if above is None or above.name in p.ancestors]
        # a town renamed or made a 街道 keeps its short name (XX镇 → XX街道)
        known = [p for p in gaz.by_name.get(short + "镇", []) + gaz.by_name.get(short + "乡", []) + gaz.by_name.get(short + "街道", [])]
        if known:
            counties = [c for c in counties if any(k.county == c.name and k.province == c.province for k in known)] or counties
        if not counties and len(known) == 1:
            # no county named (县委、县政府): the one town of that short name in China is the one renamed
            counties = [
                p for p in gaz.by_name.get(known[0].county or "", ())
                if p.depth == COUNTY and p.province == known[0].province and p.city == known[0].city
                and (above is None or above.name in p.ancestors)
            ]
        if not counties:
            return None
        above = max(counties, key=lambda p: (sum(_support(p, weights, shorts)), p.full_name))
    return _town_under(name, above)


# A body named by a bare level word (省营商局, 市司法局): the region is the best-supported place of that level.
_LEVEL_BODY = re.compile(r"(?:^|[,,、。\s在由])([省市区县])(?!委|政府)[\u4e00-\u9fff]{1,10}?(?:局|厅|委员会|办公室)")
# How a report calls its own region: 全市, 我区, 全县 …
_SELF_LEVEL = re.compile(r"(?:全|我|本)(省|自治区|州|盟|市|区|县|旗|镇|乡|街道)")


def _fits_level(place: Place, word: str) -> bool:
    if word in ("省", "自治区"):
        return place.level == "province"
    if word in ("镇", "乡", "街道"):
        return place.depth == TOWN and place.name.endswith(word)
    if word == "区":
        return place.level in ("district", "zone")
    if word == "市":
        return place.depth in (1, COUNTY) and place.name.endswith("市")
    return place.depth in (1, COUNTY) and place.name.endswith(word)


def _level_place(word: str, gaz: Gazetteer, weights: Counter, shorts: Counter) -> Place | None:
    """The best-supported place of the level ``word`` names: a place the text names, or one
    above the places it names (省营商局 with only 沈阳市, 大连市 named → 辽宁省), each
    counting its own mentions and half of those of the places below it."""
    scores: Counter[Place] = Counter()
    for name in set(weights) | set(shorts):
        for place in gaz.by_name.get(name, ()):
            if place.name != name:
                continue
            own = weights.get(name, 0.0) + 0.5 * shorts.get(name, 0)
            for candidate, share in ((place, 1.0), *((a, 0.5) for a in _ancestor_places(place, gaz))):
                if _fits_level(candidate, word):
                    scores[candidate] += share * own
    if not scores:
        return None
    return max(scores, key=lambda p: (scores[p], p.full_name))


def _ancestor_places(place: Place, gaz: Gazetteer) -> list[Place]:
    found = []
    for depth, name in ((0, place.province), (1, place.city), (COUNTY, place.county)):
        if depth >= place.depth or not name or name in PLACEHOLDER_CITIES:
            continue
        found += [
            p for p in gaz.by_name.get(name, ())
            if p.depth == depth and p.province == place.province and (depth < COUNTY or p.city == place.city)
        ]
    return found


# The opening's subject is a body named by its level only: 市政府, 区司法局, 省市场监管局.
_LEVEL_SUBJECT = re.compile(r"^(自治区|省|市|州|盟|区|县|旗)(?:人民政府|政府|[\u4e00-\u9fff]{1,10}?(?:局|厅|委员会|办公室))$")


def _subject_level(clean: str, head: Head) -> str | None:
    """The level word of the opening's subject (市 of 2023年,市政府坚持…): the report is that
    level's, whatever lower places it goes on to name."""
    start = head.title.end if head.title else 0
    m = _OPENING_SUBJECT.search(clean, start, start + 300)
    level = _LEVEL_SUBJECT.match(m.group(1)) if m else None
    return level.group(1) if level else None


# The committees whose leadership the opening names: 在大连市委、市政府和庄河市委的领导下
_LED_BY = re.compile(r"在([^。\n]{2,60}?)的?(?:坚强|正确|有力)?领导下")


def _own_committee(clean: str, head: Head, word: str, gaz: Gazetteer) -> Place | None:
    """A subject named by its level (市政府) is the unit whose committee the opening names last
    among those of that level: in 在大连市委、市政府和庄河市委的领导下，市政府… the city reporting is
    庄河市, the committees above it come first."""
    start = head.title.end if head.title else 0
    m = _LED_BY.search(clean, start, start + 300)
    if not m:
        return None
    own, clause = None, m.group(1)
    for _, end, name in gaz.find_names(clause):
        if not clause.startswith(("委", "党委"), end):
            continue
        places = [p for p in gaz.by_name.get(name, ()) if p.name == name and _fits_level(p, word)]
        if len(places) == 1:
            own = places[0]
    return own


def _level_body_place(clean: str, head: Head, gaz: Gazetteer, weights: Counter, shorts: Counter) -> Place | None:
    start = head.title.start if head.title else 0
    m = _LEVEL_BODY.search(clean, start, start + 200)
    if not m:
        return None
    return _level_place(m.group(1), gaz, weights, shorts)


def _self_level_place(clean: str, gaz: Gazetteer, weights: Counter, shorts: Counter) -> Place | None:
    """Where no heading names a place: the level the report calls itself by (全市, 我区),
    when it clearly prevails, and the best-supported place of that level."""
    counts = Counter(m.group(1) for m in _SELF_LEVEL.finditer(clean[:6000]))
    if not counts:
        return None
    (word, n), *rest = counts.most_common(2)
    if rest and rest[0][1] * 2 > n:
        return None
    return _level_place(word, gaz, weights, shorts)


def find_region(
    norm: str, outline: Outline, gaz: Gazetteer, head: Head | None = None, page_title: str | None = None
) -> tuple[Place | None, Span | None]:
    head = head or read_head(norm, outline)
    clean = head.clean
    page_title = _own_title(page_title)
    weights, shorts = _score_places(clean, head, outline, gaz, page_title)
    above_town = frozenset(m.group(1) for m in _COUNTY_BODIES.finditer(clean))
    if above_town - {"市"}:
        above_town -= {"市"}  # 在市委、市政府和县委、县政府的领导下: the county is the town's own superior
    place = None
    texts = _head_texts(clean, head, outline)
    if page_title:
        # the page's title after the text's own (which it usually repeats), before the rest
        texts.insert(1 if head.title else 0, page_title)
    for n, text in enumerate(texts):
        place = _chain_place(text, gaz, weights, shorts, above_town)
        if place is not None:
            if place.depth == TOWN and _guessed(place, gaz, weights, shorts):
                # a town name several places share and nothing above it named: a later heading
                # (the signature: 石家庄市新华区XX街道办事处) may name the county
                for later in texts[n + 1 :]:
                    other = _chain_place(later, gaz, weights, shorts, above_town)
                    if other is not None and other.name == place.name and other.county and not _guessed(other, gaz, weights, shorts):
                        place = other
                        break
            break
    if place is not None and place.depth == TOWN:
        place = _town_of_superior(place, clean, gaz, weights, shorts, head.fields)
    if place is None:
        word = _subject_level(clean, head)
        place = (_own_committee(clean, head, word, gaz) or _level_place(word, gaz, weights, shorts)) if word else None
    if place is None:
        place = _level_body_place(clean, head, gaz, weights, shorts)
    if place is None:
        place = _self_level_place(clean, gaz, weights, shorts)
    if place is None:
        place = _most_supported(weights, shorts, gaz)
    if place is None:
        return None, None
    for name in (place.name, *gaz.forms_of.get(place, ())):
        idx = clean.find(name)
        if idx >= 0:
            return place, Span(idx, idx + len(name), name)
    return place, None


# The county-level unit whose party committee leads the report's town: 在龙胜各族自治县县委、县政府的领导下
_SUPERIOR = re.compile(r"在([\u4e00-\u9fff]{2,15}?[县区旗市])(?:县|区|旗|市)?(?:委|党委)")


def _guessed(town: Place, gaz: Gazetteer, weights: Counter, shorts: Counter) -> bool:
    """Whether a town was picked among others of its name with nothing above it in the text."""
    return len(gaz.by_name.get(town.name, ())) > 1 and _support(town, weights, shorts)[1] == 0


def _town_of_superior(town: Place, clean: str, gaz: Gazetteer, weights: Counter, shorts: Counter, fields=()) -> Place:
    """A town name several places share, or one the table has only elsewhere, placed under the
    county-level unit the text says leads it (在X县委…领导下), or whose body the page names as the
    publisher (信息来源：苍南县司法局), when nothing above the chosen town is named."""
    if _support(town, weights, shorts)[1] > 0:
        return town
    superiors = [m.group(1) for m in _SUPERIOR.finditer(clean[:1500])]
    superiors += [name for span in fields for start, _, name in gaz.find_names(span.text) if start == 0]
    for name in superiors:
        counties = [p for p in gaz.by_name.get(name, ()) if p.depth == COUNTY]
        if len(counties) != 1:
            continue
        county = counties[0]
        if town.county == county.name and town.province == county.province:
            return town
        same = [p for p in gaz.by_name.get(town.name, ()) if p.county == county.name and p.province == county.province]
        return same[0] if same else _town_under(town.name, county)
    return town


def _most_supported(weights: Counter, shorts: Counter, gaz: Gazetteer) -> Place | None:
    """Where nothing else tells: the most-mentioned place; among places mentioned nearly
    as much, a lower unit whose ancestors are also named wins (抚顺市顺城区 → 顺城区)."""
    candidates = []
    for name in weights:
        for place in gaz.by_name.get(name, ()):
            if place.name == name and place.depth < TOWN:
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
        return (not is_ancestor_of_other, own + above, above, place.depth, place.full_name)

    return max(strong, key=rank)[2]


def region_record(place: Place | None, span: Span | None, text: str, gaz: Gazetteer | None = None) -> Region:
    if place is None:
        return Region(name="未知", full_name="未知", level="unknown")
    evidence = Span(span.start, span.end, text[span.start : span.end]) if span else None
    municipality = place.province in ("北京市", "天津市", "上海市", "重庆市")
    city = place.city if place.city not in (None, *PLACEHOLDER_CITIES) else None
    return Region(
        name=place.name,
        full_name=place.full_name,
        level=place.level,
        province=place.province,
        city=city or (place.province if place.level == "province" or municipality else None),
        county=place.county if place.county not in PLACEHOLDER_CITIES else None,
        adcode=place.adcode,
        county_adcode=_county_code(place, gaz) if gaz else None,
        evidence=evidence,
    )


def _county_code(place: Place, gaz: Gazetteer) -> str | None:
    """A town's county-level code (the table gives towns none)."""
    if place.depth != TOWN or not place.county:
        return None
    for county in gaz.by_name.get(place.county, ()):
        if county.depth == COUNTY and county.province == place.province and county.city == place.city:
            return county.adcode
    return None


# --- issuer ---------------------------------------------------------------


def _expand_body(name: str, region: Region) -> str:
    """区司法局 → 从化区司法局, 省营商局 → 辽宁省营商局: a body named by the region's level
    word gets the region's name; its government is the 人民政府 (市政府 → 大庆市人民政府)."""
    if region.level == "unknown":
        return name
    if not name.startswith(region.name):
        for word in _LEVEL_WORDS:
            if region.name.endswith(word) and name.startswith(word) and len(name) > len(word):
                name = region.name + name[len(word) :]
                break
    if name.startswith(region.name) and name[len(region.name) :] == "政府":
        return region.name + "人民政府"
    return name


def _joint_subject(subject: str, region: Region) -> str:
    """An opening's subject, each body named whole: 感德镇党委、政府 → 感德镇党委、感德镇人民政府."""
    parts = [_expand_body(part, region) for part in subject.split("、") if part]
    place = re.sub(r"(?:党委|党工委|工委|委员会|委)$", "", parts[0]) if parts else ""
    named = [parts[0]] + [place + "人民政府" if part in ("政府", "人民政府") and place else part for part in parts[1:]]
    return "、".join(named)


def _written_chain(norm: str, region: Region) -> str:
    """The region's name as the text first writes it, with the units above it written in front
    (嘉兴市南湖区, 安吉县天荒坪镇; the table's 万松街街道 as 万松街道)."""
    evidence = region.evidence
    if evidence is None:
        return region.name
    start = evidence.start
    above = [n for n in (region.county, region.city, region.province) if n and n != region.name]
    moved = True
    while moved:
        moved = False
        for name in above:
            if start >= len(name) and norm.startswith(name, start - len(name)):
                start -= len(name)
                moved = True
    written = norm[start : evidence.end]
    return written if region.level in ("town", "subdistrict") else written[: len(written) - len(evidence.text)] + region.name


_GOVERNMENT_OF_LEVEL = {"zone": "管理委员会", "subdistrict": "办事处"}


def _signers(line) -> list[str]:
    """The signing bodies a closing line names: one, or a joint report's party committee and
    government side by side (中共准格尔旗委员会　准格尔旗人民政府); none when it holds a date or
    anything but names."""
    t = line.text.strip()
    if _CN_DATE.search(t):
        return []
    names = t.split()
    if len(names) > 1 and not any(n.startswith("中共") for n in names):
        return []  # a body's name written with a space in it, not a party committee beside a government
    return names if len(names) <= 3 and all(_ORG_LINE.match(n) for n in names) else []


def _signs(line) -> bool:
    return bool(_signers(line))


def find_issuer(
    text: str, norm: str, outline: Outline, region: Region, head: Head | None = None
) -> tuple[str, Span | None, str]:
    """The issuer, where the text names it, and what named it (see ``Metadata.issuer_basis``)."""
    head = head or read_head(norm, outline)
    # 1. the signature block
    lines = outline.closing_lines
    for i, line in enumerate(lines):
        if _signs(line):
            # a joint report signs with each body on its own line: 中共XX区委 / XX区人民政府
            last = i
            while last + 1 < len(lines) and _signs(lines[last + 1]):
                last += 1
            names = [name for l in lines[i : last + 1] for name in text[l.start : l.end].split()]
            # the bodies of a joint report as one writes them in a sentence: 中共XX区委、XX区人民政府
            return "、".join(names), Span(line.start, lines[last].end, text[line.start : lines[last].end]), "signature"
    text_head = head.clean[: max(outline.preamble[1], 300)]
    # 2. the title: "XX人民政府关于2024年…"
    if head.title:
        m = _TITLE_ORG_AFTER_YEAR.match(norm[: head.title.end], head.title.start) or _TITLE_ORG.search(norm, head.title.start, head.title.end)
        if m:
            return _expand_body(m.group(1), region), Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)]), "title"
    # 3. "现将XX人民政府2023年…报告如下"
    m = _REPORTED_BY.search(text_head)
    if m:
        return m.group(1), Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)]), "reported"
    # 4. the subject of the opening sentence, when it is a body (区司法局坚持…)
    m = _OPENING_SUBJECT.search(text_head)
    if m and _BODY_SUFFIX.search(m.group(1)) and "各级" not in m.group(1) and not m.group(1).startswith(("我", "本")):
        # 伊犁州直各级政府 is many bodies; 我局, 本委 name none
        return _joint_subject(m.group(1), region), Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)]), "opening"
    # 5. the header's source line: 信息来源:XX人民政府
    m = re.search(r"(?:信息来源|来源)\s*[::]\s*([\u4e00-\u9fff]{2,30}(?:人民政府|政府|局|委员会|办公室|办事处|管委会))", norm[: max(outline.preamble[1], 300)])
    if m and not _body_above(m.group(1), region) and not m.group(1).endswith(_DRAFTERS):
        return m.group(1), Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)]), "source"
    # 6. the region's government: a zone's is its administrative committee, a 街道's its office,
    # a 地区's or 盟's its administrative office (行政公署)
    if region.level != "unknown":
        government = "行政公署" if region.level == "city" and region.name.endswith(("地区", "盟")) else _GOVERNMENT_OF_LEVEL.get(region.level, "人民政府")
        return _written_chain(norm, region) + government, None, "region"
    return "未知", None, "region"


# A page's source that drafted or posted the government's report rather than wrote its own: the
# government's office (办公室, 综合办公室) and its legal-affairs bureau (司法局). A report of the
# bureau itself says so in its title or opening, which come first.
_DRAFTERS = ("办公室", "司法局")


def _body_above(body: str, region: Region) -> bool:
    """Whether ``body`` belongs to a unit above ``region`` (苍南县司法局 above 龙港镇; not 北京市朝阳区人民政府
    above 朝阳区): then it published the page, it did not write the report."""
    rest = body
    for name in (region.province, region.city, region.county):  # from the top, as a full name is written
        if name and name != region.name and rest.startswith(name):
            rest = rest[len(name) :]
    return rest != body and not rest.startswith(region.name)


def issuer_in_title(title: str, region: Region) -> str | None:
    """The body a page's title names as its author (吉林省市场监督管理厅2022年…报告), if any."""
    m = _TITLE_ORG.search(normalize(title))
    return _expand_body(m.group(1), region) if m else None


def extract_metadata(text: str, norm: str, outline: Outline, gaz: Gazetteer, page_title: str | None = None) -> Metadata:
    """``page_title``: a saved page's title, kept out of the text; it names the region where
    the text does not (a page whose text starts with 2018年，区政府…)."""
    head = read_head(norm, outline)
    place, span = find_region(norm, outline, gaz, head, page_title)
    region = region_record(place, span, text, gaz)
    year = find_year(norm, outline, head, page_title)
    issuer, issuer_span, issuer_basis = find_issuer(text, norm, outline, region, head)
    title = outline.title.text.replace("\n", "").replace("\r", "") if outline.title else None
    return Metadata(
        title=title,
        region=region,
        year=year,
        issuer=issuer,
        issuer_span=issuer_span,
        published=find_published(norm, outline),
        issuer_basis=issuer_basis,
    )

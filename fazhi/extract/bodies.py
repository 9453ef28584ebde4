"""Bodies (机构): specific organisations, with a region-scoped canonical name and a type.

A body is found by its *head*, the last word of its name (``lexicons/bodies.tsv``:
司法局, 人民法院, 律师事务所, 理论学习中心组 …, plus generic endings such as
局 and 中心). From the head the name is read leftwards to where it starts:
after punctuation, a digit, or a word that stands before names (邀请, 联合, 召开,
与, 的 … in ``lexicons/bodies_words.tsv``). What stands in front of the head,
the *modifier*, decides the canonical name:

- a place name (抚顺市顺城区人民政府, 望花区人民法院, 清远市佛冈县司法局): the
  lowest place plus the rest (顺城区人民政府, 佛冈县司法局);
- a level word (区司法局, 县委, 镇党委, 市政府, 我县): the report's unit at that
  level plus the rest (从化区司法局, 禄劝彝族苗族自治县委, 北京市人民政府);
- the region's short name (顺城公安分局, 行政争议调解中心从化工作站): as written;
- 党组 (党组理论学习中心组): the issuing body's 党组;
- any other words (守法普法协调小组, 发改局) or none (党校): the report's region
  plus the name, where the head allows it (column ``bare``);
- a proper name before a proper head (辽宁泽隆律师事务所): kept as written.

Abbreviations are kept as written; only the standard short forms of a few heads
are completed (法院 → 人民法院, 政府 → 人民政府, 监察委 → 监察委员会, column
``expand``). Not bodies: class nouns (行政机关, 律师事务所 alone), plural
references (各司法所, 8个司法所, 市、区两级人民法院), a township's bodies in a
higher unit's report, media, and higher-level bodies named only in stock
phrases (在市委、市政府的坚强领导下, 中央、省、市部署). Inside a cited title
《…》 only a body at the start of the title (its issuer) counts. Bare department
names (铁建办, 土储中心) are also read from lists closed by 等部门/等单位.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .records import BODY_TYPES, BodyMention, Region, Span
from .regions import TOWN, gazetteer

__all__ = ["BodyLexicon", "Head", "body_lexicon", "find_bodies", "score_bodies"]

LEVEL_CHARS = "区县市镇乡旗州盟省"
TOWN_LEVEL = "town"
_BELOW_COUNTY = (TOWN_LEVEL, "subdistrict")
_WINDOW = 26  # longest stretch looked at in front of a head, in characters
_QUOTES = "“”‘’"
_STOPS = frozenset(",.。;:!?、《》〈〉【】<>[]{}\"'/|·…—-_~ \t\r\n")
_NUMERALS = "两二三四五六七八九十百千几多数"
_MEASURES = "个家所支批"
_NOT_PLACES = frozenset({"街道", "办事处", "街道办事处", "社区"})  # rows of the gazetteer that are no names
_BODY_ENDS = "委府院局"  # a level word right after one of these starts a new body (区委区政府)
_PARTY = re.compile("中共")
_TITLE = re.compile(r"《[^《》\n]*》")
_ENUM = re.compile(r"[^、,。;:!?\n]+(?:、[^、,。;:!?\n]+)+")
_ENUM_CLOSE = re.compile(r"等(?:\d+|[一二三四五六七八九十多]+)?[个家]?(?:单位|部门|机构|成员单位)")


@dataclass(frozen=True)
class Head:
    """A row of ``lexicons/bodies.tsv``."""

    suffix: str
    type: str
    kind: str  # proper | unit | level | generic
    bare: str  # yes | town | modifier | prefix | exact; for proper heads the shortest name
    expand: str  # the head's full form in the canonical name, or ""


@dataclass(frozen=True)
class BodyLexicon:
    heads: dict  # suffix -> Head
    max_head: int
    head_lengths: dict  # last character -> the lengths of the heads ending in it, longest first
    words: dict  # role -> tuple of words (lexicons/bodies_words.tsv)
    cue_re: re.Pattern
    keep_re: re.Pattern
    generic: frozenset  # class nouns (lexicons/bodies_generic.txt)

    def has(self, role: str, word: str) -> bool:
        return word in self.words.get(role, ())

    def ends(self, role: str, text: str) -> bool:
        return any(text.endswith(w) for w in self.words.get(role, ()))

    def starts(self, role: str, text: str) -> bool:
        return any(text.startswith(w) for w in self.words.get(role, ()))


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))))


@lru_cache(maxsize=1)
def body_lexicon() -> BodyLexicon:
    """The body lexicons, read once per process."""
    heads: dict[str, Head] = {}
    for row in csv.DictReader(_lines("bodies.tsv"), delimiter="\t"):
        if row["type"] not in BODY_TYPES:
            raise ValueError(f"lexicons/bodies.tsv: {row['suffix']}: unknown type {row['type']!r}")
        bare = row["bare"] or ("2" if row["kind"] == "proper" else "yes")
        for level in LEVEL_CHARS if "{L}" in row["suffix"] else "_":
            suffix = row["suffix"].replace("{L}", level)
            heads.setdefault(suffix, Head(suffix, row["type"], row["kind"], bare, row["expand"] or ""))
    words: dict[str, list[str]] = {}
    for row in csv.DictReader(_lines("bodies_words.tsv"), delimiter="\t"):
        words.setdefault(row["role"], []).append(row["word"])
    return BodyLexicon(
        heads=heads,
        max_head=max(len(s) for s in heads),
        head_lengths={
            c: tuple(sorted({len(s) for s in heads if s[-1] == c}, reverse=True)) for c in {s[-1] for s in heads}
        },
        words={role: tuple(ws) for role, ws in words.items()},
        cue_re=_alternation(words["cue"]),
        keep_re=_alternation(words["keep"]),
        generic=frozenset(line.strip() for line in _lines("bodies_generic.txt")),
    )


# --- the report's units -----------------------------------------------------------------


def _unit_for_level(level: str, region: Region) -> str | None:
    """The report's unit that a level word names (区 in a district's report → the district)."""
    own, county, city = region.name or "", region.county or "", region.city or ""
    if region.level == "unknown" or not own:
        return None
    below_county = region.level in _BELOW_COUNTY
    if level == "省":
        return region.province if region.province and region.province.endswith("省") else None
    if level in "镇乡":
        return own if region.level == TOWN_LEVEL and own.endswith(level) else None
    if level == "街":
        return own if region.level == "subdistrict" else None
    if level in "区县旗":
        if region.level in ("district", "county") and own.endswith(level):
            return own
        return county if below_county and county.endswith(level) else None
    if level == "市":
        if own.endswith("市") and region.level in ("city", "county", "province"):
            return own  # the city itself, a county-level city, or a municipality
        if below_county and county.endswith("市"):
            return county
        return city if city.endswith("市") else None
    if level in "州盟":
        if own.endswith(level) and region.level == "city":
            return own
        return city if city.endswith(level) else None
    return None


def _is_higher(unit: str, region: Region) -> bool:
    """A unit above the report's own (for a town, the county counts as its own)."""
    return unit not in (region.name, region.county)


# --- scanning ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    norm: str
    region: Region
    lex: BodyLexicon
    issuer: str | None  # canonical name of the issuing body
    shorts: tuple  # short names of the region and the units above it
    titles: tuple  # (start, end) of every cited title 《…》


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    canonical: str
    type: str


def _is_name_char(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalpha() or c in "()" + _QUOTES


def _places_at(text: str) -> tuple[int, str | None]:
    """Adjacent place names at the start of ``text`` (抚顺市顺城区): (end of the chain, lowest name)."""
    pos, lowest = 0, None
    gaz = gazetteer()
    while pos < len(text):
        match = next(iter(gaz.find_names(text[pos : pos + gaz.max_len])), None)
        if match is None or match[0] != 0 or match[2] in _NOT_PLACES:
            break
        lowest = match[2]
        pos += match[1]
    return pos, lowest


def _is_township(name: str, region: Region) -> bool:
    places = gazetteer().by_name.get(name, ())
    return name != region.name and bool(places) and all(p.depth >= TOWN for p in places)


def _city_short_start(text: str) -> bool:
    """杭州铁路运输法院: ``text`` starts with the short name of a city or province."""
    gaz = gazetteer()
    return any(
        place.depth <= 1 for length in (4, 3, 2) if len(text) > length for place in gaz.by_short.get(text[:length], ())
    )


def _left_edge(ctx: _Context, s: int, min_name: int = 0) -> int | None:
    """Where the name whose head starts at ``s`` begins, or None if no edge is in sight.

    A one-character cue that would leave fewer than ``min_name`` characters of name
    is ignored (浙江六和律师事务所: 和 is part of the name).
    """
    norm = ctx.norm
    floor = max(0, s - _WINDOW)
    i, depth = s, 0
    while i > floor:
        c = norm[i - 1]
        if c == ")":
            depth += 1
        elif c == "(":
            if not depth:
                break
            depth -= 1
        elif not depth and (c in _STOPS or not _is_name_char(c)):
            break
        elif c == "“" and i >= 2 and norm[i - 2] == "”":
            break  # “甲”“乙”: two labels in a row, a list
        i -= 1
    window = norm[i:s]
    # a cue character inside a word or a place name is no cue (党的, 经济, 从化区, 和县);
    # a cue word only when it lies wholly inside one (建成县级: 建成, not 成县)
    protected = [(m.start(), m.end()) for m in ctx.lex.keep_re.finditer(window)]
    protected += [(a, b) for a, b, _ in gazetteer().find_names(window)]
    for short in ctx.shorts:
        protected += [(m.start(), m.end()) for m in re.finditer(re.escape(short), window)]

    def is_cue(m: re.Match) -> bool:
        if len(m.group()) == 1:
            return m.end() <= len(window) - min_name and not any(a < m.end() and m.start() < b for a, b in protected)
        return not any(a <= m.start() and m.end() <= b for a, b in protected)

    edge = None
    for start in range(len(window)):
        m = ctx.lex.cue_re.match(window, start)
        if m and is_cue(m):
            edge = m.end() if edge is None else max(edge, m.end())
    if edge is None:
        if i == floor and floor > 0:
            return None  # no boundary within the window: not a name we can delimit
        edge = 0
    return i + edge


def _plural(ctx: _Context, left: int, end: int, modifier: str) -> bool:
    """各司法所, 8个司法所, 三个司法所, 救援队17个: a count or 各 makes a class."""
    norm = ctx.norm
    if left and norm[left - 1] == "各":
        return True
    if modifier[:1] in _MEASURES and left and norm[left - 1].isdigit():
        return re.search(r"\d+$", norm[max(0, left - 6) : left]).group() != "1"
    if re.search(f"[{_NUMERALS}][{_MEASURES}]", modifier):
        return True
    after = re.match(rf"(\d+|[一{_NUMERALS}]+)[{_MEASURES}]", norm[end : end + 6])
    return bool(after and after.group(1) not in ("1", "一"))


def _blocked_after(ctx: _Context, end: int) -> bool:
    return ctx.lex.starts("not_after", ctx.norm[end : end + 6])


def _is_class(ctx: _Context, modifier: str) -> bool:
    text = modifier
    if ctx.region.level == "subdistrict" and text.startswith("街道"):
        text = text[2:]  # a sub-district's own 街道党工委
    for word in ctx.lex.words.get("class_keep", ()):
        text = text.replace(word, "")
    return any(w in text for w in ctx.lex.words.get("class_in", ()))


def _boilerplate(ctx: _Context, left: int, end: int) -> bool:
    """在市委、市政府的坚强领导下; 中央、省、市委政法委部署; 市委“1312”思路: stock phrases."""
    norm = ctx.norm
    after = norm[end : end + 40]
    while True:  # skip the partner in 市委、市政府
        m = re.match(r"[、和及与]?[省市州]?(?:委|人民政府|政府)", after)
        if not m:
            break
        after = after[m.end() :]
    if ctx.lex.starts("higher_after", after):
        return True
    return ctx.lex.ends("higher_before", norm[max(0, left - 8) : left])


def _level_start(ctx: _Context, text: str) -> str | None:
    """The level word that ``text`` starts with (区, 县, 我县 → 县), or None."""
    if text[:1] in "我本" and text[1:2] in LEVEL_CHARS:
        text = text[1:]
    if not text or text[0] not in LEVEL_CHARS:
        if text.startswith("街道") and ctx.region.level == "subdistrict":
            return "街"
        return None
    if ctx.lex.starts("not_level", text):
        return None
    return text[0]


def _split_bodies(ctx: _Context, modifier: str) -> int:
    """区委区政府: the offset in ``modifier`` where the last body starts."""
    cut = 0
    for p in range(1, len(modifier)):
        if modifier[p - 1] in _BODY_ENDS and _level_start(ctx, modifier[p:]):
            cut = p
    return cut


def _expand_rest(rest: str, head: Head) -> str:
    """区政府办公室 → 人民政府办公室; 区政府政务服务中心 → the district's 政务服务中心."""
    if rest.startswith("政府") and not rest.startswith("政府办"):
        return rest[2:] if head.type == "service_center" else "人民" + rest
    if rest.startswith("法院"):
        return "人民" + rest
    return rest


def _candidate(ctx: _Context, s: int, end: int, head: Head) -> _Found | None:
    """The body whose head is ``norm[s:end]``, or None."""
    norm, region, lex = ctx.norm, ctx.region, ctx.lex
    if _blocked_after(ctx, end):
        return None
    suffix, kind, bare = head.suffix, head.kind, head.bare
    if kind == "level":  # 区委: the level word is the modifier, 委 the head
        suffix, s, bare = suffix[1:], s + 1, "exact"
    left = _left_edge(ctx, s, 2 if kind == "proper" else 0)
    if left is None:
        return None
    while left < s and norm[left] in "年月日号" and norm[left - 1].isdigit():
        left += 1  # 2024年翠华镇便民服务中心: the date is not part of the name
    modifier = norm[left:s]
    if _plural(ctx, left, end, modifier):
        return None
    if kind == "proper":
        return _proper(ctx, left, s, end, head)
    if kind == "generic" and modifier.endswith(suffix):
        return None  # 发改局局长: the second 局 belongs to 局长
    left += _split_bodies(ctx, modifier)
    modifier = norm[left:s]
    full = head.expand or suffix
    clean = "".join(c for c in modifier if c not in _QUOTES)
    if norm[left:end] in lex.generic or _is_class(ctx, clean) or "(" in clean:
        return None
    if clean.startswith("中共"):
        clean = clean[2:]

    def found(canonical: str) -> _Found | None:
        if lex.ends("media", canonical) or lex.ends("not_head", canonical):
            return None
        body_type = head.type
        if kind == "generic":  # the name says more than the ending
            if "调解" in canonical:
                body_type = "mediation_body"
            elif re.search(r"[区县市镇乡旗州省]委(?!员)", canonical) or "党" in canonical:
                body_type = "party_body"
        return _Found(left, end, canonical, body_type)

    # a place name in front: 抚顺市顺城区人民政府, 清远市佛冈县司法局
    chain_end, lowest = _places_at(clean)
    if lowest:
        if _is_township(lowest, region):
            return None  # a township's own bodies are not the report's bodies
        rest = _expand_rest(clean[chain_end:], head)
        if bare == "exact" and rest or kind == "generic" and not rest:
            return None
        return found(lowest + rest + full)
    # a level word in front: 区司法局, 县委, 镇党委理论中心组, 我县, 县级
    level = _level_start(ctx, clean)
    if level:
        rest = clean[2:] if level == "街" or clean[0] in "我本" else clean[1:]
        rest = rest[1:] if rest.startswith("级") else rest
        if bare == "exact" and rest:
            return None
        unit = _unit_for_level(level, region)
        if unit is None or _level_start(ctx, rest) or lex.ends("class_end", rest):
            return None
        if _is_higher(unit, region) and _boilerplate(ctx, left, end):
            return None
        rest = _expand_rest(rest, head)
        if kind == "generic" and not rest:
            return None
        return found(unit + rest + full)
    if kind == "level":
        return None
    if bare == "exact":  # 广州铁路运输中级法院: a special court named after its city
        if head.type in ("court", "procuratorate") and _city_short_start(clean):
            return found(clean + suffix)
        return None
    # the region's own short name: 顺城公安分局, 行政争议调解中心从化工作站
    if clean and any(short in clean for short in ctx.shorts):
        return found(clean + suffix)
    # the issuer's party group: 党组理论学习中心组 in a bureau's report
    if clean.startswith("党组") and ctx.issuer:
        return found(ctx.issuer + clean + full)
    quoted = modifier.startswith("“") and modifier.endswith("”")  # “一站式”: a label, not a quality
    if bare == "prefix" or len(clean) > 18 or not quoted and lex.ends("class_end", clean):
        return None
    if not clean and (bare == "modifier" or kind == "generic"):
        return None
    if bare == "town" and region.level not in _BELOW_COUNTY:
        return None
    unit = region.name
    if region.level == "unknown" or not unit:
        return None
    if region.level == TOWN_LEVEL and suffix.endswith(("局", "委")) and region.county:
        unit = region.county  # a bureau named in a town's report is the county's
    if not clean and full == "委党校" and region.level == TOWN_LEVEL:
        full = "党委党校"
    return found(unit + clean + full)


def _proper(ctx: _Context, left: int, s: int, end: int, head: Head) -> _Found | None:
    """A proper name before a proper head: 辽宁泽隆律师事务所, 葛杰调解工作室."""
    norm, lex = ctx.norm, ctx.lex
    for word in sorted(lex.words.get("strip_prefix", ()), key=len, reverse=True):
        if norm.startswith(word, left) and left + len(word) < s:
            left += len(word)
            break
    while left < s and norm[left] in _QUOTES + ")":
        left += 1
    name = norm[left:s]
    if len(name) == 1 or name[:1] in "我本" and len(name) == 2:  # 县公证处: the report's own
        unit = _unit_for_level(name[-1], ctx.region) if name[-1] in LEVEL_CHARS else None
        return _Found(left, end, unit + head.suffix, head.type) if unit else None
    core = re.sub(r"[()“”‘’]", "", name)
    if len(core) < int(head.bare) or lex.has("not_names", core) or lex.ends("class_end", core):
        return None
    if _is_class(ctx, core) or name.count("(") != name.count(")"):
        return None
    if any(word in core for word in lex.generic) or re.search(r"[所局院处会室队](?:和|与|及)", core):
        return None  # 派出所和律师事务所: a list of class nouns, not a name
    return _Found(left, end, (name + head.suffix).replace("“", "").replace("”", ""), head.type)


def _party_committees(ctx: _Context) -> list[_Found]:
    """中共抚顺市顺城区委员会 → 顺城区委; 中共某某镇委员会 → 某某镇党委."""
    found = []
    for m in _PARTY.finditer(ctx.norm):
        tail = ctx.norm[m.end() : m.end() + 40]
        chain_end, lowest = _places_at(tail)
        if not lowest or not tail.startswith("委员会", chain_end) or _is_township(lowest, ctx.region):
            continue
        suffix = "党委" if lowest.endswith(("镇", "乡")) else "党工委" if lowest.endswith("街道") else "委"
        found.append(_Found(m.start(), m.end() + chain_end + 3, lowest + suffix, "party_body"))
    return found


def _enumerated(ctx: _Context) -> list[_Found]:
    """铁建办、财政局、司法局、土储中心等部门: bare department names in a list of departments."""
    found: list[_Found] = []
    region, lex = ctx.region, ctx.lex
    if region.level == "unknown" or not region.name:
        return found
    suffixes = sorted(lex.words.get("enum_suffix", ()), key=len, reverse=True)
    for m in _ENUM.finditer(ctx.norm):
        items = m.group().split("、")
        closing = _ENUM_CLOSE.search(items[-1])
        if not closing or closing.start() == 0:
            continue
        items[-1] = items[-1][: closing.start()]
        pos = m.start()
        for n, item in enumerate(items):
            start, stop = pos, pos + len(item)
            pos = stop + 1
            suffix = next((x for x in suffixes if item.endswith(x)), None)
            if suffix is None:
                continue
            if n == 0:
                edge = _left_edge(ctx, stop - len(suffix))
                if edge is None:
                    continue
                start, item = edge, ctx.norm[edge:stop]
            if not 2 <= len(item) <= 6 or len(item) == len(suffix) or not all(_is_name_char(c) for c in item):
                continue
            if _level_start(ctx, item) or _places_at(item)[1] or _is_class(ctx, item) or item in lex.generic:
                continue
            known = lex.heads.get(item)
            if known is not None and known.bare != "yes":
                continue  # 派出所、司法所: class nouns in a district
            if lex.ends("not_head", item) or lex.ends("media", item):
                continue
            kind = "other_org" if suffix in ("中心", "站") else "government_department"
            found.append(_Found(start, stop, region.name + item, kind))
    return found


def _issuer_canonical(issuer: str) -> str | None:
    if not issuer:
        return None
    issuer = issuer.split("、")[-1]  # a joint report's government (中共XX区委、XX区人民政府): its 党组 is the government's
    text = issuer[2:] if issuer.startswith("中共") else issuer
    chain_end, lowest = _places_at(text)
    return lowest + text[chain_end:] if lowest else text


def _shorts(region: Region) -> tuple[str, ...]:
    gaz = gazetteer()
    names = (region.name, region.county, region.city, region.province)
    shorts = {gaz.short_of.get(n) for n in names if n}
    return tuple(sorted(s for s in shorts if s and len(s) >= 2))


def find_bodies(text: str, norm: str, region: Region, issuer: str = "") -> list[BodyMention]:
    """Every mention of a specific organisation in the report, in text order.

    ``norm`` is ``normalize(text)`` (same length, so offsets are shared); ``region``
    the report's region; ``issuer`` the issuing body as the report names it (its
    党组 is the owner of a bare 党组理论学习中心组).
    """
    lex = body_lexicon()
    ctx = _Context(
        norm=norm,
        region=region,
        lex=lex,
        issuer=_issuer_canonical(issuer),
        shorts=_shorts(region),
        titles=tuple((m.start(), m.end()) for m in _TITLE.finditer(norm)),
    )
    candidates = _party_committees(ctx)
    heads, head_lengths = lex.heads, lex.head_lengths
    for end in range(1, len(norm) + 1):
        for length in head_lengths.get(norm[end - 1], ()):  # the longest head ending here
            if length > end:
                continue
            head = heads.get(norm[end - length : end])
            if head is not None:
                found = _candidate(ctx, end - length, end, head)
                if found is not None:
                    candidates.append(found)
                break
    candidates.extend(_enumerated(ctx))

    chosen: list[_Found] = []  # longest first; one body per stretch of text
    for item in sorted(candidates, key=lambda f: (f.start - f.end, f.start)):
        if item.start >= item.end or any(item.start < c.end and c.start < item.end for c in chosen):
            continue
        title = next(((a, b) for a, b in ctx.titles if a < item.start < b), None)
        if title and item.start != title[0] + 1:
            continue  # inside a cited title only its issuer at the start counts
        chosen.append(item)
    return [
        BodyMention(Span(f.start, f.end, text[f.start : f.end]), f.canonical, f.type)
        for f in sorted(chosen, key=lambda f: (f.start, f.end))
    ]


def score_bodies(predicted: list[BodyMention], gold_bodies: list[dict]) -> dict:
    """Precision, recall and F1 on the sets of canonical names; type accuracy on the names both have.

    Also returns the counts (``tp``, ``fp``, ``fn``, ``typed``, ``typed_ok``) so that
    scores can be micro-averaged over documents. A predicted canonical takes the type
    of its first mention.
    """
    p: dict[str, str] = {}
    for b in predicted:
        p.setdefault(b.canonical, b.type)
    g = {b["canonical"]: b["type"] for b in gold_bodies}
    both = set(p) & set(g)
    tp, fp, fn = len(both), len(set(p) - set(g)), len(set(g) - set(p))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    typed_ok = sum(p[k] == g[k] for k in both)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "type_accuracy": typed_ok / len(both) if both else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "typed": len(both),
        "typed_ok": typed_ok,
    }

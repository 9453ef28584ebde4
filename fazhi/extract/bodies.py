"""Bodies (机构): specific organisations, with a region-scoped canonical name and a type.

A body is found by its head (``lexicons/bodies.tsv``: 司法局, 人民法院, 律师事务所,
理论学习中心组 …) and read leftwards to where its name starts: after
punctuation or a word that stands before names (邀请, 联合, 与 …). What stands
in front of the head decides the canonical name:

- a place name (抚顺市顺城区人民政府, 望花区人民法院, 清远市佛冈县司法局): the
  lowest place plus the rest (顺城区人民政府, 佛冈县司法局);
- a level word (区司法局, 县委, 镇党委, 市政府): the report's unit of that
  level plus the rest (从化区司法局, 禄劝彝族苗族自治县委, 北京市人民政府);
- nothing (发改局, 党校): the report's own region plus the name;
- a proper name (辽宁泽隆律师事务所, 葛杰调解工作室): kept as written.

Class nouns (行政机关, 各部门, 律师事务所 alone) and plural references (各司法所)
are not bodies; neither is anything inside a cited title 《…》.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import read_tsv
from .records import BodyMention, Region, Span
from .regions import gazetteer

_LEVEL_CHARS = "区县市镇乡"
_STOP = set(",。;:!?、“”《》()\n \"'")
_CUES = (
    "联合", "邀请", "联动", "会同", "配合", "依托", "通过", "参加", "组织", "召开", "成立", "设立", "组建",
    "加挂", "挂牌", "提请", "推动", "督促", "协助", "包括", "其中", "以及", "接受", "支持", "指导", "落实",
    "建立", "打造", "印发", "发挥", "聘请", "引入", "深化", "强化", "推进", "经", "由", "对", "向", "在",
    "为", "与", "和", "及", "等", "的", "将", "同", "被", "请", "是", "从", "给", "把", "让", "到",
    "加强", "持续", "积极", "开展", "完成", "设置", "实施", "推行", "优选", "选派", "首家", "纳入",
    "以", "入选", "列席", "主持", "报送", "向",
)
_CUE_RE = re.compile("|".join(sorted(map(re.escape, _CUES), key=len, reverse=True)))
_NEEDS_PREFIX = {
    "法院", "人民法院", "检察院", "人民检察院", "政府", "人民政府", "人大", "人大常委会", "政协", "党委",
    "监察委", "监察委员会", "纪委监委", "政府办公室", "人民政府办公室", "委党校", "党工委",
}
_LEVEL_POS = re.compile(r"[区县镇乡](?![域划级内外])|市(?![场民域级政])")
_NOT_NAMES = {"个人", "专业", "行业", "人民", "社区", "基层", "品牌", "特色"}
_BARE_OK = {"司法局", "财政局", "发改局", "教育局", "司法所", "党校", "乡村振兴局", "铁建办", "土储中心", "政务服务中心", "公共法律服务中心", "便民服务中心"}
_PARTY_COMMITTEE = re.compile(r"中共((?:[\u4e00-\u9fff]{2,12}?(?:省|市|区|县|镇|乡))+)委员会")


@dataclass(frozen=True)
class _Head:
    suffix: str
    type: str
    kind: str  # proper | unit | level
    expand: str


@lru_cache(maxsize=1)
def _lexicon():
    heads = sorted(
        (_Head(r["suffix"], r["type"], r["kind"], r.get("expand") or "") for r in read_tsv("bodies.tsv")),
        key=lambda h: -len(h.suffix),
    )
    text = resources.files(__package__).joinpath("lexicons", "bodies_generic.txt").read_text(encoding="utf-8")
    generic = frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))
    pattern = re.compile("|".join(re.escape(h.suffix) for h in heads))
    return {h.suffix: h for h in heads}, pattern, generic


def _unit_for_level(char: str, region: Region) -> str | None:
    """The report's unit at the level a level word names (区 in a district report → the district)."""
    own = region.name
    if char == "区":
        if region.level == "district":
            return own
        if region.county and region.county.endswith("区"):
            return region.county
    if char == "县":
        if region.level == "county" and own.endswith("县"):
            return own
        if region.county and region.county.endswith("县"):
            return region.county
    if char in "镇乡" and region.level == "town" and own.endswith(char):
        return own
    if char == "市":
        if region.level == "city":
            return own
        return region.city
    return None


def _left_edge(norm: str, start: int, window: int = 24) -> int:
    i = start
    depth = 0
    floor = max(0, start - window)
    while i > floor:
        c = norm[i - 1]
        if c == ")":
            depth += 1
        elif c == "(" and depth:
            depth -= 1
        elif c in _STOP and not (c in "()" and depth):
            break
        i -= 1
    edge = i
    for m in _CUE_RE.finditer(norm, i, start):
        if m.end() <= start:
            edge = max(edge, m.end())
    return edge


def _places_at(norm: str, start: int, end: int):
    """Adjacent place names from ``start`` (抚顺市顺城区): (end of the chain, lowest name)."""
    pos, lowest = start, None
    gaz = gazetteer()
    while pos < end:
        match = next(iter(gaz.find_names(norm[pos:end])), None)
        if match is None or match[0] != 0:
            break
        lowest = match[2]
        pos += match[1]
    return pos, lowest


def find_bodies(text: str, norm: str, region: Region, issuer: str = "") -> list[BodyMention]:
    heads, pattern, generic = _lexicon()
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]*》", norm)]
    found: list[tuple[int, int, str, str]] = []

    def add(start, end, canonical, kind):
        if any(s <= start and end <= e for s, e in titles):
            return
        found.append((start, end, canonical, kind))

    for m in _PARTY_COMMITTEE.finditer(norm):
        _, lowest = _places_at(norm, m.start(1), m.end(1))
        if lowest:
            add(m.start(), m.end(), lowest + "委" if not lowest.endswith("委") else lowest, "party_body")

    for end in range(1, len(norm) + 1):
        for suffix_len in range(min(12, end), 1, -1):
            head = heads.get(norm[end - suffix_len : end])
            if head is None:
                continue
            s = end - suffix_len
            name = _body(norm, s, end, head, region, generic)
            if name is not None:
                add(name[0], end, name[1], head.type)
            break

    # longest first; one mention per stretch of text
    chosen: list[tuple[int, int, str, str]] = []
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if any(item[0] < c[1] and c[0] < item[1] for c in chosen):
            continue
        chosen.append(item)
    return [
        BodyMention(Span(start, end, text[start:end]), canonical, kind)
        for start, end, canonical, kind in sorted(chosen)
    ]


def _body(norm: str, s: int, end: int, head: _Head, region: Region, generic) -> tuple[int, str] | None:
    """(start, canonical) of the body whose head is ``norm[s:end]``, or None."""
    suffix = head.expand or head.suffix
    if head.kind == "level":
        if s > 0 and norm[s - 1] not in _STOP and not _CUE_RE.search(norm[max(0, s - 2) : s]):
            chain_end, lowest = _places_at(norm, _left_edge(norm, s), s)
            if lowest and chain_end == s:
                return _left_edge(norm, s), lowest + norm[s + 1 : end]
            return None
        unit = _unit_for_level(norm[s], region)
        return (s, unit + norm[s + 1 : end]) if unit else None

    left = _left_edge(norm, s)
    if left > 0 and norm[left - 1] == "”":  # “一站式”矛盾纠纷调解中心: a quoted name in front
        opening = norm.rfind("“", max(0, left - 12), left)
        if opening >= 0:
            left = opening
    digits = [i for i in range(left, s) if norm[i].isdigit()]
    if digits:  # 2024年翠华镇便民服务中心
        left = digits[-1] + 1
        while left < s and norm[left] in "年月日号":
            left += 1
    if norm[left : left + 2] == "中共":
        left += 2
    core = norm[left:s]
    if re.search(r"(?:法治|诚信|数字|智慧|廉洁|服务型|责任|有限|阳光)$", core) and head.suffix in ("政府", "人民政府"):
        return None  # 法治政府, 数字政府: ideas, not bodies
    if head.suffix in ("人大", "政协") and norm[end : end + 2] in ("代表", "委员"):
        return None  # 区人大代表, 区政协委员: people, not the body
    if head.suffix in ("政府", "人民政府") and re.match(r"网站|门户|信息|常务|债务|投资|采购|购买|规章|工作报告", norm[end : end + 4]):
        return None
    if re.search(r"两级|各级|三级|街道|社区|村", core):
        return None
    surface = norm[left:end]
    if surface in generic or head.suffix in generic and not core:
        return None
    if left > 0 and norm[left - 1] == "各" or core.startswith("各"):
        return None
    if head.kind == "proper":
        if len(core.replace("(", "").replace(")", "")) < 2 or core in _NOT_NAMES:
            return None
        return left, surface

    chain_end, lowest = _places_at(norm, left, s)
    if lowest:
        places = gazetteer().by_name.get(lowest, ())
        if lowest != region.name and any(p.depth >= 3 for p in places) and all(p.depth >= 3 for p in places):
            return None  # a township's own bodies in a district's report: not the report's bodies
        rest = norm[chain_end:s]
        return left, lowest + rest + suffix
    if _region_short(core, region) or _place_short(core):
        return left, surface.replace("“", "").replace("”", "")
    levels = [m.start() for m in _LEVEL_POS.finditer(core)]
    if levels and levels[-1] > 0 and not _places_at(norm, left, left + levels[-1] + 1)[1]:
        left += levels[-1]  # 区委区政府 → 区政府; …纳入镇党委 → 镇党委
        core = norm[left:s]
    if core[:1] and core[0] in _LEVEL_CHARS:
        unit = _unit_for_level(core[0], region)
        if unit is None:
            return None
        rest = core[1:]
        if len(rest) > 8 or _LEVEL_POS.search(rest):
            return None
        if rest == "政府" and suffix.endswith("中心"):
            rest = ""  # 区政府政务服务中心 is the district's 政务服务中心
        return left, unit + rest + suffix
    quoted = "“" in core
    if head.suffix in _NEEDS_PREFIX or len(core) > (8 if quoted else 4) or not core and head.suffix not in _BARE_OK:
        return None
    core = core.replace("“", "").replace("”", "")
    if head.suffix == "司法所" and region.level != "town":
        return None  # a district has many 司法所: a class noun there
    if region.level == "unknown":
        return None
    return left, region.name + core + suffix


def _place_short(core: str) -> bool:
    """广州铁路运输…: the core starts with a city's short name, so it is a proper name."""
    gaz = gazetteer()
    for length in (4, 3, 2):
        for place in gaz.by_short.get(core[:length], ()):
            if place.depth <= 1:
                return True
    return False


def _region_short(core: str, region: Region) -> bool:
    """顺城公安分局: the core starts with the region's short name."""
    gaz = gazetteer()
    short = gaz.short_of.get(region.name)
    return bool(short and len(short) >= 2 and core.startswith(short) and not core.startswith(region.name))


def score_bodies(predicted: list[BodyMention], gold_bodies: list[dict]) -> dict:
    """Precision, recall, F1 on canonical sets; type accuracy on the canonicals both have."""
    p = {b.canonical: b.type for b in predicted}
    g = {b["canonical"]: b["type"] for b in gold_bodies}
    tp = len(set(p) & set(g))
    precision = tp / len(p) if p else 0.0
    recall = tp / len(g) if g else 0.0
    both = set(p) & set(g)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "type_accuracy": sum(p[k] == g[k] for k in both) / len(both) if both else 0.0,
    }

"""Mechanisms that no list names yet.

Two rules find them, both over the normalised text:

1. A term headed by 工作法 / 机制 / 制度 / 模式 / 经验 / 改革 whose modifier says
   what the arrangement specifically does (协同约访工作机制, 问题线索移送机制,
   “四员”工作法, 商事制度改革). The modifier runs left from the head to the last
   boundary cue (建立, 推行, 落实, 区级 …) or punctuation. It is *generic* when
   nothing is left after taking away words that only name a policy area or a
   quality (工作机制, 协调联动机制, 行政执法监督机制) and is then dropped;
   campaigns (…三年行动…), counts (“三项机制”) and codes (2+3+N…模式) are dropped too.
2. A quoted name that designates a working method: “亮证执法”, “石时解纷”,
   “行政执法监督+纪检监督+检察监督” — a name that ends in 法/制, or names a legal
   action and stands after an adoption verb or before 工作/品牌/改革.

A candidate that starts with a long listed label (重大行政决策跟踪反馈机制 starts
with 重大行政决策) is folded into that listed concept. All word lists are
files under ``lexicons/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import label_chars


@dataclass(frozen=True)
class Candidate:
    key: str  # the candidate's name (or the listed concept it folds into)
    start: int
    end: int
    listed: bool  # True when folded into a listed concept


def _lines(name: str) -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _rules():
    heads = sorted(_lines("mechanism_heads.txt"), key=len, reverse=True)
    cues = sorted(_lines("boundary_cues.txt"), key=len, reverse=True)
    generic = sorted(_lines("generic_words.txt"), key=len, reverse=True)
    head_re = re.compile("|".join(map(re.escape, heads)))
    cue_re = re.compile("|".join(map(re.escape, cues)))
    generic_re = re.compile("|".join(map(re.escape, generic)))
    return head_re, cue_re, generic_re


@lru_cache(maxsize=1)
def _edges():
    """Verbs a name cannot end in (the head is then their object: 深化改革), and body-name ends."""
    verbs = sorted((c for c in _lines("boundary_cues.txt") if len(c) >= 2), key=len, reverse=True)
    bodies = sorted(_lines("candidates_bodies.txt"), key=len, reverse=True)
    verb_end = re.compile("(?:" + "|".join(map(re.escape, verbs)) + ")$")
    body_re = re.compile("|".join(map(re.escape, bodies)))
    return verb_end, body_re


_LEVEL_LEAD = re.compile(r"^(?:全[省市区县镇乡]|本级|[省市区县镇乡村])(?=[\u4e00-\u9fff]{4})")
# A head that is the start of a longer word: 工作法治化, 机制化, 制度化.
_HEAD_CONTINUES = {"工作法": "治律规院", "机制": "化", "制度": "化", "模式": "化", "改革": "", "经验": "", "工作机制": "化", "工作制度": "化"}


def _trim_modifier(modifier: str) -> str | None:
    """The name part of a modifier: without a body in front (区司法局…) or a level word (镇干部…);
    None when it ends in a verb or in 新 (深化改革, 新模式: no name at all)."""
    verb_end, body_re = _edges()
    last = None
    for m in body_re.finditer(modifier):
        last = m
    if last is not None and last.end() < len(modifier):
        modifier = modifier[last.end() :]
    modifier = _LEVEL_LEAD.sub("", modifier)
    plain = modifier.rstrip("“”\" ")
    if not plain or plain.endswith("新") or verb_end.search(plain):
        return None
    return modifier


_STOP = set(",。;:!?《》\n、 ")
_ENUMERATOR = re.compile(r"[(]?[一二三四五六七八九十\d]+[)、.是]")
_QUOTED_ONLY = re.compile(r"^“[^“”]{1,12}”$")
_COUNT_END = re.compile(r"[一二三四五六七八九十两\d]+[项个张条类种][“”\"]*$")
_CLAUSE = re.compile(r"[每次使把将让]|获评|入选|优秀|先进|典型|荣誉|称号")
_DANGLING = ("体制", "和", "与", "及", "、", "等", "的", "或")
_COUNT_START = re.compile(r"^[一二三四五六七八九十两\d]+[项个张条类种]")
_COUNT = re.compile(r"^[“”\"]*[一二三四五六七八九十两\d]+[项个张条类种][“”\"]*$")
_CAMPAIGN = re.compile(r"行动|活动|专项整治|攻坚|竞赛|评选")
_CONNECTORS = re.compile(r"[与和及的、“”\"()\s]")
_TRAILING_GENERIC = ("工作", "管理", "示范", "运行", "长效", "常态化")
_LEADING_QUOTED = re.compile(r"^(?:“[^“”]{1,20}”)+")
_QUOTED = re.compile(r"“([^“”\n]{2,20})”")
_ACTION = re.compile(r"执法|解纷|调解|监督|普法|审批|便民|办理|受理|说法|释法|帮教|约访|接访|治理|服务|办事|公开|公示|问政")
_ADOPT_BEFORE = re.compile(r"(?:推行|实行|坚持|坚持做到|落实|打造|推进|创新|贯通|建立|探索|开展|实施|深化|运用|推广|首创)$")
_AFTER_OK = re.compile(r"^(?:工作法|工作|品牌|改革|机制|制度|模式|经验|做法)")
_AFTER_BAD = re.compile(r"^(?:平台|团队|活动|行动|格局|栏目|专栏|系统|公众号|工程|主题|宣传|宣讲|案例|场景|要求|发展|建设|形式|方式|准绳|屏障|作用|效果)")
# A quoted name followed, within a few characters, by a body or a team names who, not how: “律师+调解员”联合调解工作室.
_AFTER_BODY = re.compile(r"^[^,。;、\n]{0,6}?(?:工作室|调解室|工作站|服务站|中心|小组|队伍|团队|服务团)")


def _modifier_start(norm: str, head_start: int, window: int = 30) -> int:
    """Where the name before a head starts: after punctuation or the last boundary cue."""
    i = head_start
    floor = max(0, head_start - window)
    depth = 0
    while i > floor:
        c = norm[i - 1]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                break
            depth -= 1
        elif c in _STOP and depth == 0:
            break
        i -= 1
    _, cue_re, _ = _rules()
    last = i
    quoted = [(q.start(), q.end()) for q in re.finditer(r"“[^“”]*”", norm[i:head_start])]
    for m in cue_re.finditer(norm, i, head_start):
        if any(s < m.start() - i < e for s, e in quoted):
            continue  # a word inside a quoted name is part of the name: “县乡村三级联调”
        if m.end() < head_start and norm[m.end()] not in "性化":
            last = m.end()
    enumerator = _ENUMERATOR.match(norm, last, head_start)
    return enumerator.end() if enumerator else last


def _is_specific(modifier: str, inner: list[str] = ()) -> bool:
    """Whether a head's modifier says what the arrangement specifically does.

    ``inner`` holds listed labels matched inside the modifier; they do not count
    towards what is specific.
    """
    _, _, generic_re = _rules()
    if _QUOTED_ONLY.match(modifier):
        return not _COUNT.match(modifier)
    lead = _LEADING_QUOTED.match(modifier)
    if lead and len(label_chars(lead.group())) >= 3 and not _COUNT.match(lead.group()) and not _CAMPAIGN.search(modifier):
        return True  # a quoted name in front says what it is: “网格员+人民调解员”矛盾纠纷排查机制
    if re.search(r"[0-9A-Za-z+]", modifier) or _COUNT_END.search(modifier) or _CAMPAIGN.search(modifier):
        return False
    if _CLAUSE.search(modifier) or modifier.endswith(_DANGLING):
        return False
    chars = _CONNECTORS.sub("", modifier)
    if len(chars) < 4:
        return False
    for label in inner:
        chars = chars.replace(label, "")
    rest = generic_re.sub("", chars)
    return len(rest) >= 3


def _canonical(modifier: str, head: str) -> str:
    name = modifier.replace("“", "").replace("”", "").replace('"', "")
    changed = True
    while changed:
        changed = False
        for word in _TRAILING_GENERIC:
            if name.endswith(word) and len(name) - len(word) >= 4:
                name = name[: -len(word)]
                changed = True
    if head == "工作法":
        return name + "工作法"
    if head == "制度改革":
        return name + "制度改革"
    return name


def _without_places(modifier: str, gazetteer) -> str:
    """哈尔滨市道外区营商环境监督联动 → 营商环境监督联动: a name does not carry its region."""
    if gazetteer is None:
        return modifier
    rest = modifier
    while True:
        match = next(iter(gazetteer.find_names(rest[:16])), None)
        if match is None or match[0] != 0:
            return rest
        rest = rest[match[1] :]


def find_candidates(
    norm: str, taken: list[tuple[int, int]], fold_stems: dict[str, str], gazetteer=None
) -> list[Candidate]:
    """Candidates in ``norm`` that do not overlap the spans in ``taken`` (listed matches).

    ``fold_stems`` maps a long listed label stem (重大行政决策) to its concept key;
    with a ``gazetteer``, place names in front of a name are not part of it.
    """
    head_re, _, _ = _rules()
    found: list[Candidate] = []

    def overlaps(start, end):
        return any(s < end and start < e for s, e in taken) or any(c.start < end and start < c.end for c in found)

    for m in head_re.finditer(norm):
        head = m.group()
        if norm[m.end() : m.end() + 1] and norm[m.end()] in _HEAD_CONTINUES.get(head, "化"):
            continue  # not a head: 信访工作法治化
        start = _modifier_start(norm, m.start())
        modifier = _trim_modifier(_without_places(norm[start : m.start()], gazetteer))
        if not modifier:
            continue
        start = m.start() - len(modifier)
        plain = "".join(label_chars(modifier))
        folded = next((key for stem, key in fold_stems.items() if plain.startswith(stem)), None)
        if folded:
            if not overlaps(start, m.end()):
                found.append(Candidate(folded, start, m.end(), True))
            continue
        if any(c.start < m.end() and start < c.end for c in found):
            continue
        inside = [(s, e) for s, e in taken if s < m.end() and start < e]
        if any(s < start or e > m.start() for s, e in inside):
            continue  # a listed name runs into the head: the listed match stands
        if any(not norm[e : m.start()].strip("“”\" ") for _, e in inside):
            continue  # X“必接必送”制度: the listed name with a scope in front
        specific = _is_specific(modifier, ["".join(label_chars(norm[s:e])) for s, e in inside])
        if head == "制度改革" and len(plain) >= 2 and not _COUNT.match(modifier) and not inside:
            specific = True
        if specific:
            found.append(Candidate(_canonical(modifier, head), start, m.end(), False))

    for m in _QUOTED.finditer(norm):
        name = m.group(1)
        if re.search(r"[0-9A-Za-z]", name.replace("+", "")) and "+" not in name:
            continue
        if re.search(r"[、,]", name) or _COUNT_START.match(name) or len(label_chars(name)) < 3:
            continue
        before = norm[max(0, m.start() - 6) : m.start()]
        after = _LEADING_QUOTED.sub("", norm[m.end() : m.end() + 40])[:6]
        if _AFTER_BAD.match(after) or _AFTER_BODY.match(norm[m.end() : m.end() + 12]) or overlaps(m.start(), m.end()):
            continue
        method_like = name.endswith(("法", "制")) and not name.endswith(("办法", "立法", "司法", "宪法", "民法"))
        acts = bool(_ACTION.search(name)) and (bool(_ADOPT_BEFORE.search(before)) or bool(_AFTER_OK.match(after)))
        if method_like or acts:
            found.append(Candidate(name, m.start(), m.end(), False))
    return sorted(found, key=lambda c: (c.start, c.end))

"""Mechanisms that no list names yet: whole names found by rules.

Two rules find them, both over the normalised text:

1. **A head and the name in front of it.** A head (``mechanism_heads.txt``: 机制,
   制度, 模式, 工作法, 改革, 清单, 体系, 经验, compounds in 制 such as 负责制) ends
   the name; the name starts at a boundary: punctuation, an enumerator (一是, (二)),
   the last boundary cue (``boundary_cues.txt``: a verb of adoption such as 建立 or
   推行, a preposition such as 通过, a scope word such as 全区 or 区级), or a conjunction that stands after another name's head (A制度和B机制).
   A quoted part is one unit: a cue inside it does not cut (“县乡村三级联调”).
   What stands at the name's left edge and names no mechanism is taken away:
   a place (哈尔滨市道外区), a body (交通运输局, ``candidates_bodies.txt``), a level
   (县机构改革 → 机构改革), a count (两轮). What is left must be a name:

   * it does not end in a verb or in 新 (深化改革, 依法治镇新模式: the head is an
     object, there is no name), nor in a conjunction (…和B机制 cut inside a list);
   * it is *specific*: enough is left after taking away the words that only name a
     policy area, a function or a quality (``generic_words.txt``: 工作机制,
     长效机制, 体制机制, 协调联动机制, 依法行政学习宣传制度 are no mechanisms);
     the heads 体系 and 清单 need a longer specific modifier, 经验 a quoted name
     or a place;
   * it is no clause (每半月一次…), campaign (…三年行动…), count (“三项机制”)
     or code whose content is not stated (2+3+N…模式).

   No name is given when a clause describes the arrangement (…为核心的…机制: the
   boundary is 的), when the head is shared by the items of a list (首问负责、
   一次告知、自助办理制度) or follows examples of a class (…等柔性措施).
   The span is the name and its head, quotes included; nothing before the name
   (a verb, a body) and nothing after the head (建设, 深化) is part of it. A name
   inside a longer one is part of it (“容缺受理+承诺制”审批模式).
2. **A quoted method name** (“石时解纷”, “亮证执法”, “街乡吹哨、部门报到”):
   a name that ends in 法 or 制, or names an action (``candidates_words.txt``,
   role ``action``) and stands after an adoption verb or before 工作/机制/模式/改革,
   or any name that a verb of adoption (推行, 实行, 推广 …, role ``adopt_bare``)
   takes with nothing after it but punctuation or such a head (推行“红色物业”).
   A quoted manner (…式) that such a verb takes names a method together with the
   activity after it, up to punctuation (推行“体检式”执法检查).
   A quoted platform, team, campaign or title won is no method.

A candidate that starts with a long listed label (重大行政决策跟踪反馈机制 starts
with 重大行政决策) is folded into that listed concept. A candidate's key is its
name as written, without quotes. All word lists are files under ``lexicons/``.
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


@dataclass(frozen=True)
class _Head:
    word: str
    kind: str
    not_next: str  # characters that may not follow the head


@dataclass(frozen=True)
class _Rules:
    heads: dict[str, _Head]
    head_re: re.Pattern
    cue_re: re.Pattern
    cue_verb_end: re.Pattern  # a modifier that ends in a verb of the cue list names nothing
    generic_re: re.Pattern
    functions: frozenset  # generic words that say how an arrangement works (对接, 联动)
    sector_re: re.Pattern
    bodies: tuple[tuple[str, str], ...]  # (end, characters that may not follow)
    words: dict[str, tuple[str, ...]]
    after_re: re.Pattern  # after_ok and after_bad words, longest first


def _lines(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w)))))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    heads = {}
    for row in _lines("mechanism_heads.txt"):
        heads[row[0].strip()] = _Head(row[0].strip(), row[1].strip(), row[2].strip() if len(row) > 2 else "")
    cues = [row[0].strip() for row in _lines("boundary_cues.txt")]
    generic = {row[0].strip(): row[1].strip() for row in _lines("generic_words.txt")}
    bodies = tuple(
        (row[0].strip(), row[1].strip() if len(row) > 1 else "")
        for row in sorted(_lines("candidates_bodies.txt"), key=lambda r: -len(r[0].strip()))
    )
    words: dict[str, list[str]] = {}
    for row in _lines("candidates_words.txt"):
        words.setdefault(row[0].strip(), []).append(row[1].strip())
    verbs = [c for c in cues if len(c) >= 2]
    return _Rules(
        heads=heads,
        head_re=_alternation(heads),
        cue_re=_alternation(cues),
        cue_verb_end=re.compile("(?:" + _alternation(verbs).pattern + ")$"),
        generic_re=_alternation(generic),
        functions=frozenset(w for w, kind in generic.items() if kind == "function"),
        sector_re=_alternation(row[0].strip() for row in _lines("candidates_sectors.txt")),
        bodies=bodies,
        words={k: tuple(sorted(v, key=lambda w: (-len(w), w))) for k, v in words.items()},
        after_re=_alternation(words["after_ok"] + words["after_bad"]),
    )


def _words(role: str) -> tuple[str, ...]:
    return _rules().words.get(role, ())


_STOP = set(",。;:!?《》\n、 ")
_ENUMERATOR = re.compile(r"[(]?[一二三四五六七八九十\d]+[)、.是]")
_NUMERAL = "一二三四五六七八九十两百\\d"
_CODE = re.compile(r"[0-9A-Za-z+]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTED = re.compile(r"“([^“”\n]{2,20})”")
_QUOTED_PART = re.compile(r"“[^“”]*”")
_OPENER = {"”": "“", ")": "("}  # closing mark → its opening mark
_WINDOW = 30  # characters a name may run to the left of its head
_LONGEST = 24  # a longer modifier is a clause, not a name


# --- rule 1: a head and the name in front of it ---------------------------------


def _head_at(norm: str, m: re.Match) -> _Head | None:
    """The head matched at ``m``, or None when the word goes on (机制化, 制度改革, 体制)."""
    rules = _rules()
    head = rules.heads[m.group()]
    following = norm[m.end() : m.end() + 1]
    if following and following in head.not_next:
        return None
    nxt = rules.head_re.match(norm, m.end())
    if nxt and nxt.group() != "制":
        return None  # the name goes on to the next head: 商事制度改革, 行政决策制度体系
    if head.kind == "suffix" and (m.start() < 2 or norm[m.start() - 1 : m.end()] in _words("not_suffix")):
        return None
    return head


def _scan_left(norm: str, head_start: int) -> int | None:
    """Where the phrase before a head starts: after punctuation, within the window.

    A quoted part and a bracketed part are passed over whole. None when the
    window holds no boundary at all (a clause, not a name)."""
    i = head_start
    floor = max(0, head_start - _WINDOW)
    while i > floor:
        c = norm[i - 1]
        if c in _OPENER:  # a quoted or bracketed part: to its opening mark
            opening = norm.rfind(_OPENER[c], floor, i - 1)
            if opening < 0:
                return i
            i = opening
            continue
        if c in _STOP or c in "(“":
            return i
        i -= 1
    return i if i == 0 else None


def _ends_with_head(norm: str, start: int, pos: int) -> bool:
    return any(norm.endswith(h, start, pos) for h in _rules().heads)


def _protected(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted and bracketed parts between ``start`` and ``end``: no cue inside them cuts."""
    return [(q.start(), q.end()) for q in re.finditer(r"“[^“”]*”|\([^()]*\)", norm[start:end])]


def _name_start(norm: str, head_start: int) -> int | None:
    """Where the name before a head starts: after the phrase's last boundary cue,
    enumerator or conjunction that follows another head."""
    start = _scan_left(norm, head_start)
    bounded = start is not None
    if start is None:
        start = max(0, head_start - _WINDOW)
    rules = _rules()
    protected = _protected(norm, start, head_start)
    inside = lambda pos: any(s < pos - start < e for s, e in protected)  # noqa: E731
    last = start
    for m in rules.cue_re.finditer(norm, start, head_start):
        if inside(m.start()) or m.end() == head_start:
            continue  # a cue directly before the head is the head's verb: checked later
        if norm[m.end()] in "性化":
            continue  # 规范性, 全面化: an adjective, not a cue
        last = max(last, m.end())
    for pos in range(last, head_start):
        for word in _words("conjunction"):
            if norm.startswith(word, pos) and not inside(pos) and _ends_with_head(norm, start, pos):
                last = max(last, pos + len(word))
    if not bounded and last == start:
        return None  # no boundary in the window: a clause, not a name
    if last > start and norm[last - 1] == "的" and not inside(last - 1):
        return None  # 首接负责的协同办理工作机制: a clause describes it, no name is given
    enumerator = _ENUMERATOR.match(norm, last, head_start)
    return enumerator.end() if enumerator else last


def _strip_count(modifier: str) -> str:
    """两轮县机构 → 县机构: a count in front is no part of a name."""
    classifiers = "".join(c for c in _words("classifier") if len(c) == 1)
    return re.sub(rf"^[{_NUMERAL}]+[{classifiers}]", "", modifier)


def _strip_level(modifier: str) -> str:
    """县机构 → 机构, 街道… → …: a level word in front is no part of a name."""
    for level in _words("level"):
        if modifier.startswith(level) and not any(modifier.startswith(w) for w in _words("not_level")):
            rest = modifier[len(level) :]
            if rest.startswith(("以下", "以上")):
                return modifier  # 省以下…垂直管理: the level and 以下 are the name's scope
            if len(label_chars(rest)) >= 2:
                return rest
    return modifier


def _strip_body(modifier: str) -> str:
    """交通运输局法治建设第一责任人 → 法治建设第一责任人: a name does not start with a body."""
    rules = _rules()
    changed = True
    while changed:
        changed = False
        if modifier.startswith("“"):
            return modifier
        for end, not_next in rules.bodies:
            at = modifier.find(end)
            need = 2 if len(end) == 1 else 0
            while at >= 0:
                after = at + len(end)
                rest = modifier[after:]
                ok = at >= need and rest[:1] not in set(not_next) and len(label_chars(rest)) >= 2
                if end in _words("body_after_level"):
                    ok = ok and at > 0 and modifier[at - 1] in _words("level")  # 区政府, not 法治政府
                if ok and not _QUOTED_PART.search(modifier[:at]) and not rules.cue_re.search(modifier[:at]):
                    modifier = rest
                    changed = True
                    break
                at = modifier.find(end, at + 1)
            if changed:
                break
    return modifier


def _strip_preposition(modifier: str) -> str:
    """以行政审批制度 → 行政审批制度: a preposition that governs the name is no part of it
    (but 以案促改: a short rest is the name's own wording)."""
    for word in _words("preposition"):
        if modifier.startswith(word) and len(label_chars(modifier[len(word) :])) >= 4:
            if word == "以" and modifier[1:2] in "上下内外":
                return modifier  # 省以下…垂直管理制度改革: 以下 is a word of the name, no preposition
            return modifier[len(word) :]
    return modifier


def _strip_places(modifier: str, gazetteer) -> str:
    """哈尔滨市道外区营商环境监督联动 → 营商环境监督联动: a name does not carry its region."""
    if gazetteer is None:
        return modifier
    rest = modifier
    while True:
        match = next(iter(gazetteer.find_names(rest[:16])), None)
        if match is None or match[0] != 0 or len(label_chars(rest[match[1] :])) < 2:
            return rest
        rest = rest[match[1] :]


def _strip_aside(modifier: str) -> str:
    """(社区)年度目标责任制 → 年度目标责任制: an aside in brackets that qualifies the word before
    the name (各村(社区)…) is no part of it."""
    m = re.match(r"\([^()]{1,8}\)", modifier)
    return modifier[m.end() :] if m and len(label_chars(modifier[m.end() :])) >= 2 else modifier


def _trim(modifier: str, gazetteer) -> str:
    """What is left of a modifier once prepositions, places, bodies, levels, counts and asides are taken from its front."""
    previous = None
    while previous != modifier:
        previous = modifier
        modifier = _strip_aside(_strip_level(_strip_count(_strip_body(_strip_places(_strip_preposition(modifier), gazetteer)))))
    return modifier


def _unquoted(text: str) -> str:
    return text.replace("“", "").replace("”", "").replace('"', "")


def _is_count(text: str) -> bool:
    classifiers = "".join(c for c in _words("classifier") if len(c) == 1)
    return bool(re.fullmatch(rf"[“”\"]*[{_NUMERAL}]+[{classifiers}]?[“”\"]*", text))


def _content(modifier: str, inner: list[str]) -> tuple[str, int, int]:
    """What a modifier says beyond the genre's generic words.

    Returns the characters that are neither generic words, sector words nor
    listed labels inside it; the number of sector words; the number of generic
    *function* words (not areas or qualities), which say how a sector's
    arrangement works (营商环境 + 监督 + 联动)."""
    rules = _rules()
    chars = "".join(c for c in label_chars(modifier) if c not in "与和及的、()")
    for label in inner:
        chars = chars.replace(label, "")
    sectors = len(rules.sector_re.findall(chars))
    chars = rules.sector_re.sub("|", chars)
    functions = len({w for w in rules.generic_re.findall(chars) if w in rules.functions})
    return rules.generic_re.sub("", chars).replace("|", ""), sectors, functions


def _specific(modifier: str, inner: list[str], least: int) -> bool:
    """Enough is said: ``least`` characters beyond generic words; or two, with a function
    (检调对接, 警调联动); or a sector with two functions (营商环境监督联动); or a listed
    name inside with a function (涉外法治 + 联席会议)."""
    rest, sectors, functions = _content(modifier, inner)
    if len(rest) >= least or (len(rest) >= 2 and functions >= 1) or (sectors > 0 and functions >= 2):
        return True
    return bool(inner) and functions >= 1


def _quoted_lead(modifier: str) -> bool:
    """A quoted name in front says what the arrangement is: “网格员+人民调解员”矛盾纠纷排查机制."""
    lead = re.match(r"^(?:“[^“”]{1,20}”)+", modifier)
    return bool(lead) and len(label_chars(lead.group())) >= 3 and not _is_count(lead.group())


_QUOTED_TAIL = re.compile(r"“([^“”]{2,20})”$")  # a quoted name that ends the text before a head
_NAMED_HEADS = ("name", "method")  # head classes a quoted name in front of them names


def _quoted_tail(modifier: str, head: _Head) -> bool:
    """A quoted name right before an arrangement's head says what it is, whatever stands in
    front: 医保基金监管“智慧+信用”模式, 行政检查“扫码入企”制度."""
    tail = _QUOTED_TAIL.search(modifier)
    return (
        head.kind in _NAMED_HEADS
        and tail is not None
        and len(label_chars(tail.group(1))) >= 2
        and not _is_count(tail.group())
    )


def _is_name(modifier: str, head: _Head, inner: list[str], gazetteer, quoted: bool = False) -> bool:
    """Whether ``modifier`` + ``head`` is the whole name of a specific arrangement
    (``quoted``: the name and its head stand in quotes, “枫桥经验”)."""
    rules = _rules()
    plain = _unquoted(modifier).strip()
    if not plain or plain.endswith("新"):
        return False  # 依法治镇新模式: no name in front of the head
    if rules.cue_verb_end.search(plain):
        return False  # 深化改革, 不断完善机制: the head is the verb's object
    if plain.endswith(_words("dangling")):
        return False
    if plain.endswith(_words("field")):
        return False  # 住建领域改革: the reforms of a field, no one arrangement
    if _is_count(modifier) and not re.fullmatch(r"“[^“”]{2,20}”", modifier):
        return False  # 3个机制; but a quoted number names one: “543”工作法, “2330”改革
    if len(label_chars(modifier)) > _LONGEST:
        return False
    if any(w in modifier for w in _words("campaign")):
        return False
    if quoted or re.fullmatch(r"“[^“”]{2,20}”", modifier) or _quoted_lead(modifier) or _quoted_tail(modifier, head):
        return True  # “四员”工作法, “后陈经验”: a quoted name says what the arrangement is
    if head.kind == "proper":
        return bool(
            gazetteer is not None and any(s == 0 and e == len(plain) for s, e, _ in gazetteer.find_names(plain))
        )
    if _CODE.search(modifier) or any(w in modifier for w in _words("clause")):
        return False
    size = len(label_chars(modifier))
    if head.kind == "reform":
        return size >= 2 and _specific(modifier, inner, 2)
    if head.kind == "suffix":
        front = _unquoted(modifier[:-2])
        if not front or rules.cue_verb_end.search(front) or front.endswith(_words("dangling")):
            return False  # 实行负责制: a verb, no name, in front of the compound
        return size >= 4 and _specific(front, inner, 2)
    if head.kind == "narrow":  # no coordination of areas: 专项预案和总体预案体系; no sector alone
        if re.search("|".join(_words("conjunction")), modifier):
            return False
        return size >= 4 and len(_content(rules.cue_re.sub("", modifier), inner)[0]) >= 4
    return size >= 4 and _specific(modifier, inner, 3)


def _shares_head(norm: str, start: int) -> bool:
    """Whether the name starts after a 、 whose item before has no head of its own."""
    if start == 0 or norm[start - 1] != "、":
        return False
    item_start = max(norm.rfind(c, 0, start - 1) for c in _STOP - {"、"})
    return not _ends_with_head(norm, item_start + 1, start - 1)


@dataclass(frozen=True)
class _Name:
    head: _Head
    modifier: str  # the name without its head, as written
    start: int
    head_start: int  # where the head stands
    end: int
    key: str  # the name with its head, without quotes


def _headed(norm: str, gazetteer):
    """Every head with the name in front of it."""
    rules = _rules()
    for m in rules.head_re.finditer(norm):
        head = _head_at(norm, m)
        if head is None:
            continue
        word_start = m.start() - 2 if head.kind == "suffix" else m.start()
        start = _name_start(norm, word_start)
        if start is None:
            continue
        if _unquoted(norm[start:word_start]).endswith(_words("dangling")):
            continue  # 警示告诫、走访约谈等柔性措施: examples of a class, not its name
        if _shares_head(norm, start):
            quote = _QUOTED_TAIL.search(norm, start, word_start)
            if quote is None or head.kind not in _NAMED_HEADS:
                continue  # 首问负责、一次告知、自助办理制度: the last item of a list, not a name
            start = quote.start()  # 司法所、派出所“两所联动”机制: the quoted name is the name
        modifier = _trim(norm[start : m.start()], gazetteer)
        start, end = m.start() - len(modifier), m.end()
        if start > 0 and norm[start - 1] == "“" and norm[end : end + 1] == "”":
            start, end = start - 1, end + 1  # “枫桥经验”: the name is quoted whole
        yield _Name(head, modifier, start, m.start(), end, _unquoted(norm[start:end]))


def _find_headed(norm, taken, fold_stems, gazetteer, found):
    names = []
    for name in _headed(norm, gazetteer):
        candidate = _headed_candidate(norm, name, taken, fold_stems, gazetteer)
        if candidate is not None:
            names.append(candidate)
    # a name inside a longer one is part of it: “容缺受理+承诺制”审批模式, not “容缺受理+承诺制”
    for candidate in sorted(names, key=lambda c: (c.start - c.end, c.start)):
        if not any(c.start < candidate.end and candidate.start < c.end for c in found):
            found.append(candidate)


def _headed_candidate(norm, name: _Name, taken, fold_stems, gazetteer) -> Candidate | None:
    head, modifier, start, head_start, end = name.head, name.modifier, name.start, name.head_start, name.end
    if not _unquoted(modifier).strip() or norm.startswith(_words("slogan_after"), end):
        return None  # no name; or a slogan's words: 交通运输治理体系和治理能力现代化
    plain = "".join(label_chars(modifier))
    folded = None
    if plain.startswith(tuple(fold_stems)):  # the common case, no stem, at C speed
        folded = next(key for stem, key in fold_stems.items() if plain.startswith(stem))
    if folded:
        return None if any(s < end and start < e for s, e in taken) else Candidate(folded, start, end, True)
    inside = [(s, e) for s, e in taken if s < end and start < e]
    if any(s < start or e > head_start for s, e in inside):
        return None  # a listed name runs into the head or out of the name: the listed match stands
    if any(not _unquoted(norm[e:head_start]).strip() for _, e in inside):
        return None  # X“必接必送”制度: a listed name with a scope in front
    quoted = norm[start] == "“" and norm[end - 1] == "”"
    inner = ["".join(label_chars(norm[s:e])) for s, e in inside]
    if inner and _only_plain(modifier, inner):
        return None  # “拿地即开工”改革经验: the listed mechanism again, which its match already counts
    if _is_name(modifier, head, inner, gazetteer, quoted):
        return Candidate(name.key, start, end, False)
    return None


def _only_plain(modifier: str, inner: list[str]) -> bool:
    """Whether ``modifier`` says nothing beyond the listed names in it and plain words (改革, 管理 …)."""
    rest = re.sub(r"[(（][^()（）]{1,8}[)）]", "", "".join(c for c in label_chars(modifier) if c not in "“”"))
    for label in sorted(inner, key=len, reverse=True):
        rest = rest.replace(label, "")
    for word in sorted(_words("plain"), key=len, reverse=True):
        rest = rest.replace(word, "")
    return not rest.strip("和与及、")


# --- rule 2: a quoted method name ----------------------------------------------


def _is_method(name: str, before: str, after: str) -> bool:
    """Whether a quoted ``name`` designates a working method, given the text around it
    (``after``: the phrase after the closing quote, up to punctuation)."""
    if any(before.endswith(w) for w in _words("award")):
        return False  # a title won: 获评“全国法治政府建设示范区”
    words = [w.group() for w in _rules().after_re.finditer(after)]
    if any(w in _words("after_bad") for w in words):
        return False  # a platform, team, campaign: “律师+调解员”联合调解工作室
    rest = _after_action(after)
    named_after = bool(words) and rest.startswith(words[0]) and words[0] in _words("after_ok")
    named_after = named_after or (rest != after and rest == "法")  # “三边”调解法: an action's method
    method_like = name.endswith(("法", "制")) and not name.endswith(_words("not_method"))
    acts = any(w in name for w in _words("action")) and (any(before.endswith(w) for w in _words("adopt")) or named_after)
    # 推行“红色物业”, 深化“一事联办”改革: a verb that adopts a method and nothing after the name
    bare = (
        (any(before.endswith(w) for w in _words("adopt_bare")) or bool(_field_after_adoption(before)))
        and (not after or named_after or _governs(after))
        and not name.endswith(_words("after_bad"))  # 打造“近邻法律服务站”: a place, not a method
        and not (name.endswith("式") and re.search(r"[、,]", name))  # “清单式、要点式”管理: manners
        and not re.fullmatch(r"(.)[对把]\1", name)  # “一对一”服务, “手把手”指导: a manner
    )
    return method_like or acts or bare


def _short_name_action(name: str, before: str, after: str) -> str | None:
    """“德古”调解, “五老”调解: a two-character quoted name that the action after it completes, taken by a
    verb of adoption, names a method with that action (returned); a short quoted word otherwise
    names nothing (“双减”, “三农”)."""
    if len(label_chars(name)) != 2 or not any(before.endswith(w) for w in _words("adopt")):
        return None
    action = next((w for w in _words("action") if after.startswith(w) and w not in _words("publicity")), None)
    return action if action and after[len(action) :] in ("", *_words("after_ok")) else None


def _governs(after: str) -> bool:
    """Whether ``after`` says what a quoted method governs or serves, not what it is: “微网实格”治理,
    “一店一档”动态管理, “古城管家”上门服务 (a word of after_bare, up to four characters before it)."""
    return any(after.endswith(w) and len(after) - len(w) <= 4 for w in _words("after_bare"))


def _after_action(after: str) -> str:
    """``after`` past an action word that starts it: “上城和事佬”调解品牌 → 品牌, “三边”调解法 → 法;
    a word of publicity does not count (“法治夜校”普法品牌 is a publicity event's brand)."""
    for word in _words("action"):
        if after.startswith(word) and word not in _words("publicity"):
            return after[len(word) :]
    return after


def _is_app(name: str, before: str, after: str) -> bool:
    """依托“豫事办”, 推出“赣州营商通”, “e冰城”APP: a service app's brand: a name in 通, 办 or 码
    that the report relies on or launches, or any name an app word follows (“遵义政务通”手机客户端上线,
    通过“浑南e办”小程序); manners of service (“掌上办”, “一次办”) are none, and neither is an app
    people are told to install (下载“学习强国”APP)."""
    return (
        (after.startswith(_words("app_after")) or (name.endswith(_words("app_end")) and any(before.endswith(w) for w in _words("app_verb"))))
        and not name.startswith(_words("manner_start"))
        and not any(before.endswith(w) for w in _words("app_install"))
    )


def _styled_activity(name: str, before: str, after: str) -> str:
    """推行“体检式”执法检查, 全面推行“非接触式”办税: a quoted manner (…式) that a verb of adoption
    takes, and the activity (1–4 characters up to punctuation) done in that manner, which is part
    of the name; "" when the name is no such manner."""
    if not name.endswith("式") or "、" in name or not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", after):
        return ""  # manners in a row (“台账式、项目式”管理) describe how work is done, they name nothing
    adopted = any(before.endswith(w) for w in _words("adopt")) or bool(_field_after_adoption(before))
    return after if adopted else ""


def _field_after_adoption(before: str) -> str:
    """推行行政复议“阳光审查”: the field (2–6 characters, no verb, no number) between a verb of
    adoption and the quoted method it adopts; "" when ``before`` is not so."""
    clause = re.split(r"[,。;:!?、《》\n “”]", before)[-1]
    for verb in _words("adopt_bare"):
        at = clause.rfind(verb)
        if at < 0:
            continue
        field = clause[at + len(verb) :]
        if field.startswith(_words("not_field")):
            return ""  # 决议和实施结果“两公开”: the verb and the word after it are a noun
        if 2 <= len(field) <= 6 and not _rules().cue_re.search(field) and not re.search(rf"[{_NUMERAL}]", field):
            return field
        return ""
    return ""


_PERIODS = "日周旬月季年"  # 日调度、周分析、月考评: a part that opens with a period is a step of a routine


def _parallel(name: str) -> bool:
    """街乡吹哨、部门报到: parts of a slogan in parallel, not a list of things; parts that each open
    with a period (“月通报、季排名、年考核”) are the rhythm of a routine, which names nothing."""
    parts = re.split(r"[、,]", name)
    return (
        2 <= len(parts) <= 3
        and all(2 <= len(p) <= 8 for p in parts)
        and len({len(p) for p in parts}) == 1
        and not all(p[0] in _PERIODS for p in parts)
    )


_JOINED = "和与及、"  # between quoted names in a row: 推行“民情直通车”和“说事室”
_QUOTED_RUN = re.compile(rf"^(?:[{_JOINED}]?“[^“”]{{1,20}}”)+")


def _before_quoted(norm: str, start: int) -> str:
    """The twelve characters before a quoted name, past the quoted names in a row before it,
    joined or not: 推行“一网通办”“一事联办”, 推行“民情直通车”和“说事室”: the verb takes both."""
    while start > 1 and (norm[start - 1] == "”" or (norm[start - 1] in _JOINED and norm[start - 2] == "”")):
        close = start - 1 if norm[start - 1] == "”" else start - 2
        opening = norm.rfind("“", 0, close)
        if opening < 0 or close - opening > 21:
            break
        start = opening
    return norm[max(0, start - 12) : start]


def _is_goal(name: str, gazetteer) -> bool:
    """“法治徐汇”, “平安建德”: a goal word and a place is a slogan for the place, no method."""
    if gazetteer is None:
        return False
    for word in _words("goal"):
        rest = name[len(word) :] if name.startswith(word) else ""
        if len(rest) >= 2 and (rest in gazetteer.by_short or any(s == 0 and e == len(rest) for s, e, _ in gazetteer.find_names(rest))):
            return True
    return False


def _find_quoted(norm, taken, found, gazetteer=None):
    for m in _QUOTED.finditer(norm):
        name = m.group(1)
        if _is_goal(name, gazetteer):
            continue
        if _CODE.search(name.replace("+", "")) and "+" not in name and len(_CJK.findall(name)) < 2:
            continue  # a code (“12345”, “A级”); a brand with a letter in it (“晋e办”, “e冰城”) is a name
        if re.search(r"[、,]", name) and not _parallel(name):
            continue
        classifiers = "".join(c for c in _words("classifier") if len(c) == 1)
        count = re.match(rf"[{_NUMERAL}]+[{classifiers}]", name)
        if count and not any(w in name[count.end() :] for w in _words("action")):
            continue  # “三项机制”: a count names nothing; “四级联调”: a count of levels that do something
        if any(s < m.end() and m.start() < e for s, e in taken) or any(c.start < m.end() and m.start() < c.end for c in found):
            continue
        before = _before_quoted(norm, m.start())
        after = re.split(r"[,。;:!?、《》\n ]", _QUOTED_RUN.sub("", norm[m.end() : m.end() + 40]))[0][:8]
        if len(label_chars(name)) < 3:
            action = _short_name_action(name, before, after)
            end = m.end() + len(action or "")
            if action and not any(s < end and m.start() < e for s, e in taken):
                found.append(Candidate(_unquoted(name) + action, m.start(), end, False))
            continue
        styled = _styled_activity(name, before, after)
        if styled or _is_method(name, before, after) or _is_app(name, before, after):
            start, end = m.start(), m.end() + len(styled)
            if not any(before.endswith(w) for w in _words("adopt_bare")):
                start -= len(_field_after_adoption(before))  # 行政复议“阳光审查”: the field is part of the name
            if not any(s < end and start < e for s, e in taken):
                found.append(Candidate(_unquoted(norm[start:end]), start, end, False))


def find_candidates(
    norm: str, taken: list[tuple[int, int]], fold_stems: dict[str, str], gazetteer=None
) -> list[Candidate]:
    """Candidates in ``norm`` that do not overlap the spans in ``taken`` (listed matches).

    ``fold_stems`` maps a long listed label stem (重大行政决策) to its concept key;
    with a ``gazetteer``, place names in front of a name are not part of it.
    """
    found: list[Candidate] = []
    _find_headed(norm, taken, fold_stems, gazetteer, found)
    _find_quoted(norm, taken, found, gazetteer)
    return sorted(found, key=lambda c: (c.start, c.end))

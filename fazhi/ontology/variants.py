"""The regular written variants of a mechanism's labels, generated instead of listed by hand.

Reports write one name in several regular ways. The matcher (``extract/lexicon.py``)
already ignores quote marks, 、 and spaces and finds a label anywhere in a longer
name, so 市级权力清单 meets 权力清单 and “双随机、一公开” meets 双随机一公开 without
help. What it cannot see, and what is generated here:

- **enumerations in any order**: 人民调解、行政调解、司法调解 is also written
  司法调解、人民调解和行政调解; every order of items that are kinds of one thing
  (they share an ending, 调解; items of two or three characters may share one
  character, 自治、法治、德治), with 、 or with 和/及/与 before the last one, keeping
  a suffix (…联动) at the end; a label written with 和/及 (公职律师和公司律师) is
  read as the same enumeration; set phrases (有件必备、有备必审、有错必纠) keep their
  order;
- **alternatives in brackets**: 民主法治示范村（社区） → 民主法治示范村,
  民主法治示范社区; 乡镇（街道）综合行政执法 → 乡镇综合行政执法, 街道综合行政执法;
- **level prefixes**: 全国法治政府建设示范区 is also 省级法治政府建设示范区 and
  法治政府建设示范市: the prefix is dropped (the rest then matches at any level,
  since a label matches inside a longer name) and a 示范区 becomes each kind of
  demonstration unit (示范市, 示范县, 示范地区, 单项示范项目 …);
- **创建 and 示范 forms**: X示范创建 ↔ 创建X示范区 ↔ X示范区创建 ↔ 争创X示范;
  民主法治示范村创建 ↔ 创建民主法治示范村;
- **head words**: a label ending in 制度/机制/工作/体系 is also written without it
  (行政裁量权基准制度 → 行政裁量权基准), when what is left is long and specific
  enough: at least five characters, and not a person or post (政府法律顾问制度 never
  becomes 政府法律顾问, which names a role), a document (法治政府建设年度报告制度
  never becomes 法治政府建设年度报告, which every report calls itself), a meeting
  (新闻发布会), a bare duty (安全生产责任) or a count (行政执法三项); a label that
  ends in an arrangement word (…对接, …联动, …评估, …公开 …) is also written with
  one (诉调对接机制, 行政复议听证制度), and …责任制 is also …责任制度;
- **reversals**: an action named after its object is also written verb first
  (矛盾纠纷排查化解 ↔ 排查化解矛盾纠纷, 规范性文件清理 ↔ 清理规范性文件,
  政府信息主动公开 ↔ 主动公开政府信息) when the object ends in a noun (…纠纷, …文件,
  …信息; not 规范性文件动态清理, where 动态 qualifies the verb); a duty is also named by its holder and as a
  责任 or 制度 (法治建设第一责任人职责 → 法治建设第一责任人责任,
  推进法治建设第一责任人, 法治建设第一责任人制度).

``variants`` is pure; ``vocab.py`` writes its results as ``skos:hiddenLabel``
(labels for matching, never shown) and drops any that another concept uses or
also generates.
"""

from __future__ import annotations

import re
from itertools import permutations

LEVEL_PREFIXES = ("全国", "全省", "全市", "全县", "全区", "省级", "市级", "县级", "区级", "乡镇级")
DEMONSTRATION_UNITS = ("示范区", "示范市", "示范县", "示范地区", "示范镇", "示范项目", "示范单位")
HEADS = ("制度", "机制", "工作", "体系")
# Endings of a label that names an arrangement and takes a head word (诉调对接 → 诉调对接机制).
ARRANGEMENT_ENDINGS = (
    "对接", "联动", "衔接", "审查", "审核", "评估", "公开", "公示", "调解", "论证",
    "督察", "督查", "考核", "评查", "评议", "化解", "分离", "清理", "修复", "听证",
    "备案", "应诉", "裁决", "学法", "考法", "述法", "普法", "释法", "承诺", "告知",
    "受理", "办结", "帮教", "矫正", "接访", "下访", "包案", "解读", "回应", "问责",
    "追究", "监督", "监管", "赋权", "通办", "代办", "征集", "确认", "管理",
)
# Unit words that a bracketed alternative replaces: 乡镇（街道）, 村（社区）, 县（市、区）.
UNIT_WORDS = ("乡镇", "街道", "村", "社区", "居", "县", "市", "区", "格", "镇", "乡")
# A stem ending in these names people or posts, not an arrangement.
PERSON_ENDINGS = (
    "顾问", "律师", "人员", "调解员", "校长", "辅警", "监督员", "观察员", "陪审员",
    "明白人", "带头人", "责任人", "示范户", "发言人",
)
# A stem ending in these names a meeting or body (新闻发布会 of 新闻发布会制度) or a bare
# duty (安全生产责任 of 安全生产责任体系), not the arrangement.
OTHER_ENDINGS = ("会", "责任")
# A stem ending in these names a document (法治政府建设年度报告 of …报告制度): every report names its own.
DOCUMENT_ENDINGS = ("报告", "规划", "方案", "计划", "规定", "办法", "意见", "条例")
# Verbs that may stand after their object or before it, longest first within a family.
REVERSIBLE_VERBS = (
    "实质性化解", "多元化解", "排查化解", "调处化解", "源头化解", "化解",
    "主动公开", "网上公开", "依申请公开", "公开",
    "学习宣传", "宣传",
    "清理", "修复", "办理", "创建",
)
# A reversal moves the verb only past an object that ends in a noun: 规范性文件清理 → 清理规范性文件,
# but never 规范性文件动态清理 → 清理规范性文件动态 (动态 qualifies the verb).
OBJECT_ENDINGS = (
    "纠纷", "争议", "文件", "事项", "积案", "信息", "规章", "账款", "措施", "做法", "案件",
    "建议", "提案", "决算", "决定书", "民法典", "宪法", "资格", "初访", "城市", "示范",
    "村", "县", "市", "区",
)
CONNECTORS = ("和", "及", "与")
# Characters after 和/及/与 that make a word, not a connector (和解, 及时, 与会).
_NOT_CONNECTED = {"和": "解谐睦美平", "及": "时早", "与": "会"}
MIN_STEM = 5
MIN_OBJECT = 2
MAX_ITEMS = 4
_QUOTES = re.compile("[“”‘’\"']")
_BRACKET = re.compile(r"[（(]([^（）()]{1,12})[）)]")


def variants(label: str) -> set[str]:
    """The regular variants of one label (without the label itself)."""
    plain = _QUOTES.sub("", label)
    found: set[str] = set()
    for form in _bracket_forms(plain) | {plain}:
        found.add(form)
        found |= _enumerations(form)
        found |= _levels(form)
        found |= _heads(form)
        found |= _duty(form)
        found |= _reversals(form)
    for form in list(found):
        for made in _creation(form):
            found.add(made)
            found |= _levels(made)
    return {v for v in found if v != label and v != plain and len(v) >= 4}


def _bracket_forms(label: str) -> set[str]:
    """民主法治示范村（社区） → 民主法治示范村, 民主法治示范社区."""
    m = _BRACKET.search(label)
    if m is None:
        return set()
    before, after = label[: m.start()], label[m.end() :]
    forms = {before + after}
    unit = next((u for u in sorted(UNIT_WORDS, key=len, reverse=True) if before.endswith(u)), None)
    if unit is not None:
        for alternative in re.split("[、,，]", m.group(1)):
            if alternative:
                forms.add(before[: -len(unit)] + alternative + after)
    out = set()
    for form in forms:
        out |= _bracket_forms(form) or {form}
    return out


def _as_enumeration(label: str) -> str:
    """公职律师和公司律师 → 公职律师、公司律师: a single 和/及/与 between items read as 、."""
    if "、" in label:
        head, _, last = label.rpartition("、")
        for connector in CONNECTORS:
            at = last.find(connector)
            if 0 < at < len(last) - 1 and last[at + 1] not in _NOT_CONNECTED[connector]:
                return head + "、" + last[:at] + "、" + last[at + 1 :]
        return label
    for connector in CONNECTORS:
        if label.count(connector) == 1:
            at = label.find(connector)
            if 0 < at < len(label) - 1 and label[at + 1] not in _NOT_CONNECTED[connector]:
                return label[:at] + "、" + label[at + 1 :]
    return label


def _enumerations(label: str) -> set[str]:
    """Every order of an enumeration A、B、C(suffix), with 、 or a connector before the last item."""
    label = _as_enumeration(label)
    items = label.split("、")
    if len(items) < 2 or len(items) > MAX_ITEMS or any(not i for i in items) or _BRACKET.search(label):
        return set()
    shared = _common_suffix(items[:-1])
    if len(shared) < 2 and not (shared and all(len(i) <= 3 for i in items[:-1])):
        return set()  # a set phrase (有件必备、有备必审、有错必纠), not kinds of one thing
    suffix = ""
    last = items[-1]
    at = last.find(shared) if len(shared) == 1 else last.rfind(shared)
    if at < 0 or (len(shared) == 1 and at + 1 > 3):
        return set()
    if at + len(shared) < len(last):
        suffix = last[at + len(shared) :]
        items[-1] = last[: at + len(shared)]
    out = set()
    for order in permutations(items):
        head = "、".join(order[:-1])
        out.add(head + "、" + order[-1] + suffix)
        for connector in CONNECTORS:
            out.add(head + connector + order[-1] + suffix)
    return out


def _common_suffix(items: list[str]) -> str:
    """The ending the items share (调解 of 人民调解, 行政调解), at most three characters."""
    if len(items) < 2:
        return items[0][-2:] if items and len(items[0]) > 2 else ""
    shared = ""
    for n in range(1, 4):
        ends = {i[-n:] for i in items if len(i) >= n}
        if len(ends) == 1 and all(len(i) > n for i in items):
            shared = ends.pop()
    return shared


def _levels(label: str) -> set[str]:
    """全国法治政府建设示范区 → 法治政府建设示范区, and each kind of demonstration unit."""
    out = set()
    base = label
    for prefix in LEVEL_PREFIXES:
        if label.startswith(prefix) and len(label) - len(prefix) >= MIN_STEM:
            base = label[len(prefix) :]
            out.add(base)
            break
    for unit in DEMONSTRATION_UNITS:
        if unit in base:
            for other in DEMONSTRATION_UNITS:
                if other != unit:
                    out.add(base.replace(unit, other, 1))
            break
    return out


def _creation(label: str) -> set[str]:
    """X示范创建 ↔ 创建X示范区 ↔ X示范区创建 ↔ 争创X示范."""
    out = set()
    if label.endswith("创建") and "示范" in label:
        stem = label[: -len("创建")]
        if stem.endswith("示范"):
            out |= {"创建" + stem, "争创" + stem, stem + "区创建", "创建" + stem + "区", "争创" + stem + "区"}
        else:
            out |= {"创建" + stem, "争创" + stem}
    elif label.startswith(("创建", "争创")) and "示范" in label:
        stem = label[2:]
        out |= {stem + "创建", ("争创" if label.startswith("创建") else "创建") + stem}
        if stem.endswith("示范区"):
            out.add(stem[: -1] + "创建")
    return {o for o in out if len(o) >= MIN_STEM + 2}


def _heads(label: str) -> set[str]:
    """行政裁量权基准制度 → 行政裁量权基准 (unless the stem is short or names a person);
    诉调对接 → 诉调对接机制, 诉调对接制度, 诉调对接工作; 安全生产责任制 → 安全生产责任制度."""
    for head in HEADS:
        if label.endswith(head):
            stem = label[: -len(head)]
            if len(stem) >= MIN_STEM and not stem.endswith(PERSON_ENDINGS + DOCUMENT_ENDINGS + OTHER_ENDINGS + HEADS) and not _counted(stem):
                return {stem}
            return set()
    if label.endswith(("责任制", "负责制", "承诺制", "工作制")):
        return {label + "度"}
    if len(label) >= 4 and label.endswith(ARRANGEMENT_ENDINGS + PERSON_ENDINGS[:2]):
        return {label + head for head in ("制度", "机制", "工作")}
    return set()


def _counted(stem: str) -> bool:
    """行政执法三项 (of 行政执法三项制度): a count of things is no name once its head is gone."""
    return len(stem) >= 2 and stem[-2] in "一二三四五六七八九十两多" and stem[-1] in "项个张条类"


def _duty(label: str) -> set[str]:
    """法治建设第一责任人职责 → …第一责任人责任, …第一责任人制度, 推进法治建设第一责任人."""
    for ending in ("责任人职责", "责任人责任"):
        if label.endswith(ending):
            holder = label[: -2]
            out = {holder + "职责", holder + "责任", holder + "制度"} - {label}
            if holder.startswith("法治建设"):
                out.add("推进" + holder)
            return {o for o in out if len(o) >= 7}
    return set()


def _reversals(label: str) -> set[str]:
    """矛盾纠纷排查化解 ↔ 排查化解矛盾纠纷: an action named after its object, or before it."""
    if "、" in label:
        return set()  # 双随机、一公开 is a set phrase, not an object and its verb
    verb = _longest(label, str.endswith)
    if verb is not None:
        thing = label[: -len(verb)].removesuffix("的")
        if _object(thing):
            return {verb + thing}
        return set()
    verb = _longest(label, str.startswith)
    if verb is not None:
        thing = label[len(verb) :]
        if _object(thing):
            return {thing + verb}
    return set()


def _object(thing: str) -> bool:
    """A noun phrase a verb can move past: 规范性文件, 宪法; not 示范 or 县 alone, nor 规范性文件动态."""
    return len(thing) >= MIN_OBJECT and thing.endswith(OBJECT_ENDINGS) and thing not in ("示范", "城市")


def _longest(label: str, test) -> str | None:
    """The longest reversible verb that ends (or starts) the label: 依申请公开, not 公开."""
    found = [verb for verb in REVERSIBLE_VERBS if test(label, verb)]
    return max(found, key=len) if found else None

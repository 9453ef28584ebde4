"""The regular written variants of a mechanism's labels, generated instead of listed by hand.

Reports write one name in several regular ways. The matcher (``extract/lexicon.py``)
already ignores quote marks, 、 and spaces and finds a label anywhere in a longer
name, so 市级权力清单 meets 权力清单 and “双随机、一公开” meets 双随机一公开 without
help. What it cannot see, and what is generated here:

- **enumerations in any order**: 人民调解、行政调解、司法调解 is also written
  司法调解、人民调解和行政调解; every order of items that are kinds of one thing
  (they share an ending, 调解), with 、 or with 和/及/与 before the last one,
  keeping a suffix (…联动) at the end; set phrases (有件必备、有备必审、有错必纠)
  and lists of up to six items keep their order, with 、 or a connector before the last
  (公众参与、专家论证、风险评估、合法性审查和集体讨论决定);
- **alternatives in brackets**: 民主法治示范村（社区） → 民主法治示范村,
  民主法治示范社区; 乡镇（街道）综合行政执法 → 乡镇综合行政执法, 街道综合行政执法,
  and the joint short forms of towns and sub-districts: 镇街, 街镇, 街乡, 乡镇街道
  (镇街综合行政执法, 街乡综合执法);
- **units of the pastoral regions**: 民主法治示范村 → 民主法治示范嘎查村, 民主法治示范嘎查;
  村（居）法律顾问 → 嘎查法律顾问; 乡镇综合行政执法 → 苏木综合行政执法;
- **an optional 的**: 法治宣传教育的第八个五年规划 → 法治宣传教育第八个五年规划;
- **level prefixes**: 全国法治政府建设示范区 is also 省级法治政府建设示范区 and
  法治政府建设示范市: the prefix is dropped (the rest then matches at any level) and
  a 示范区 becomes each kind of demonstration unit (示范市, 示范县, 示范地区 …);
- **创建 forms**: X示范区创建 ↔ 创建X示范区 ↔ 争创X示范区;
- **head words**: a label ending in 制度/机制/工作/体系 is also written without it
  (行政裁量权基准制度 → 行政裁量权基准), when what is left is long and specific
  enough: at least five characters, and not a person or post (政府法律顾问制度 never
  becomes 政府法律顾问, which names a role) nor a document (法治政府建设年度报告制度
  never becomes 法治政府建设年度报告, which every report calls itself).

``variants`` is pure; ``vocab.py`` writes its results as ``skos:hiddenLabel``
(labels for matching, never shown) and drops any that another concept already uses.
"""

from __future__ import annotations

import re
from itertools import permutations

LEVEL_PREFIXES = ("全国", "全省", "全市", "全县", "全区", "省级", "市级", "县级", "区级", "乡镇级")
DEMONSTRATION_UNITS = (
    "示范区", "示范市", "示范县", "示范地区", "示范镇", "示范项目", "示范单位",
    "示范旗", "示范州", "示范盟",  # banners, autonomous prefectures and leagues rank as counties and cities
)
# Units with another name in the pastoral regions: a 嘎查 is a village, a 苏木 a township.
# Keyed by the unit with the word it is the unit of, so that 乡村 or 村规民约 are left alone.
UNIT_SYNONYMS = {
    "示范村": ("示范嘎查村", "示范嘎查"),
    "村法律顾问": ("嘎查村法律顾问", "嘎查法律顾问"),
    "乡镇综合": ("苏木综合",),
}
HEADS = ("制度", "机制", "工作", "体系")
# 乡镇（街道） is also written as one word for both: 镇街综合执法 (Guangdong, Zhejiang), 街镇 (Shanghai),
# 街乡 (Beijing), 乡镇街道.
JOINT_UNITS = {"乡镇（街道）": ("镇街", "街镇", "街乡", "乡镇街道")}
# Unit words that a bracketed alternative replaces: 乡镇（街道）, 村（社区）, 县（市、区）.
UNIT_WORDS = ("乡镇", "街道", "村", "社区", "居", "县", "市", "区", "格", "镇", "乡")
# A stem ending in these names people or posts, not an arrangement.
PERSON_ENDINGS = ("顾问", "律师", "人员", "调解员", "校长", "辅警", "监督员", "观察员", "明白人", "带头人", "责任人")
# A stem ending in these names an activity, not an arrangement: 行政执法监督制度 is a system,
# 加强行政执法监督 is work anyone does; 公共法律服务体系 likewise.
ACTIVITY_ENDINGS = ("监督", "服务", "管理", "工作")
# A stem ending in these names a document (法治政府建设年度报告 of …报告制度): every report names its own.
DOCUMENT_ENDINGS = ("报告", "规划", "方案", "计划", "规定", "办法", "意见", "条例")
CONNECTORS = ("和", "及", "与")
MIN_STEM = 5
MAX_ITEMS = 4
MAX_CONNECTED = 6  # items of a list that keeps its order but may join its last item with 和/及/与
_QUOTES = re.compile("[“”‘’\"']")
_BRACKET = re.compile(r"[（(]([^（）()]{1,12})[）)]")


def variants(label: str) -> set[str]:
    """The regular variants of one label (without the label itself)."""
    plain = _QUOTES.sub("", label)
    found: set[str] = set()
    joint = {plain.replace(unit, short) for unit, shorts in JOINT_UNITS.items() if unit in plain for short in shorts}
    for form in _synonyms(_bracket_forms(plain) | {plain} | joint):
        found.add(form)
        found |= _enumerations(form)
        found |= _connected(form)
        found |= _levels(form)
        found |= _heads(form)
    for form in list(found):
        found |= _creation(form)
    found |= {f.replace("的", "", 1) for f in found if "的" in f[2:-2]}  # 法治宣传教育(的)第八个五年规划
    return {v for v in found if v != label and v != plain and len(v) >= 4}


def _synonyms(forms: set[str]) -> set[str]:
    """民主法治示范村 → 民主法治示范嘎查村, 民主法治示范嘎查 (after the brackets are resolved)."""
    out = set(forms)
    for form in forms:
        for unit, others in UNIT_SYNONYMS.items():
            if unit in form:
                out |= {form.replace(unit, other, 1) for other in others}
    return out


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


def _connected(label: str) -> set[str]:
    """An enumeration in its own order with a connector before the last item: 公众参与、专家论证、
    风险评估、合法性审查和集体讨论决定 (set phrases and long lists too, which keep their order)."""
    items = label.split("、")
    if not 2 <= len(items) <= MAX_CONNECTED or any(not i for i in items) or _BRACKET.search(label):
        return set()
    return {"、".join(items[:-1]) + connector + items[-1] for connector in CONNECTORS}


def _enumerations(label: str) -> set[str]:
    """Every order of an enumeration A、B、C(suffix), with 、 or a connector before the last item."""
    items = label.split("、")
    if len(items) < 2 or len(items) > MAX_ITEMS or any(not i for i in items) or _BRACKET.search(label):
        return set()
    shared = _common_suffix(items[:-1])
    if len(shared) < 2:
        return set()  # a set phrase (有件必备、有备必审、有错必纠), not kinds of one thing
    suffix = ""
    last = items[-1]
    at = last.rfind(shared)
    if at < 0:
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
        return items[0][-2:] if items else ""
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
    """X示范区创建 ↔ 创建X示范区 ↔ 争创X示范区."""
    out = set()
    if label.endswith("创建") and "示范" in label:
        stem = label[: -len("创建")]
        if stem.endswith("示范"):
            stem = stem + "区"
        out |= {"创建" + stem, "争创" + stem}
    elif label.startswith(("创建", "争创")) and "示范" in label:
        out.add(label[2:] + "创建")
    return {o for o in out if len(o) >= MIN_STEM + 2}


def _heads(label: str) -> set[str]:
    """行政裁量权基准制度 → 行政裁量权基准, unless the stem is short or names a person, a document or an activity."""
    for head in HEADS:
        if label.endswith(head):
            stem = label[: -len(head)]
            if len(stem) >= MIN_STEM and not stem.endswith(PERSON_ENDINGS + DOCUMENT_ENDINGS + ACTIVITY_ENDINGS + HEADS):
                return {stem}
    return set()

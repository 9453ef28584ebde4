"""Segmenting a report: title, preamble, parts, sections, measures, closing.

Works on the normalised text (same offsets as the original). The outline of a
法治政府建设 report is conventional:

    一、…主要举措和成效            part (top-level, 一、)
    (一)加强党的领导…             section ((一), at the start of a line)
    1.学习贯彻习近平法治思想。…      item (1. at the start of a line)
    …一是持续深化政治建设。…二是…   clauses (一是/二是 after a sentence break)

A *measure* is a lowest-level enumerated item of an achievements, duties or
plans part: a ``1.`` item, a ``一是`` clause, or a ``(一)`` section that has
neither. Unnumbered paragraphs are never measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .normalize import CN_YEAR
from .records import (
    ACHIEVEMENTS,
    DUTIES,
    PLANS,
    SHORTCOMINGS,
    STATUS_OF_PART,
    Measure,
    Part,
    Section,
    Span,
)

CN_DIGITS = "一二三四五六七八九十"
_CN_NUM = f"[{CN_DIGITS}]+"

# A line that starts a part: 一、  (also 第一部分 / 第一章)
PART_RE = re.compile(rf"^[ ]*(?:({_CN_NUM})[、.]|第({_CN_NUM})(?:部分|章|节)[、:. ]?)")
# A line that starts a section: (一)  【一】
SECTION_RE = re.compile(rf"^[ ]*[(【]({_CN_NUM})[)】][、.]?")
# A line that starts an item: 1.  1、  (1)  ①
ITEM_RE = re.compile(r"^[ ]*(?:(\d{1,2})[.、](?!\d)|\((\d{1,2})\)|([①-⑳]))")
# A clause: 一是 / 二是 … after a sentence break or at a line start.
CLAUSE_RE = re.compile(rf"(?:^|(?<=[。;:!?,\n]))[ ]*(({_CN_NUM})是)", re.M)
# Also 首先/其次/最后? No: those are not enumerators a reader would number.

_HEADING_STOP = re.compile(r"[。;:!?\n]")

# Part kinds, recognised from the part heading. Order matters: first match wins.
_PART_KIND_RULES: tuple[tuple[str, re.Pattern], ...] = (
    (DUTIES, re.compile(r"第一责任人|主要负责人履行|主要负责人.{0,6}职责|述法")),
    (SHORTCOMINGS, re.compile(r"不足|问题|差距|短板|薄弱|困难|原因")),
    # Words that only look ahead decide before words of results …
    (PLANS, re.compile(r"安排|思路|计划|打算|下一步|下一年|明年|展望|努力方向")),
    # … and results decide before the words a plan shares with a summary of
    # the year: 主要工作举措及成效 and 2024年工作情况 report what was done.
    (ACHIEVEMENTS, re.compile(r"成效|成绩|成果|取得|完成|进展|情况|做法")),
    (PLANS, re.compile(r"工作重点|工作目标|工作举措|(?:20\d\d)年(?:度)?(?:工作|重点)")),
    (ACHIEVEMENTS, re.compile(r"举措|工作|开展|推进")),
)

# Closing lines: 专此报告 / 特此报告, signatures, dates, web-page debris.
_CLOSING_LINE = re.compile(
    r"^(?:专此报告|特此报告|以上报告|此报告)[。.]?$|^\(此件.*\)$|^返回顶部$|^Produced By|^打印本页|^关闭窗口|^【?(?:打印|关闭)"
)
_DATE_LINE = re.compile(r"^(?:20\d\d|" + CN_YEAR + r")\s*年.{1,6}日$|^20\d{4,6}$|^20\d\d[-./]\d{1,2}[-./]\d{1,2}$")
_CLOSING_OPENER = re.compile(r"^(?:20\d\d年(?:,|是|是|我)|新的一年|总之|站在新的起点|下一步)")

# Labelled fields of a page's information table: 索引号, 发布机构, 生成日期 … (read by metadata; no part of a title)
FIELD_LABEL = (
    r"索引号|主题分类|信息分类|主题词|分类|体裁分类|组配分类|服务对象分类|发文字号|文号|发布机构|发文机关|发文单位|发布单位"
    r"|信息来源|文章来源|来源|作者|撰稿|责任编辑|编辑|成文日期|生成日期|发布日期|发布时间|发表时间|更新时间|生效日期|有效性|公开方式|公开范围|公开时限|时效性?|名称|标题"
)
FIELD_LINE = re.compile(r"^(?:" + FIELD_LABEL + r")\s*[::]")

_SENTENCE_END = re.compile(r"[。!?;\n]")
# Page chrome a saved web page keeps: today's date, font size, print and close buttons, hit counts.
_CHROME = re.compile(r"今天是|星期[一二三四五六日天]|字号|【?打印】?|【?关闭】?|浏览次数|访问量|当前位置|首页\s*[>»]|分享到|扫一扫")


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # exclusive, before the newline
    text: str


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their offsets (``\\r`` treated as part of the break)."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.rstrip("\r")
        if stripped.strip():
            lead = len(stripped) - len(stripped.lstrip())
            trail = len(stripped.rstrip())
            lines.append(Line(pos + lead, pos + trail, stripped[lead:trail]))
        pos = end + 1
    return lines


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets, split after 。!?; and at line breaks."""
    end = len(text) if end is None else end
    spans = []
    cur = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end() if m.group() != "\n" else m.start()
        if text[cur:stop].strip():
            lead = len(text[cur:stop]) - len(text[cur:stop].lstrip())
            spans.append((cur + lead, stop))
        cur = m.end()
    if cur < end and text[cur:end].strip():
        lead = len(text[cur:end]) - len(text[cur:end].lstrip())
        spans.append((cur + lead, len(text[:end].rstrip())))
    return spans


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (split after 。!?; and at line breaks) that holds ``text[start:end]``."""
    left = max(text.rfind(c, 0, start) for c in "。!?;!?;\n") + 1
    stops = [i for i in (text.find(c, end) for c in "。!?;!?;\n") if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    if right > 0 and text[right - 1] == "\n":
        right -= 1
    while left < start and text[left].isspace():
        left += 1
    return left, right


def part_kind(heading: str) -> str | None:
    for kind, pattern in _PART_KIND_RULES:
        if pattern.search(heading):
            return kind
    return None


def title_of(text: str, start: int, stop: int, *, cut_long: bool) -> tuple[int, int]:
    """The heading of an item: from ``start`` up to the first 。 (or ; : line end).

    With ``cut_long``, a heading that runs on (more than 30 characters, or three
    or more comma clauses) is cut at its first comma: such a clause has no
    title, and its lead phrase stands for it.
    """
    m = _HEADING_STOP.search(text, start, stop)
    end = m.start() if m else stop
    while end > start and text[end - 1] in " ,":
        end -= 1
    if cut_long:
        heading = text[start:end]
        if len(heading) > 30 or heading.count(",") >= 2:
            comma = heading.find(",")
            if comma > 0:
                end = start + comma
    return start, end


@dataclass(frozen=True)
class Outline:
    title: Span | None
    preamble: tuple[int, int]  # text before the first part
    body_end: int  # where the closing block (signature, date, page debris) starts
    parts: tuple[Part, ...]
    sections: tuple[Section, ...]
    measures: tuple[Measure, ...]
    closing_lines: tuple[Line, ...]


def _closing_start(lines: list[Line]) -> int:
    """Index of the first line of the closing block."""
    i = len(lines)
    while i > 0:
        line = lines[i - 1]
        t = line.text.strip()
        short_org = len(t) <= 40 and "。" not in t and "," not in t and not PART_RE.match(t) and not SECTION_RE.match(t)
        if _CLOSING_LINE.search(t) or _DATE_LINE.match(t) or short_org:
            i -= 1
            continue
        break
    return i


def _title(lines: list[Line], text: str) -> Span | None:
    """Leading short lines up to the one that says 报告 (or the first short line)."""
    parts: list[Line] = []
    kept = 0
    broken = False  # page chrome came after the lines kept so far
    for line in lines[:8]:
        if _CHROME.search(line.text) or FIELD_LINE.match(re.sub(r"\s", "", line.text)):
            broken = bool(parts)
            continue
        kept += 1
        if kept > 4:
            break
        t = line.text
        if PART_RE.match(t) or len(t) > 60 or "。" in t:
            break
        if t.endswith(":"):  # an addressee line: 中共XX委员会:
            break
        if re.match(r"^(?:发表时间|发布时间|发布日期|信息来源|来源|日期)", t):
            break
        if broken:
            parts, broken = [], False  # a title is one run of lines: a site's name above the breadcrumb is not part of it
        parts.append(line)
        if "报告" in t:
            break
    if not parts or not any(k in "".join(p.text for p in parts) for k in ("报告", "法治", "情况")):
        return None
    start, end = parts[0].start, parts[-1].end
    return Span(start, end, text[start:end])


def segment(text: str, norm: str) -> Outline:
    """Find title, parts, sections and measures in ``norm`` (offsets valid for ``text``)."""
    lines = split_lines(norm)
    title = _title(lines, text)
    closing_at = _closing_start(lines)
    body_lines = lines[:closing_at]
    body_end = body_lines[-1].end if body_lines else len(norm)

    part_lines = [(i, PART_RE.match(l.text)) for i, l in enumerate(body_lines)]
    part_lines = [(i, m) for i, m in part_lines if m]
    parts: list[Part] = []
    for n, (i, m) in enumerate(part_lines):
        line = body_lines[i]
        stop = body_lines[part_lines[n + 1][0]].start if n + 1 < len(part_lines) else body_end
        h_start = line.start + m.end()
        # A run-in heading (二、深化改革。一是…) ends at its first full stop: the rest of the line
        # is the part's text, whose words (…问题135个) must not decide the part's kind.
        h_end = title_of(norm, h_start, line.end, cut_long=False)[1]
        while h_end > h_start and norm[h_end - 1] in "。:;, ":
            h_end -= 1
        heading = norm[h_start:h_end]
        kind = part_kind(heading)
        if kind is None:
            kind = ACHIEVEMENTS if not parts else (parts[-1].kind if parts[-1].kind != SHORTCOMINGS else PLANS)
        parts.append(Part(len(parts), kind, text[h_start:h_end], line.start, stop, Span(h_start, h_end, text[h_start:h_end])))

    if not parts and body_lines:
        # No outline at all: the body after the first paragraph is one achievements part.
        first = body_lines[1] if len(body_lines) > 1 else body_lines[0]
        parts.append(Part(0, ACHIEVEMENTS, "", first.start, body_end, Span(first.start, first.start, "")))
    if parts:
        parts = _unheaded_parts(parts, body_lines)

    preamble = (0, parts[0].start if parts else body_end)
    sections: list[Section] = []
    measures: list[Measure] = []
    for part in parts:
        _segment_part(text, norm, part, body_lines, sections, measures)
    closing = tuple(lines[closing_at:])
    return Outline(title, preamble, body_end, tuple(parts), tuple(sections), tuple(measures), closing)


# A paragraph after the last headed part that opens the shortcomings or the plans without a
# numbered heading: 在看到成绩的同时，我们也清醒地认识到存在的问题：… / 2022年，我县将…
_UNHEADED_SHORTCOMINGS = re.compile(
    r"^[^。]{0,40}?(?:清醒|看到|认识到|意识到|正视)[^。]{0,40}?(?:存在|不足|问题|短板|差距|薄弱)"
    r"|^[^。]{0,24}?(?:还存在|仍存在|依然存在|仍然存在)[^。]{0,24}?(?:问题|不足|短板|差距)"
)
# 将 of the future (将以, 将继续), not 将 of disposal (将法治建设纳入考核 reports the year's work)
_UNHEADED_PLANS = re.compile(
    r"^(?:20\d\d年(?:度)?|下一步|新的一年|今后|明年)[^。]{0,40}?将(?:以|继续|进一步|着力|重点|紧紧|坚持|围绕|全面|持续|深入|聚焦|加快|不断|按照|认真|切实|大力)"
    r"|^(?:20\d\d年(?:度)?|下一步|新的一年|今后|明年)[^。]{0,60}?(?:以下工作|以下几方面|以下几项)"
)
# An unnumbered heading on a line of its own: 二〇一六年工作中存在的问题： / 2017年工作打算
_UNHEADED_HEADING = {
    SHORTCOMINGS: re.compile(
        r"^[^。,;]{0,14}(?:存在|面临|主要|突出|不足|的)[^。,;]{0,6}(?:问题|不足|差距|短板|困难)(?:和(?:不足|差距|问题))?:?$"
    ),
    PLANS: re.compile(
        r"^[^。,;]{0,12}(?:工作|下一步|下一年|明年|今后|20\d\d年|" + CN_YEAR + r"年)[^。,;]{0,6}"
        r"(?:安排|打算|思路|计划|设想|方向|重点)(?:和(?:打算|安排|措施))?:?$"
    ),
}


def _unheaded_parts(parts: list[Part], lines: list[Line]) -> list[Part]:
    """The last part, split where a paragraph of its own opens the shortcomings or the plans
    (reports that head their results but not what follows, and reports with no headings)."""
    last = parts[-1]
    cuts = []  # (start, kind) of each paragraph that opens a part
    kind = last.kind
    for line in lines:
        if not last.start < line.start < last.end:
            continue
        t = line.text.strip()
        heading = next((k for k, rule in _UNHEADED_HEADING.items() if rule.match(t)), None)
        if heading is not None and heading != kind and not (kind == PLANS and heading == SHORTCOMINGS):
            kind = heading
        elif kind not in (SHORTCOMINGS, PLANS) and _UNHEADED_SHORTCOMINGS.match(t):
            kind = SHORTCOMINGS
        elif kind != PLANS and _UNHEADED_PLANS.match(t):
            kind = PLANS
        else:
            continue
        cuts.append((line.start, kind))
    if not cuts:
        return parts
    out = parts[:-1] + [replace(last, end=cuts[0][0])]
    for n, (start, kind) in enumerate(cuts):
        stop = cuts[n + 1][0] if n + 1 < len(cuts) else last.end
        out.append(Part(len(out), kind, "", start, stop, Span(start, start, "")))
    return out


def _segment_part(text, norm, part: Part, lines: list[Line], sections: list, measures: list) -> None:
    inner = [l for l in lines if part.start <= l.start < part.end and l.start != part.start]
    section_marks = [(l, SECTION_RE.match(l.text)) for l in inner]
    section_marks = [(l, m) for l, m in section_marks if m]
    status = STATUS_OF_PART.get(part.kind)
    takes_measures = part.kind in (ACHIEVEMENTS, DUTIES, PLANS)

    # The part's own lead (before its first section) may hold items or clauses.
    first_section_start = section_marks[0][0].start if section_marks else part.end
    lead_start = part.heading_span.end if part.heading_span.end > part.start else part.start
    if takes_measures:
        _measures_in(text, norm, part, None, part.heading, lead_start, first_section_start, inner, measures, status)

    for n, (line, m) in enumerate(section_marks):
        stop = section_marks[n + 1][0].start if n + 1 < len(section_marks) else part.end
        h_start, h_end = title_of(norm, line.start + m.end(), line.end, cut_long=False)
        section = Section(
            index=len(sections),
            part=part.index,
            heading=text[h_start:h_end],
            enumerator=text[line.start : line.start + m.end()].strip(),
            start=line.start,
            end=stop,
            heading_span=Span(h_start, h_end, text[h_start:h_end]),
        )
        sections.append(section)
        if not takes_measures:
            continue
        found = _measures_in(text, norm, part, section, section.heading, h_end, stop, inner, measures, status)
        if not found:
            # A section without sub-items is itself a measure.
            t_start, t_end = title_of(norm, line.start + m.end(), line.end, cut_long=True)
            measures.append(
                Measure(
                    index=len(measures),
                    part=part.index,
                    section=None,
                    section_heading=part.heading,
                    enumerator=section.enumerator,
                    heading=text[t_start:t_end],
                    status=status,
                    start=line.start,
                    end=_trim_closing(norm, stop, part, lines),
                    heading_span=Span(t_start, t_end, text[t_start:t_end]),
                )
            )
            sections.pop()


def _trim_closing(norm: str, stop: int, part: Part, lines: list[Line]) -> int:
    """Cut a closing paragraph (2022年,是…开局之年) off the last item of a part."""
    if stop != part.end:
        return stop
    tail = [l for l in lines if l.start < stop and l.end <= stop]
    if len(tail) >= 2 and _CLOSING_OPENER.match(tail[-1].text) and not ITEM_RE.match(tail[-1].text):
        return tail[-2].end
    return stop


def _measures_in(text, norm, part, section, section_heading, start, stop, lines, measures, status) -> bool:
    """Add the items or clauses between ``start`` and ``stop``; False if there are none."""
    items = []
    for line in lines:
        if start <= line.start < stop:
            m = ITEM_RE.match(line.text)
            if m:
                items.append((line.start, line.start + m.end(), line.end))
    marks: list[tuple[int, int, int]] = []  # (enumerator start, title start, title line end)
    if items and _sequential([_item_number(norm, s, e) for s, e, _ in items]):
        # Clauses inside items are the lower level: split items that hold a clause chain.
        for n, (s, body, line_end) in enumerate(items):
            item_stop = items[n + 1][0] if n + 1 < len(items) else stop
            clauses = _clauses(norm, body, item_stop)
            if len(clauses) >= 2:
                marks.extend(clauses)
            else:
                marks.append((s, body, line_end))
    else:
        marks = _clauses(norm, start, stop)
    if not marks:
        return False
    section_index = section.index if section is not None else None
    for n, (s, body, line_end) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else stop
        end = _trim_closing(norm, end, part, lines)
        t_start, t_end = title_of(norm, body, min(line_end, end), cut_long=True)
        measures.append(
            Measure(
                index=len(measures),
                part=part.index,
                section=section_index,
                section_heading=section_heading,
                enumerator=text[s:body].strip(),
                heading=text[t_start:t_end],
                status=status,
                start=s,
                end=end,
                heading_span=Span(t_start, t_end, text[t_start:t_end]),
            )
        )
    return True


def _item_number(norm: str, start: int, body: int) -> int:
    digits = re.sub(r"\D", "", norm[start:body])
    if digits:
        return int(digits)
    return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".find(norm[start:body].strip()) + 1


def _sequential(numbers: list[int]) -> bool:
    return bool(numbers) and numbers[0] == 1


def cn_number(s: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (enumerator range only)."""
    values = {c: i + 1 for i, c in enumerate(CN_DIGITS[:9])}
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (values.get(tens, 1) if tens else 1) * 10 + (values.get(ones, 0) if ones else 0)
    return values.get(s, 0)


def _clauses(norm: str, start: int, stop: int) -> list[tuple[int, int, int]]:
    """The 一是/二是 chain between ``start`` and ``stop``: (start, title start, line end)."""
    found = []
    expected = 1
    for m in CLAUSE_RE.finditer(norm, start, stop):
        number = cn_number(m.group(2))
        if number == expected:
            line_end = norm.find("\n", m.end(1))
            line_end = stop if line_end < 0 or line_end > stop else line_end
            found.append((m.start(1), m.end(1), line_end))
            expected += 1
    return found if len(found) >= 2 else []

"""Cited documents: titles in 《…》, each once per report, in order of first appearance.

A title may hold inner brackets (〈…〉, <…>) around the title of another
document it implements; those inner titles are not listed separately. Where
the title starts with an issuer — 中华人民共和国, 国务院, a province, city,
county or town name — the issuing level is recorded.
"""

from __future__ import annotations

import re

from .records import CitedDocument, Span
from .regions import COUNTY, PROVINCE, TOWN, CITY, Gazetteer

_TITLE = re.compile(r"《([^《》\n]{1,150})》")
_NATIONAL = ("中华人民共和国", "国务院", "中共中央", "全国人民代表大会", "全国人大", "最高人民法院", "最高人民检察院", "司法部", "国家")
_LEVEL_OF_DEPTH = {PROVINCE: "province", CITY: "city", COUNTY: "county", TOWN: "town"}


def _issuer(title: str, gazetteer: Gazetteer | None) -> tuple[str | None, str | None]:
    for prefix in _NATIONAL:
        if title.startswith(prefix):
            return "national", prefix
    if gazetteer is None:
        return None, None
    name = None
    for start, end, found in gazetteer.find_names(title[:40]):
        if start != (len(name) if name else 0) and not (start == 0 or title[:start] in ("中共",)):
            break
        name = title[: end]
    if name is None and title.startswith("中共"):
        for start, end, found in gazetteer.find_names(title[2:40]):
            if start == 0:
                name = title[: end + 2]
            break
    if not name:
        return None, None
    last = None
    for _, _, found in gazetteer.find_names(name):
        last = found
    places = gazetteer.by_name.get(last, [])
    depth = min((p.depth for p in places), default=None)
    level = _LEVEL_OF_DEPTH.get(depth)
    if level == "province" and last in ("北京市", "天津市", "上海市", "重庆市"):
        level = "province"
    return level, name


def find_documents(text: str, norm: str, gazetteer: Gazetteer | None = None) -> list[CitedDocument]:
    seen: set[str] = set()
    found: list[CitedDocument] = []
    for m in _TITLE.finditer(norm):
        title = text[m.start(1) : m.end(1)]
        if not title.strip() or title in seen:
            continue
        seen.add(title)
        level, issuer = _issuer(norm[m.start(1) : m.end(1)], gazetteer)
        found.append(
            CitedDocument(
                title=title,
                surface=Span(m.start(), m.end(), text[m.start() : m.end()]),
                issuer_level=level,
                issuer=issuer,
            )
        )
    return found

"""The reporting region, from the whole gazetteer: every level, short forms, zones,
departments' reports, city reports that list their districts, and page chrome."""

from __future__ import annotations

import pytest

from fazhi.extract.metadata import extract_metadata
from fazhi.extract.regions import CITY, COUNTY, gazetteer
from fazhi.extract.segment import segment

BODY = """{opening}
一、2023年法治政府建设主要举措和成效
(一)加强组织领导。召开常务会议专题研究法治政府建设工作。
二、存在的不足
法治宣传覆盖面仍需拓展。
三、2024年工作计划
继续深化法治政府建设。
"""


def report(title: str, opening: str = "2023年,我们坚持依法行政,各项工作取得积极成效。") -> str:
    return (title + "\n" if title else "") + BODY.format(opening=opening)


def region_of(text: str):
    meta = extract_metadata(text, text, segment(text, text), gazetteer())
    return meta.region, meta.year


@pytest.mark.parametrize(
    "title, opening, name, level",
    [
        # autonomous prefectures and counties under them, by their short forms
        ("黔西南州人民政府关于2023年度法治政府建设情况的报告", None, "黔西南布依族苗族自治州", "city"),
        ("伊犁州2023年法治政府建设年度报告", None, "伊犁哈萨克自治州", "city"),
        ("金平县人民政府关于2023年度法治政府建设情况的报告", None, "金平苗族瑶族傣族自治县", "county"),
        # a city report that lists its districts more often than it names itself
        ("梧州市人民政府关于2023年法治政府建设情况的报告",
         "2023年,万秀区、长洲区、龙圩区、万秀区、长洲区、龙圩区、万秀区推进法治政府建设,长洲区、龙圩区成效明显。", "梧州市", "city"),
        ("保定市2023年法治政府建设年度报告", "2023年,竞秀区、莲池区、满城区、清苑区、徐水区坚持依法行政。", "保定市", "city"),
        # a development zone
        ("武汉经开区2023年法治政府建设情况报告", None, "武汉经济技术开发区", "zone"),
        ("长春经济技术开发区管委会关于2023年度法治政府建设情况的报告", None, "长春经济技术开发区", "zone"),
        # departments: the issuer's level decides
        ("沈阳市市场监督管理局2023年度法治政府建设情况报告", "2023年,市市场监管局指导和平区、沈河区、铁西区市场监管局依法行政。", "沈阳市", "city"),
        ("辽宁省市场监督管理局关于2023年度法治政府建设情况的报告", "2023年,省市场监管局指导沈阳市、大连市依法行政。", "辽宁省", "province"),
        ("广州市从化区司法局2023年法治政府建设年度报告", None, "从化区", "district"),
        # no place in the title: the subject of the opening sentence, or a body named by its level word
        ("关于2023年度法治政府建设情况的报告",
         "2023年,在市委、市政府的坚强领导下,梧州市坚持依法行政,万秀区、长洲区、龙圩区成效明显,万秀区、长洲区。", "梧州市", "city"),
        ("", "2023年,辽宁省营商环境建设局坚持以习近平法治思想为指导,全省营商环境持续优化,沈阳市、大连市成效明显。", "辽宁省", "province"),
        ("营商环境建设局2023年法治政府建设情况报告",
         "2023年,省营商局在省委、省政府领导下,推动辽宁营商环境持续优化,沈阳、大连等市成效明显。", "辽宁省", "province"),
        # a sub-district, not 社区
        ("北京市朝阳区建外街道办事处2023年法治政府建设工作报告", "2023年,建外街道各社区坚持依法办事,社区治理水平提升。", "建外街道", "subdistrict"),
    ],
)
def test_region(title, opening, name, level):
    region, _ = region_of(report(title, opening) if opening else report(title))
    assert (region.name, region.level) == (name, level)


def test_zone_region_lies_in_its_city():
    region, _ = region_of(report("武汉经开区2023年法治政府建设情况报告"))
    assert region.city == "武汉市" and region.province == "湖北省"


def test_page_chrome_never_sets_the_year():
    text = "今天是2025年3月1日 星期六\n字号:大 中 小 【打印】【关闭】\n" + report("梧州市人民政府关于2023年法治政府建设情况的报告")
    region, year = region_of(text)
    assert year == 2023 and region.name == "梧州市"


def _units():
    gaz = gazetteer()
    counties = [p for p in gaz.places if p.depth == COUNTY and p.adcode]
    cities = [p for p in gaz.places if p.depth == CITY and p.adcode and p.name not in ("市直辖行政区划", "省直辖县级行政区划", "自治区直辖县级行政区划", "县")]
    return gaz, counties, cities


def _title_name(gaz, place) -> str | None:
    """The name a title would use: the name alone where it is unique, else with its city in front."""
    if len(gaz.by_name.get(place.name, ())) == 1:
        return place.name
    prefix = place.city if place.depth == COUNTY and place.city and "直辖" not in place.city else place.province
    with_city = prefix + place.name
    return with_city if prefix != place.name else None


FORMS = (
    "{}人民政府关于2023年度法治政府建设情况的报告",
    "{}2023年法治政府建设年度报告",
    "{}司法局2023年度法治政府建设工作报告",
)


def test_every_county_and_prefecture_resolves_in_each_common_title_form():
    """A property over the gazetteer: every county-level unit and prefecture with a code,
    under each common title form (and its short form where one is standard)."""
    gaz, counties, cities = _units()
    checked = skipped = 0
    wrong = []
    for place in counties + cities:
        name = _title_name(gaz, place)
        if name is None:
            skipped += 1
            continue
        names = [name] + [f for f in gaz.forms_of.get(place.name, ()) if len(gaz.by_name[f]) == 1 and name == place.name]
        for written in names:
            for form in FORMS:
                region, year = region_of(report(form.format(written)))
                checked += 1
                if region.adcode != place.adcode or year != 2023:
                    wrong.append((form.format(written), region.name, region.adcode, place.adcode))
    assert checked > 3 * 3000
    assert skipped < 20, skipped
    assert not wrong, (len(wrong), wrong[:20])


def test_the_full_pipeline_agrees_on_a_sample(extract):
    gaz, counties, cities = _units()
    sample = (counties + cities)[::97]
    assert len(sample) > 30
    for place in sample:
        name = _title_name(gaz, place)
        if name is None:
            continue
        got = extract(report(FORMS[0].format(name)), source="t.txt").region
        assert got.adcode == place.adcode, (name, got)

"""The gazetteer, and a property over it: every county-level unit and every prefecture
in China, named in each common title form, resolves to its own code and level.

The property is checked twice: for every unit through ``extract_metadata`` (the
region, year and issuer finder on the segmented text), and for a sample of a few
hundred units drawn deterministically from every province through the whole
extractor (``extract_text``). Units whose written name is genuinely ambiguous are
skipped and counted: the same full name under the same prefecture cannot happen, so
only short forms shared by two units (none today) and units with no code are skipped.
"""

from __future__ import annotations

import pytest

from fazhi.extract.metadata import extract_metadata
from fazhi.extract.regions import CITY, COUNTY, PLACEHOLDER_CITIES, TOWN, gazetteer
from fazhi.extract.segment import segment

# --- the gazetteer ----------------------------------------------------------------


@pytest.mark.parametrize(
    "written, name, level",
    [
        ("黔西南州", "黔西南布依族苗族自治州", "city"),  # autonomous prefecture: short name + 州
        ("伊犁州", "伊犁哈萨克自治州", "city"),
        ("海南州", "海南藏族自治州", "city"),  # the table's own short form carries the level word
        ("巴州", "巴音郭楞蒙古自治州", "city"),  # the table writes 巴州/巴音郭楞
        ("博州", "博尔塔拉蒙古自治州", "city"),  # lexicons/regions_aliases.tsv
        ("金平县", "金平苗族瑶族傣族自治县", "county"),  # autonomous county: short name + 县
        ("塔县", "塔什库尔干塔吉克自治县", "county"),
        ("莫旗", "莫力达瓦达斡尔族自治旗", "county"),
        ("察右中旗", "察哈尔右翼中旗", "county"),
        ("武汉经开区", "武汉经济技术开发区", "zone"),  # lexicons/regions_zones.tsv
        ("长春高新区", "长春高新技术产业开发区", "zone"),  # the table's zone, abbreviated
        ("安庆经开区", "安徽安庆经济开发区", "zone"),
        ("蚌埠经开区", "蚌埠市经济开发区", "zone"),
        ("铜陵市郊区", "郊区", "district"),  # a common noun, with its city in front
        ("绿园区", "绿园区", "district"),  # 园区 inside a district's name does not make a zone
        ("浦东新区", "浦东新区", "district"),
        ("建外街道", "建外街道", "subdistrict"),
    ],
)
def test_written_forms(written, name, level):
    places = gazetteer().by_name[written]
    assert [(p.name, p.level) for p in places] == [(name, level)]


@pytest.mark.parametrize("word", ["社区", "城区", "郊区", "新区", "开发区", "经济开发区", "工业园区", "高新技术产业开发区", "市直辖行政区划", "种畜场"])
def test_common_nouns_are_no_places(word):
    assert word not in gazetteer().by_name


def test_no_form_stands_for_a_shorter_generic_name():
    """A zone's forms never lose the name that makes them specific (吉林高新技术产业开发区 is
    not 高新技术产业开发区), and no form ends with a doubled level word (万柏林林区)."""
    gaz = gazetteer()
    for place in gaz.places:
        for form in gaz.forms_of.get(place, ()):
            assert form not in gaz.generic, (form, place.name)
            assert not form.endswith("林林区"), (form, place.name)


def test_a_code_is_one_region():
    """A region's IRI is minted from its code: the table's codes given to several units (410471 to
    two zones of 平顶山) stay with one region or go, so two reports are never one region with two
    full names — a store holding both failed SHACL."""
    names: dict[str, set[str]] = {}
    for place in gazetteer().places:
        if place.adcode:
            names.setdefault(place.adcode, set()).add(place.full_name)
    assert {code: found for code, found in names.items() if len(found) > 1} == {}
    zones = [gazetteer().by_name[n][0] for n in ("平顶山高新技术产业开发区", "平顶山市城乡一体化示范区")]
    assert [(z.adcode, z.level) for z in zones] == [(None, "zone"), (None, "zone")]
    assert gazetteer().by_name["北京市"][0].adcode == "110000"


def test_reports_of_two_zones_of_one_code_make_a_valid_graph(seeds_dir, nlp):
    """The two 平顶山 zones' reports, in one graph, are two regions, and it conforms."""
    from rdflib import Graph

    from fazhi.extract import extract_text
    from fazhi.graph.build import report_triples
    from fazhi.ontology import FZ, validate

    seed = (seeds_dir / "003_cb32341b71933a80.txt").read_text(encoding="utf-8")
    g = Graph()
    full = []
    for name in ("平顶山高新技术产业开发区", "平顶山市城乡一体化示范区"):
        text = seed.replace("北京市石景山区", "河南省" + name).replace("石景山区", name).replace("石景山", name)
        report = extract_text(text, nlp=nlp)
        full.append((report.region.full_name, report.region.level))
        report_triples(report, g)
    assert full == [("河南省平顶山高新技术产业开发区", "zone"), ("河南省平顶山市城乡一体化示范区", "zone")]
    assert {str(o) for o in g.objects(None, FZ.fullName)} >= {name for name, _ in full}
    assert validate(g).conforms


def test_the_gazetteer_is_read_once():
    assert gazetteer() is gazetteer()


# --- the property -----------------------------------------------------------------

BODY = """{opening}
一、2023年法治政府建设主要举措和成效
(一)加强组织领导。召开常务会议专题研究法治政府建设工作,推进依法行政。
(二)深化放管服改革。全面推行证明事项告知承诺制。
二、存在的不足
法治宣传覆盖面仍需拓展,基层执法力量较为薄弱。
三、2024年工作计划
继续深化法治政府建设,全面提升依法行政水平。
"""
OPENING = "2023年,我们坚持以习近平法治思想为指导,深入推进依法行政,各项工作取得积极成效。"

FORMS = (
    "{}人民政府关于2023年度法治政府建设情况的报告",
    "{}2023年法治政府建设年度报告",
    "{}司法局2023年度法治政府建设工作报告",
)
PARTY_FORM = "中共{}委 {}人民政府关于2023年度法治政府建设情况的报告"
DEPARTMENT_FORM = "{}市场监督管理局2023年度法治政府建设情况报告"
OUTSIDE = ("香港特别行政区", "澳门特别行政区", "台湾省")  # no such reports, and no codes below the city


def report(title: str, opening: str = OPENING) -> str:
    return title + "\n" + BODY.format(opening=opening)


def units():
    """Every county-level unit and prefecture with a code, in code order."""
    gaz = gazetteer()
    found = [
        p for p in gaz.places
        if p.depth in (CITY, COUNTY) and p.adcode and p.province not in OUTSIDE
        and p.name not in PLACEHOLDER_CITIES and "直辖" not in p.name
    ]
    return sorted(found, key=lambda p: (p.adcode, p.depth, p.name))


def unique(place, written: str) -> bool:
    """Whether ``written`` names ``place`` alone (a town-level office of the same name under it aside)."""
    return all(p.adcode == place.adcode or place.name in p.ancestors for p in gazetteer().by_name[written])


def titles(place):
    """The titles a report of ``place`` may carry, and how many written forms were
    skipped as genuinely ambiguous."""
    gaz = gazetteer()
    written = []
    skipped = 0
    if place.name in gaz.generic:
        pass  # 城区, 郊区: a common noun, written with its city in front (晋城市城区), among its forms
    elif unique(place, place.name):
        written.append(place.name)
    else:
        # a name several units share (朝阳区, 新城区) is written with its city (or province) in front
        parent = place.city if place.depth == COUNTY and place.city not in PLACEHOLDER_CITIES else place.province
        written.append(parent + place.name)
    for form in gaz.forms_of.get(place, ()):
        if unique(place, form):
            written.append(form)  # 金平县, 黔西南州, 武汉经开区
        else:
            skipped += 1
    if not written:
        return [], skipped
    out = [form.format(name) for name in written for form in FORMS]
    if place.depth == COUNTY and not place.is_zone:
        out.append(PARTY_FORM.format(written[0], written[0]))
    if place.depth == CITY:
        out += [DEPARTMENT_FORM.format(name) for name in written]
    return out, skipped


def _children():
    children: dict[tuple, list[str]] = {}
    for p in gazetteer().places:
        if p.depth == COUNTY and p.city:
            children.setdefault((p.province, p.city), []).append(p.name)
        elif p.depth == TOWN and p.county:
            children.setdefault((p.province, p.city, p.county), []).append(p.name)
    return children


def opening(place, children=None) -> str:
    """An opening that names the unit's parent and lists units below it, three times over:
    the title, not the most-mentioned name, decides."""
    children = children if children is not None else _children()
    key = (place.province, place.name) if place.depth == CITY else (place.province, place.city, place.name)
    lower = "、".join(children.get(key, [])[:3])
    parent = place.ancestors[0] if place.ancestors else ""
    if not lower:
        return OPENING
    return f"2023年,在{parent}党委、政府的坚强领导下,{lower}坚持依法行政,{lower}成效明显,{lower}获评示范。"


def metadata_region(text: str):
    meta = extract_metadata(text, text, segment(text, text), gazetteer())
    return meta.region, meta.year


def test_every_county_and_prefecture_resolves_in_each_common_title_form():
    """3,334 county-level units and prefectures, 14,316 titles, 0 skipped (jionlp 1.5): the full
    name (with its city in front where several units share it), each standard short form, the
    party-and-government form, and for prefectures a department's report. The counts stand
    in the message of any failure."""
    checked = skipped = 0
    wrong = []
    children = _children()
    for place in units():
        forms, skips = titles(place)
        skipped += skips
        text = opening(place, children)
        for title in forms:
            region, year = metadata_region(report(title, text))
            checked += 1
            if (region.adcode, region.level, year) != (place.adcode, place.level, 2023):
                wrong.append((title, region.full_name, region.adcode, region.level, place.adcode))
    assert not wrong, f"{len(wrong)} of {checked} titles wrong ({skipped} skipped): {wrong[:20]}"
    assert checked > 13000 and skipped <= 5, f"{checked} titles checked, {skipped} skipped as ambiguous"


def sample(per_province: int = 11):
    """A few hundred units from every province, spread over each province's codes."""
    by_province: dict[str, list] = {}
    for place in units():
        by_province.setdefault(place.province, []).append(place)
    chosen = []
    for places in by_province.values():
        step = max(1, len(places) // per_province)
        chosen += places[::step][:per_province]
    return chosen


def test_the_sample_spans_every_province():
    chosen = sample()
    assert len(chosen) >= 300
    assert {p.province for p in chosen} == {p.province for p in units()}


def test_the_whole_extractor_agrees_on_a_sample(extract):
    """The same property through ``extract_text`` for the sample, one title form each in turn."""
    wrong = []
    chosen = sample()
    children = _children()
    for i, place in enumerate(chosen):
        forms, _ = titles(place)
        title = forms[i % len(forms)]
        got = extract(report(title, opening(place, children)), source="t.txt")
        if (got.region.adcode, got.region.level, got.year) != (place.adcode, place.level, 2023):
            wrong.append((title, got.region.full_name, got.region.adcode, place.adcode))
    assert not wrong, (len(wrong), len(chosen), wrong[:20])


def test_the_code_table_rows_hold():
    """``lexicons/regions_codes.tsv``: every current unit has its code in the gazetteer, and a
    former unit keeps its code only where no unit holds it now."""
    from fazhi.extract.regions import _lexicon

    gaz = gazetteer()
    rows = _lexicon("regions_codes.tsv")
    assert len(rows) > 200
    held = {}
    for place in gaz.places:
        if place.adcode:
            held.setdefault(place.adcode, set()).add(place.name)
    cities = {(p.province, p.name) for p in gaz.places if p.depth == CITY}
    by_name = {}
    for place in gaz.places:
        by_name.setdefault((place.province, place.name), []).append(place)
    for kind, province, city, name, code, _, _ in rows:
        places = by_name.get((province, name))
        assert places, name
        if kind == "current":
            assert code in {p.adcode for p in places}, (name, code)
        elif city and city != province:
            # the unit above it then is one the gazetteer knows (凉山彝族自治州, not 凉山州)
            assert (province, city) in cities, (name, city)
        else:
            assert held.get(code, {name}) == {name} or code not in {p.adcode for p in places}, (name, code)
    # a direction is a district only with its city in front (台中市中区, 攀枝花市东区)
    assert "中区" not in gaz.by_name and "攀枝花市东区" in gaz.by_name

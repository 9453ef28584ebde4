"""The reporting region and year on report openings as saved web pages write them:
one table per kind of miss seen on unseen reports. The snippets are written for
these tests in the style of government sites (breadcrumbs, information tables,
来源 lines, 上一篇 links), not copied from any report."""

from __future__ import annotations

import pytest

from fazhi.extract.metadata import extract_metadata
from fazhi.extract.normalize import normalize, to_simplified
from fazhi.extract.regions import gazetteer
from fazhi.extract.segment import segment

BODY = """
一、{year}年法治政府建设主要举措和成效
(一)加强党的领导。召开常务会议专题研究法治政府建设工作,推进依法行政。
(二)深化放管服改革。全面推行证明事项告知承诺制。
二、存在的不足
法治宣传覆盖面仍需拓展,基层执法力量较为薄弱。
三、{plans}年工作计划
继续深化法治政府建设,全面提升依法行政水平。
"""


def page(head: str, year: int) -> str:
    return head.strip("\n") + "\n" + BODY.format(year=year, plans=year + 1)


def metadata(text: str):
    norm = normalize(to_simplified(text))
    return extract_metadata(text, norm, segment(text, norm), gazetteer())


def check(head, name, level, year):
    meta = metadata(page(head, year))
    assert (meta.region.name, meta.region.level, meta.year) == (name, level, year), meta.region.full_name


AUTONOMOUS = [
    pytest.param(
        "首页 > 政务公开 > 重点领域信息公开 > 法治政府建设\n黔西南州2021年法治政府建设年度报告\n"
        "发布时间:2022-03-31 10:12 来源:黔西南州司法局\n【字体:大 中 小】【打印】【关闭】\n"
        "2021年,在省委、省政府和州委的坚强领导下,州人民政府坚持以习近平新时代中国特色社会主义思想为指导,"
        "兴义市、兴仁市、安龙县、贞丰县、普安县、晴隆县、册亨县、望谟县法治建设扎实推进。现将有关情况报告如下:",
        "黔西南布依族苗族自治州", "city", 2021, id="prefecture-short-form",
    ),
    pytest.param(
        "黔西南布依族苗族自治州人民政府\n索引号:\n11522300009538011X/2022-00123\n信息分类:\n法治政府建设\n"
        "发布机构:\n黔西南州司法局\n生成日期:\n2022-03-30\n黔西南州2021年法治政府建设年度报告\n"
        "2021年,州人民政府坚持依法行政,兴义市、兴仁市、安龙县法治建设扎实推进。",
        "黔西南布依族苗族自治州", "city", 2021, id="prefecture-under-an-information-table",
    ),
    pytest.param(
        "伊犁州2020年法治政府建设工作报告\n2020年,在自治区党委、自治区人民政府和州党委的坚强领导下,伊犁州坚持依法行政,"
        "伊宁市、奎屯市、霍尔果斯市、伊宁县、察布查尔锡伯自治县扎实推进法治建设。",
        "伊犁哈萨克自治州", "city", 2020, id="伊犁州",
    ),
    pytest.param(
        "湘西州司法局2022年度法治政府建设情况报告\n2022年,州司法局坚持以习近平法治思想为指导,"
        "吉首市、凤凰县、花垣县、保靖县、永顺县、龙山县、泸溪县、古丈县司法局推进依法行政。",
        "湘西土家族苗族自治州", "city", 2022, id="prefecture-department",
    ),
    pytest.param(
        "海南州2021年法治政府建设年度报告\n2021年,海南州坚持依法行政,共和县、同德县、贵德县、兴海县、贵南县推进法治建设。",
        "海南藏族自治州", "city", 2021, id="海南州-not-the-province",
    ),
    pytest.param(
        "博州2021年法治政府建设年度报告\n2021年,博州坚持依法行政,博乐市、阿拉山口市、精河县、温泉县推进法治建设。",
        "博尔塔拉蒙古自治州", "city", 2021, id="博州",
    ),
    pytest.param(
        "金平县2023年法治政府建设年度报告\n来源:金平县司法局 发布时间:2024-01-25\n"
        "2023年,在红河州委、州政府和县委的坚强领导下,金平县人民政府坚持依法行政。云南省法治政府建设示范创建稳步推进,红河州考核排名靠前。",
        "金平苗族瑶族傣族自治县", "county", 2023, id="county-under-an-autonomous-prefecture",
    ),
    pytest.param(
        "金平苗族瑶族傣族自治县人民政府关于2022年度法治政府建设工作情况的报告\n红河州人民政府:\n"
        "2022年,在州委、州政府的坚强领导下,县人民政府认真贯彻落实云南省委、省政府部署。",
        "金平苗族瑶族傣族自治县", "county", 2022, id="autonomous-county-full-name",
    ),
    pytest.param(
        "科右中旗2022年法治政府建设年度报告\n2022年,科右中旗坚持依法行政,兴安盟法治建设部署得到落实。",
        "科尔沁右翼中旗", "county", 2022, id="banner-short-form",
    ),
]

CITY_LISTS_ITS_DISTRICTS = [
    pytest.param(
        "梧州市人民政府关于2023年度法治政府建设情况的报告\n发布时间:2024-03-28 来源:梧州市司法局 浏览次数:1234\n字号:【大 中 小】\n"
        "2023年,梧州市坚持依法行政,万秀区、长洲区、龙圩区、藤县、蒙山县、岑溪市推进法治政府建设。万秀区成立法治督察组,"
        "长洲区开展依法行政考核,龙圩区推进综合执法改革,万秀区、长洲区、龙圩区均实现全覆盖。",
        "梧州市", "city", 2023, id="city-title",
    ),
    pytest.param(
        "梧州市人民政府门户网站\n首页 | 走进梧州 | 政务公开 | 政务服务 | 互动交流\n您当前的位置:首页 > 政务公开 > 法治政府建设\n"
        "2023年法治政府建设年度报告\n信息来源:梧州市司法局 发布日期:2024-03-28\n"
        "2023年,在自治区党委、政府和市委的坚强领导下,市人民政府坚持依法行政,万秀区、长洲区、龙圩区推进法治政府建设,"
        "万秀区、长洲区、龙圩区均实现全覆盖,万秀区获评示范。",
        "梧州市", "city", 2023, id="city-named-only-by-the-page",
    ),
    pytest.param(
        "索引号:000014349/2023-00051\n发布机构:保定市人民政府\n发布日期:2023-03-30\n关于2022年度法治政府建设情况的报告\n"
        "2022年,全市坚持依法行政,竞秀区、莲池区、满城区、清苑区、徐水区法治建设全面推进,竞秀区、莲池区成效明显,竞秀区获评示范。",
        "保定市", "city", 2022, id="city-named-by-the-publishing-body",
    ),
    pytest.param(
        "当前位置:首页 > 信息公开 > 法治政府建设年度报告\n保定市2022年法治政府建设年度报告\n来源:保定市司法局 发布时间:2023-03-30 16:52\n"
        "2022年,在省委、省政府和市委的坚强领导下,市政府坚持依法行政。竞秀区、莲池区、满城区、清苑区、徐水区,涞水县、阜平县、定兴县、"
        "唐县、高阳县、容城县、涞源县、望都县、安新县、易县、曲阳县、蠡县、顺平县、博野县、雄县,涿州市、定州市、安国市、高碑店市法治建设全面推进。",
        "保定市", "city", 2022, id="city-listing-all-its-counties",
    ),
    pytest.param(
        "沈阳市人民政府\n2020年法治政府建设年度报告\n2020年,市政府坚持依法行政,和平区、沈河区、大东区、皇姑区、铁西区推进综合行政执法改革,和平区、沈河区成效明显。",
        "沈阳市", "city", 2020, id="city-in-the-masthead",
    ),
    pytest.param(
        "沈阳市2023年法治政府建设年度报告\n2023年,全市深入学习贯彻习近平法治思想,和平区、沈河区等13个区、县(市)全面完成年度任务,和平区、沈河区获评省级示范。",
        "沈阳市", "city", 2023, id="city-report",
    ),
    pytest.param(
        "关于2023年度法治政府建设情况的报告\n2023年,在市委、市政府的坚强领导下,梧州市坚持依法行政,万秀区、长洲区、龙圩区成效明显,万秀区、长洲区。",
        "梧州市", "city", 2023, id="city-as-the-opening-subject",
    ),
    pytest.param(
        "市生态环境局2023年法治政府建设年度报告\n2023年,市生态环境局坚持依法行政,竞秀区分局、莲池区分局推进执法规范化,全市生态环境持续改善。",
        "保定市", "city", 2023, id="city-department-named-by-its-level-word",
    ),
    pytest.param(
        "沈阳市市场监督管理局2023年度法治政府建设情况报告\n2023年,市市场监管局指导和平区、沈河区、铁西区市场监管局依法行政,和平区、沈河区、铁西区成效明显。",
        "沈阳市", "city", 2023, id="city-department",
    ),
    pytest.param(
        "2023年金华市法治政府建设年度报告\n发布时间:2024-03-29\n2023年,金华市坚持依法行政,婺城区、金东区、义乌市、东阳市、永康市推进法治建设,"
        "义乌市成效明显,义乌市获评示范。",
        "金华市", "city", 2023, id="city-listing-a-county-level-city",
    ),
    pytest.param(
        "关于2023年度法治政府建设情况的报告\n2023年,在市委的坚强领导下,市政府深入推进依法行政,涪城区获评省级示范,游仙区、安州区成效明显。",
        "绵阳市", "city", 2023, id="city-government-named-by-its-level-word",
    ),
]

DISTRICTS_AND_COUNTIES = [
    pytest.param(
        "关于2023年度法治政府建设情况的报告\n抚顺市人民政府:\n2023年,顺城区坚持依法行政,河北乡、新华街道推进基层法治建设。",
        "顺城区", "district", 2023, id="district-addressing-its-city",
    ),
    pytest.param(
        "上一篇:武汉市江岸区2023年法治政府建设年度报告\n武汉市汉阳区2023年法治政府建设年度报告\n2023年,汉阳区坚持依法行政。",
        "汉阳区", "district", 2023, id="previous-article-link",
    ),
    pytest.param(
        "朝阳区2022年法治政府建设年度报告\n发布时间:2023-03-20 来源:长春市朝阳区人民政府\n2022年,朝阳区坚持依法行政,吉林省长春市法治建设部署得到落实。",
        "朝阳区", "district", 2022, id="shared-name-settled-by-the-source-line",
    ),
    pytest.param(
        "新城区2021年法治政府建设年度报告_呼和浩特市新城区人民政府\n2021年,新城区坚持依法行政。",
        "新城区", "district", 2021, id="shared-name-settled-by-the-site-name",
    ),
    pytest.param(
        "中共安吉县委 安吉县人民政府关于2023年度法治政府建设情况的报告\n湖州市委、市政府:\n2023年,安吉县坚持依法行政,递铺街道、昌硕街道、孝丰镇法治建设持续推进。",
        "安吉县", "county", 2023, id="party-and-government",
    ),
    pytest.param(
        "2024年,在区委、区政府的坚强领导下,区司法局坚持以习近平新时代中国特色社会主义思想为指导,紧紧围绕省委、市委和区委工作安排,"
        "为我区推进中国式现代化从化实践提供坚强法治保障。现将有关情况报告如下:",
        "从化区", "district", 2024, id="district-department-without-a-title",
    ),
    pytest.param(
        "岑溪市司法局2022年法治政府建设年度报告\n2022年,市司法局坚持依法行政,梧州市法治建设部署得到落实。",
        "岑溪市", "county", 2022, id="county-level-city-department",
    ),
    pytest.param(
        "桐庐县二〇二二年度法治政府建设工作报告\n今年以来,桐庐县坚持依法行政,杭州市部署得到落实。",
        "桐庐县", "county", 2022, id="year-in-chinese-numerals",
    ),
    pytest.param(
        "关于二〇二一年度法治政府建设情况的报告\n淳安县高度重视法治政府建设,各乡镇扎实推进。",
        "淳安县", "county", 2021, id="opening-subject-without-a-year",
    ),
    pytest.param(
        "法治政府建设年度报告\n政策文件\n桐乡市2023年法治政府建设年度报告\n2023年,桐乡市坚持依法行政,嘉兴市部署得到落实。",
        "桐乡市", "county", 2023, id="menu-label-above-the-title",
    ),
    pytest.param(
        "索引号:\n主题分类:\n生成日期:\n杭州市临安区2023年法治政府建设年度报告\n2023年,临安区坚持依法行政,杭州市部署得到落实。",
        "临安区", "district", 2023, id="empty-information-table",
    ),
    pytest.param(
        "杭州市临安区人民政府 | 杭州市临安区2022年法治政府建设年度报告 | 政务公开\n2022年,临安区坚持依法行政,杭州市部署得到落实。",
        "临安区", "district", 2022, id="title-between-a-menu's-bars",
    ),
    pytest.param(
        "横县2019年法治政府建设年度报告\n2019年,横县坚持依法行政,南宁市部署得到落实。",
        "横县", "county", 2019, id="county-as-it-was-before-it-became-a-city",
    ),
    pytest.param(
        "杭州市江干区人民政府关于2019年度法治政府建设工作情况的报告\n2019年,江干区坚持依法行政。",
        "江干区", "district", 2019, id="district-merged-since",
    ),
    pytest.param(
        "襄阳市襄州区2016年度依法行政工作报告\n2016年,襄州区坚持依法行政,张湾街道、双沟镇法治建设扎实推进。",
        "襄州区", "district", 2016, id="依法行政-report-of-2016",
    ),
]

ZONES = [
    pytest.param(
        "武汉经开区(汉南区)2021年法治政府建设工作报告\n2021年,在市委、市政府的坚强领导下,武汉经开区(汉南区)坚持依法行政。",
        "武汉经济技术开发区", "zone", 2021, id="zone-with-its-district-in-brackets",
    ),
    pytest.param(
        "武汉经开区2023年法治政府建设情况报告\n2023年,经开区坚持依法行政,沌口街道、军山街道推进法治建设。",
        "武汉经济技术开发区", "zone", 2023, id="zone-abbreviated",
    ),
    pytest.param(
        "长春经济技术开发区管委会关于2023年度法治政府建设情况的报告\n2023年,经开区管委会坚持依法行政。",
        "长春经济技术开发区", "zone", 2023, id="zone-in-the-table",
    ),
    pytest.param(
        "长春高新区2023年法治政府建设情况报告\n2023年,高新区管委会坚持依法行政。",
        "长春高新技术产业开发区", "zone", 2023, id="zone-in-the-table-abbreviated",
    ),
    pytest.param(
        "孝感经开区管委会2023年法治政府建设工作报告\n2023年,经开区管委会坚持依法行政,孝感市法治建设部署得到落实。",
        "孝感经开区", "zone", 2023, id="zone-the-table-lacks",
    ),
    pytest.param(
        # a national zone the table lacks, from the list of national zones (lexicons/regions_zones.tsv)
        "孝感高新区管委会2023年法治政府建设工作报告\n2023年,高新区管委会坚持依法行政,孝感市法治建设部署得到落实。",
        "孝感高新技术产业开发区", "zone", 2023, id="national-zone-the-table-lacks",
    ),
    pytest.param(
        "滨海高新区管委会2017年法治政府建设工作报告\n2017年,滨海高新区管委会在市委、市政府和滨海新区区委、区政府的领导下,坚持依法行政。",
        "天津滨海高新技术产业开发区", "zone", 2017, id="national-zone-beside-a-district-it-names",
    ),
    pytest.param(
        # the table has town-level offices called 开发区管委会 (宝应县, 河口区): not this zone's
        "西宁经济技术开发区管委会2019年度法治政府建设工作总结\n2019年,开发区管委会坚持依法行政。",
        "西宁经济技术开发区", "zone", 2019, id="zone-the-table-lacks-in-full",
    ),
]

TOWNS_AND_SUBDISTRICTS = [
    pytest.param(
        "北京市朝阳区建外街道办事处2023年法治政府建设工作报告\n2023年,建外街道各社区坚持依法办事,社区治理水平提升。",
        "建外街道", "subdistrict", 2023, id="subdistrict-not-社区",
    ),
    pytest.param(
        "关于北京市朝阳区大屯街道2023年法治政府建设情况的报告\n2023年,大屯街道在区委、区政府的领导下,各社区坚持依法办事,社区治理水平提升,社区法律顾问全覆盖。",
        "大屯街道", "subdistrict", 2023, id="subdistrict-after-关于",
    ),
    pytest.param(
        "南湖街道办事处2023年法治政府建设工作报告\n2023年,在区委、区政府的坚强领导下,街道党工委、办事处坚持依法行政,各社区推进法治建设,沈阳市和平区各项部署得到落实。",
        "南湖街道", "subdistrict", 2023, id="shared-subdistrict-name",
    ),
    pytest.param(
        "新华街道办事处2023年度法治政府建设工作报告\n来源:北京市通州区人民政府\n2023年,新华街道坚持依法行政,各社区法治建设稳步推进。",
        "新华街道", "subdistrict", 2023, id="subdistrict-shared-by-26",
    ),
    pytest.param(
        "成都市锦江区天府新城街道办事处2023年法治政府建设工作报告\n2023年,街道党工委、办事处坚持依法行政,各社区推进法治建设。",
        "天府新城街道", "subdistrict", 2023, id="subdistrict-the-table-lacks",
    ),
    pytest.param(
        "武山县城关镇人民政府关于2023年度法治政府建设工作情况的报告\n2023年,城关镇坚持依法行政,各村(社区)法治建设稳步推进。",
        "城关镇", "town", 2023, id="town-shared-by-99",
    ),
    pytest.param(
        "翠华镇2024年度法治政府建设工作报告\n2024年,在县委、县政府的领导下,翠华镇始终坚持依法行政,禄劝彝族苗族自治县各项部署得到落实。",
        "翠华镇", "town", 2024, id="town",
    ),
]

PROVINCES = [
    pytest.param(
        "辽宁省市场监督管理局关于2023年度法治政府建设情况的报告\n2023年,省市场监管局坚持依法行政,指导沈阳市、大连市、鞍山市市场监管局开展执法规范化建设。",
        "辽宁省", "province", 2023, id="provincial-department",
    ),
    pytest.param(
        "辽宁省营商环境建设局2022年法治政府建设情况报告\n2022年,省营商局坚持以习近平法治思想为指导,在省委、省政府领导下,沈阳市、大连市营商环境持续优化。",
        "辽宁省", "province", 2022, id="provincial-bureau",
    ),
    pytest.param(
        "省营商环境建设局2021年度法治政府建设情况报告\n2021年,省营商局在省委、省政府的坚强领导下,推动辽宁营商环境持续优化,沈阳、大连、鞍山等市成效明显。",
        "辽宁省", "province", 2021, id="provincial-bureau-by-its-level-word",
    ),
    pytest.param(
        "省营商环境建设局2021年度法治政府建设情况报告\n2021年,省营商局在省委、省政府的坚强领导下,推动全省营商环境持续优化,沈阳市、大连市、鞍山市成效明显。",
        "辽宁省", "province", 2021, id="province-only-above-the-cities-named",
    ),
    pytest.param(
        "2023年,辽宁省营商环境建设局坚持以习近平法治思想为指导,全省营商环境持续优化,沈阳市、大连市成效明显,沈阳市、大连市。",
        "辽宁省", "province", 2023, id="provincial-bureau-without-a-title",
    ),
    pytest.param(
        "广西壮族自治区人民政府关于2019年法治政府建设情况的报告\n国务院:\n2019年,自治区人民政府坚持依法行政,南宁市、柳州市、桂林市法治建设扎实推进。",
        "广西壮族自治区", "province", 2019, id="autonomous-region",
    ),
    pytest.param(
        "北京市人民政府关于2022年法治政府建设情况的报告\n2022年,北京市坚持依法行政,朝阳区、海淀区、丰台区、朝阳区、海淀区推进法治建设。",
        "北京市", "province", 2022, id="municipality",
    ),
]


@pytest.mark.parametrize("head, name, level, year", AUTONOMOUS)
def test_autonomous_prefectures_and_their_counties(head, name, level, year):
    check(head, name, level, year)


@pytest.mark.parametrize("head, name, level, year", CITY_LISTS_ITS_DISTRICTS)
def test_a_city_report_is_not_pinned_to_a_district_it_lists(head, name, level, year):
    check(head, name, level, year)


@pytest.mark.parametrize("head, name, level, year", DISTRICTS_AND_COUNTIES)
def test_districts_and_counties(head, name, level, year):
    check(head, name, level, year)


@pytest.mark.parametrize("head, name, level, year", ZONES)
def test_development_zones(head, name, level, year):
    check(head, name, level, year)


@pytest.mark.parametrize("head, name, level, year", TOWNS_AND_SUBDISTRICTS)
def test_towns_and_subdistricts(head, name, level, year):
    check(head, name, level, year)


@pytest.mark.parametrize("head, name, level, year", PROVINCES)
def test_provinces_and_their_departments(head, name, level, year):
    check(head, name, level, year)


def test_a_zone_lies_in_its_city():
    region = metadata(page("武汉经开区2023年法治政府建设情况报告", 2023)).region
    assert (region.city, region.province, region.full_name) == ("武汉市", "湖北省", "湖北省武汉经济技术开发区")


def test_a_town_the_table_lacks_lies_in_the_district_named_before_it():
    region = metadata(page("成都市锦江区天府新城街道办事处2023年法治政府建设工作报告", 2023)).region
    assert (region.county, region.city, region.full_name) == ("锦江区", "成都市", "四川省成都市锦江区天府新城街道")
    assert region.county_adcode == "510104"


def test_a_town_made_a_subdistrict_lies_where_the_town_of_its_name_lay():
    """撤镇设街道: the table still has 新棉镇 (石棉县), the report writes 新棉街道 and names no county
    (县委、县政府); a short name no other town in China has says where it is."""
    head = "新棉街道2021年度法治政府建设工作报告\n2021年,新棉街道党工委、办事处在县委、县政府的坚强领导下,坚持依法行政。"
    region = metadata(page(head, 2021)).region
    assert (region.name, region.county, region.county_adcode) == ("新棉街道", "石棉县", "511824")


def test_a_zone_no_city_names_lies_in_the_province_its_name_starts_with():
    """宁夏宁东能源化工基地管理委员会: a zone the national lists lack, named after no city."""
    head = "宁夏宁东能源化工基地管理委员会关于2019年法治政府建设工作情况的报告\n2019年,管委会坚持依法行政。"
    region = metadata(page(head, 2019)).region
    assert (region.name, region.level, region.province, region.adcode) == ("宁东能源化工基地", "zone", "宁夏回族自治区", None)


def test_a_town_has_its_county_code():
    region = metadata(page("翠华镇2024年度法治政府建设工作报告\n2024年,翠华镇坚持依法行政,禄劝彝族苗族自治县部署得到落实。", 2024)).region
    assert (region.adcode, region.county_adcode) == (None, "530128")


@pytest.mark.parametrize("word", ["社区", "城区", "新区", "开发区", "示范区", "管理区", "产业园"])
def test_common_nouns_never_resolve(word):
    """Not even as a zone's short form (示范区 of 焦作城乡一体化示范区, 绿色发展示范区 in the text)."""
    meta = metadata(page(f"{word}2023年法治政府建设工作报告\n2023年,{word}坚持依法行政,{word}治理水平提升。", 2023))
    assert meta.region.level == "unknown"


@pytest.mark.parametrize(
    "chrome",
    [
        "今天是2025年3月1日 星期六\n字号:大 中 小 【打印】【关闭】",
        "2025年3月1日 星期六\n浏览次数:2025",
        "发布时间:2025-03-01 浏览次数:88\n上一篇:梧州市2024年法治政府建设年度报告",
        "下一篇:梧州市2022年法治政府建设年度报告\n分享到:",
    ],
)
def test_page_chrome_sets_neither_year_nor_region(chrome):
    meta = metadata(chrome + "\n" + page("梧州市人民政府关于2023年法治政府建设情况的报告\n2023年,梧州市坚持依法行政。", 2023))
    assert (meta.year, meta.region.name) == (2023, "梧州市")


def test_the_whole_extractor_agrees(extract):
    """The same through ``extract_text``: a prefecture by short form behind page chrome."""
    report = extract(page(AUTONOMOUS[0].values[0], 2021))
    assert (report.region.name, report.region.level, report.region.adcode, report.year) == ("黔西南布依族苗族自治州", "city", "522300", 2021)


@pytest.mark.parametrize(
    "head, issuer",
    [
        ("辽宁省市场监督管理局2023年度法治政府建设情况报告\n2023年,省市场监管局坚持依法行政。", "辽宁省市场监督管理局"),
        ("省营商环境建设局2023年度法治政府建设情况报告\n2023年,省营商局推动辽宁营商环境持续优化。", "辽宁省营商环境建设局"),
        ("武汉市江岸区司法局2023年法治政府建设工作报告\n2023年,区司法局坚持依法行政。", "武汉市江岸区司法局"),
        ("中共安吉县委 安吉县人民政府关于2023年度法治政府建设情况的报告\n2023年,安吉县坚持依法行政。", "安吉县人民政府"),
        ("黔西南州人民政府关于2023年度法治政府建设情况的报告\n2023年,州人民政府坚持依法行政。", "黔西南州人民政府"),
    ],
)
def test_the_issuer_of_a_titled_report(head, issuer):
    assert metadata(page(head, 2023)).issuer == issuer


@pytest.mark.parametrize("word", ["示范区", "管理区", "产业园", "保税区"])
def test_no_common_noun_is_a_short_form(word):
    """The table writes 示范区 for 焦作城乡一体化示范区; a report's 绿色发展示范区 is no mention of it."""
    from fazhi.extract.regions import gazetteer

    assert word not in gazetteer().by_short and word not in gazetteer().by_name
    assert not gazetteer().count_shorts(f"加快建设绿色发展{word}")


def test_a_county_named_by_a_common_word_is_no_evidence():
    """共和 of 中华人民共和国 is not 共和县 (海南州): the one place the opening names, 祁连山, decides."""
    opening = (
        "2020年,在省委、省政府和州委的坚强领导下,州政府认真贯彻《中华人民共和国行政处罚法》"
        "《中华人民共和国行政许可法》《中华人民共和国行政复议法》,加强祁连山国家公园生态保护执法。"
    )
    assert metadata(page(opening, 2020)).region.name == "海北藏族自治州"


def test_a_conjunction_does_not_begin_a_place_name():
    """市政府和县委 joins two bodies; it does not name 和县 (安徽). Unnamed, the county is unknown
    and its province the most one can say."""
    opening = "2022年,在市委、市政府和县委的坚强领导下,县政府认真落实《陕西省法治政府建设实施方案》,坚持依法行政。"
    region = metadata(page(opening, 2022)).region
    assert (region.name, region.level) == ("陕西省", "province")


def test_an_opening_subject_names_a_zone_the_table_lacks():
    region = metadata(page("2022年,宜宾高新区在市委、市政府的坚强领导下,坚持依法行政。", 2022)).region
    assert (region.name, region.level, region.city) == ("宜宾高新区", "zone", "宜宾市")


def test_the_tables_placeholders_are_not_part_of_a_name():
    """A county directly under its province (琼中) has no city in its chain."""
    region = metadata(page("琼中黎族苗族自治县湾岭镇2022年法治政府建设工作报告\n2022年,湾岭镇坚持依法行政。", 2022)).region
    assert region.full_name == "海南省琼中黎族苗族自治县湾岭镇"


def test_a_zone_is_one_region_whether_its_short_or_official_name_is_written():
    """宜宾高新区 and 宜宾高新技术产业开发区 are one zone: its full name is the official one, without
    the city its name starts with."""
    short = metadata(page("宜宾高新区2022年法治政府建设情况报告\n2022年,高新区坚持依法行政。", 2022)).region
    official = metadata(page("宜宾高新技术产业开发区2022年法治政府建设情况报告\n2022年,高新区坚持依法行政。", 2022)).region
    assert short.name == "宜宾高新区"
    assert short.full_name == official.full_name == "四川省宜宾高新技术产业开发区"


def test_a_zone_of_a_municipality_is_not_prefixed_with_it():
    region = metadata(page("天津经济技术开发区管委会2023年法治政府建设情况报告\n2023年,开发区坚持依法行政。", 2023)).region
    assert (region.level, region.full_name) == ("zone", "天津经济技术开发区")


def _shared_town_names():
    """Names of several towns (and of nothing else), with the towns."""
    by_name = {}
    for name, places in gazetteer().by_name.items():
        towns = [p for p in places if p.level in ("town", "subdistrict") and p.name == name]
        if len(towns) == len(places) > 1:
            by_name[name] = towns
    return by_name


def test_a_provinces_service_brand_settles_a_town_name_several_provinces_share():
    shared = _shared_town_names()
    for cue, province in gazetteer().province_cues.items():
        name = min(
            n for n, towns in shared.items()
            if n.endswith("镇") and len({p.province for p in towns}) > 1 and any(p.province == province for p in towns)
        )
        text = f"2024年以来，{name}坚持依法行政，依托“{cue}”推行政务服务“掌上办”。"
        region = metadata(page(text, 2024)).region
        assert (region.name, region.province) == (name, province), (cue, region.full_name)


def test_the_county_bodies_a_town_answers_to_settle_its_county():
    # a town name found under a 县 and a 区 of one province, and nowhere else
    for name, towns in sorted(_shared_town_names().items()):
        ends = sorted(p.county[-1] for p in towns if p.county)
        if len(towns) == 2 and ends == ["区", "县"] and towns[0].province == towns[1].province:
            break
    else:
        raise AssertionError("no such town name")
    for level in ("县", "区"):
        text = f"2024年，{name}在{level}委、{level}政府的领导下，坚持依法行政。"
        region = metadata(page(text, 2024)).region
        assert region.name == name and region.county.endswith(level), region.full_name


def test_a_town_under_a_city_that_has_no_counties_answers_to_the_city():
    # a town name found twice: directly under a prefecture-level city (东莞市's towns) and under a 县
    for name, towns in sorted(_shared_town_names().items()):
        direct = [p for p in towns if p.county in (None, "市直辖行政区划")]
        county = [p for p in towns if p.county and p.county.endswith("县")]
        if len(direct) == len(county) == 1 and len(towns) == 2:
            break
    else:
        raise AssertionError("no such town name")
    text = f"2024年，在市委、市政府的坚强领导下，{name}坚持依法行政，推进法治政府建设。"
    region = metadata(page(text, 2024)).region
    assert (region.name, region.city) == (name, direct[0].city), region.full_name
    text = f"2024年，在市委、市政府和县委、县政府的坚强领导下，{name}坚持依法行政，推进法治政府建设。"
    region = metadata(page(text, 2024)).region
    assert region.name == name and region.county.endswith("县"), region.full_name


def test_an_indented_opening_without_a_title_names_its_subject():
    text = "\u3000\u30002022年，在徐汇区委、区政府的坚强领导下，徐家汇街道办事处坚持以习近平新时代中国特色社会主义思想为指导，推进依法行政。"
    meta = metadata(page(text, 2022))
    assert (meta.region.name, meta.region.level) == ("徐家汇街道", "subdistrict"), meta.region.full_name


@pytest.mark.parametrize(
    "title, name, code, year",
    [
        ("偃师区2022年法治政府建设工作报告", "偃师区", "410307", 2022),  # renamed 2021: the new code
        ("偃师市2019年法治政府建设工作报告", "偃师市", "410381", 2019),  # as it was then
        ("莱芜市2017年法治政府建设工作报告", "莱芜市", "371200", 2017),  # abolished 2019
        ("湟中区2020年法治政府建设工作报告", "湟中区", "630106", 2020),  # made 2019, after jionlp's table
        ("公主岭市2022年法治政府建设工作报告", "公主岭市", "220184", 2022),  # moved to 长春市 in 2020
    ],
)
def test_renamed_and_abolished_units_have_the_code_of_their_time(title, name, code, year):
    text = f"{title}\n{year}年，{name}人民政府坚持依法行政，推进法治政府建设。"
    region = metadata(page(text, year)).region
    assert (region.name, region.adcode) == (name, code), region.full_name


@pytest.mark.parametrize(
    "head, name, province, city",
    [
        ("中国（上海）自由贸易试验区临港新片区管理委员会2022年度法治政府建设情况报告", "中国(上海)自由贸易试验区临港新片区", "上海市", "上海市"),
        ("中国（福建）自由贸易试验区厦门片区管委会2021年法治政府建设工作报告", "中国(福建)自由贸易试验区厦门片区", "福建省", "厦门市"),
        ("中国（海南）自由贸易试验区2019年法治政府建设工作报告", "中国(海南)自由贸易试验区", "海南省", None),
    ],
)
def test_a_free_trade_zone_is_a_zone_of_the_province_its_name_gives(head, name, province, city):
    meta = metadata(page(head + "\n2022年，管委会坚持依法行政，推进法治政府建设。", 2022))
    region = meta.region
    assert (region.name, region.level, region.province, region.city, region.full_name) == (name, "zone", province, city, name)


def test_a_town_lies_under_the_county_whose_committee_leads_it():
    # 11 places are called 和平乡, none of them in 龙胜各族自治县 in the table
    text = "和平乡人民政府二○一八年法治政府建设情况报告\n一年来，我乡在龙胜各族自治县县委、县政府的坚强领导下，坚持依法行政。"
    region = metadata(page(text, 2018)).region
    assert (region.name, region.county, region.adcode or region.county_adcode) == ("和平乡", "龙胜各族自治县", "450328"), region.full_name


def test_a_city_named_by_its_level_is_the_one_whose_committee_comes_last():
    # no title; 市政府 is the subject, and the county-level city's own committee follows its city's
    text = (
        "2021年是“十四五”开局之年。市政府在大连市委、市政府和庄河市委的领导下，深入学习贯彻习近平法治思想，"
        "为全市经济社会发展营造了良好的法治环境。现将全年工作情况报告如下。"
    )
    meta = metadata(page(text, 2021))
    assert (meta.region.name, meta.region.level, meta.issuer) == ("庄河市", "county", "庄河市人民政府")
    # the city's own report names only its own committee
    meta = metadata(page(text.replace("大连市委、市政府和庄河市委", "大连市委"), 2021))
    assert (meta.region.name, meta.region.level) == ("大连市", "city")


def test_a_town_lies_under_the_county_whose_body_published_the_page():
    # the table has 龙港镇 only in 湖北 (苍南县's became 龙港市 in 2019); the page's source field, on a
    # line with chrome, names the county that published the town's report — which is the town's own
    text = (
        "龙港市人民政府门户网站\n今天是2021年7月26日 星期一\n当前位置：首页 > 乡镇（街道）> 龙港镇 > 信息公开\n"
        "发布日期：2019/3/14   信息来源：苍南县司法局   【字体：大 中 小】\n"
        "龙港镇法治政府建设年度报告（2018年度）\n2018年，龙港镇在县委、县政府的坚强领导下，坚持依法行政。"
    )
    meta = metadata(page(text, 2018))
    assert (meta.region.name, meta.region.county, meta.region.province) == ("龙港镇", "苍南县", "浙江省")
    assert meta.issuer == "龙港镇人民政府"  # the county's body published it; the town reports


def test_a_sites_name_above_the_title_does_not_join_the_town():
    text = (
        "今天是2023年10月26日 星期四\n海宁市人民政府\n当前位置：首页 > 法治政府建设\n"
        "长安镇人民政府2020年度法治政府建设工作报告\n2020年，长安镇人民政府在海宁市委、市政府的坚强领导下，坚持依法行政。"
    )
    region = metadata(page(text, 2020)).region
    assert region.full_name == "浙江省嘉兴市海宁市长安镇"


def test_towns_the_table_writes_with_their_county_in_front():
    gaz = gazetteer()
    assert [p.full_name for p in gaz.by_name["七号镇"]] == ["内蒙古自治区乌兰察布市化德县七号镇"]
    assert [p.full_name for p in gaz.by_name["鄂温克民族苏木"]] == ["内蒙古自治区呼伦贝尔市陈巴尔虎旗鄂温克民族苏木"]
    assert "静安寺街道" in gaz.by_name and "寺街道" not in gaz.by_name
    assert "苏木乡" in gaz.by_name and "苏木" not in gaz.by_name  # 杞县's 乡 is named 苏木乡


@pytest.mark.parametrize(
    "title, full_name",
    [
        # a city bureau's branch named by the county it serves
        ("郑州市生态环境局中牟分局2021年法治政府建设年度报告", "河南省郑州市中牟县"),
        # one government under two names: the district, which has the code, not the zone beside it
        ("广州市黄埔区人民政府 广州开发区管委会2022年法治政府建设年度报告", "广东省广州市黄埔区"),
        # a city bureau without a branch stays the city's
        ("郑州市生态环境局2021年法治政府建设年度报告", "河南省郑州市"),
    ],
)
def test_branches_and_joint_governments(title, full_name):
    region = metadata(page(title + "\n2021年，我局坚持依法行政，推进法治政府建设。", 2021)).region
    assert region.full_name == full_name


def test_a_signature_places_a_town_the_title_names_ambiguously():
    # 27 places are called 新华街道, none under 石家庄市新华区 in the table; the signature names it
    head = "新华街道2022年法治政府建设工作报告\n2022年，新华街道在区委、区政府的领导下，坚持依法行政。"
    text = page(head, 2022) + "石家庄市新华区新华街道办事处\n2023年1月5日\n"
    assert metadata(text).region.full_name == "河北省石家庄市新华区新华街道"


def test_a_street_office_the_table_writes_as_x街街道_is_found_as_reports_write_it():
    # the table's 万松街街道 (the old street 万松街) is the 万松街道 that reports and sites write
    assert [p.full_name for p in gazetteer().by_name["万松街道"]] == ["湖北省武汉市江汉区万松街街道"]
    report = metadata(page("万松街道2023年法治政府建设年度报告\n2023年，万松街道在区委、区政府的领导下，坚持依法行政。", 2023))
    assert report.region.full_name == "湖北省武汉市江汉区万松街街道"
    assert report.issuer == "万松街道办事处"  # as written, not the table's form


def test_a_subdistricts_working_committee_names_it():
    # 街道工委 is the subdistrict's party working committee: the opening names the subdistrict
    text = page("2018年，望京街道工委、办事处在区委、区政府的正确领导下，认真落实法治朝阳建设的工作部署。", 2018)
    assert metadata(text).region.full_name == "北京市朝阳区望京街道"

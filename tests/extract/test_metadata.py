"""Metadata on short reports from regions the seeds do not cover."""

from datetime import date

import pytest

from fazhi.extract.metadata import extract_metadata
from fazhi.extract.normalize import normalize
from fazhi.extract.regions import gazetteer
from fazhi.extract.segment import segment

BODY = "\n一、主要举措和成效\n(一)推进依法行政。一是规范决策。落实。二是加强审查。审查。\n二、存在的问题\n人员不足。\n三、2024年工作安排\n一是深化改革。二是强化监督。\n"


def meta(text):
    norm = normalize(text)
    return extract_metadata(text, norm, segment(text, norm), gazetteer())


@pytest.mark.parametrize(
    "head, tail, name, full_name, level, city, province, year, issuer, published",
    [
        (
            "南京市江宁区人民政府关于2023年法治政府建设情况的报告\n2023年,江宁区坚持依法行政。",
            "南京市江宁区人民政府\n2024年2月1日\n",
            "江宁区", "江苏省南京市江宁区", "district", "南京市", "江苏省", 2023, "南京市江宁区人民政府", date(2024, 2, 1),
        ),
        (
            "2022年,在县委、县政府的坚强领导下,县司法局坚持以习近平法治思想为指导,浙江省安吉县法治政府建设取得新成效。安吉县各部门扎实推进。",
            "专此报告。\n",
            "安吉县", "浙江省湖州市安吉县", "county", "湖州市", "浙江省", 2022, "安吉县司法局", None,
        ),
        (
            "朝阳区2021年法治政府建设年度报告\n发布时间:2022-03-30 来源:北京市朝阳区人民政府\n2021年,北京市朝阳区坚持依法行政。",
            "",
            "朝阳区", "北京市朝阳区", "district", "北京市", "北京市", 2021, "北京市朝阳区人民政府", date(2022, 3, 30),
        ),
        (
            "双流区永安镇2024年度法治政府建设工作报告\n2024年,在四川省成都市双流区委、区政府的领导下,永安镇始终坚持依法行政。",
            "永安镇人民政府\n二〇二五年一月十五日\n",
            "永安镇", "四川省成都市双流区永安镇", "town", "成都市", "四川省", 2024, "永安镇人民政府", date(2025, 1, 15),
        ),
        (  # a joint report signs with both bodies, one line each
            "中共金水区委 金水区人民政府关于2023年法治政府建设情况的报告\n2023年,金水区坚持依法行政。",
            "中共郑州市金水区委\n郑州市金水区人民政府\n2024年3月1日\n",
            "金水区", "河南省郑州市金水区", "district", "郑州市", "河南省", 2023, "中共郑州市金水区委、郑州市金水区人民政府", date(2024, 3, 1),
        ),
        (  # … or both on one line
            "中共准格尔旗委员会 准格尔旗人民政府关于2020年度法治政府建设情况的报告\n2020年,准格尔旗坚持依法行政。",
            "中共准格尔旗委员会\u3000\u3000准格尔旗人民政府\n2021年1月25日\n",
            "准格尔旗", "内蒙古自治区鄂尔多斯市准格尔旗", "county", "鄂尔多斯市", "内蒙古自治区", 2020, "中共准格尔旗委员会、准格尔旗人民政府", date(2021, 1, 25),
        ),
        (  # a body's name with a space in it is one body, no joint report: the title names it
            "北京市朝阳区望京街道办事处2024年法治政府建设情况报告\n2024年,望京街道坚持依法行政。",
            "朝阳区人民政府 望京街道办事处\n2025年1月10日\n",
            "望京街道", "北京市朝阳区望京街道", "subdistrict", "北京市", "北京市", 2024, "北京市朝阳区望京街道办事处", date(2025, 1, 10),
        ),
    ],
)
def test_metadata_of_unseen_regions(head, tail, name, full_name, level, city, province, year, issuer, published):
    m = meta(head + BODY + tail)
    r = m.region
    assert (r.name, r.full_name, r.level, r.city, r.province) == (name, full_name, level, city, province)
    assert m.year == year
    assert m.issuer == issuer
    assert m.published == published


def test_town_gets_its_county():
    m = meta("双流区永安镇2024年度法治政府建设工作报告\n2024年,四川省成都市双流区永安镇坚持依法行政。" + BODY)
    assert m.region.county == "双流区"


def test_plans_heading_year_implies_report_year():
    m = meta("某单位工作报告\n一、主要举措和成效\n(一)推进。一是甲。乙。二是丙。丁。\n二、2026年工作安排\n一是戊。二是己。\n")
    assert m.year == 2025


def test_unknown_region():
    m = meta("2024年法治政府建设情况报告\n2024年,我们坚持依法行政。" + BODY)
    assert m.region.level == "unknown"


def test_a_full_width_county_report(extract):
    """A report written with full-width punctuation, ideographic indents and 1． items
    (a made-up county report in the style many counties use; not a seed)."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "fullwidth_county_report.txt").read_text(encoding="utf-8")
    report = extract(text, "fullwidth_county_report.txt")
    assert (report.region.full_name, report.region.level, report.year) == ("浙江省湖州市安吉县", "county", 2023)
    assert report.issuer == "安吉县人民政府" and report.published.isoformat() == "2024-03-15"
    assert [p.kind for p in report.parts] == ["achievements", "shortcomings", "plans"]
    assert len(report.measures) == 11
    assert report.measures[0].heading == "落实第一责任人职责"
    assert report.measures[-1].status == "planned"
    adoptions = {a.concept: a.status for a in report.adoptions}
    assert adoptions["府院联动"] == "planned" and adoptions["枫桥经验"] == "adopted"
    assert {"安吉县司法局", "安吉县行政复议局"} <= {b.canonical for b in report.bodies}
    assert (156.0, "件") in {(f.value, f.unit) for f in report.figures}


@pytest.mark.parametrize(
    "title, first_line, issuer",
    [
        # a department's page: the title names it, the text opens with its bare name
        ("吉林省市场监督管理厅2022年法治政府建设年度报告", "吉林省市场监督管理厅\n2022年,吉林省市场监督管理厅坚持依法行政。", "吉林省市场监督管理厅"),
        # the title beats the opening's subject (市政府 → 洛阳市政府)
        ("洛阳市人民政府关于2018年度法治政府建设工作情况的报告", "2018年,市政府坚持依法行政。", "洛阳市人民政府"),
        # a prefecture's 行政公署
        ("锡林郭勒盟行政公署关于2022年度法治政府建设情况的报告", "2022年,全盟坚持依法行政。", "锡林郭勒盟行政公署"),
    ],
)
def test_a_saved_page_title_names_the_issuer(title, first_line, issuer):
    from fazhi.extract.reading import Source
    from fazhi.extract.report import extract_text

    text = first_line + BODY
    report = extract_text(text, "page.html", page=Source(text, "html", page_title=title))
    assert report.issuer == issuer


@pytest.mark.parametrize(
    "title, region",
    [
        # the text never names its district; the page title does, the site's name after it
        ("北京市丰台区人民政府关于2018年法治政府建设情况的报告_北京市丰台区人民政府", "北京市丰台区"),
        ("洛阳市人民政府关于2018年度法治政府建设工作情况的报告 - 洛阳市人民政府门户网站", "河南省洛阳市"),
        # a district department's page on its city's site
        ("番禺区司法局2023年法治政府建设年度报告_广州市人民政府", "广东省广州市番禺区"),
    ],
)
def test_a_saved_page_title_names_the_region_the_text_does_not(title, region):
    from fazhi.extract.reading import Source
    from fazhi.extract.report import extract_text

    text = "2018年,区政府在市委、市政府的领导下,坚持依法行政,落实《北京市法治政府建设实施方案》。" + BODY
    assert extract_text(text, "page.html").region.full_name != region  # the text alone does not say
    report = extract_text(text, "page.html", page=Source(text, "html", page_title=title))
    assert report.region.full_name == region


def test_many_governments_are_no_issuer():
    m = meta("2023年伊犁州法治政府建设情况报告\n2023年,伊犁州直各级政府坚持依法行政。" + BODY)
    assert "各级" not in m.issuer


@pytest.mark.parametrize("opening", ["2023年,我局坚持依法行政。", "2023年,本委坚持依法行政。"])
def test_we_are_no_issuer(opening):
    """我局, 本委 say the author is a body without naming it: the issuer is the region's, or unknown."""
    m = meta("2023年度法治政府建设情况报告\n" + opening + BODY)
    assert not m.issuer.startswith(("我", "本"))


@pytest.mark.parametrize(
    "title, issuer",
    [
        ("西安高新区2022年度法治政府建设情况报告", "西安高新技术产业开发区管理委员会"),
        ("八廓街道2023年法治政府建设情况报告", "八廓街道办事处"),
        ("喀什地区2023年法治政府建设情况报告", "喀什地区行政公署"),
        ("阿拉善盟2023年法治政府建设情况报告", "阿拉善盟行政公署"),
        ("大庆市2023年法治政府建设情况报告", "大庆市人民政府"),
    ],
)
def test_an_unnamed_issuer_is_the_regions_government_of_its_kind(title, issuer):
    """Where no body is named, a zone's report is its administrative committee's, a 街道's its
    office's, a 地区's or 盟's its administrative office's (行政公署)."""
    m = meta(title + "\n2023年,全区坚持依法行政。" + BODY)
    assert m.issuer == issuer


PLAIN_BODY = "\n一、主要举措和成效\n(一)推进依法行政。一是规范决策。二是加强审查。\n二、存在的问题\n人员不足。\n"


def test_the_year_is_not_the_end_of_a_period_the_text_cites():
    from fazhi.extract.reading import Source
    from fazhi.extract.report import extract_text

    cites = "区政府认真落实《法治政府建设实施纲要（2021－2025年）》和《北京市法治政府建设实施方案（2021—2025年）》,推进依法行政。"
    # 2021年是…之年 opens the report
    assert meta("2021年是“十四五”开局之年。" + cites + PLAIN_BODY).year == 2021
    # nothing but periods: no year rather than their end
    assert meta(cites + PLAIN_BODY).year != 2025
    # a saved page's title gives the year the text does not
    text = cites + PLAIN_BODY
    title = "北京市海淀区人民政府关于2022年法治政府建设情况的报告_北京市海淀区人民政府"
    assert extract_text(text, "page.html", page=Source(text, "html", page_title=title)).year == 2022


def test_the_year_of_an_opening_clause_not_of_a_comparison():
    # no title year; the opening's year comes after a purpose clause, a comparison names the year before
    m = meta(
        "为深入推进依法行政，加快建设法治政府，2023年文安驿镇在镇党委的坚强领导下，全面推进法治政府建设。"
        "全年矛盾纠纷数量较2022年下降13.2%。对照到2035年基本建成法治政府的目标，持续补短板。" + PLAIN_BODY
    )
    assert m.year == 2023


def test_a_town_reporting_as_party_committee_and_government():
    m = meta("2022年,感德镇党委、政府坚持以习近平新时代中国特色社会主义思想为指导,认真落实县委、县政府的部署。" + PLAIN_BODY)
    assert (m.region.name, m.region.level, m.region.county) == ("感德镇", "town", "安溪县")


def test_a_sumu_is_named_as_written():
    # the table writes 苏力德苏木乡; reports and the Ministry write 苏力德苏木
    m = meta("苏力德苏木2019年法治政府建设工作总结\n2019年,苏力德苏木党委坚持依法行政。" + PLAIN_BODY)
    assert (m.region.name, m.region.level, m.region.county) == ("苏力德苏木", "town", "乌审旗")


@pytest.mark.parametrize(
    "head, issuer",
    [
        # a title that puts the year first, in arabic or in Chinese numerals (○ typed for 〇)
        ("2019年洛阳市市场监督管理局法治政府建设年度报告\n洛阳市人民政府：\n2019年，局党组认真落实纲要。", "洛阳市市场监督管理局"),
        ("二○一九年度天津市西青区人民政府法治政府建设情况报告\n2019年，区政府坚持依法行政。", "天津市西青区人民政府"),
        # 关于 in front of the body, and a title with no year after the body
        ("关于三亚市人民政府2021年法治政府建设情况的报告\n2021年，市政府坚持依法行政。", "三亚市人民政府"),
        ("浏阳市公安局年度法治政府建设情况报告\n2022年，局党组坚持依法行政。", "浏阳市公安局"),
        # the opening's subject after a sentence on the year
        ("2019年是新中国成立70周年。国家税务总局广东省税务局以习近平新时代中国特色社会主义思想为指导，扎实推进依法行政。", "国家税务总局广东省税务局"),
        # a region's government is its 人民政府, and its name is written with the units the title puts in front
        ("2022年，大庆市政府坚持依法行政，推进法治政府建设。", "大庆市人民政府"),
        ("嘉兴市南湖区2024年法治政府建设工作情况报告\n2024年，南湖区坚持依法行政。", "嘉兴市南湖区人民政府"),
        ("安吉县天荒坪镇2017年法治政府建设工作报告\n2017年，我镇坚持依法行政。", "安吉县天荒坪镇人民政府"),
        # an opening that starts with what it follows names no subject
        ("屯昌县2020年度法治政府建设工作报告\n按照省委全面依法治省委员会办公室《关于做好2020年度法治政府建设情况报告工作的通知》要求，现将屯昌县2020年度法治政府建设工作情况报告如下。",
         "屯昌县人民政府"),
        # the page's source drafted or posted the government's report: its legal-affairs bureau, its office
        ("屯昌县2020年度法治政府建设工作报告\n2021年03月25日 来源：屯昌县司法局 阅读：9266\n2020年，屯昌县全年审查规范性文件12件。", "屯昌县人民政府"),
        ("任县2019年法治政府建设情况报告\n2020年02月10日 来源：任县人民政府办公室 阅读：321\n2019年，任县全年审查规范性文件12件。", "任县人民政府"),
        ("任县2019年法治政府建设情况报告\n2020年02月10日 来源：任县市场监督管理局 阅读：321\n2019年，任县全年审查规范性文件12件。", "任县市场监督管理局"),
        # a breadcrumb ending in 法治政府 (chrome) does not join the masthead to the title
        ("玉环市人民政府\n今天是：2019年01月07日 星期一\n首页 > 政府信息公开 > 重点领域信息公开 > 法治政府\n2016年玉环县法治政府建设情况报告\n2016年，玉环县全年审查行政规范性文件73件。",
         "玉环县人民政府"),
    ],
)
def test_issuer_as_titles_and_openings_write_it(head, issuer):
    assert meta(head + BODY).issuer == issuer


def test_a_date_in_chinese_numerals_with_a_circle_for_zero():
    assert meta("某县2020年法治政府建设情况报告\n2020年，县政府坚持依法行政。" + BODY + "某县人民政府\n二○二一年三月五日\n").published == date(2021, 3, 5)


def test_a_header_publication_date_comes_before_the_signature_date():
    text = ("某县2020年法治政府建设情况报告\n发布时间：2021-03-12 来源：某县人民政府\n2020年，县政府坚持依法行政。"
            + BODY + "某县人民政府\n2021年3月5日\n")
    assert meta(text).published == date(2021, 3, 12)
    assert meta(text.replace("发布时间", "成文日期")).published == date(2021, 3, 5)


def test_a_joint_subject_names_each_body_whole():
    text = "2022年，感德镇党委、政府坚持以习近平新时代中国特色社会主义思想为指导，推进法治建设。" + BODY
    assert meta(text).issuer == "感德镇党委、感德镇人民政府"

import pytest

from fazhi.extract.normalize import normalize
from fazhi.extract.segment import part_kind, segment, title_of


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("2024年度推进法治政府建设的主要举措和成效", "achievements"),
        ("2024年主要工作完成情况", "achievements"),
        ("主要举措和成效", "achievements"),
        ("主要工作举措及成效", "achievements"),
        ("2023年工作情况", "achievements"),
        ("取得的成效", "achievements"),
        ("下一步工作举措", "plans"),
        ("2025年工作重点", "plans"),
        ("2025年工作计划和预期成效", "plans"),
        ("存在的问题", "shortcomings"),
        ("2024年度推进法治政府建设存在的不足和原因", "shortcomings"),
        ("存在问题和不足", "shortcomings"),
        ("2025年度推进法治政府建设的主要安排", "plans"),
        ("2022年法治政府建设总体思路", "plans"),
        ("下一步工作打算", "plans"),
        ("2025年工作思路", "plans"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "duties"),
        ("2024年度党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设情况", "duties"),
    ],
)
def test_part_kind(heading, kind):
    assert part_kind(heading) == kind


@pytest.mark.parametrize(
    "text, heading",
    [
        ("加强组织保障,推动任务落地落实。切实强化", "加强组织保障,推动任务落地落实"),
        ("加强党对法治政府建设的领导,切实把习近平法治思想贯彻落实到法治政府建设全过程各领域各方面。", "加强党对法治政府建设的领导"),
        ("扎实做好示范创建活动,以创建促提升、以示范带发展,不断提升影响力。", "扎实做好示范创建活动"),
        ("深化“放管服”改革,持续优化营商环境。深化", "深化“放管服”改革,持续优化营商环境"),
        ("学习贯彻习近平法治思想。将", "学习贯彻习近平法治思想"),
    ],
)
def test_measure_heading(text, heading):
    start, end = title_of(text, 0, len(text), cut_long=True)
    assert text[start:end] == heading


def outline(text):
    return segment(text, normalize(text))


NUMBERED = """某区人民政府关于2023年法治政府建设情况的报告
2023年,某区坚持依法行政。
一、2023年推进法治政府建设的主要举措和成效
(一)加强党的领导,统筹推进法治政府建设
1.学习贯彻习近平法治思想。组织学习。
2.开展法治督察。完成督察3次。
(二)推进依法行政。一是规范决策程序。落实目录。二是加强规范性文件管理。审查5件。
(三)强化行政执法监督。全面推行行政执法三项制度。
二、存在的不足
(一)基层法治力量薄弱。一是人员不足。二是经费不足。
三、2024年工作安排
一是持续推进法治政府建设示范创建,以创建促提升、以示范带发展,不断提升影响力。二是深化行政复议体制改革。
某区人民政府
2024年1月20日
"""


def test_outline_of_a_numbered_report():
    o = outline(NUMBERED)
    assert [p.kind for p in o.parts] == ["achievements", "shortcomings", "plans"]
    assert [(m.heading, m.status, m.section_heading) for m in o.measures] == [
        ("学习贯彻习近平法治思想", "adopted", "加强党的领导,统筹推进法治政府建设"),
        ("开展法治督察", "adopted", "加强党的领导,统筹推进法治政府建设"),
        ("规范决策程序", "adopted", "推进依法行政"),
        ("加强规范性文件管理", "adopted", "推进依法行政"),
        ("强化行政执法监督", "adopted", "2023年推进法治政府建设的主要举措和成效"),
        ("持续推进法治政府建设示范创建", "planned", "2024年工作安排"),
        ("深化行政复议体制改革", "planned", "2024年工作安排"),
    ]
    assert o.title.text.startswith("某区人民政府关于2023年")
    assert [l.text for l in o.closing_lines] == ["某区人民政府", "2024年1月20日"]


def test_shortcomings_items_are_not_measures():
    o = outline(NUMBERED)
    shortcomings = o.parts[1]
    assert not [m for m in o.measures if shortcomings.start <= m.start < shortcomings.end]


def test_measure_text_runs_to_the_next_measure():
    o = outline(NUMBERED)
    first, second = o.measures[0], o.measures[1]
    assert first.end == second.start
    assert NUMBERED[first.start : first.end].startswith("1.学习贯彻")


@pytest.mark.parametrize(
    "text",
    [
        "唯一是指", "一是", "二是三是", "",
    ],
)
def test_lonely_or_unordered_clauses_are_not_measures(text):
    o = outline("一、主要举措和成效\n" + text + "\n")
    assert o.measures == ()


def test_full_width_enumerators():
    text = "一、主要举措和成效\n（一）推进依法行政。\n１．规范决策程序。落实目录。\n２．加强文件管理。审查。\n"
    o = outline(text)
    assert [m.heading for m in o.measures] == ["规范决策程序", "加强文件管理"]
    assert [m.enumerator for m in o.measures] == ["１．", "２．"]


RUN_IN = """某开发区管委会2019年度法治政府建设工作总结
2019年,开发区坚持以法治保障园区发展。现将全年工作总结如下:
一、夯实组织保障,落实法治建设责任。党工委会议会前学法9次。
二、深化“放管服”改革,优化营商环境。一是推行“园区管家”全程代办制。二是建立企业诉求“直通车”制度,全年协调解决企业融资等问题135个。
三、规范决策程序,提升依法决策水平。聘请常年法律顾问,合法性审查率达到100%。
四、存在的问题。执法力量不足。
"""


def test_a_run_in_part_heading_ends_at_its_full_stop():
    # the words of the part's text (…问题135个) do not make it a shortcomings part
    o = outline(RUN_IN)
    assert [p.heading for p in o.parts] == ["夯实组织保障,落实法治建设责任", "深化“放管服”改革,优化营商环境", "规范决策程序,提升依法决策水平", "存在的问题"]
    assert [p.kind for p in o.parts] == ["achievements", "achievements", "achievements", "shortcomings"]


def test_shortcomings_and_plans_without_headings_after_the_last_headed_part():
    text = (
        "某县2021年法治政府建设情况报告\n"
        "一、加强党的领导。县政府常务会议专题研究法治建设4次。\n"
        "二、启动八五普法。2021年，我县将法治宣传教育纳入年度考核。\n"
        "当然，我们也清醒地看到，全县法治政府建设还存在一些短板。一是执法全过程记录不规范。\n"
        "2022年，我县将以迎接党的二十大为主线，重点抓好以下工作：一是推进示范创建；二是深化八五普法。\n"
        "某县人民政府\n2022年2月25日\n"
    )
    o = outline(text)
    assert [p.kind for p in o.parts] == ["achievements", "achievements", "shortcomings", "plans"]
    # 将 of disposal (将…纳入考核) reports the year's work; only the later paragraphs open new parts
    assert "纳入年度考核" in text[o.parts[1].start : o.parts[1].end]
    assert text[o.parts[3].start :].startswith("2022年,我县将以") or text[o.parts[3].start :].startswith("2022年，我县将以")


def test_a_report_without_headings_has_its_shortcomings_and_plans_too():
    text = (
        "某市人民政府关于2017年度法治政府建设情况的报告\n"
        "2017年，市政府深入推进依法行政，全面推行行政执法公示制度。\n"
        "全年办理行政复议案件12件，推进“互联网+政务服务”建设。\n"
        "在肯定成绩的同时，我们也清醒认识到，全市法治政府建设还存在一些问题和不足：执法不够规范。\n"
        "2018年，市政府将以党的十九大精神为指引，加快“互联网+政务服务”建设。\n"
        "某市人民政府\n2018年2月8日\n"
    )
    assert [p.kind for p in outline(text).parts] == ["achievements", "shortcomings", "plans"]


def test_unnumbered_heading_lines_open_the_shortcomings_and_the_plans():
    text = (
        "某县人民政府关于2016年法治政府建设工作情况的报告\n"
        "2016年，县政府全面推行行政执法公示制度，启动实施七五普法规划。\n"
        "二〇一六年工作中存在的问题：\n"
        "一是部分乡镇法律顾问聘请工作推进较慢。\n"
        "2017年工作打算：\n"
        "一是积极推行行政执法全过程记录。二是全面推行政府法律顾问制度。\n"
        "某县人民政府\n2017年2月20日\n"
    )
    o = outline(text)
    assert [p.kind for p in o.parts] == ["achievements", "shortcomings", "plans"]
    assert text[o.parts[2].start :].startswith("2017年工作打算")
    # a heading of problems after the plans does not reopen the shortcomings
    assert [p.kind for p in outline(text + "需要协调解决的问题\n").parts][-1] == "plans"
    # the year in Chinese numerals, ○ typed for 〇
    circled = text.replace("2017年工作打算", "二○一七年工作打算")
    assert [p.kind for p in outline(circled).parts] == ["achievements", "shortcomings", "plans"]


def test_a_line_that_only_mentions_problems_is_not_a_heading():
    text = (
        "某县2019年法治政府建设情况报告\n"
        "2019年，县政府深入推进依法行政。\n"
        "全县共排查化解矛盾纠纷问题\n"
        "制定年度学法计划\n"
        "全年共受理行政复议案件12件。\n"
        "某县人民政府\n2020年2月1日\n"
    )
    assert [p.kind for p in outline(text).parts] == ["achievements"]


def test_a_title_is_one_run_of_lines_not_the_sites_name_above_the_breadcrumb():
    text = (
        "昆山市人民政府\n首页 > 政务公开 > 重点领域信息公开 > 法治政府建设\n"
        "昆山市人民政府关于2018年度依法行政工作情况的报告\n发布时间：2019-04-03\n"
        "2018年，我市坚持依法行政。\n一、主要举措\n推进依法行政。\n"
    )
    assert outline(text).title.text == "昆山市人民政府关于2018年度依法行政工作情况的报告"
    # a title above the page's chrome stays the title
    kept = "某县2018年法治政府建设工作情况\n首页 > 政务公开\n2018年，县政府坚持依法行政。\n一、主要举措\n推进依法行政。\n"
    assert outline(kept).title.text == "某县2018年法治政府建设工作情况"


def test_an_information_tables_fields_are_no_title():
    text = (
        "索 引 号：75148258-X/2021-02700\n发布机构：龙港市人民政府\n生成日期：2021-04-10\n主题分类：法治政府建设\n"
        "名　　称：龙港市人民政府关于2020年度法治政府建设工作情况的报告\n\n"
        "龙港市人民政府关于2020年度法治政府建设工作情况的报告\n\n2020年，我市坚持依法行政。\n一、主要举措\n推进依法行政。\n"
    )
    assert outline(text).title.text == "龙港市人民政府关于2020年度法治政府建设工作情况的报告"

"""Figures and bodies in short snippets, and their scores on the seeds."""

import pytest

from fazhi.extract.bodies import find_bodies
from fazhi.extract.figures import find_figures
from fazhi.extract.normalize import normalize
from fazhi.extract.records import Region
from fazhi.score_figures import score_figures


def figures(text):
    return [(f.value, f.unit, f.approx) for f in find_figures(text, normalize(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("受理48件,审结32件。", [(48, "件", False), (32, "件", False)]),
        ("败诉率16.13%。", [(16.13, "%", False)]),
        ("共开展规范性文件合法性审查20余件。", [(20, "件", True)]),
        ("提供法律咨询4000多次。", [(4000, "次", True)]),
        ("涉及金额约135.9万元。", [(135.9, "万元", True)]),
        ("点击阅读超170万次。", [(170, "万次", True)]),
        ("无纸化办案率达到90%以上。", [(90, "%", True)]),
        ("确保每人接受不少于60学时的培训。", [(60, "学时", True)]),
        ("确定十个项目为办实事项目。", [(10, "个", False)]),
        ("接待群众法律咨询38253人次。", [(38253, "人次", False)]),
        # not figures: years, dates, ordinals, titles, quoted names, enumerators, counts of systems
        ("2024年5月3日召开第四次会议。", []),
        ("印发《2024年工作要点(第2版)》。", []),
        ("增强“四个意识”、做到“两个维护”。", []),
        ("全面落实行政执法三项制度。", []),
        ("1.学习贯彻习近平法治思想。", []),
    ],
)
def test_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("区政府负责人出庭应诉率达到100%。", "行政机关负责人出庭应诉率"),
        ("共收到行政复议申请60件,依法受理52件。", "行政复议案件受理数"),
        ("窗口解答群众法律咨询1200人次。", "法律咨询人次"),
        ("开展“宪法进万家”普法活动80余场。", "普法活动次数"),
    ],
)
def test_indicators(text, indicator):
    assert find_figures(text, normalize(text))[-1].indicator == indicator


def test_figure_scores_on_seeds(seed_reports, gold):
    totals = {"found": 0, "gold": 0, "aligned": 0, "correct": 0, "indicator_agree": 0}
    for name, report in seed_reports.items():
        for key, value in score_figures(list(report.figures), gold[name]["metrics"], report.text).items():
            totals[key] += value
    assert totals["found"] / totals["gold"] >= 0.85
    assert totals["correct"] / totals["aligned"] >= 0.80


DISTRICT = Region(name="江宁区", full_name="江苏省南京市江宁区", level="district", province="江苏省", city="南京市")
TOWN = Region(name="永安镇", full_name="四川省成都市双流区永安镇", level="town", province="四川省", city="成都市", county="双流区")


def bodies(text, region=DISTRICT):
    return [(b.canonical, b.type) for b in find_bodies(text, normalize(text), region)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("联合区检察院开展监督。", [("江宁区人民检察院", "procuratorate")]),
        ("区司法局牵头,区法院参与。", [("江宁区司法局", "government_department"), ("江宁区人民法院", "court")]),
        ("邀请鼓楼区人民法院庭长授课。", [("鼓楼区人民法院", "court")]),
        ("聘请江苏天哲律师事务所担任法律顾问。", [("江苏天哲律师事务所", "law_firm")]),
        ("召开区委理论学习中心组学习会。", [("江宁区委理论学习中心组", "committee_or_group")]),
        ("南京市江宁区人民政府印发通知。", [("江宁区人民政府", "government_department")]),
        ("与安徽省马鞍山市博望区司法局签订协议。", [("博望区司法局", "government_department")]),
        ("提请召开守法普法协调小组会议。", [("江宁区守法普法协调小组", "committee_or_group")]),
        # class nouns, plurals and ideas are not bodies
        ("各司法所、派出所和律师事务所积极参与。", []),
        ("行政机关负责人出庭应诉。", []),
        ("全面建设法治政府。", []),
        ("区人大代表和区政协委员提出建议。", []),
    ],
)
def test_bodies_in_a_district(text, expected):
    assert bodies(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在县委、县政府的领导下。", []),  # 县 names no unit above a town in a district
        ("镇党委理论中心组开展学习。", [("永安镇党委理论学习中心组", "committee_or_group")]),
        ("司法所主动服务企业。", [("永安镇司法所", "government_department")]),
    ],
)
def test_bodies_in_a_town(text, expected):
    assert bodies(text, TOWN) == expected


def test_body_scores_on_seeds(seed_reports, gold):
    tp = fp = fn = 0
    for name, report in seed_reports.items():
        predicted = {b.canonical for b in report.bodies}
        expected = {b["canonical"] for b in gold[name]["bodies"]}
        tp, fp, fn = tp + len(predicted & expected), fp + len(predicted - expected), fn + len(expected - predicted)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.85

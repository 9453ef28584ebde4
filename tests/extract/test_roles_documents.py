"""Roles and cited documents in short snippets."""

import pytest

from fazhi.extract.citations import find_documents
from fazhi.extract.normalize import normalize
from fazhi.extract.regions import gazetteer

WRAP = "某区人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n(一)推进依法行政。一是甲项。{}二是乙项。完成。\n"


def roles_in(extract, sentence):
    return sorted({r.canonical for r in extract(WRAP.format(sentence)).roles})


@pytest.mark.parametrize(
    "sentence, roles",
    [
        ("充分发挥法律顾问作用。", ["法律顾问"]),
        ("履行区政府首席法律顾问职责。", ["首席法律顾问"]),
        ("选优配齐法治审核人员。", ["法制审核人员"]),
        ("组织综合执法人员培训。", ["行政执法人员"]),
        ("配备专职人民调解员5名。", ["人民调解员"]),
        ("引入“双语调解员”。", ["双语调解员"]),
        ("鼓励律师、公证员、基层法律服务工作者参与调解。", ["公证员", "基层法律服务工作者", "律师"]),
        ("党政主要负责同志带头述法。", ["党政主要负责人"]),
        ("聘请特邀行政执法监督员32名。", ["行政执法监督员"]),
        # near misses: a law firm is a body, not the role 律师; the system is a mechanism, not the role
        ("聘请辽宁泽隆律师事务所开展培训。", []),
        ("落实法律顾问制度。", []),
        # office titles and target groups are not roles
        ("区长带头学法,帮扶刑满释放人员。", []),
    ],
)
def test_roles(extract, sentence, roles):
    assert roles_in(extract, sentence) == roles


def titles(text):
    return [d.title for d in find_documents(text, normalize(text), gazetteer())]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("印发《某区法治政府建设实施方案(2021—2025年)》《某区2024年度工作计划》。", ["某区法治政府建设实施方案(2021—2025年)", "某区2024年度工作计划"]),
        ("对照《抚顺市贯彻落实<法治中国建设规划(2020一2025年)>工作举措和责任分工》。", ["抚顺市贯彻落实<法治中国建设规划(2020一2025年)>工作举措和责任分工"]),
        ("落实《某县贯彻落实〈云南省矛盾纠纷化解条例〉具体措施》。", ["某县贯彻落实〈云南省矛盾纠纷化解条例〉具体措施"]),
        ("学习《宪法》,再学《宪法》。", ["宪法"]),
        ("作《认真学习党章 严格遵守党章》专题党课。", ["认真学习党章 严格遵守党章"]),
        ("没有书名号的文件。", []),
    ],
)
def test_documents(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    "title, level",
    [
        ("中华人民共和国行政复议法", "national"),
        ("云南省矛盾纠纷多元化解条例", "province"),
        ("广州市行政规范性文件管理规定", "city"),
        ("南京市江宁区重大行政决策程序规定", "county"),
        ("关于加强法制审核队伍建设工作的指导意见", None),
    ],
)
def test_document_issuer_level(title, level):
    text = f"《{title}》"
    [doc] = find_documents(text, normalize(text), gazetteer())
    assert doc.issuer_level == level

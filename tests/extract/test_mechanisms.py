"""Vocabulary mechanisms in short snippets: names, aliases, variants, near misses, status."""

import re

import pytest

HEAD = "某区人民政府关于2024年法治政府建设情况的报告\n2024年,某区坚持依法行政。\n"


def report_with(achievements="", shortcomings="", plans=""):
    return (
        HEAD
        + "一、2024年推进法治政府建设的主要举措和成效\n(一)推进依法行政。一是甲项工作。"
        + achievements
        + "二是乙项工作。完成。\n二、存在的不足\n"
        + (shortcomings or "人员不足。")
        + "\n三、2025年工作安排\n一是丙项工作。"
        + plans
        + "二是丁项工作。完成。\n"
    )


def adoptions(report):
    return {a.concept: a.status for a in report.adoptions}


@pytest.mark.parametrize(
    "sentence, concept",
    [
        ("深化“府院联动”机制。", "府院联动"),
        ("坚持和发展新时代“枫桥经验”。", "枫桥经验"),
        ("推行“双随机、一公开”监管。", "双随机一公开"),
        ("推行双随机一公开监管。", "双随机一公开"),
        ("推进“互联网+” 监管执法。", "互联网+监管"),
        ("全面落实行政执法“三项制度”。", "行政执法三项制度"),
        ("落实普法责任制。", "谁执法谁普法"),
        ("编制重大行政决策事项目录。", "重大行政决策程序"),
        ("开展“一把手”公开述法。", "述法"),
        ("坚持“三调”联动。", "三调联动"),
        ("统筹人民调解、行政调解和司法调解。", "三调联动"),
        # constructions with free words inside (lexicons/mechanism_patterns.tsv)
        ("将法治政府建设纳入全区绩效考核。", "法治政府建设考核"),
        ("将法治建设成效纳入全县经济社会发展实绩考核体系。", "法治政府建设考核"),
        ("开展法治建设目标责任考核。", "法治政府建设考核"),
        ("推动市场监管执法与刑事司法衔接。", "行政执法与刑事司法衔接"),
        ("推进乡镇（街道）合法性审核全覆盖。", "乡镇（街道）合法性审核"),
    ],
)
def test_listed_mechanism_found(extract, sentence, concept):
    assert adoptions(extract(report_with(achievements=sentence))).get(concept) == "adopted"


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # 枫桥式工作法 is a kind of 枫桥经验, not the same concept
        ("入选全国“枫桥式工作法”先进典型。", "枫桥经验"),
        # a legality review of contracts is not the review of normative documents
        ("出具政府合同合法性审查意见39件次。", "规范性文件合法性审查"),
        # a single part of 三项制度 does not make the whole
        ("落实行政执法公示制度。", "行政执法三项制度"),
        # a construction does not run over a clause: the 考核 is another thing's
        ("将法治建设纳入议事日程,完善干部考核。", "法治政府建设考核"),
        # equipment is no institution
        ("加强执法记录仪等执法装备配备。", "执法全过程记录制度"),
        # a study session of the theory group is no law study unless it says so
        ("开展党组理论学习中心组学习、系列党课。", "理论学习中心组学法"),
    ],
)
def test_near_misses(extract, sentence, absent):
    assert absent not in adoptions(extract(report_with(achievements=sentence)))


def test_all_three_parts_together_name_the_whole(extract):
    sentence = "严格落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。"
    found = adoptions(extract(report_with(plans=sentence)))
    assert found["行政执法三项制度"] == "planned"
    assert found["执法全过程记录制度"] == "planned"


@pytest.mark.parametrize(
    "where, status",
    [
        ({"achievements": "深化“府院联动”。"}, "adopted"),
        ({"plans": "深化“府院联动”。"}, "planned"),
        ({"shortcomings": "“府院联动”机制不够健全。"}, "problem"),
        ({"shortcomings": "“府院联动”机制不够健全。", "plans": "深化“府院联动”。"}, "planned"),
        ({"achievements": "深化“府院联动”。", "plans": "深化“府院联动”。"}, "adopted"),
    ],
)
def test_strongest_status_wins(extract, where, status):
    assert adoptions(extract(report_with(**where)))["府院联动"] == status


def test_mention_evidence_and_measure(extract):
    text = report_with(achievements="深化“府院联动”机制。")
    report = extract(text)
    [mention] = [m for m in report.mentions if m.concept == "府院联动"]
    assert text[mention.surface.start : mention.surface.end] == mention.surface.text
    assert "府院联动" in mention.surface.text
    assert mention.sentence.text == "深化“府院联动”机制。"
    assert report.measures[mention.measure].heading == "甲项工作"


def test_evidence_keeps_full_width_forms(extract):
    text = report_with(achievements="推行“双随机、一公开”监管，成效明显。")
    report = extract(text)
    [mention] = [m for m in report.mentions if m.concept == "双随机一公开"]
    assert mention.sentence.text == "推行“双随机、一公开”监管，成效明显。"


def test_construction_rows_name_vocabulary_concepts():
    from fazhi.extract.components.mechanisms import mechanism_patterns
    from fazhi.ontology import mechanism_concepts

    known = {c.key for c in mechanism_concepts()}
    rows = mechanism_patterns()
    assert rows and {concept for concept, _ in rows} <= known


def test_construction_rows_match_their_examples():
    from fazhi.extract.lexicon import read_tsv

    for row in read_tsv("mechanism_patterns.tsv"):
        assert re.search(row["pattern"], row["example"]), row


def test_a_full_name_is_one_adoption_not_a_listed_one_and_a_candidate(extract):
    report = extract(report_with(achievements="严格执行“三重一大”集体决策制度。"))
    assert set(adoptions(report)) == {"三重一大"}

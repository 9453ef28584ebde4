"""Mechanisms no list names: rules, with the near misses the gold's notes list."""

import pytest

WRAP = "某区人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n(一)推进依法行政。一是甲项。{}二是乙项。完成。\n"


def unlisted(extract, sentence):
    report = extract(WRAP.format(sentence))
    return {m.concept for m in report.mentions if not m.listed}


def found(extract, sentence):
    """Names of the mechanisms found: a candidate's name, or the surface of a listed concept's match."""
    report = extract(WRAP.format(sentence))
    return {m.concept if not m.listed else m.surface.text.strip("“”") for m in report.mentions}


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("创新建立协同约访工作机制。", "协同约访"),
        ("联合区纪委监委推动建立问题线索移送机制。", "问题线索移送"),
        ("推行“四员”工作法。", "四员工作法"),
        ("持续推进商事制度改革。", "商事制度改革"),
        ("积极探索边界调解模式。", "边界调解"),
        ("严格落实持证上岗管理制度。", "持证上岗"),
        ("坚持做到“亮证执法”。", "亮证执法"),
        ("打造“一所一调解法”工作品牌。", "一所一调解法"),
        ("建立健全行政执法案例指导制度。", "行政执法案例指导"),
        # region names in front of a name are not part of it
        ("出台《南京市江宁区营商环境监督联动工作机制》。", "营商环境监督联动"),
    ],
)
def test_unlisted_mechanism_found(extract, sentence, name):
    # some of these are listed since the vocabulary grew (商事制度改革, 持证上岗): found either way
    assert any(name in f for f in found(extract, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "健全工作机制。",  # generic head
        "完善协调联动机制。",
        "健全体制机制。",
        "深化行政执法体制改革。",  # a generic reform area
        "落实矛盾纠纷排查机制。",
        "建立政务数据共享协调机制。",
        "完善部门间协调联动机制。",
        "落实安全生产治本攻坚三年行动推进工作机制。",  # a campaign
        "优化利企便企“三项机制”。",  # an unnamed bundle
        "实施2+3+N实体化运行模式。",  # a code whose content is not stated
        "打造“一站一会”涉外法治平台。",  # a platform
        "组建“1+8”企业法治服务团队。",  # a team
        "开展“法律十进”普法活动。",  # a campaign
        "以信用监管为基础的新型监管机制。",  # listed (信用监管), nothing new
        "落实刑满释放人员“必接必送”制度。",  # listed, with a scope in front
    ],
)
def test_near_misses_are_not_mechanisms(extract, sentence):
    assert unlisted(extract, sentence) == set()


def test_sub_parts_fold_into_the_listed_regime(extract):
    report = extract(WRAP.format("健全重大行政决策跟踪反馈机制。"))
    assert "重大行政决策程序" in {a.concept for a in report.adoptions}
    assert not [m for m in report.mentions if not m.listed]


def test_negative_labels_block_candidates(extract):
    from fazhi.ontology import scheme_negative_labels

    assert "协调联动机制" in scheme_negative_labels()


@pytest.mark.parametrize(
    "sentence",
    [
        # fragments the rules used to make on unseen reports: no head, a verb or 新 before the head,
        # a head that is the start of a longer word, generic areas only
        "坚持运用法治思维和法治方式深化改革。",
        "探索依法治镇新模式。",
        "完善镇干部学法和培训制度。",
        "健全依法行政学习宣传制度。",
        "安排部署信访工作法治化建设。",
        # a team or a body named in quotes is not a method
        "建立“律师+调解员”联合调解工作室。",
    ],
)
def test_fragments_are_not_candidates(extract, sentence):
    assert unlisted(extract, sentence) == set()


@pytest.mark.parametrize(
    "sentence, surface",
    [
        # a body in front is not part of the name; the listed name stands
        ("落实交通运输局法治建设第一责任人制度。", "法治建设第一责任人制度"),
        ("经过两轮县机构改革,职能进一步理顺。", "机构改革"),
        # a cue word inside a quoted name does not cut it
        ("深化“县乡村三级联调”工作机制。", "“县乡村三级联调”工作机制"),
        # a quoted name in front makes the name specific, even with + in it
        ("建立“网格员+人民调解员”矛盾纠纷排查机制。", "“网格员+人民调解员”矛盾纠纷排查机制"),
    ],
)
def test_whole_names(extract, sentence, surface):
    report = extract(WRAP.format(sentence))
    assert surface in {m.surface.text for m in report.mentions}

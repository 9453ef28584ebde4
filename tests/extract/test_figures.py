"""Figures: numbers with units and normalised indicators, in snippets and on the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from fazhi.extract.figures import find_figures, indicator_lexicon
from fazhi.extract.normalize import normalize
from fazhi.extract.records import Figure, Span
from fazhi.score_figures import audit_figures, audit_rates, figure_rates, load_audit, score_figures

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds-gold.json"


def figures(text: str) -> list[Figure]:
    return find_figures(text, normalize(text))


def values(text: str) -> list[tuple]:
    return [(f.value, f.unit, f.approx) for f in figures(text)]


# --- numbers, units, approximation -------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("受理48件,审结32件。", [(48, "件", False), (32, "件", False)]),
        ("败诉率16.13%。", [(16.13, "%", False)]),
        ("接待群众法律咨询38253人次。", [(38253, "人次", False)]),
        ("审查合同8件次。", [(8, "件次", False)]),
        ("开展分层级专业培训16批次。", [(16, "批次", False)]),
        ("发放宣传资料30,000份。", [(30000, "份", False)]),
        ("提高5.2个百分点。", [(5.2, "个百分点", False)]),
        ("办理时限压缩至3个工作日。", [(3, "个工作日", False)]),
        ("行政强制0件。", [(0, "件", False)]),
        # Chinese numerals
        ("确定十个项目为办实事项目。", [(10, "个", False)]),
        ("一百二十人参加培训。", [(120, "人", False)]),
        ("二十余家单位参加。", [(20, "家", True)]),
        ("百分之九十以上的案件当庭调解。", [(90, "%", True)]),
        ("三万人次参与。", [(3, "万人次", False)]),
        # 万 and 亿 stay in the unit
        ("涉及金额约135.9万元。", [(135.9, "万元", True)]),
        ("点击阅读超170万次。", [(170, "万次", True)]),
        ("查出问题金额2.6亿元。", [(2.6, "亿元", False)]),
        ("挽回损失10万余元。", [(10, "万元", True)]),
        # approximate: 余 多 约 近 超 以上 不少于
        ("共开展规范性文件合法性审查20余件。", [(20, "件", True)]),
        ("提供法律咨询4000多次。", [(4000, "次", True)]),
        ("开展安全教育近50场次。", [(50, "场次", True)]),
        ("无纸化办案率达到90%以上。", [(90, "%", True)]),
        ("确保每人接受不少于60学时的培训。", [(60, "学时", True)]),
        ("覆盖群众逾2000人。", [(2000, "人", True)]),
    ],
)
def test_values_units_and_approximation(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024年5月3日召开会议。",  # dates
        "2020年来,近三年。",  # years
        "召开第四次全体会议,位列第2名。",  # ordinals
        "(一)加强领导。1.完善制度。2.严格执法。",  # enumerators
        "一是加强领导,二是完善制度。",  # 一是
        "推动“一规划两纲要”落实,实施一规划两清单。",  # numerals inside names
        "印发《2024年工作要点(第2版)》和《十四五规划》。",  # titles
        "增强“四个意识”、做到“两个维护”。",  # quoted slogans
        "全面落实行政执法三项制度,建立10项机制。",  # counts of systems
        "构建“1+3+5+N”工作体系,推行1310工作法,组建1+8团队。",  # formulas and codes
        "推行“1310”工作法。",
        "参考率、通过率和优秀率首次达到3个100%。",  # a slogan, not two figures
        "实现3个100%目标。",
        "数十家企业参加,百人千场活动。",  # vague numerals
        "“3.15”国际消费者权益日、“12.4”国家宪法日。",  # dates in quotes
        "拨打12345热线。",
    ],
)
def test_not_figures(text):
    assert values(text) == []


# --- indicators --------------------------------------------------------------------
# Names are composed: OBJECT + ACTION + MEASURE for counts, DOMAIN + RATE for rates (see the
# header of lexicons/indicators.tsv). The snippets are written for these tests.

@pytest.mark.parametrize(
    "text, expected",
    [
        # administrative reconsideration and litigation
        ("全年新收行政复议案件215件,审结198件,其中撤销12件、变更3件、确认违法5件,纠错率10.1%。",
         ["行政复议案件受理数", "行政复议案件办结数", "行政复议案件撤销数", "行政复议案件变更数",
          "行政复议案件确认违法数", "行政复议纠错率"]),
        ("全市各级行政机关负责人出庭应诉356件次,出庭率98.6%。", ["行政机关负责人出庭应诉数", "行政机关负责人出庭应诉率"]),
        ("一审行政案件败诉27件,败诉率较上年下降3.2个百分点。", ["行政诉讼案件败诉数", "行政诉讼败诉率降幅"]),
        ("2023年共受理行政复议申请120件,同比下降15%。", ["行政复议案件受理数", "行政复议案件受理数降幅"]),
        # normative documents: a kind word (文件) stands for the document named before it
        ("市政府办公室审核规范性文件38件,备案审查44件,纠正不规范文件2件。",
         ["规范性文件审查数", "规范性文件备案数", "规范性文件纠错数"]),
        ("清理涉及营商环境的规范性文件156件,废止21件。", ["规范性文件清理数", "规范性文件废止数"]),
        # enforcement
        ("全县组织执法人员培训12期,培训1600余人次。", ["培训次数", "培训人次"]),  # any training
        ("举办依法行政专题培训班3期。", ["法治培训次数"]),
        ("查处各类违法行为230起。", ["违法行为查处数"]),
        ("双随机抽查市场主体860家。", ["企业检查数"]),
        ("全区行政执法主体56个,梳理行政执法事项2300项。", ["行政执法主体数", "行政执法事项数"]),
        ("培训行政执法人员2300人次,执法证持证率达100%。", ["行政执法人员培训人次", "行政执法人员持证率"]),
        ("开展执法检查1200余次。", ["行政检查次数"]),
        ("行政处罚案件1256件,罚没款3200万元。", ["行政处罚案件数", "罚没款金额"]),
        ("全市1200名领导干部参加年度学法考试,参考率100%,合格率99.5%。",
         ["学法考试参加人数", "学法考试参考率", "学法考试合格率"]),
        # disputes, petitions, legal services
        ("各级人民调解组织调解纠纷8700余件,调解成功率99.2%。", ["矛盾纠纷调解数", "矛盾纠纷调解成功率"]),
        # 调处 is taking a dispute on, 调处成功 resolving it: two quantities, two names
        ("全年调处纠纷320件,调处成功315件。", ["矛盾纠纷调解数", "矛盾纠纷化解数"]),
        ("受理信访事项326件,按期办结率100%。", ["信访事项受理数", "信访办结率"]),
        ("12345热线受理群众诉求15.6万件,办结率99.7%。", ["热线诉求受理数", "热线诉求办结率"]),
        ("为群众办理法律援助案件1320件,挽回经济损失2300余万元。", ["法律援助案件数", "经济损失挽回金额"]),
        ("共有社区矫正对象320名。", ["社区矫正对象人数"]),
        # legal education
        ("举办法治讲座46场。", ["法治讲座次数"]),
        ("累计发放宣传册8万余册。", ["宣传资料发放数"]),
        # government services and transparency
        ("全年取消证明事项18项。", ["证明事项取消数"]),
        ("主动公开政府信息1.2万条,办理依申请公开申请86件。", ["政府信息公开数", "政府信息公开申请数"]),
        # entities, and entities that did something
        ("全区有律师事务所12家、执业律师156名。", ["律师事务所数", "律师人数"]),
        ("全镇9个部门聘请常年法律顾问。", ["法律顾问聘请单位数"]),
        # the noun after one unit is not the next figure's (…3个镇(街道)和40个村(社区))
        ("向12家单位、3个镇(街道)和40个村(社区)送法。", ["单位数", "乡镇(街道)数", "村(社区)数"]),
        ("16名部门主要负责同志进行述法。", ["行政机关负责人述法人数"]),
        # a share of the figure before
        ("受理政务服务事项300件,占比75%。", ["政务服务事项受理数", "政务服务事项受理占比"]),
        # a rate the text names and no row knows keeps the text's name, with no borrowed domain
        ("办理行政强制2件,电子送达率达到95%。", ["行政强制数", "电子送达率"]),
    ],
)
def test_indicators(text, expected):
    assert [f.indicator for f in figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "2名同志获评全国先进个人。",  # nobody says what is counted
        "共受理案件12件。",  # a kind word with nothing to stand for
        "组建应急救援队伍34支。",
        "三个乡镇共2560户农户参保。",  # the noun after the unit is what is counted, and it is not ours
        "今年共有11个主体申报检查计划。",  # the object of another verb is not what is counted
        "行政确认32项。",  # a clause that names something we do not know does not borrow a name
    ],
)
def test_unknown_quantities_keep_no_indicator(text):
    assert [f.indicator for f in figures(text)] == [None] * len(figures(text))
    assert figures(text)


@pytest.mark.parametrize(
    "first, second",
    [
        # the same quantity phrased two ways gets the same name
        ("受理行政复议案件48件。", "行政复议案件受理48件。"),
        ("全年新收行政复议申请48件。", "行政复议案件受理48件。"),
        ("开展普法活动120场。", "举办普法宣传活动120次。"),
        ("办理法律援助案件300件。", "法律援助案件300件。"),
        ("审结行政诉讼案件20件。", "行政诉讼案件办结20件。"),
        ("成功调处矛盾纠纷500件。", "化解各类纠纷500件。"),
        ("全年办理人民调解案件90起。", "调解纠纷90起。"),
        ("行政诉讼败诉率为5%。", "受理行政诉讼案件20件,败诉率5%。"),
        ("行政机关负责人出庭应诉率100%。", "行政诉讼案件出庭应诉率达100%。"),
        ("审查合同120份。", "合同审查120份。"),
        ("培训执法人员300人次。", "执法人员培训300人次。"),
    ],
)
def test_the_same_quantity_gets_the_same_name(first, second):
    a, b = figures(first)[-1].indicator, figures(second)[-1].indicator
    assert a is not None and a == b


def test_the_noun_right_before_the_number_is_what_is_counted():
    # 110 glued to 纠纷类警情 is a hotline's name: the figure counts police calls, not disputes
    text = "录入平台矛盾纠纷2000个,其中,110纠纷类警情1500个。"
    found = figures(text)
    assert [f.value for f in found] == [2000, 1500]
    assert found[0].indicator == "矛盾纠纷数"
    assert found[1].indicator == "警情数"


@pytest.mark.parametrize(
    "text",
    ["拨打12345热线。", "110接处警平台", "12348法律服务热线接听来电", "12345纠纷类工单"],
)
def test_hotline_numbers_are_not_figures(text):
    assert figures(text) == []


# --- spans -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, surfaces, numbers",
    [
        ("2024年以来,共收到行政复议案件申请97件,受理48件。", ["共收到行政复议案件申请97件", "受理48件"], ["97", "48"]),
        ("2024年共接待法律咨询100余人次。", ["共接待法律咨询100余人次"], ["100"]),  # the year is not in the surface
        ("12个部门聘请法律顾问。", ["12个部门聘请法律顾问"], ["12"]),  # the counted noun after a classifier
        ("涉及金额约135.9万元。", ["涉及金额约135.9万元"], ["135.9"]),
        ("确定十个项目。", ["确定十个项目"], ["十"]),
        ("8个司法所中,2个规范化司法所、1个五星级司法所。", ["8个司法所中", "2个规范化司法所", "1个五星级司法所"], ["8", "2", "1"]),
        # full-width text: offsets found in the normalised text are offsets in the text as written
        ("受理４８件，审结３２件，化解率１００％。", ["受理４８件", "审结３２件", "化解率１００％"], ["４８", "３２", "１００"]),
    ],
)
def test_spans_are_verbatim(text, surfaces, numbers):
    found = figures(text)
    assert [f.surface.text for f in found] == surfaces
    assert [f.number.text for f in found] == numbers
    for f in found:
        assert text[f.surface.start : f.surface.end] == f.surface.text
        assert f.surface.start <= f.number.start < f.number.end <= f.surface.end


def test_figures_are_sorted_and_do_not_overlap():
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    found = figures(text)
    assert found == sorted(found, key=lambda f: f.surface.start)
    assert all(a.surface.end <= b.surface.start for a, b in zip(found, found[1:]))


# --- the lexicon -------------------------------------------------------------------

def test_lexicon_tables_are_well_formed():
    lex = indicator_lexicon()
    assert len(lex.objects) > 40 and len(lex.actions) > 30
    kinds = {o.kind for o in lex.objects}
    for unit, (measure, counted) in lex.units.items():
        assert measure, unit
        assert set(counted) <= kinds, unit
    for obj in lex.objects:
        assert obj.generic or obj.name, obj.pattern.pattern
        assert not obj.pattern.match(""), f"{obj.name}: a pattern that matches nothing"
    for action, pattern in lex.actions:
        assert not pattern.match(""), action
    assert {"link", "share", "increase", "decrease", "subset", "filler", "topic"} <= set(lex.words)


def test_lexicon_is_loaded_once():
    assert indicator_lexicon() is indicator_lexicon()


def test_objects_are_things_not_indicators():
    # an object row names what is counted; measures, rates and shares are added when a name is composed
    for obj in indicator_lexicon().objects:
        if not obj.generic:
            assert not re.search(r"(?:数|率|人次|次数|金额|占比|增幅|降幅)$", obj.name), obj.name


# --- any text ----------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "受理", "48", "件", "余", "多", "约", "近", "超", "以上", "不少于", "%", "％", "万", "亿", "元", "人次",
        "十", "一百二十", "两", "个", "3个100%", "第", "《", "》", "“", "”", "1+3+5+N", "2024年", "。", ",", "、",
        "，", "\n", "#", "(", ")", "占比", "同比增长", "较去年提升", "率", "行政复议", "百分之", "30,000", ".", "１２",
    ]
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_gives_spans_inside_the_text(text):
    found = find_figures(text, normalize(text))
    for f in found:
        for span in (f.surface, f.number):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert f.value >= 0 and f.unit
    assert [f.number.start for f in found] == sorted(f.number.start for f in found)


# --- scoring -----------------------------------------------------------------------

def _figure(text: str, surface: str, value: float, unit: str, indicator=None) -> Figure:
    start = text.index(surface)
    span = Span(start, start + len(surface), surface)
    return Figure(surface=span, number=span, value=value, unit=unit, indicator=indicator)


def test_score_counts_only_figures_that_meet_the_gold():
    text = "受理48件,审结32件,另有其他10项。"
    gold = [
        {"indicator": "行政复议案件受理数", "value": 48, "unit": "件", "surface": "受理48件"},
        {"indicator": "行政复议案件审结数", "value": 32, "unit": "件", "surface": "审结32件"},
    ]
    predicted = [
        _figure(text, "受理48件", 48, "件", "行政复议案件受理数"),
        _figure(text, "审结32件", 23, "件"),  # wrong value on a gold surface: counts against precision
        _figure(text, "其他10项", 10, "项"),  # not on a gold surface: not scored
    ]
    counts = score_figures(predicted, gold, text)
    assert counts == {"found": 1, "gold": 2, "aligned": 2, "correct": 1, "indicator_agree": 1}
    assert figure_rates(counts) == {"recall": 0.5, "precision": 0.5, "indicator_agreement": 1.0}


def _seed_counts() -> dict[str, dict]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    counts = {}
    for doc in gold:
        text = (SEEDS / doc["file"]).read_text(encoding="utf-8")
        counts[doc["file"]] = score_figures(find_figures(text, normalize(text)), doc["metrics"], text)
    return counts


@pytest.fixture(scope="module")
def seed_counts():
    return _seed_counts()


def _total(counts: dict[str, dict]) -> dict:
    keys = ("found", "gold", "aligned", "correct", "indicator_agree")
    return {k: sum(c[k] for c in counts.values()) for k in keys}


def test_seed_recall_and_precision(seed_counts):
    rates = figure_rates(_total(seed_counts))
    assert rates["recall"] >= 0.85, rates
    assert rates["precision"] >= 0.80, rates


@pytest.mark.parametrize("index", range(5))
def test_each_seed_reaches_the_targets(seed_counts, index):
    name = sorted(seed_counts)[index]
    rates = figure_rates(seed_counts[name])
    assert rates["recall"] >= 0.85 and rates["precision"] >= 0.80, (name, rates)


def test_audit_judges_every_figure_it_can_match():
    text = "受理48件,审结32件,另有其他10项。"
    found = [
        _figure(text, "受理48件", 48, "件", "行政复议案件受理数"),
        _figure(text, "审结32件", 32, "件", "行政复议案件办结数"),
        _figure(text, "其他10项", 10, "项"),
    ]
    entries = [
        # a slightly different surface still matches: same value, unit, overlapping text
        {"file": "a.txt", "surface": "48件", "value": 48, "unit": "件", "indicator": "行政复议案件受理数",
         "correct": True, "indicator_ok": True},
        # judged on another indicator: right as a figure, its indicator not judged
        {"file": "a.txt", "surface": "审结32件", "value": 32, "unit": "件", "indicator": "行政复议案件审结数",
         "correct": True, "indicator_ok": True},
    ]
    counts = audit_figures(found, entries, text)
    assert counts == {
        "extracted": 3, "without_indicator": 1, "audited": 2, "correct": 2, "indicator_audited": 1, "indicator_ok": 1,
    }
    rates = audit_rates(counts)
    assert rates["unaudited"] == 1 and rates["audited_precision"] == 1.0 and rates["audited_indicator_precision"] == 1.0


AUDIT = ROOT / "eval" / "seeds-figures-audit.json"


@pytest.mark.skipif(not AUDIT.exists(), reason="no figure audit")
def test_the_audit_covers_every_seed_figure():
    audit = load_audit(AUDIT)
    totals = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for key, value in audit_figures(figures(text), audit.get(path.name, []), text).items():
            totals[key] = totals.get(key, 0) + value
    rates = audit_rates(totals)
    assert rates["unaudited"] == 0, f"figures the audit has not judged: add them to {AUDIT.name} ({rates})"
    assert rates["audited_precision"] >= 0.95, rates
    # a regression guard, not a target: the audit found 186 of 209 indicators right (0.89)
    assert rates["audited_indicator_precision"] >= 0.85, rates

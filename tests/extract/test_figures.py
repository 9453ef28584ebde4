"""Figures: numbers with units and normalised indicators, in snippets and on the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from fazhi.extract.figures import figure_rates, find_figures, indicator_rows, score_figures
from fazhi.extract.normalize import normalize
from fazhi.extract.records import Figure, Span

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

@pytest.mark.parametrize(
    "text, expected",
    [
        # reconsideration and litigation: the clause says what, the sentence says where
        (
            "共收到行政复议案件申请97件,受理48件,审结32件。",
            ["行政复议申请数", "行政复议案件受理数", "行政复议案件审结数"],
        ),
        (
            "行政复议案件受理30件。法院共收到行政起诉状54件,审结31件,败诉率16.13%。",
            ["行政复议案件受理数", "行政诉讼收案数", "行政诉讼案件审结数", "行政诉讼败诉率"],
        ),
        ("全年新收行政复议案件86件,其中调解和解12件,直接纠错9件,纠错率11.4%。",
         ["行政复议案件受理数", "行政复议调解和解数", "行政复议直接纠错数", "行政复议直接纠错率"]),
        ("行政机关负责人出庭应诉62件次,出庭应诉率100%。", ["行政机关负责人出庭应诉次数", "行政机关负责人出庭应诉率"]),
        ("共办理行政复议、应诉案件530件。", ["行政复议和应诉案件办理数"]),
        # the scope of the previous sentence helps only where the sentence itself says nothing
        ("各单位带头参加执法证考试。全区共295人参加考试,通过率88.14%。", ["执法资格考试参考人数", "执法资格考试通过率"]),
        ("加强行政复议工作。全年受理行政复议案件56件。加强人民调解,全年受理矛盾纠纷1200件。",
         ["行政复议案件受理数", "矛盾纠纷受理数"]),
        ("全年受理行政复议案件56件,受理矛盾纠纷1200件。", ["行政复议案件受理数", "矛盾纠纷受理数"]),
        ("办理人大代表建议215件、政协提案186件,办结率100%。", ["人大代表建议办理数", "政协委员提案办理数", "建议提案办结率"]),
        # change and share of another figure, or of a quantity the clause names
        ("办理行政复议案件368件,同比增长120%。", ["行政复议案件办理数", "行政复议案件数同比增长"]),
        ("梳理网办政务服务事项472项,占比96.52%。", ["网办政务服务事项数", "网办政务服务事项占比"]),
        ("告知承诺制办理事项较去年提升20.76%。", ["告知承诺制办理事项同比提升"]),
        # a rate the text names, when no row knows it
        ("无纸化办案率达到90%以上。", ["无纸化办案率"]),
        # enforcement
        ("全区共295人参加执法资格考试,260人通过考试,通过率88.14%。",
         ["执法资格考试参考人数", "执法资格考试通过人数", "执法资格考试通过率"]),
        ("组织1500余名国家工作人员参加学法考试,参考率100%。", ["学法考试参考人数", "学法考试参考率"]),
        ("经培训考试合格为602名执法人员办理执法证件。", ["执法证件办理数"]),
        ("评查行政执法案卷206本,合格率95%。", ["行政执法案卷评查数", "行政执法案卷合格率"]),
        # disputes and legal services
        ("全年排查矛盾纠纷1912件、化解1046件,调解成功率98%。", ["矛盾纠纷排查数", "矛盾纠纷化解数", "人民调解成功率"]),
        ("成功化解行政争议88宗。", ["行政争议化解数"]),
        ("引入21名“双语调解员”。", ["双语调解员数"]),
        ("接待群众法律咨询38253人次,办理法律援助案件1268件。", ["法律咨询人次", "法律援助案件数"]),
        ("12个部门聘请法律顾问。", ["聘请法律顾问部门数"]),
        # normative documents
        ("清理规范性文件132件,废止12件,修改8件。", ["规范性文件清理数", "规范性文件清理废止数", "规范性文件清理修改数"]),
        ("审查规范性文件46件。", ["规范性文件合法性审查数"]),
        ("经审查制发区政府规范性文件2件。", ["规范性文件制发数"]),
        # legal education
        ("开展“法律十进”普法活动250余场,受众群众达15万人次。", ["普法活动场次", "普法受众人次"]),
        ("发放法治宣传品30000余份。", ["法治宣传品发放数"]),
        # unknown quantities keep no indicator rather than a made-up one
        ("社区有志愿者队伍34支。", [None]),
        ("2024年1月至12月,共受理案件12件。", [None]),
    ],
)
def test_indicators(text, expected):
    assert [f.indicator for f in figures(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "开展交通领域专项整治,查处违规行为800件。", "交通领域查处违规行为数",
            marks=pytest.mark.xfail(strict=True, reason="a one-off campaign count; no general row names it"),
        ),
        pytest.param(
            "为各部门提请区政府审议事项出具法律意见347件次。", "法律顾问出具法律意见数(区政府审议事项)",
            marks=pytest.mark.xfail(strict=True, reason="the gold splits one indicator by what was reviewed"),
        ),
    ],
)
def test_indicators_left_to_the_reader(text, expected):
    assert figures(text)[-1].indicator == expected


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

def test_lexicon_rows_are_well_formed():
    rows = indicator_rows()
    assert len(rows) > 50
    for row in rows:
        assert row.units, row.name
        placeholders = set(re.findall(r"\{(\w+)\}", row.name)) - {"prev"}
        assert placeholders <= set(row.cue.groupindex), f"{row.name}: placeholders without a named group"
        assert "(?P<" not in row.name


def test_lexicon_is_loaded_once():
    assert indicator_rows() is indicator_rows()


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


def test_seed_indicator_agreement(seed_counts):
    # not a gate in the brief; kept well below the current level to catch regressions only
    assert figure_rates(_total(seed_counts))["indicator_agreement"] >= 0.80


def test_the_noun_right_before_the_number_is_what_is_counted():
    from fazhi.extract.figures import find_figures

    text = "录入平台矛盾纠纷6589个,其中,110纠纷类警情5187个。"
    by_value = {f.value: f.indicator for f in find_figures(text, text)}
    assert by_value[5187.0] == "警情数" and by_value[6589.0] != "警情数"

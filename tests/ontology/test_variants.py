"""The generated variants of a label (``fazhi.ontology.variants``), case by case."""

from __future__ import annotations

import pytest

from fazhi.ontology.variants import variants


@pytest.mark.parametrize(
    "label, expected",
    [
        # enumerations of kinds of one thing: any order, 、 or a connector before the last, suffix kept
        ("人民调解、行政调解、司法调解联动", {"司法调解、人民调解和行政调解联动", "行政调解、司法调解及人民调解联动", "人民调解、司法调解、行政调解联动"}),
        ("人民调解、行政调解、司法调解", {"人民调解、司法调解、行政调解", "司法调解、行政调解与人民调解", "行政调解、人民调解和司法调解"}),
        ("行业性、专业性人民调解", {"专业性、行业性人民调解", "行业性和专业性人民调解"}),
        # two- or three-character items may share a single character
        ("自治、法治、德治相结合", {"法治、德治、自治相结合", "自治、法治和德治相结合", "德治、自治及法治相结合"}),
        # a label written with 和 is the same enumeration
        ("公职律师和公司律师", {"公司律师、公职律师", "公司律师和公职律师", "公职律师及公司律师"}),
        ("河长制、湖长制", {"湖长制、河长制", "河长制和湖长制", "湖长制和河长制"}),
        # alternatives in brackets
        ("民主法治示范村（社区）", {"民主法治示范村", "民主法治示范社区"}),
        ("乡镇（街道）综合行政执法", {"乡镇综合行政执法", "街道综合行政执法"}),
        ("法治县（市、区）创建", {"法治县创建", "法治市创建", "法治区创建", "创建法治县"}),
        # level prefixes dropped, and each kind of demonstration unit
        ("全国法治政府建设示范区", {"法治政府建设示范区", "法治政府建设示范市", "法治政府建设示范县", "法治政府建设示范地区", "法治政府建设示范项目"}),
        ("全国民主法治示范村（社区）", {"民主法治示范村", "民主法治示范社区"}),
        # 创建 and 示范 forms
        ("法治政府建设示范创建", {"创建法治政府建设示范区", "争创法治政府建设示范区", "法治政府建设示范区创建", "争创法治政府建设示范", "创建法治政府建设示范市", "法治政府建设示范市创建"}),
        ("民主法治示范村（社区）创建", {"民主法治示范社区创建", "创建民主法治示范村", "争创民主法治示范社区"}),
        ("创建法治政府建设示范区", {"法治政府建设示范区创建", "争创法治政府建设示范区", "法治政府建设示范创建"}),
        # head words: dropped when the stem is specific …
        ("行政裁量权基准制度", {"行政裁量权基准"}),
        ("社会心理服务体系", {"社会心理服务"}),
        ("行政执法监督工作", {"行政执法监督"}),
        # … added to a label that names an arrangement
        ("诉调对接", {"诉调对接机制", "诉调对接制度", "诉调对接工作"}),
        ("行政复议听证", {"行政复议听证制度", "行政复议听证机制"}),
        ("村（居）法律顾问", {"村法律顾问", "村法律顾问制度"}),
        ("安全生产责任制", {"安全生产责任制度"}),
        ("首问负责制", {"首问负责制度"}),
        # reversals: the action before its object, or after it
        ("矛盾纠纷排查化解", {"排查化解矛盾纠纷"}),
        ("行政争议实质性化解", {"实质性化解行政争议"}),
        ("矛盾纠纷多元化解", {"多元化解矛盾纠纷"}),
        ("规范性文件清理", {"清理规范性文件"}),
        ("政府信息主动公开", {"主动公开政府信息"}),
        ("行政复议决定书网上公开", {"网上公开行政复议决定书"}),
        ("清理拖欠企业账款", {"拖欠企业账款清理"}),
        ("民法典学习宣传", {"学习宣传民法典"}),
        ("宪法学习宣传", {"学习宣传宪法"}),
        ("双随机一公开", set()),  # 双随机一 is no object
        # a duty named by its holder, as a 责任 or a 制度
        ("法治建设第一责任人职责", {"法治建设第一责任人责任", "推进法治建设第一责任人", "法治建设第一责任人制度"}),
        ("第一责任人职责", {"第一责任人责任", "第一责任人制度"}),
    ],
)
def test_variants_made(label, expected):
    made = variants(label)
    assert expected <= made, expected - made
    assert label not in made


@pytest.mark.parametrize(
    "label, never",
    [
        ("政府法律顾问制度", {"政府法律顾问"}),  # the stem names a role
        ("法律援助值班律师制度", {"法律援助值班律师"}),  # a person
        ("特邀行政执法监督员制度", {"特邀行政执法监督员"}),  # a person
        ("法治政府建设年度报告制度", {"法治政府建设年度报告"}),  # a document every report calls itself
        ("诉源治理机制", {"诉源治理"}),  # too short to stand alone once stripped
        ("应急管理体系", {"应急管理"}),
        ("行政执法协调监督工作体系", {"行政执法协调监督工作", "行政执法协调监督"}),  # one head at a time
        ("依申请公开", {"公开依申请"}),  # the whole verb is 依申请公开, its object is missing
        ("政务公开", {"公开政务"}),  # object too short to move
        ("信用修复", {"修复信用"}),
        ("规范性文件动态清理", {"清理规范性文件动态"}),  # 动态 qualifies the verb
        ("矛盾纠纷多元预防调处化解", {"调处化解矛盾纠纷多元预防"}),
        ("行政复议决定书向社会公开", {"公开行政复议决定书向社会"}),
        ("化解行政争议的主渠道", {"行政争议的主渠道化解"}),  # 主渠道 is the head, not the object
        ("示范创建", {"创建示范", "争创示范"}),  # nothing to create
        ("全省通办", {"通办"}),  # a level word that is the name itself
    ],
)
def test_variants_not_made(label, never):
    assert not (never & variants(label))


@pytest.mark.parametrize(
    "label",
    [
        "有件必备、有备必审、有错必纠",  # a set phrase keeps its order
        "统一登记、统一编号、统一印发",
        "双随机、一公开",
        "党政同责、一岗双责",
        "村规民约和居民公约",  # different things joined by 和: no reordering
        "守信联合激励和失信联合惩戒",
        "行政执法与刑事司法衔接",
        "行政复议调解和解",  # 和解 is a word, not a connector
        "公众参与、专家论证、风险评估、合法性审查、集体讨论决定",  # five steps: too many to reorder
    ],
)
def test_set_phrases_keep_their_order(label):
    plain = _skeleton(label)
    for made in variants(label):
        reordered = sorted(_skeleton(made)) == sorted(plain) and _skeleton(made) != plain
        assert not reordered, f"{label} reordered as {made}"


def _skeleton(text: str) -> str:
    """What the matcher compares, and the connectors too: 公职律师和公司律师 → 公职律师公司律师."""
    return "".join(c for c in text if c not in "“”‘’、和及与")


@pytest.mark.parametrize("label", ["“双随机、一公开”", "“首违不罚”", "“三调”联动", "人民调解、行政调解、司法调解", "“谁执法谁普法”"])
def test_no_variant_differs_only_by_quotes_or_commas(label):
    """The matcher ignores quote marks and 、: such a variant would add nothing."""
    plain = "".join(c for c in label if c not in "“”‘’、")
    for made in variants(label):
        assert "".join(c for c in made if c not in "“”‘’、") != plain, made


def test_variants_are_pure():
    assert variants("人民调解、行政调解、司法调解联动") == variants("人民调解、行政调解、司法调解联动")
    assert all(len(v) >= 4 for v in variants("诉调对接"))

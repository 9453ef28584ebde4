"""The national mechanism vocabulary: size, categories, sources, labels, and the hidden labels."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

import fazhi.ontology as onto
from fazhi.ontology import concept_iri, vocab

# The starting list of 61 concepts: kept under these names, with their aliases, categories and broader concepts.
STARTING_LIST = """
枫桥经验 枫桥式工作法 府院联动 行政争议实质性化解 三调联动 矛盾纠纷多元化解 诉源治理 庭所联动 四所一庭
行政复议体制改革 行政机关负责人出庭应诉 双语调解 行政执法三项制度 行政执法公示制度 执法全过程记录制度
重大执法决定法制审核制度 双随机一公开 包容审慎监管 柔性执法 行政执法案卷评查 行政裁量权基准
行政执法质量三年行动 综合行政执法 互联网+监管 信用监管 双公示 放管服改革 证照分离 多证合一 告知承诺制
一网通办 最多跑一次 不见面审批 高效办成一件事 一业一证 一站式服务 综合窗口 首问负责制 首接负责制 首办责任制
互联网+政务服务 权责清单 政府法律顾问制度 重大行政决策程序 规范性文件合法性审查 规范性文件备案审查
法治建设第一责任人职责 述法 法治督察 法治政府建设示范创建 谁执法谁普法 八五普法 七五普法 法治为民办实事
法治副校长 公共法律服务体系 必接必送 接诉即办 网格化管理 政务公开 政务诚信
""".split()

STARTING_CATEGORIES = {"矛盾纠纷化解", "行政执法", "数字法治政府", "政府职能", "行政决策", "依法行政制度", "组织领导", "法治宣传", "权力监督"}
NEW_CATEGORIES = {"学法用法", "法治社会", "营商环境", "突发事件应对", "公共法律服务"}


def rows():
    return vocab.read_rows(vocab.package_file("mechanisms.tsv"))


def test_at_least_300_concepts_each_with_category_gloss_and_source():
    data = rows()
    assert len(data) >= 300
    assert all(r["category"].strip() and r["gloss_en"].strip() and r["source"].strip() for r in data)
    assert len(onto.mechanism_concepts()) == len(data)


def test_the_starting_list_is_kept_under_its_names():
    assert len(STARTING_LIST) == len(set(STARTING_LIST)) == 61
    by_key = {r["canonical"]: r for r in rows()}
    assert set(STARTING_LIST) <= set(by_key)
    assert {by_key[name]["category"] for name in STARTING_LIST} <= STARTING_CATEGORIES


def test_a_small_set_of_chapter_categories():
    used = {r["category"] for r in rows()}
    assert STARTING_CATEGORIES <= used
    assert used - STARTING_CATEGORIES <= NEW_CATEGORIES


def test_every_broader_concept_is_listed_and_there_are_no_cycles():
    by_key = {r["canonical"]: r for r in rows()}
    for key, row in by_key.items():
        seen = {key}
        while row["broader"]:
            assert row["broader"] in by_key, (key, row["broader"])
            assert row["broader"] not in seen, f"cycle through {key}"
            seen.add(row["broader"])
            row = by_key[row["broader"]]


def test_every_concept_cites_its_national_document():
    g = onto.vocabulary_graph()
    for row in rows():
        source = g.value(concept_iri(row["canonical"]), DCTERMS.source)
        assert source is not None and (source, RDF.type, DCTERMS.BibliographicResource) in g
        assert g.value(source, RDFS.label) == Literal(row["source"], lang="zh")
    concepts = {c.key: c for c in onto.mechanism_concepts()}
    assert concepts["行政执法公示制度"].source == "关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见"
    assert concepts["八五普法"].source == "关于开展法治宣传教育的第八个五年规划（2021—2025年）"


def test_one_title_per_document():
    """The same document is not cited under two spellings (e.g. 2021-2025 and 2021—2025)."""
    titles = {r["source"] for r in rows()}
    normal = {t.replace("-", "—").replace("－", "—").replace("“", "").replace("”", "") for t in titles}
    assert len(normal) == len(titles)


def test_no_label_names_two_concepts():
    owner = {}
    for concept in onto.mechanism_concepts():
        for label in (concept.pref_label, *concept.alt_labels, *concept.hidden_labels):
            assert owner.setdefault(label, concept.key) == concept.key, label


def test_no_two_concepts_look_the_same_to_the_matcher():
    """The matcher ignores quote marks and 、: two labels of different concepts must differ otherwise."""
    owner = {}
    for concept in onto.mechanism_concepts():
        for label in (concept.pref_label, *concept.alt_labels, *concept.hidden_labels):
            assert owner.setdefault(vocab._skeleton(label), concept.key) == concept.key, label


def test_hidden_labels_are_generated_not_shown():
    g = onto.vocabulary_graph()
    hidden = list(g.subject_objects(SKOS.hiddenLabel))
    assert len(hidden) > 1000
    for concept, label in hidden:
        assert (concept, SKOS.prefLabel, label) not in g and (concept, SKOS.altLabel, label) not in g


def test_a_negative_label_contains_a_label_and_is_none():
    for concept in onto.mechanism_concepts():
        labels = (concept.pref_label, *concept.alt_labels)
        for negative in concept.negative_labels:
            assert any(vocab._skeleton(label) in vocab._skeleton(negative) for label in labels), negative
            assert negative not in concept.hidden_labels


def test_hidden_labels_of_concepts():
    concepts = {c.key: c for c in onto.mechanism_concepts()}
    assert "司法调解、人民调解和行政调解联动" in concepts["三调联动"].hidden_labels
    assert "法治政府建设示范市" in concepts["法治政府建设示范创建"].hidden_labels
    assert "第一责任人责任" in concepts["法治建设第一责任人职责"].hidden_labels
    assert "排查化解矛盾纠纷" in concepts["矛盾纠纷排查化解"].hidden_labels
    assert "政府法律顾问" not in concepts["政府法律顾问制度"].hidden_labels


@pytest.mark.parametrize(
    "tsv_rows, key, kept, dropped",
    [
        # a variant another concept generates too names neither
        (["甲乙丙丁对接\t\tC\t\tx\tD", "甲乙丙丁（戊己）对接机制\t\tC\t\tx\tD"], "甲乙丙丁对接", {"甲乙丙丁对接工作"}, {"甲乙丙丁对接机制"}),
        # a variant that is another concept's label is dropped
        (["戊己庚辛对接\t\tC\t\tx\tD", "戊己庚辛对接制度\t\tC\t\tx\tD"], "戊己庚辛对接", {"戊己庚辛对接机制"}, {"戊己庚辛对接制度"}),
        # a variant that is a negative label is dropped
        (["子丑寅卯对接\t\tC\t\tx\tD\t子丑寅卯对接工作"], "子丑寅卯对接", {"子丑寅卯对接机制"}, {"子丑寅卯对接工作"}),
        # of variants that differ only by 、, one is kept
        (["壬癸、甲乙公开\t壬癸甲乙公开\tC\t\tx\tD"], "壬癸、甲乙公开", {"壬癸、甲乙公开制度"}, {"壬癸甲乙公开制度"}),
    ],
)
def test_hidden_labels_that_name_one_concept(tsv_rows, key, kept, dropped):
    header = "canonical\taliases\tcategory\tbroader\tgloss_en\tsource\tnegative\n"
    text = header + "\n".join(r if r.count("\t") == 6 else r + "\t" for r in tsv_rows) + "\n"
    hidden = vocab.hidden_labels(vocab.read_rows(text))
    assert kept <= set(hidden[key])
    assert not dropped & set(hidden[key])


def test_the_lexicon_matches_hidden_labels_and_prefers_longer_labels():
    """A hidden label is matched, but never wins over a longer preferred or alternative label."""
    import spacy

    from fazhi.extract.lexicon import MechanismLexicon, TermMatcher

    a = SimpleNamespace(key="A", pref_label="政府信息主动公开", alt_labels=(), negative_labels=(), narrower=(), hidden_labels=())
    b = SimpleNamespace(key="B", pref_label="公开", alt_labels=(), negative_labels=(), narrower=(), hidden_labels=("主动公开工作",))
    lexicon = MechanismLexicon.from_concepts([a, b])
    assert ("B", "主动公开工作") in {(e.concept, e.label) for e in lexicon.entries}
    terms: dict[str, list[str]] = {}
    for entry in lexicon.entries:
        terms.setdefault(entry.concept, []).append(entry.label)
    nlp = spacy.blank("zh")
    matcher = TermMatcher(nlp, terms)
    text = "推进政府信息主动公开工作，做好主动公开工作。"
    found = [(text[s:e], k) for s, e, k in matcher.find(nlp(text))]
    assert found == [("政府信息主动公开", "A"), ("主动公开工作", "B")]


def test_variants_match_in_text(extract):
    wrap = "某县人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n(一)甲。{}\n"
    report = extract(wrap.format("全面推进司法调解、人民调解和行政调解联动,开展民主法治示范社区创建。"))
    assert {"三调联动", "民主法治示范村（社区）创建"} <= {a.concept for a in report.adoptions}
    report = extract(wrap.format("持续排查化解矛盾纠纷,争创全国法治政府建设示范市,落实第一责任人责任。"))
    assert {"矛盾纠纷排查化解", "法治政府建设示范创建", "法治建设第一责任人职责"} <= {a.concept for a in report.adoptions}


def test_a_label_does_not_match_across_an_enumeration_comma(extract):
    wrap = "某县人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n(一)甲。{}\n"
    report = extract(wrap.format("组织律师、调解员参与接访。"))
    assert "律师调解" not in {a.concept for a in report.adoptions}
    report = extract(wrap.format("推行“双随机、一公开”监管。"))
    assert "双随机一公开" in {a.concept for a in report.adoptions}


def test_a_listed_mechanism_with_two_sources_is_invalid():
    from rdflib import Graph, URIRef

    from fazhi.ontology import FZ, validate

    g = Graph()
    m = URIRef("https://w3id.org/fazhi/vocab/mechanism/测试")
    g.add((m, RDF.type, FZ.Mechanism))
    g.add((m, SKOS.prefLabel, Literal("测试", lang="zh")))
    g.add((m, SKOS.inScheme, URIRef("https://w3id.org/fazhi/vocab/mechanisms")))
    for title in ("甲", "乙"):
        s = URIRef(f"https://w3id.org/fazhi/vocab/source/{title}")
        g.add((s, RDF.type, DCTERMS.BibliographicResource))
        g.add((m, DCTERMS.source, s))
    result = validate(g)
    assert not result.conforms
    assert any("dcterms:source" in message or "national document" in message for message in result.messages)

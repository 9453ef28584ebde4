"""The national mechanism vocabulary: size, sources, labels, and the generated variants."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

import fazhi.ontology as onto
from fazhi.ontology import concept_iri, vocab
from fazhi.ontology.variants import variants


def rows():
    return vocab.read_rows(vocab.package_file("mechanisms.tsv"))


def test_at_least_300_concepts_each_with_category_gloss_and_source():
    data = rows()
    assert len(data) >= 300
    assert all(r["category"].strip() and r["gloss_en"].strip() and r["source"].strip() for r in data)


def test_the_starting_list_is_kept_under_its_names():
    from pathlib import Path

    reference = Path(__file__).resolve().parents[2] / "eval" / "reference-mechanisms.tsv"
    names = {line.split("\t")[0] for line in reference.read_text(encoding="utf-8").splitlines()[1:] if line.strip()}
    assert len(names) == 61 and names <= {r["canonical"] for r in rows()}


def test_every_concept_cites_its_national_document():
    g = onto.vocabulary_graph()
    for row in rows():
        sources = set(g.objects(concept_iri(row["canonical"]), DCTERMS.source))
        titles = [t.strip() for t in row["source"].split("|")]
        assert len(sources) == len(titles) >= 1, row["canonical"]
        for source in sources:
            assert (source, RDF.type, DCTERMS.BibliographicResource) in g
        assert {g.value(s, RDFS.label) for s in sources} == {Literal(t, lang="zh") for t in titles}
    # a concept several national documents set up cites each of them, one resource apiece
    concept = next(c for c in onto.mechanism_concepts() if c.key == "三同时制度")
    assert concept.sources == ("中华人民共和国安全生产法", "中华人民共和国环境保护法")


def test_no_label_names_two_concepts():
    owner = {}
    for concept in onto.mechanism_concepts():
        for label in (concept.pref_label, *concept.alt_labels, *concept.hidden_labels):
            assert owner.setdefault(label, concept.key) == concept.key, label


def test_hidden_labels_are_generated_not_shown():
    g = onto.vocabulary_graph()
    hidden = list(g.subject_objects(SKOS.hiddenLabel))
    assert hidden
    for concept, label in hidden:
        assert (concept, SKOS.prefLabel, label) not in g and (concept, SKOS.altLabel, label) not in g


@pytest.mark.parametrize(
    "label, expected",
    [
        # enumerations of kinds of one thing, any order, 、 or a connector before the last
        ("人民调解、行政调解、司法调解联动", {"司法调解、人民调解和行政调解联动", "行政调解、司法调解及人民调解联动"}),
        ("人民调解、行政调解、司法调解", {"人民调解、司法调解、行政调解", "司法调解、行政调解与人民调解"}),
        # alternatives in brackets
        ("民主法治示范村（社区）", {"民主法治示范村", "民主法治示范社区"}),
        ("乡镇（街道）综合行政执法", {"乡镇综合行政执法", "街道综合行政执法"}),
        # and the joint short forms of towns and sub-districts
        ("乡镇（街道）综合执法", {"镇街综合执法", "街镇综合执法", "街乡综合执法", "乡镇街道综合执法"}),
        ("法治县（市、区）创建", {"法治县创建", "法治市创建", "法治区创建"}),
        # the pastoral regions' village
        ("民主法治示范村（社区）", {"民主法治示范嘎查村", "民主法治示范嘎查"}),
        ("村（居）法律顾问", {"嘎查法律顾问", "嘎查村法律顾问"}),
        ("乡镇（街道）综合行政执法", {"苏木综合行政执法"}),
        # level prefixes and demonstration units
        ("全国法治政府建设示范区", {"法治政府建设示范区", "法治政府建设示范市", "法治政府建设示范县", "法治政府建设示范地区", "法治政府建设示范旗"}),
        # 创建 forms
        ("法治政府建设示范创建", {"创建法治政府建设示范区", "争创法治政府建设示范区"}),
        # head words dropped when the stem is specific
        ("行政裁量权基准制度", {"行政裁量权基准"}),
    ],
)
def test_variants(label, expected):
    assert expected <= variants(label)


@pytest.mark.parametrize(
    "label",
    [
        "政府法律顾问制度",  # the stem names a role
        "法治政府建设年度报告制度",  # the stem names a document every report calls itself
        "首问负责制",  # short
        "行政执法监督制度",  # the stem names an activity
    ],
)
def test_variants_that_must_not_be_made(label):
    made = variants(label)
    assert "政府法律顾问" not in made and "法治政府建设年度报告" not in made
    assert "行政执法监督" not in made  # an activity (加强行政执法监督), not the system
    if "、" in label:
        assert not made


@pytest.mark.parametrize(
    "label", ["有件必备、有备必审、有错必纠", "公众参与、专家论证、风险评估、合法性审查、集体讨论决定"]
)
def test_a_set_phrase_or_a_long_list_keeps_its_order(label):
    """It may join its last item with 和/及/与, as reports write it, but is never reordered."""
    items = label.split("、")
    assert variants(label) == {"、".join(items[:-1]) + connector + items[-1] for connector in "和及与"}



def test_variants_match_in_text(extract):
    wrap = "某县人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n(一)甲。{}\n"
    report = extract(wrap.format("全面推进司法调解、人民调解和行政调解联动,开展民主法治示范社区创建。"))
    assert {"三调联动", "民主法治示范村（社区）创建"} <= {a.concept for a in report.adoptions}


def test_a_label_does_not_match_across_an_enumeration_comma(extract):
    wrap = "某县人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n(一)甲。{}\n"
    report = extract(wrap.format("组织律师、调解员参与接访。"))
    assert "律师调解" not in {a.concept for a in report.adoptions}
    report = extract(wrap.format("推行“双随机、一公开”监管。"))
    assert "双随机一公开" in {a.concept for a in report.adoptions}

"""The pipeline as spaCy sees it: ``nlp(text)`` is the extractor; one module per component;
the opening paragraph's status; the linking stage."""

from __future__ import annotations

import pytest

from fazhi.extract.pipeline import PIPE_NAMES, build_nlp, process


def test_nlp_call_equals_process(seed_files, nlp):
    text = seed_files[1].read_text(encoding="utf-8")
    by_call, by_process = nlp(text), process(text, nlp)
    assert by_call._.original == text
    assert by_call._.metadata == by_process._.metadata
    assert by_call._.mentions == by_process._.mentions
    assert by_call._.bodies == by_process._.bodies and by_call._.figures == by_process._.figures


def test_traditional_text_through_nlp_keeps_the_original(nlp):
    doc = nlp("推行「雙隨機、一公開」監管。")
    assert doc._.original == "推行「雙隨機、一公開」監管。"
    assert [m.concept for m in doc._.mentions] == ["双随机一公开"]


def test_each_component_is_its_own_module():
    nlp = build_nlp()
    assert tuple(nlp.pipe_names) == PIPE_NAMES
    modules = {type(component).__module__ for _, component in nlp.pipeline}
    assert len(modules) == len(PIPE_NAMES)
    assert all(m.startswith("fazhi.extract.components.") for m in modules)


OPENING = """某某区人民政府关于2024年法治政府建设情况的报告
2024年,我区{sentence}
一、2024年法治政府建设主要举措和成效
(一)加强组织领导。区政府常务会议专题研究法治政府建设工作。
二、存在的不足
法治宣传覆盖面仍需拓展。
三、2025年工作安排
继续深化法治政府建设。
"""


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("全面推行“双随机、一公开”监管,监管工作荣获省级表彰。", "adopted"),
        ("坚持和发展新时代“枫桥经验”,矛盾纠纷化解率达98%。", "adopted"),
        ("下一步将全面推行“双随机、一公开”监管。", "planned"),
        ("“双随机、一公开”监管覆盖面仍然存在短板。", "problem"),
    ],
)
def test_the_opening_paragraph_is_part_of_the_achievements(extract, sentence, status):
    report = extract(OPENING.format(sentence=sentence))
    opening = [m for m in report.mentions if m.part_kind == "opening"]
    assert opening and {m.status for m in opening} == {status}
    assert {a.status for a in report.adoptions if a.mentions and report.mentions[a.mentions[0]].part_kind == "opening"} == {status}


def test_the_title_is_not_the_opening(extract):
    report = extract("“双随机、一公开”监管工作报告\n" + OPENING.format(sentence="依法行政。").split("\n", 1)[1])
    assert not [m for m in report.mentions if m.part_kind == "opening"]


def test_linking_places_every_entity(seed_reports):
    report = seed_reports["000_d1a4c8b9dac7cebb.txt"]
    records = [*report.bodies, *report.roles, *report.documents, *report.figures]
    assert records
    for record in records:
        sentence = record.sentence
        assert sentence is not None and sentence.start <= record.surface.start < sentence.end
        assert report.text[sentence.start : sentence.end] == sentence.text
        anchor = record.number.start if hasattr(record, "number") else record.surface.start
        measure = report.measure_at(anchor)
        assert record.measure == (measure.index if measure else None)
    cited = [d for d in report.documents if d.measures]
    assert cited and all(d.measure is None or d.measure in d.measures for d in cited)


@pytest.mark.parametrize(
    "text",
    ["", " ", "甲 乙", "甲  乙", "甲\n\n乙 ", "\u3000\u3000甲。 \n 乙", "a b  c\t\td", "末尾 ", "  开头", "甲 \u3000乙"],
)
def test_character_tokens_are_spacys(text):
    """The linear-time segmentation gives the tokens of spaCy's own zh character segmenter."""
    import spacy

    from fazhi.extract.pipeline import char_words_and_spaces

    ours = char_words_and_spaces(text)
    doc = spacy.blank("zh").tokenizer(text)
    assert ours == ([t.text for t in doc], [bool(t.whitespace_) for t in doc])


def test_character_tokens_of_the_seeds_are_spacys(seed_files):
    import spacy

    from fazhi.extract.pipeline import char_words_and_spaces
    from fazhi.extract.normalize import normalize

    tokenizer = spacy.blank("zh").tokenizer
    for path in seed_files:
        text = normalize(path.read_text(encoding="utf-8"))
        doc = tokenizer(text)
        assert char_words_and_spaces(text) == ([t.text for t in doc], [bool(t.whitespace_) for t in doc])

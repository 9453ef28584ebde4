"""Any real report file: encodings, web pages, Word, PDF, traditional characters, bad input."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from fazhi.errors import EncodingError, InputError
from fazhi.extract import extract_report
from fazhi.extract.reading import decode, read_source

sys.path.insert(0, str(Path(__file__).parents[1]))
import formats  # noqa: E402

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
PICKED = [SEEDS[0], SEEDS[2], SEEDS[4]]  # a signed government report, a 司法局 report, a town's


def essence(report):
    """What must not depend on the file format."""
    return (
        report.region,
        report.year,
        report.issuer,
        tuple((m.heading, m.status, m.section_heading) for m in report.measures),
        tuple((a.concept, a.status) for a in report.adoptions),
        tuple(sorted({b.canonical for b in report.bodies})),
        tuple(d.title for d in report.documents),
        tuple(sorted({r.canonical for r in report.roles})),
    )


def write_gbk(text, path):
    path.write_bytes(text.encode("gb18030"))


def write_utf8_bom(text, path):
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))


def write_utf16(text, path):
    path.write_bytes(text.encode("utf-16"))


def write_html(text, path):
    path.write_text(formats.as_html(text), encoding="utf-8")


def write_html_gbk(text, path):
    path.write_bytes(formats.as_html(text, charset="gbk").encode("gb18030"))


WRITERS = {
    "gbk.txt": write_gbk,
    "bom.txt": write_utf8_bom,
    "utf16.txt": write_utf16,
    "page.html": write_html,
    "page-gbk.html": write_html_gbk,
    "word.docx": formats.write_docx,
    "print.pdf": formats.write_pdf,
}


@pytest.mark.parametrize("seed", PICKED, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_format_gives_the_same_report(seed, name, tmp_path, seed_reports, nlp):
    path = tmp_path / name
    WRITERS[name](seed.read_text(encoding="utf-8"), path)
    report = extract_report(path, nlp=nlp)
    assert essence(report) == essence(seed_reports[seed.name])


def test_web_page_metadata(tmp_path, nlp):
    text = SEEDS[2].read_text(encoding="utf-8")  # no signature, no date
    path = tmp_path / "page.html"
    path.write_text(formats.as_html(text, published="2025-02-11"), encoding="utf-8")
    page = read_source(path)
    assert page.format == "html" and page.page_published == "2025-02-11" and page.page_source == "区司法局"
    assert "首页" not in page.text and "ICP备案号" not in page.text and "分享到" not in page.text
    report = extract_report(path, nlp=nlp)
    assert report.published.isoformat() == "2025-02-11"
    assert report.source_format == "html"


def test_web_page_fields_with_full_width_colons(tmp_path):
    """Chinese sites write 发布时间：… and 来源：… with full-width colons (and brackets in names)."""
    text = SEEDS[2].read_text(encoding="utf-8")
    page_html = formats.as_html(text, published="2025-02-11").replace("发布时间:", "发布时间：").replace("来源:区司法局", "来源：（区）司法局")
    path = tmp_path / "page.html"
    path.write_text(page_html, encoding="utf-8")
    page = read_source(path)
    assert page.page_published == "2025-02-11" and page.page_source == "（区）司法局"


def test_a_pages_publication_date_is_its_发布日期_not_the_date_the_document_was_written(tmp_path):
    """Information tables list 成文日期 (when it was written) before 发布日期 (when it was published)."""
    text = SEEDS[2].read_text(encoding="utf-8")
    page_html = formats.as_html(text, published=None).replace("来源:区司法局", "成文日期：2025-01-20 发布日期：2025-02-11 来源：区司法局")
    path = tmp_path / "page.html"
    path.write_text(page_html, encoding="utf-8")
    assert read_source(path).page_published == "2025-02-11"


def test_an_impossible_page_date_is_no_date(tmp_path, nlp):
    """发布时间：2024-13-45 on a page is read as no date, not a crash: the report is built without it."""
    text = SEEDS[2].read_text(encoding="utf-8")
    page_html = formats.as_html(text, published=None).replace("来源:区司法局", "发布时间：2024-13-45 来源：区司法局")
    path = tmp_path / "page.html"
    path.write_text(page_html, encoding="utf-8")
    assert read_source(path).page_published is None
    assert extract_report(path, nlp=nlp).published is None


def test_pdf_lines_are_not_joined_to_a_full_width_section_heading():
    from fazhi.extract.reading import _join_pdf_lines

    text = "全年共受理行政复议申请案件四十八件并依法作出决定\n（二）推进严格规范公正文明执法\n全面推行行政执法三项制度"
    assert _join_pdf_lines(text).split("\n")[:2] == ["全年共受理行政复议申请案件四十八件并依法作出决定", "（二）推进严格规范公正文明执法"]


def test_traditional_characters_match_and_keep_their_evidence(tmp_path, nlp, seed_reports):
    import opencc

    simplified = SEEDS[4].read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(simplified)
    path = tmp_path / "traditional.txt"
    path.write_text(traditional, encoding="utf-8")
    report = extract_report(path, nlp=nlp)
    expected = seed_reports[SEEDS[4].name]
    assert {(a.concept, a.status) for a in report.adoptions} == {(a.concept, a.status) for a in expected.adoptions}
    for mention in report.mentions:
        assert traditional[mention.surface.start : mention.surface.end] == mention.surface.text
    assert any("聯動" in m.surface.text or "機制" in m.surface.text for m in report.mentions)


def _huge(path):
    with open(path, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    return path


BAD = [
    ("empty.txt", lambda p: p.write_bytes(b""), "the file is empty"),
    ("blank.txt", lambda p: p.write_bytes(b"  \n\n "), "the file is empty"),
    ("binary.txt", lambda p: p.write_bytes(bytes(range(256)) * 20), "binary data"),
    ("news.txt", lambda p: p.write_text("本报讯 今天上午,市民在公园举行健步走活动,现场气氛热烈。\n", encoding="utf-8"), "not a rule-of-law report"),
    ("huge.txt", _huge, "too large"),
    ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50), "not a readable Word"),
    ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n%garbage\n"), "PDF"),
    ("scan.pdf", formats.write_scanned_pdf, "no text layer"),
    ("page.html", lambda p: p.write_text("<html><body><div class='nav'>首页</div></body></html>", encoding="utf-8"), "report"),
]


@pytest.mark.parametrize("name, make, message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_gets_a_clear_message(name, make, message, tmp_path, nlp):
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError) as info:
        extract_report(path, nlp=nlp)
    text = str(info.value)
    assert str(path) in text and message in text and "\n" not in text


def test_truncated_report_is_extracted_as_partial_and_strict_refuses_it(tmp_path, nlp):
    full = SEEDS[3].read_text(encoding="utf-8")
    path = tmp_path / "truncated.txt"
    path.write_text(full[:1500], encoding="utf-8")
    report = extract_report(path, nlp=nlp)
    whole = extract_report(SEEDS[3], nlp=nlp)
    assert not report.complete and whole.complete
    assert report.region == whole.region and report.year == whole.year
    assert report.adoptions and {a.concept for a in report.adoptions} <= {a.concept for a in whole.adoptions}
    with pytest.raises(InputError) as info:
        extract_report(path, nlp=nlp, strict=True)
    text = str(info.value)
    assert str(path) in text and "looks truncated" in text and "--strict" in text and "\n" not in text


@pytest.mark.parametrize("last", ["（二）", "二、", "(四)"])
def test_a_page_that_breaks_after_an_items_number_is_partial(tmp_path, nlp, last):
    """A saved page 1 of 2 may stop right after the number of the next item: no sentence is cut,
    but the report is."""
    full = SEEDS[3].read_text(encoding="utf-8")
    cut = full[: full.index("。", 1500) + 1]
    path = tmp_path / "page1.txt"
    path.write_text(cut + "\n" + last + "\n", encoding="utf-8")
    assert not extract_report(path, nlp=nlp).complete
    path.write_text(cut + "\n", encoding="utf-8")
    assert extract_report(path, nlp=nlp).complete


def test_explicit_wrong_encoding(tmp_path):
    path = tmp_path / "gbk.txt"
    write_gbk(SEEDS[0].read_text(encoding="utf-8"), path)
    with pytest.raises(EncodingError, match="not valid UTF-8"):
        read_source(path, encoding="utf-8")


CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=200)


# Two GBK bytes can also be valid UTF-8 (一 = D2 BB = U+04BB); from eight characters
# on, GBK text is practically never valid UTF-8, and reports are far longer.
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=8, max_size=200))
def test_gbk_round_trip(text):
    data = text.encode("gb18030")
    decoded, _ = decode(Path("x.txt"), data)
    assert decoded == text


@given(CJK)
def test_utf8_round_trip(text):
    assert decode(Path("x.txt"), text.encode("utf-8"))[0] == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=1, max_size=3000), st.sampled_from(["r.txt", "r.html", "r.docx", "r.pdf"]))
def test_random_bytes_never_crash_the_reader(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        source = read_source(path)
    except InputError as exc:
        assert str(path) in str(exc)
    else:
        assert isinstance(source.text, str)


@pytest.mark.parametrize("kind", ["gbk", "html", "docx", "pdf"])
def test_seed_scores_unchanged_in_every_format(kind, tmp_path, seed_reports, gold, nlp):
    from fazhi.evaluate import evaluate
    from fazhi.extract.lexicon import MechanismLexicon
    from fazhi.ontology import mechanism_concepts

    listed = MechanismLexicon.from_concepts(mechanism_concepts()).listed
    reports = []
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        path = tmp_path / seed.name  # same file name: the gold is keyed by it
        if kind == "gbk":
            write_gbk(text, path)
        elif kind == "html":
            path.write_text(formats.as_html(text, gold[seed.name]["published"]), encoding="utf-8")
        elif kind == "docx":
            formats.write_docx(text, path)
        else:
            formats.write_pdf(text, path)
        reports.append(extract_report(path, nlp=nlp))
    scores = evaluate(reports, gold, listed)
    baseline = evaluate(list(seed_reports.values()), gold, listed)
    for category, value in baseline.items():
        if isinstance(value, dict):
            assert scores[category]["f1"] >= value["f1"], category

"""Property tests: any text → no exception, and every span lies inside the text."""

from hypothesis import HealthCheck, given, settings, strategies as st

from fazhi.errors import InputError

# Text that looks like a report often enough to reach every component.
PIECES = st.sampled_from(
    [
        "一、", "二、存在的问题\n", "三、2025年工作安排\n", "(一)", "1.", "一是", "二是", "。", ",", "\n",
        "“", "”", "《", "》", "〈", "〉", "府院联动", "行政执法公示制度", "协同约访工作机制", "“四员”工作法",
        "区司法局", "顺城区", "2024年", "受理48件", "法律顾问", "人民调解员", "专此报告。", "2025年1月3日",
        "主要举措和成效\n", "机制", "制度", "的", "、",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=80).map("".join))


def spans_of(report):
    for m in report.mentions:
        yield m.surface
        yield m.sentence
    for m in report.measures:
        yield m.heading_span
    for p in report.parts:
        yield p.heading_span
    for s in report.sections:
        yield s.heading_span
    for r in report.roles:
        yield r.surface
    for d in report.documents:
        yield d.surface
    for b in report.bodies:
        yield b.surface
    for f in report.figures:
        yield f.surface
        yield f.number


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_extracts_or_says_why(extract, text):
    try:
        report = extract(text)
    except InputError as exc:
        assert "snippet.txt" in str(exc)
        return
    for span in spans_of(report):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for m in report.measures:
        assert 0 <= m.start < m.end <= len(text)

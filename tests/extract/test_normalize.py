import pytest
from hypothesis import given, strategies as st

from fazhi.extract.normalize import normalize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("（一）加强党的领导，统筹推进", "(一)加强党的领导,统筹推进"),
        ("１．学习贯彻：", "1.学习贯彻:"),
        ("“互联网＋”　监管", "“互联网+” 监管"),
        ("败诉率１６．１３％", "败诉率16.13%"),
        ("《法治政府建设实施纲要（2021－2025年）》", "《法治政府建设实施纲要(2021－2025年)》"),
        ("一是；二是！", "一是;二是!"),
        ("a\u00a0b", "a b"),
    ],
)
def test_normalize_table(text, expected):
    assert normalize(text) == expected


@given(st.text())
def test_normalize_keeps_every_offset(text):
    assert len(normalize(text)) == len(text)

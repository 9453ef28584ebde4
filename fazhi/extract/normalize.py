"""Width and punctuation normalisation that keeps every offset.

Reports mix ASCII and full-width forms (``,`` and ``，``, ``(`` and ``（``,
``1.`` and ``１．``). Matching works on one form, evidence is shown as written.
The mapping here is strictly one character to one character, so an offset in
the normalised text *is* the offset in the original text: no offset table is
needed and ``original[start:end]`` is always the evidence for a match found at
``normalised[start:end]``.

What is mapped:
- full-width ASCII variants U+FF01..U+FF5E → their ASCII forms (，→, （→( ：→: ；→; １→1 Ａ→A);
- Chinese comma-like and stop-like marks that reports use interchangeably with
  ASCII: ﹐→,  ﹔→;  ﹕→:  ．→. (U+FF0E is covered above);
- every kind of space (U+3000 ideographic, U+00A0 no-break, tabs) → ' ';
- dashes used in year ranges (—, –, ―, －) are kept as they are: they occur in
  document titles, which are compared verbatim.

What is kept: 。、“”‘’《》〈〉【】 and all CJK characters.
"""

from __future__ import annotations

from functools import lru_cache

# A year written in Chinese numerals digit by digit (二〇二三, 二零一九), with the circles and the letter O
# or digit 0 that are typed for 〇: a regular-expression source, for the readers of titles, dates and headings.
CN_YEAR = "二[〇零○O0][〇零○O0一二三四五六七八九]{2}"

_TABLE: dict[int, int] = {}
for _code in range(0xFF01, 0xFF5F):
    _TABLE[_code] = _code - 0xFEE0
# keep the full-width hyphen-minus as it is written in titles (2021－2025)
del _TABLE[0xFF0D]
_TABLE.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break space
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x200B: 0x20,  # zero-width space: keep length, make it a space
        0xFEFF: 0x20,  # stray BOM inside text
        0x0009: 0x20,
        0xFE50: ord(","),
        0xFE51: ord("、"),
        0xFE54: ord(";"),
        0xFE55: ord(":"),
    }
)


def normalize(text: str) -> str:
    """Return ``text`` with width and punctuation normalised, same length."""
    return text.translate(_TABLE)


# Quote marks that may surround or sit inside a name without changing it.
QUOTES = frozenset("“”‘’\"'「」『』")


def occurrences(text: str, needles) -> list[tuple[int, int]]:
    """Every ``(start, end)`` at which one of ``needles`` (a string or several) stands in ``text``."""
    if isinstance(needles, str):
        needles = [needles]
    spans = []
    for needle in needles:
        if not needle:
            continue
        start = text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    return spans


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters → simplified ones (OpenCC), keeping every offset.

    OpenCC converts phrase by phrase; when a phrase changes length the text is
    converted character by character instead, so offsets stay those of the
    text as written. Evidence is always taken from the text as written.
    """
    if text.isascii():
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    convert = _t2s().convert
    return "".join(c if len(convert(c)) != 1 else convert(c) for c in text)

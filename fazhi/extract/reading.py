"""Reading report files: whatever a government website served → the text a reader sees.

    .txt   UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030/Big5 …:
           strict UTF-8 first, then charset-normalizer's best guess; ``encoding``
           overrides both
    .html  the page's main text (trafilatura), without navigation, share bars
           and footers; the page's title, 发布时间 and 来源 become metadata
    .docx  paragraphs and table cells (python-docx)
    .pdf   the text layer (pdfminer.six); a scanned PDF without one is refused

Offsets everywhere else refer to the text returned here.
"""

from __future__ import annotations

import codecs
import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import EncodingError, InputError
from .normalize import CN_YEAR

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
REPORT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf")
MAX_BYTES = 20 * 1024 * 1024

# the page's own text, not normalised: colons and brackets may be full-width (：, （）); metadata reads
# PUBLISHED_DATE in a header kept in the (normalised) text too
# A publication label first; a bare 日期/时间 only if nothing says 发布, and never the date a document
# was written (成文日期), generated, updated or printed, which information tables list beside it.
PUBLISHED_DATE = re.compile(r"(?:发布时间|发布日期|发表时间|公开日期|公开时间)\s*[:\uff1a]?\s*(20\d\d)[-./年](\d{1,2})[-./月](\d{1,2})")
_PAGE_DATE_BARE = re.compile(r"(?<![成生更打])(?:日期|时间)\s*[:\uff1a]?\s*(20\d\d)[-./年](\d{1,2})[-./月](\d{1,2})")
_DATE_LINE = re.compile(r"^\s*(?:20\d\d|" + CN_YEAR + r")\s*年.{1,6}日\s*$")
_PAGE_SOURCE = re.compile(r"(?:信息来源|来源)\s*[:\uff1a]\s*([\u4e00-\u9fff()\uff08\uff09]{2,30})")


@dataclass(frozen=True)
class Source:
    """A decoded report file."""

    text: str
    format: str  # text | html | docx | pdf
    encoding: str | None = None  # for text and html
    page_title: str | None = None
    page_published: str | None = None  # ISO date from the page header
    page_source: str | None = None  # 来源 / 信息来源


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """The decoded text of a report file (any supported format)."""
    return read_source(path, encoding).text


def _bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a report file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size // (1024 * 1024)} MB is too large for one report (limit {MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data


def _format(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def read_source(path: str | Path, encoding: str | None = None) -> Source:
    path = Path(path)
    data = _bytes(path)
    kind = _format(path, data)
    if kind == "pdf":
        return Source(_pdf_text(path, data), "pdf")
    if kind == "docx":
        return Source(_docx_text(path, data), "docx")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: binary data, not a text report")
    text, used = decode(path, data, encoding)
    if kind == "html":
        return _html_source(path, text, used)
    return Source(text, "text", used)


def decode(path: Path, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Bytes → text: the given encoding, else BOM, strict UTF-8, then detection."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from None
        try:
            return _strip_bom(data.decode(encoding)), encoding
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"{path}: not valid {encoding.upper()} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _strip_bom(data.decode("utf-8-sig" if name == "utf-8" else name)), name
            except UnicodeDecodeError:
                break
    try:
        text = data.decode("utf-8")
        if _readability(text) >= 0.9 or _readability_as_gb(data) < 0.9:
            return text, "utf-8"
        first_bad = 0  # valid UTF-8, but GBK bytes that happen to be: 一 = D2 BB = һ
    except UnicodeDecodeError as exc:
        first_bad = exc.start
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8"), "utf-8"  # cut inside the last character
    # Chinese government sites serve GB18030/GBK (mainland) or Big5 (Taiwan, Hong
    # Kong): take the one that decodes strictly into readable Chinese text.
    readable = []
    for name in ("gb18030", "big5"):
        try:
            candidate = data.decode(name)
        except UnicodeDecodeError:
            continue
        readable.append((_readability(candidate), name, candidate))
    if readable:
        score, name, candidate = max(readable, key=lambda r: r[0])
        if score >= 0.9:
            return _strip_bom(candidate), name
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "gbk", "gb2312", "big5", "utf_16", "utf_8"]).best()
    if best is None or best.encoding is None:
        raise EncodingError(
            f"{path}: not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no other encoding fits — try --encoding gbk"
        )
    name = "gb18030" if best.encoding in ("gbk", "gb2312") else best.encoding
    try:
        return _strip_bom(data.decode(name)), name
    except UnicodeDecodeError:
        return str(best), best.encoding


def _readability(text: str) -> float:
    """Share of characters a Chinese report is made of: CJK, CJK punctuation, printable ASCII."""
    if not text:
        return 0.0
    good = sum(
        1
        for c in text
        if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        or c in "\n\r\t“”‘’—…·" or " " <= c <= "~"
    )
    return good / len(text)


def _readability_as_gb(data: bytes) -> float:
    try:
        return _readability(data.decode("gb18030"))
    except UnicodeDecodeError:
        return 0.0


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _html_source(path: Path, page: str, encoding: str) -> Source:
    import trafilatura
    from lxml import html as lxml_html

    body = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    if not body or not body.strip():
        raise InputError(f"{path}: no main text found in the HTML page")
    try:
        tree = lxml_html.fromstring(page)
        title = (tree.findtext(".//title") or "").strip() or None
        page_text = " ".join(tree.text_content().split())
    except (ValueError, TypeError):
        title, page_text = None, page
    date = PUBLISHED_DATE.search(page_text) or _PAGE_DATE_BARE.search(page_text)
    source = _PAGE_SOURCE.search(page_text)
    published = None
    if date:
        try:
            published = datetime.date(*(int(g) for g in date.groups())).isoformat()
        except ValueError:
            published = None  # 2024-13-45 is no date: the text's own date stands, if it has one
    if title:
        title = re.split(r"[_|-]", title)[0].strip() or title
    return Source(body, "html", encoding, title, published, source.group(1) if source else None)


def _docx_text(path: Path, data: bytes) -> str:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable Word (.docx) file ({exc.__class__.__name__})") from None
    except Exception as exc:  # python-docx raises its own errors for damaged packages
        raise InputError(f"{path}: not a readable Word (.docx) file ({exc.__class__.__name__}: {exc})") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise InputError(f"{path}: the Word file holds no text")
    return text


def _pdf_text(path: Path, data: bytes) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        text = extract_text(io.BytesIO(data))
    except PDFSyntaxError as exc:
        raise InputError(f"{path}: not a readable PDF ({exc})") from None
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        raise InputError(f"{path}: not a readable PDF ({exc.__class__.__name__}: {exc})") from None
    text = text.replace("\x0c", "\n")
    text = "\n".join(line.rstrip() for line in text.splitlines())
    if len(re.sub(r"\s", "", text)) < 20:
        raise InputError(f"{path}: the PDF has no text layer (a scan?) — run OCR on it first")
    return _join_pdf_lines(text)


def _join_pdf_lines(text: str) -> str:
    """PDF lines break inside paragraphs: join a line to the one before unless that one
    ends a sentence (。:;!?”) or this one starts a heading (一、 (一) 1. 一是)."""
    heading = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(\uff08][一二三四五六七八九十]+[)\uff09]|\d+[.、．](?!\d)|[一二三四五六七八九十]+是)")
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue  # text boxes are separated by blank lines, paragraphs are not
        short_line = out and len(out[-1]) < 20 and not re.search(r"[,，。;；]", out[-1])
        if out and not short_line and not re.search(r"[。:：;；!！?？”]$", out[-1]) and not heading.match(line) and not _DATE_LINE.match(line):
            out[-1] += line.strip()
        else:
            out.append(line.strip())
    return "\n".join(l for l in out if l)

"""Reading report files: bytes → the text a reader sees."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import EncodingError, InputError

REPORT_SUFFIXES = (".txt", ".text")
MAX_BYTES = 20 * 1024 * 1024


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """Decode a report file. UTF-8 (with or without BOM) unless ``encoding`` is given."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a report file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: {len(data) // (1024 * 1024)} MB is too large for one report (limit {MAX_BYTES // (1024 * 1024)} MB)")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary data, not a text report")
    name = encoding or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputError(f"{path}: unknown encoding {name!r}") from None
    if name.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        hint = " — try --encoding gbk" if encoding is None else ""
        raise EncodingError(
            f"{path}: not valid {name.upper()} (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}"
        ) from None
    return text

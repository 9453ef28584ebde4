"""China's administrative divisions, down to townships, from jionlp's data.

The gazetteer is read from the ``china_location`` table that the maintained
``jionlp`` package ships (province → city → county → township → village, with
adcodes down to county level). Only the data file is read: jionlp itself is
never imported, so start-up stays fast. Villages are skipped.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import FazhiError

PROVINCE, CITY, COUNTY, TOWN = 0, 1, 2, 3

_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
_PLACEHOLDER_CITIES = {"市直辖行政区划", "省直辖县级行政区划", "自治区直辖县级行政区划", "县"}


@dataclass(frozen=True)
class Place:
    name: str  # full name, e.g. 禄劝彝族苗族自治县
    short: str  # jionlp's short name, e.g. 禄劝
    depth: int  # PROVINCE, CITY, COUNTY or TOWN
    adcode: str | None
    province: str
    city: str | None
    county: str | None

    @property
    def level(self) -> str:
        """fazhi's level name: province, city, district, county, town, subdistrict."""
        if self.depth == PROVINCE:
            return "province"
        if self.depth == CITY:
            return "province" if self.name in _MUNICIPALITIES else "city"
        if self.depth == COUNTY:
            return "district" if self.name.endswith("区") else "county"
        return "subdistrict" if self.name.endswith(("街道", "办事处")) else "town"

    @property
    def full_name(self) -> str:
        chain = [self.province]
        for part in (self.city, self.county):
            if part and part not in chain and part not in _PLACEHOLDER_CITIES:
                chain.append(part)
        if self.name not in chain:
            chain.append(self.name)
        return "".join(chain)

    @property
    def ancestors(self) -> tuple[str, ...]:
        """Names of the units above this one, nearest first."""
        names = []
        for part in (self.county, self.city, self.province):
            if part and part != self.name and part not in _PLACEHOLDER_CITIES and part not in names:
                names.append(part)
        return tuple(names)


class Gazetteer:
    """Look-up of places by full name and by short name."""

    def __init__(self, places: list[Place]):
        self.places = places
        self.by_name: dict[str, list[Place]] = {}
        self.by_short: dict[str, list[Place]] = {}
        for place in places:
            self.by_name.setdefault(place.name, []).append(place)
            if place.short and place.short != place.name and len(place.short) >= 2:
                self.by_short.setdefault(place.short, []).append(place)
        self.max_len = max(len(n) for n in self.by_name)
        self.max_short = max(len(n) for n in self.by_short)
        self.last_chars = frozenset(n[-1] for n in self.by_name)
        self.short_of = {p.name: p.short for p in places}

    def count_shorts(self, text: str) -> Counter:
        """How often each short name (禄劝, 从化) occurs in ``text``."""
        counts: Counter[str] = Counter()
        lengths = range(2, self.max_short + 1)
        by_short = self.by_short
        for i in range(len(text) - 1):
            for length in lengths:
                candidate = text[i : i + length]
                if candidate in by_short:
                    counts[candidate] += 1
        return counts

    def find_names(self, text: str, min_len: int = 2):
        """Yield ``(start, end, name)`` for every full place name in ``text``.

        Left to right, the longest name at each position; names inside a longer
        one are skipped. Only positions that end in a character some place name
        ends in are looked at (省 市 区 县 镇 乡 …), which keeps this fast.
        """
        found = []
        lengths = range(self.max_len, min_len - 1, -1)
        last_chars = self.last_chars
        by_name = self.by_name
        for end in range(1, len(text) + 1):
            if text[end - 1] not in last_chars:
                continue
            for length in lengths:
                if length <= end and text[end - length : end] in by_name:
                    found.append((end - length, end))
        position = 0
        for start, end in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
            if start >= position:
                yield start, end, text[start:end]
                position = end


def _data_file() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise FazhiError("jionlp is not installed — run: pip install jionlp")
    root = Path(next(iter(spec.submodule_search_locations)))
    path = root / "dictionary" / "china_location.zip"
    if not path.exists():
        raise FazhiError(f"{path}: jionlp's administrative-division table is missing — reinstall jionlp")
    return path


def _parse(lines) -> list[Place]:
    places: list[Place] = []
    province = city = county = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        if depth > TOWN:
            continue  # villages
        fields = line.strip("\t").split("\t")
        name = fields[0].strip()
        adcode = fields[1].strip() if len(fields) > 1 and fields[1].strip() else None
        short = fields[2].strip() if len(fields) > 2 else name
        if depth == PROVINCE:
            province, city, county = name, None, None
        elif depth == CITY:
            city, county = name, None
        elif depth == COUNTY:
            county = name
        places.append(
            Place(
                name=name,
                short=short if depth < TOWN else _town_short(name),
                depth=depth,
                adcode=adcode,
                province=province or name,
                city=city if depth >= CITY else None,
                county=county if depth >= TOWN else None,
            )
        )
    return places


def _town_short(name: str) -> str:
    for suffix in ("街道办事处", "街道", "镇", "乡", "苏木"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The national gazetteer, parsed once per process."""
    with zipfile.ZipFile(_data_file()) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".txt"))
        with archive.open(member) as handle:
            places = _parse(io.TextIOWrapper(handle, encoding="utf-8"))
    return Gazetteer(places)

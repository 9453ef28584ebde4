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
# Names that are also common nouns: never found by themselves (城区道路, 社区网格, 园区企业).
GENERIC_NAMES = frozenset({"社区", "城区", "郊区", "矿区", "新区", "市区", "街道", "开发区", "高新区", "经开区", "园区", "镇区", "林区", "景区"})
_ZONE_WORDS = ("开发区", "高新区", "经开区", "园区", "试验区", "合作区")
# Short forms written with a level word: 黔西南州 for 黔西南布依族苗族自治州, 金平县 for 金平苗族瑶族傣族自治县.
_SHORT_FORM_SUFFIX = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"), ("林区", "林区"))


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
            if any(word in self.name for word in _ZONE_WORDS) or self.name in ZONE_FORMS:
                return "zone"
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
    """Look-up of places by full name, by the short forms reports write, and by short name.

    ``by_name`` maps every name a report may write as a whole (禄劝彝族苗族自治县,
    and the generated forms 黔西南州, 金平县, 武汉经开区, 安庆经济开发区) to the
    places it may mean; ``canonical(name)`` gives their full names.
    """

    def __init__(self, places: list[Place]):
        self.places = places
        self.by_name: dict[str, list[Place]] = {}
        self.by_short: dict[str, list[Place]] = {}
        city_short = {(p.province, p.name): p.short for p in places if p.depth == CITY}
        for place in places:
            if place.name not in GENERIC_NAMES:
                self.by_name.setdefault(place.name, []).append(place)
            if place.short and place.short != place.name and len(place.short) >= 2 and place.short not in GENERIC_NAMES:
                self.by_short.setdefault(place.short, []).append(place)
        for place in places:
            for form in _short_forms(place, city_short):
                if form not in GENERIC_NAMES and place not in self.by_name.get(form, ()):
                    self.by_name.setdefault(form, []).append(place)
        self.max_len = max(len(n) for n in self.by_name)
        self.max_short = max(len(n) for n in self.by_short)
        self.last_chars = frozenset(n[-1] for n in self.by_name)
        self.short_of = {p.name: p.short for p in places}
        self.forms_of: dict[str, list[str]] = {}
        for form, found in self.by_name.items():
            for place in found:
                if form != place.name:
                    self.forms_of.setdefault(place.name, []).append(form)

    def canonical(self, name: str) -> list[str]:
        """The full names a written name (full or short form) may stand for."""
        return sorted({p.name for p in self.by_name.get(name, ())})

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


def _short_forms(place: Place, city_short: dict) -> set[str]:
    """The forms of a name that reports write besides the full one."""
    forms = set(ZONE_FORMS.get(place.name, ()))
    short = place.short
    if place.name in GENERIC_NAMES and place.city:
        forms.add(place.city + place.name)  # 铜陵市郊区: a common noun only with its city in front
        city = city_short.get((place.province, place.city))
        if city:
            forms.add(city + place.name)
    for full, suffix in _SHORT_FORM_SUFFIX:
        if place.name.endswith(full) and short and len(short) >= 2 and not short.endswith(suffix):
            forms.add(short + suffix)
    if place.depth == COUNTY and (any(word in place.name for word in _ZONE_WORDS) or place.name in ZONE_FORMS):
        city = city_short.get((place.province, place.city))
        if city and short and city not in short:
            forms.add(city + short)  # 武汉 + 经开区
        province_short = place.province[:2]
        if place.name.startswith(province_short) and len(place.name) - 2 >= 6:
            forms.add(place.name[2:])  # 安徽安庆经济开发区 → 安庆经济开发区
        for long, abbreviation in (("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区"), ("经济开发区", "经开区")):
            if long in place.name:
                forms.add(place.name.replace(long, abbreviation))
                break
    return {f for f in forms if f != place.name}


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


def _zones(places: list[Place]) -> list[Place]:
    """National-level zones the table lacks (lexicons/regions_zones.tsv), as county-level places."""
    from importlib import resources

    known = {p.name for p in places}
    text = resources.files("fazhi.extract").joinpath("lexicons", "regions_zones.tsv").read_text(encoding="utf-8")
    zones = []
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        name, forms, province, city = line.split("\t")
        if name in known:
            continue
        zones.append(Place(name=name, short=forms.split("|")[0], depth=COUNTY, adcode=None, province=province, city=city, county=None))
        ZONE_FORMS[name] = tuple(f for f in forms.split("|") if f)
    return zones


ZONE_FORMS: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The national gazetteer, parsed once per process."""
    with zipfile.ZipFile(_data_file()) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".txt"))
        with archive.open(member) as handle:
            places = _parse(io.TextIOWrapper(handle, encoding="utf-8"))
    return Gazetteer(places + _zones(places))

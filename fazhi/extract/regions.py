"""China's administrative divisions, down to townships, from jionlp's data.

The gazetteer is read from the ``china_location`` table that the maintained
``jionlp`` package ships (province → city → county → township → village, with
adcodes down to county level). Only the data file is read: jionlp itself is
never imported, so start-up stays fast. Villages are skipped.

Besides the full names, the gazetteer knows the forms reports write instead,
all generated from the table: the table's own short forms where they carry a
level word (海南州, 察右中旗, 塔县), autonomous units as short name + 州/县/旗
(黔西南州, 金平县), development zones with their common abbreviations (武汉经开区,
长春高新区), and common nouns that are places only with their city in front
(铜陵市郊区). ``lexicons/regions_zones.tsv`` adds national zones and new areas
the table lacks, ``lexicons/regions_aliases.tsv`` the few conventional short
forms no rule makes (博州), ``lexicons/regions_generic.txt`` the common nouns,
``lexicons/regions_cues.tsv`` names only one province uses (皖事通, 浙里办), weak
evidence for a place name several provinces share.
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import FazhiError

PROVINCE, CITY, COUNTY, TOWN = 0, 1, 2, 3

MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})  # provinces that are cities
# The table's placeholders for units directly under a province, city or county (琼中 under 省直辖行政区划)
PLACEHOLDER_CITIES = frozenset({
    "市直辖行政区划", "省直辖行政区划", "区直辖行政区划", "县直辖行政区划", "省直辖县级行政区划", "自治区直辖县级行政区划", "县",
})
_PLACEHOLDER_CITIES = PLACEHOLDER_CITIES
# Short forms written with a level word: 黔西南州 for 黔西南布依族苗族自治州, 金平县 for 金平苗族瑶族傣族自治县.
_AUTONOMOUS_SUFFIX = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"))
# Zone abbreviations: 经济技术开发区 → 经开区.
_ZONE_ABBREVIATIONS = (
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("经济开发区", "经开区"),
)
_TOWN_ENDINGS = ("街道办事处", "街道", "镇", "乡", "苏木", "办事处")


@dataclass(frozen=True)
class Place:
    name: str  # full name, e.g. 禄劝彝族苗族自治县
    short: str  # jionlp's short name, e.g. 禄劝
    depth: int  # PROVINCE, CITY, COUNTY or TOWN
    adcode: str | None
    province: str
    city: str | None
    county: str | None
    zone: bool = False  # a national zone or new area from lexicons/regions_zones.tsv

    @property
    def is_zone(self) -> bool:
        """A development zone or new area: the table's 7x codes (长春经济技术开发区 220171),
        zones it lacks (no code), or a 开发区 name under an ordinary code."""
        if self.depth != COUNTY:
            return False
        if self.zone:
            return True
        if self.adcode is None:
            return False
        if 71 <= int(self.adcode[4:6]) <= 79:
            return True
        return any(word in self.name for word in ("开发区", "高新区", "经开区"))

    @property
    def level(self) -> str:
        """fazhi's level name: province, city, district, county, zone, town, subdistrict."""
        if self.depth == PROVINCE:
            return "province"
        if self.depth == CITY:
            return "province" if self.name in MUNICIPALITIES else "city"
        if self.depth == COUNTY:
            if self.is_zone:
                return "zone"
            return "district" if self.name.endswith("区") else "county"
        return "subdistrict" if self.name.endswith(("街道", "办事处")) else "town"

    @property
    def full_name(self) -> str:
        """Province, city, county and name, each once: 辽宁省抚顺市顺城区. A zone is written by its
        official name, not the short form, so that reports that write it either way are about one
        region, and without the units its name already holds (广西壮族自治区南宁高新技术产业开发区
        for 南宁高新区, 天津经济技术开发区, 中国(上海)自由贸易试验区临港新片区)."""
        chain = [self.province]
        for part in (self.city, self.county):
            if part and part not in chain and part not in PLACEHOLDER_CITIES:
                chain.append(part)
        if self.name in chain:
            return "".join(chain)
        if not self.is_zone:
            return "".join(chain + [self.name])
        name = _official_zone(self.name)
        return "".join(part for part in chain if _UNIT_SUFFIX.sub("", part) not in name) + name

    @property
    def ancestors(self) -> tuple[str, ...]:
        """Names of the units above this one, nearest first."""
        names = []
        for part in (self.county, self.city, self.province):
            if part and part != self.name and part not in PLACEHOLDER_CITIES and part not in names:
                names.append(part)
        return tuple(names)


_UNIT_SUFFIX = re.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|地区|盟|自治州)$")
# An abbreviation's official long form is the first _ZONE_ABBREVIATIONS lists for it (reversed: the first wins).
_OFFICIAL_ZONE = {abbreviation: long for long, abbreviation in reversed(_ZONE_ABBREVIATIONS)}


def _official_zone(name: str) -> str:
    """南宁高新区 → 南宁高新技术产业开发区, 武汉经开区 → 武汉经济技术开发区."""
    for abbreviation, official in _OFFICIAL_ZONE.items():
        if name.endswith(abbreviation):
            return name[: -len(abbreviation)] + official
    return name


class Gazetteer:
    """Look-up of places by full name, by the short forms reports write, and by short name.

    ``by_name`` maps every name a report may write as a whole (禄劝彝族苗族自治县,
    and the generated forms 黔西南州, 金平县, 武汉经开区, 安庆经济开发区) to the
    places it may mean; ``canonical(name)`` gives their full names. ``by_short``
    maps bare short names (禄劝, 从化), weak evidence only.
    """

    def __init__(
        self, places: list[Place], generic: frozenset[str] = frozenset(), extra_forms: dict | None = None,
        province_cues: dict[str, str] | None = None,
    ):
        self.places = places
        self.generic = generic
        self.province_cues = province_cues or {}  # 皖事通 → 安徽省: names only one province uses
        self.by_name: dict[str, list[Place]] = {}
        self.by_short: dict[str, list[Place]] = {}
        extra_forms = extra_forms or {}
        city_short = {(p.province, p.name): p.short for p in places if p.depth == CITY}
        province_short = {p.name: p.short for p in places if p.depth == PROVINCE}
        for place in places:
            if _findable(place, generic):
                self.by_name.setdefault(place.name, []).append(place)
            if place.depth < TOWN:
                for short in _shorts(place):
                    if len(short) >= 2 and short not in generic and short != place.name:
                        self.by_short.setdefault(short, []).append(place)
        for place in places:
            forms = _short_forms(place, city_short, province_short, generic)
            if place.depth <= COUNTY:
                forms |= set(extra_forms.get((place.province, place.name), ()))
            for form in sorted(forms):
                if form not in generic and form != place.name and place not in self.by_name.get(form, ()):
                    self.by_name.setdefault(form, []).append(place)
        self.max_len = max(len(n) for n in self.by_name)
        self.max_short = max(len(n) for n in self.by_short)
        self.last_chars = frozenset(n[-1] for n in self.by_name)
        # the lengths of the names ending (shorts starting) in each character, longest first
        self._lengths_by_last = _lengths(self.by_name, lambda n: n[-1])
        self._lengths_by_first = _lengths(self.by_short, lambda n: n[0])
        self.short_of = {p.name: p.short for p in places}
        self.forms_of: dict[Place, list[str]] = {}  # the other names of each place
        for form, found in self.by_name.items():
            for place in found:
                if form != place.name:
                    self.forms_of.setdefault(place, []).append(form)

    def canonical(self, name: str) -> list[str]:
        """The full names a written name (full or short form) may stand for."""
        return sorted({p.name for p in self.by_name.get(name, ())})

    def count_shorts(self, text: str) -> Counter:
        """How often each short name (禄劝, 从化) occurs in ``text``."""
        counts: Counter[str] = Counter()
        by_short = self.by_short
        by_first = self._lengths_by_first
        for i, char in enumerate(text):
            for length in by_first.get(char, ()):
                candidate = text[i : i + length]
                if candidate in by_short:
                    counts[candidate] += 1
        return counts

    def count_province_cues(self, text: str) -> Counter:
        """How often ``text`` names something only one province has (皖事通 → 安徽省), by province."""
        counts: Counter[str] = Counter()
        for cue, province in self.province_cues.items():
            found = text.count(cue)
            if found:
                counts[province] += found
        return counts

    def find_names(self, text: str, min_len: int = 2):
        """Yield ``(start, end, name)`` for every full place name in ``text``.

        Left to right, the longest name at each position; names inside a longer
        one are skipped. Only positions that end in a character some place name
        ends in are looked at (省 市 区 县 镇 乡 …), which keeps this fast.
        """
        found = []
        by_last = self._lengths_by_last
        by_name = self.by_name
        for end, char in enumerate(text, 1):
            for length in by_last.get(char, ()):
                if min_len <= length <= end and text[end - length : end] in by_name:
                    found.append((end - length, end))
        position = 0
        for start, end in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
            if start > 0 and text[start] in _CONJUNCTIONS and text[start - 1] in _BODY_ENDS:
                continue  # 市政府和县委: 和 joins two bodies, it does not begin 和县
            if start >= position:
                yield start, end, text[start:end]
                position = end


_CONJUNCTIONS = frozenset("和与及同")
_BODY_ENDS = frozenset("委府局院会厅部办室所队站")


def _lengths(names, key) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(key(name), set()).add(len(name))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


_OFFICE_WORDS = re.compile(r"(?:管委会|管理委员会|管理局|直属乡镇|类似乡级单位)$")


def _findable(place: Place, generic: frozenset[str]) -> bool:
    """Whether a report may name ``place`` by its full name alone: not a common noun
    (``generic``: 社区, 开发区), not the table's placeholders (市直辖行政区划), and at town level
    only 镇, 乡, 街道 and the like, or a longer proper name (嘉定工业区), not 种畜场, nor the
    office of a zone that has no name of its own (开发区管委会: in 西宁经济技术开发区管委会 it is
    the end of another zone's name)."""
    if place.name in generic or "直辖" in place.name or place.name in PLACEHOLDER_CITIES:
        return False
    if place.depth < TOWN:
        return True
    if _OFFICE_WORDS.sub("", place.name) in generic:
        return False
    return place.name.endswith(_TOWN_ENDINGS) or len(place.name) >= 5


def _shorts(place: Place) -> list[str]:
    """The table's short forms (it writes alternatives as 巴州/巴音郭楞)."""
    return [s.strip() for s in place.short.split("/") if s.strip()]


def _short_forms(place: Place, city_short: dict, province_short: dict, generic: frozenset) -> set[str]:
    """The forms of a name that reports write besides the full one."""
    forms: set[str] = set()
    shorts = _shorts(place) if place.depth < TOWN else []
    if place.name in generic and place.depth == COUNTY and place.city and place.city not in PLACEHOLDER_CITIES:
        forms.add(place.city + place.name)  # 铜陵市郊区: a common noun only with its city in front
        city = city_short.get((place.province, place.city))
        if city:
            forms.add(city + place.name)
    for short in shorts:
        # the table's short form already carries a level word: 海南州, 察右中旗, 塔县, 巴州
        if short != place.name and place.name[-1] in "州县旗盟" and short.endswith(place.name[-1]):
            forms.add(short)
        for full, suffix in _AUTONOMOUS_SUFFIX:
            if place.name.endswith(full) and len(short) >= 2 and not short.endswith(suffix):
                forms.add(short + suffix)  # 黔西南州, 金平县, 莫力达瓦旗
    if place.is_zone:
        forms |= _zone_forms(place, city_short, province_short)
    if place.depth == TOWN and place.name.endswith("街街道") and len(place.name) >= 5:
        forms.add(place.name[:-3] + "街道")  # the table's 万松街街道 (万松街), as reports write it: 万松街道
    return {f for f in forms if f != place.name and len(f) >= 2}


def _zone_forms(place: Place, city_short: dict, province_short: dict) -> set[str]:
    """武汉经济技术开发区 → 武汉经开区; 安徽安庆经济开发区 → 安庆经济开发区, 安庆经开区;
    长春高新技术产业开发区 → 长春高新区; 蚌埠市经济开发区 → 蚌埠经开区."""
    names = {place.name}
    city = city_short.get((place.province, place.city)) or ""
    province = province_short.get(place.province, "")
    for prefix in (place.province, province):
        rest = place.name[len(prefix) :] if prefix and place.name.startswith(prefix) else ""
        if rest and city and rest.startswith(city):
            names.add(rest)  # 安徽安庆经济开发区 → 安庆经济开发区, not 吉林高新… → 高新…
    if place.city and city:
        for name in list(names):
            if name.startswith(place.city):
                names.add(city + name[len(place.city) :])  # 蚌埠市经济开发区 → 蚌埠经济开发区
    forms = set(names)
    for name in names:
        for long, abbreviation in _ZONE_ABBREVIATIONS:
            if name.endswith(long) and len(name) > len(long):
                forms.add(name[: -len(long)] + abbreviation)
                break
    return forms


def _data_file(name: str = "china_location.zip") -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise FazhiError("jionlp is not installed — run: pip install jionlp")
    root = Path(next(iter(spec.submodule_search_locations)))
    path = root / "dictionary" / name
    if not path.exists():
        raise FazhiError(f"{path}: jionlp's administrative-division table is missing — reinstall jionlp")
    return path


def _former(places: list[Place]) -> list[Place]:
    """Units abolished or renamed since 2016, the first year reports cover, as they stood: a
    report of 2018 names the county it was then (横县 before 横州市, 莱芜市 before it became two
    districts of 济南市). From jionlp's change list, which gives no codes, and the ``former`` rows of
    ``lexicons/regions_codes.tsv``, which give the code each unit had, unless a unit now holds it."""
    path = _data_file("china_location_change.txt")
    current = {(p.province, p.name) for p in places if p.depth <= COUNTY}
    codes = {p.adcode for p in places if p.adcode}
    former: dict[tuple, Place] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        old = line.split("=>")[0].split("\t")
        if len(old) < 6 or old[0] < "2016":
            continue
        province, city = old[2], old[4]
        if len(old) >= 8 and (province, old[6]) not in current:
            place = Place(name=old[6], short=old[7], depth=COUNTY, adcode=None, province=province, city=city, county=None)
            former[(province, city, place.name)] = place
        elif len(old) < 8 and (province, city) not in current:
            former[(province, city, city)] = Place(name=city, short=old[5], depth=CITY, adcode=None, province=province, city=city, county=None)
    for kind, province, city, name, code, _, _ in _lexicon("regions_codes.tsv"):
        if kind != "former" or (province, name) in current:
            continue
        depth = COUNTY if city else CITY
        known = former.get((province, city or name, name))
        former[(province, city or name, name)] = Place(
            name=name, short=known.short if known else _former_short(name), depth=depth,
            adcode=None if code in codes else code, province=province, city=city or name, county=None,
        )
    return list(former.values())


def _former_short(name: str) -> str:
    """莱芜市 → 莱芜, 蓟县 → 蓟县 (a one-character name keeps its level word)."""
    short = re.sub(r"(?:市|县|区|地区|自治县)$", "", name)
    return short if len(short) >= 2 else name


def _current(places: list[Place]) -> list[Place]:
    """The table with the ``current`` rows of ``lexicons/regions_codes.tsv`` applied: the code a
    renamed unit has now (偃师区 410307, not 偃师市's 410381), the city a unit has moved to
    (公主岭市 → 长春市, and its towns with it), and the units made since the table (湟中区)."""
    from dataclasses import replace

    rows = [row for row in _lexicon("regions_codes.tsv") if row[0] == "current"]
    fixes: dict[tuple[str, str, int], tuple[str, str]] = {}
    added = []
    have = {(p.province, p.name, p.depth) for p in places}
    for _, province, city, name, code, _, _ in rows:
        depth = COUNTY if city else CITY
        if (province, name, depth) in have:
            fixes[(province, name, depth)] = (code, city)
        else:
            added.append(Place(name=name, short=_former_short(name), depth=depth, adcode=code, province=province, city=city or name, county=None))
    moved = {(province, name): city for (province, name, depth), (_, city) in fixes.items() if depth == COUNTY}
    out = []
    for place in places:
        fix = fixes.get((place.province, place.name, place.depth))
        if fix is not None:
            code, city = fix
            place = replace(place, adcode=code, city=city or place.city)
        elif place.depth == TOWN and moved.get((place.province, place.county)) not in (None, place.city):
            place = replace(place, city=moved[(place.province, place.county)])
        out.append(place)
    return out + added


def _unshared_codes(places: list[Place]) -> list[Place]:
    """The places, each code held by one region only.

    The table gives some codes to several units: 410471 to both 平顶山高新技术产业开发区 and
    平顶山市城乡一体化示范区, a city's code to its 市直辖行政区划 placeholder, 810000 to every
    district of Hong Kong. A region's IRI is minted from its code, so two reports of such units
    would be one region with two names. The code stays with the units of its shallowest level if
    they are one region (a municipality is a province and a city of one name); every other unit
    loses it (its IRI is then minted from its full name), a zone keeping its level.
    """
    from dataclasses import replace

    by_code: dict[str, list[Place]] = {}
    for place in places:
        if place.adcode:
            by_code.setdefault(place.adcode, []).append(place)
    keep: dict[str, str | None] = {}  # code → the full name that keeps it
    for code, holders in by_code.items():
        top = min(p.depth for p in holders)
        names = {p.full_name for p in holders if p.depth == top}
        keep[code] = names.pop() if len(names) == 1 else None
    out = []
    for place in places:
        if place.adcode and place.full_name != keep[place.adcode]:
            place = replace(place, adcode=None, zone=place.is_zone)
        out.append(place)
    return out


def _parse(lines) -> list[Place]:
    places: list[Place] = []
    province = city = county = None
    county_shorts: list[str] = []
    for raw in lines:
        if raw.startswith("\t\t\t\t"):
            continue  # villages
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip("\t").split("\t")
        name = fields[0].strip()
        if depth == TOWN and name.endswith("苏木乡") and province == "内蒙古自治区":
            name = name[:-1]  # the table writes 苏力德苏木 as 苏力德苏木乡 (杞县's 苏木乡 is a 乡 named 苏木)
        if depth == TOWN and county:
            name = _without_county(name, county, county_shorts)
        adcode = fields[1].strip() if len(fields) > 1 and fields[1].strip() else None
        short = fields[2].strip() if len(fields) > 2 else name
        if depth == PROVINCE:
            province, city, county = name, None, None
        elif depth == CITY:
            city, county = name, None
        elif depth == COUNTY:
            county = name
            county_shorts = [s.strip() for s in (fields[2] if len(fields) > 2 else "").split("/") if s.strip()]
        places.append(
            Place(
                name=name,
                short=short if depth < TOWN else town_short(name),
                depth=depth,
                adcode=adcode,
                province=province or name,
                city=city if depth >= CITY else None,
                county=county if depth >= TOWN else None,
            )
        )
    return places


def _without_county(name: str, county: str, shorts: list[str]) -> str:
    """A town the table writes with its county in front, by its own name: 化德县七号镇 → 七号镇,
    陈旗鄂温克民族苏木 → 鄂温克民族苏木 (not 静安寺街道 → 寺街道: two characters stay before the ending)."""
    for prefix in (county, *shorts):
        rest = name[len(prefix):] if prefix and name.startswith(prefix) else ""
        ending = next((e for e in _TOWN_ENDINGS if rest.endswith(e)), None)
        if ending and len(rest) - len(ending) >= 2:
            return rest
    return name


def town_short(name: str) -> str:
    """永安镇 → 永安, 建外街道 → 建外."""
    for suffix in ("街道办事处", "街道", "镇", "乡", "苏木"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _lexicon(name: str) -> list[list[str]]:
    text = resources.files("fazhi.extract").joinpath("lexicons", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:] if name.endswith(".tsv") else rows


def _zones(places: list[Place]) -> tuple[list[Place], dict]:
    """National-level zones the table lacks (lexicons/regions_zones.tsv), as county-level
    places, and the other forms of those it has."""
    known = {(p.province, p.name) for p in places if p.depth <= COUNTY}
    zones = []
    forms: dict[tuple[str, str], tuple[str, ...]] = {}
    for name, written, province, city in _lexicon("regions_zones.tsv"):
        forms[(province, name)] = tuple(f for f in written.split("|") if f)
        if (province, name) not in known:
            zones.append(Place(name=name, short=name, depth=COUNTY, adcode=None, province=province, city=city, county=None, zone=True))
    return zones, forms


def _aliases() -> dict:
    forms: dict[tuple[str, str], list[str]] = {}
    for alias, name, province in _lexicon("regions_aliases.tsv"):
        forms.setdefault((province, name), []).append(alias)
    return forms


GAZETTEER_LEXICONS = ("regions_zones.tsv", "regions_aliases.tsv", "regions_generic.txt", "regions_cues.tsv", "regions_codes.tsv")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The national gazetteer, parsed once per process, and kept between processes in the user's
    cache (``fazhi.cache``) under a key of everything it is built from: jionlp's tables, the
    lexicons and this module's code."""
    from ..cache import cached

    inputs = [
        _data_file(), _data_file("china_location_change.txt"), Path(__file__),
        *(resources.files("fazhi.extract").joinpath("lexicons", name).read_bytes() for name in GAZETTEER_LEXICONS),
    ]
    return cached("gazetteer", inputs, _build_gazetteer)


def table_places() -> list[Place]:
    """jionlp's administrative-division table as it ships, parsed (no fixes applied)."""
    with zipfile.ZipFile(_data_file()) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".txt"))
        with archive.open(member) as handle:
            return _parse(io.TextIOWrapper(handle, encoding="utf-8"))


def _build_gazetteer() -> Gazetteer:
    places = _unshared_codes(_current(table_places()))
    places += _former(places)
    zones, forms = _zones(places)
    for key, aliases in _aliases().items():
        forms[key] = tuple(forms.get(key, ())) + tuple(aliases)
    generic = frozenset(row[0] for row in _lexicon("regions_generic.txt"))
    cues = {cue: province for cue, province in _lexicon("regions_cues.tsv")}
    return Gazetteer(places + zones, generic, forms, cues)

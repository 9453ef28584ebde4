"""A synthetic corpus for the benchmarks: the five seeds moved to other real regions.

Copy ``i`` of a seed has the seed's province, city and county names replaced by
those of another county of the national gazetteer (the ``i``-th, in a fixed
order), so every copy is a distinct report — its own region, content hash and
key (region, year, issuer) — as a corpus of thousands of counties is. When a
copy would land on a county and year another copy already has (there are fewer
counties than copies in a corpus of 10,000), its years are moved back one at a
time until the pair is free: every year written in it (20xx) moves by the same
amount. Text, structure and length stay the seed's. Deterministic: same ``n``,
same files.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _towns() -> dict[tuple[str, str], str]:
    """(city, county) → the name of one of its towns, a name no other town in China has (a copy that
    names its town only, as a town's report does, is then that town's report and no other's)."""
    from collections import Counter

    from fazhi.extract.regions import TOWN, gazetteer

    towns = [p for p in gazetteer().places if p.depth == TOWN and p.name.endswith("镇")]
    count = Counter(p.name for p in towns)
    out: dict[tuple[str, str], str] = {}
    for place in towns:
        if count[place.name] == 1:
            out.setdefault((place.city, place.county), place.name)
    return out


def _counties():
    from fazhi.extract.regions import COUNTY, gazetteer

    seen, out = set(), []
    for place in gazetteer().places:
        # not a zone (Place.is_zone): its name less its last character names nothing (河北唐山海港经济开发)
        if place.depth == COUNTY and place.city and place.province and place.city != place.province and not place.is_zone:
            key = (place.province, place.city, place.name)
            if key not in seen:
                seen.add(key)
                out.append(place)
    # Names that occur once only: a replacement must not be ambiguous.
    counts: dict[str, int] = {}
    for place in out:
        counts[place.name] = counts.get(place.name, 0) + 1
    return [p for p in out if counts[p.name] == 1]


YEAR = re.compile(r"(?<![0-9０-９])20[0-4][0-9](?![0-9０-９])")


def make_corpus(folder: Path, n: int) -> int:
    """Write ``n`` reports into ``folder``; returns their total size in bytes."""
    total = 0
    for i, (seed, text) in enumerate(copies(n)):
        path = folder / f"{i:05d}_{seed.name}"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def copies(n: int):
    """(seed file, text) of each of the ``n`` copies, in order."""
    from fazhi.extract import extract_report

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    chains = []  # (province, city or None, county-level name, town or None, year) of each seed
    for seed in seeds:
        report = extract_report(seed)
        region = report.region
        city = region.city if region.city and region.city != region.province else None
        town = region.name if region.county else None
        chains.append((region.province, city, region.county or region.name, town, report.year))
    towns = _towns()
    counties = [c for c in _counties() if (c.city, c.name) in towns]
    taken: set[tuple] = set()  # (city, county, town or None, year) of the copies so far
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        province, city, county, town, year = chains[i % len(seeds)]
        # A district's report says 区 throughout (区委, 区司法局): move it to another district.
        pool = [c for c in counties if c.name[-1] == county[-1]] or counties
        target = pool[(i * 7919) % len(pool)]  # spread over the provinces
        place = (target.city, target.name, towns[(target.city, target.name)] if town else None)
        back = 0
        while (*place, year - back) in taken:
            back += 1
        taken.add((*place, year - back))
        replacements = {province: target.province, county: target.name}
        # A county's short form (从化 for 从化区) also names it: replace it too, else the copy stays the seed's region.
        if len(county) >= 3 and county[-1] in "区县市旗" and len(target.name) >= 3:
            replacements.setdefault(county[:-1], target.name[:-1])
        if city:
            replacements[city] = target.city
        if town:
            replacements[town] = towns[(target.city, target.name)]
            # and its short form (法治翠华 for 翠华镇)
            from fazhi.extract.regions import town_short

            if town_short(town) != town and town_short(replacements[town]) != replacements[town]:
                replacements.setdefault(town_short(town), town_short(replacements[town]))
        for old in sorted(replacements, key=len, reverse=True):
            text = text.replace(old, replacements[old])
        if back:
            text = YEAR.sub(lambda m: str(int(m.group()) - back), text)
        yield seed, text

